import {
  allInputRangeNames,
  type ContractColumn,
  inputRangeNames,
  normaliseHeader,
  riskColumns,
} from "./inputContract";
import { sameSheetName } from "./productSheets";
import type { CellValue, NamedRangeData, WorkbookSnapshot } from "./workbookPort";

/** FNV-1a 64-bit constants (http://www.isthe.com/chongo/tech/comp/fnv/). */
const fnvOffsetBasis = 0xcbf29ce484222325n;
const fnvPrime = 0x100000001b3n;

/**
 * A short, deterministic fingerprint of the contract's input ranges as read: each range's name as
 * the workbook spells it, where it is, and every value with its type (the text "1" and the number
 * 1 differ). Ranges on the product's own sheets are left out, so writing results never changes it.
 * Computed from the snapshot a refresh already reads, so the runner and the pane agree; the pane
 * compares it with the one stamped on the last refresh to tell whether the results are out of date.
 *
 * @example
 * inputFingerprint(await port.read(allInputRangeNames)); // e.g. "9f3a1c0b7d2e4f61"
 */
export function inputFingerprint(snapshot: WorkbookSnapshot): string {
  const ownedSheets = snapshot.sheets.filter((sheet) => sheet.ownedByProduct);
  const ranges = [...allInputRangeNames]
    .map((name) => name.toUpperCase())
    .sort()
    .flatMap((key) => {
      const range = snapshot.ranges.get(key);
      if (!range || ownedSheets.some((sheet) => sameSheetName(sheet.name, range.sheet))) return [];
      return [canonicalRange(key, range)];
    });
  return fnv1a64(JSON.stringify(ranges));
}

/** Columns of input ranges that a refresh writes (a risk's Score and Band): not inputs, so not hashed. */
const productWrittenColumns: ReadonlyMap<string, readonly ContractColumn[]> = new Map([
  [inputRangeNames.risks.toUpperCase(), [riskColumns.score, riskColumns.band]],
]);

/** One range as plain data whose JSON text is the same whenever the range reads the same. */
function canonicalRange(key: string, range: NamedRangeData): unknown[] {
  const written = productWrittenColumns.get(key) ?? [];
  const headers = (range.values[0] ?? []).map((header) => normaliseHeader(String(header ?? "")));
  const skipped = new Set(
    headers.flatMap((header, index) =>
      written.some((column) => column.headers.some((name) => normaliseHeader(name) === header))
        ? [index]
        : [],
    ),
  );
  // The header row stays whole: renaming a column is a change to the inputs.
  const values = range.values.map((row, index) =>
    index === 0 || skipped.size === 0
      ? row
      : row.map((value, column) => (skipped.has(column) ? null : value)),
  );
  return [
    key,
    range.name,
    range.sheet,
    range.topLeft.replace(/\$/g, "").toUpperCase(),
    values.map(canonicalRow),
  ];
}

function canonicalRow(row: readonly CellValue[]): unknown[] {
  // Trailing blanks are how a reader pads a ragged row: they are not a change to the inputs.
  let length = row.length;
  while (length > 0 && (row[length - 1] === null || row[length - 1] === undefined)) length--;
  return row.slice(0, length).map((value) => {
    if (value === null || value === undefined) return null;
    if (typeof value === "number") return ["n", Object.is(value, -0) ? 0 : value];
    if (typeof value === "boolean") return ["b", value];
    return ["s", value];
  });
}

/**
 * FNV-1a over the UTF-8 bytes of `text`, as 16 lower-case hex digits.
 *
 * @example
 * fnv1a64(""); // "cbf29ce484222325"
 * fnv1a64("a"); // "af63dc4c8601ec8c"
 */
export function fnv1a64(text: string): string {
  let hash = fnvOffsetBasis;
  for (const byte of new TextEncoder().encode(text)) {
    hash = BigInt.asUintN(64, (hash ^ BigInt(byte)) * fnvPrime);
  }
  return hash.toString(16).padStart(16, "0");
}
