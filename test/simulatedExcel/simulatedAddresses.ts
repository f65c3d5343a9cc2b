/**
 * A1 addresses as the simulated host understands them. Written independently of the adapter's own
 * address code on purpose: if both shared one parser, a parsing mistake would pass every test.
 */
import { SimulatedOfficeError } from "./simulatedOfficeError";

/** Excel's grid: 1,048,576 rows by 16,384 columns (A to XFD). */
export const gridRows = 1_048_576;
export const gridColumns = 16_384;

/** A rectangle of cells, zero-based (A1 is row 0, column 0). */
export interface CellRectangle {
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

export function columnName(zeroBasedColumn: number): string {
  let name = "";
  let rest = zeroBasedColumn + 1;
  while (rest > 0) {
    const digit = (rest - 1) % 26;
    name = String.fromCharCode(65 + digit) + name;
    rest = Math.floor((rest - 1) / 26);
  }
  return name;
}

function columnFromName(name: string): number {
  let total = 0;
  for (const letter of name.toUpperCase()) total = total * 26 + (letter.charCodeAt(0) - 64);
  return total - 1;
}

const cellPattern = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/;

function parseCell(text: string): { row: number; column: number } | undefined {
  const match = cellPattern.exec(text);
  if (!match) return undefined;
  const column = columnFromName(match[1]!);
  const row = Number(match[2]) - 1;
  if (row < 0 || row >= gridRows || column >= gridColumns) return undefined;
  return { row, column };
}

/** "B2", "$B$2:$D$9" → rectangle; anything else is Excel's InvalidArgument. */
export function parseRectangle(address: string): CellRectangle {
  const parts = address.trim().split(":");
  const first = parts.length <= 2 ? parseCell(parts[0] ?? "") : undefined;
  const last = parts.length === 2 ? parseCell(parts[1] ?? "") : first;
  if (!first || !last) {
    throw new SimulatedOfficeError("InvalidArgument", `The address '${address}' is not a valid A1 range.`);
  }
  const row = Math.min(first.row, last.row);
  const column = Math.min(first.column, last.column);
  return {
    row,
    column,
    rowCount: Math.abs(last.row - first.row) + 1,
    columnCount: Math.abs(last.column - first.column) + 1,
  };
}

export function cellName(row: number, column: number, absolute = false): string {
  const dollar = absolute ? "$" : "";
  return `${dollar}${columnName(column)}${dollar}${row + 1}`;
}

/** Rectangle → "B2:D9" (or "B2" for one cell), as Range.address writes it. */
export function formatRectangle(rectangle: CellRectangle, absolute = false): string {
  const first = cellName(rectangle.row, rectangle.column, absolute);
  if (rectangle.rowCount === 1 && rectangle.columnCount === 1) return first;
  const last = cellName(
    rectangle.row + rectangle.rowCount - 1,
    rectangle.column + rectangle.columnCount - 1,
    absolute,
  );
  return `${first}:${last}`;
}

function looksLikeCellReference(name: string): boolean {
  if (/^[Rr][0-9]*[Cc][0-9]*$/.test(name)) return true;
  return parseCell(name) !== undefined;
}

/**
 * Excel quotes a sheet name in addresses unless it is a plain identifier: letters, digits,
 * underscores and dots, not starting with a digit and not readable as a cell reference.
 */
export function sheetPrefix(sheetName: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheetName) && !looksLikeCellReference(sheetName);
  return plain ? `${sheetName}!` : `'${sheetName.replace(/'/g, "''")}'!`;
}

/** Splits "'My Sheet'!A1:B2" or "Sheet1!A1" into sheet name (null when absent) and address. */
export function splitSheetQualified(reference: string): { sheet: string | null; address: string } {
  const text = reference.trim();
  const quoted = /^'((?:[^']|'')+)'!(.+)$/.exec(text);
  if (quoted) return { sheet: quoted[1]!.replace(/''/g, "'"), address: quoted[2]! };
  const bang = text.lastIndexOf("!");
  if (bang > 0) return { sheet: text.slice(0, bang), address: text.slice(bang + 1) };
  return { sheet: null, address: text };
}

/** Validity of a defined name or table name (Excel's rules, slightly simplified). */
export function checkDefinedName(name: string, what: "name" | "table name"): void {
  const valid =
    typeof name === "string" &&
    name.length >= 1 &&
    name.length <= 255 &&
    /^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name) &&
    !/^[RrCc]$/.test(name) &&
    !looksLikeCellReference(name);
  if (!valid) {
    throw new SimulatedOfficeError("InvalidArgument", `'${String(name)}' is not a valid ${what}.`);
  }
}

/** Validity of a worksheet name (Excel's rules). */
export function checkSheetName(name: string): void {
  const valid =
    typeof name === "string" &&
    name.length >= 1 &&
    name.length <= 31 &&
    !/[:\\/?*[\]]/.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'") &&
    name.toLowerCase() !== "history";
  if (!valid) {
    throw new SimulatedOfficeError("InvalidArgument", `'${String(name)}' is not a valid worksheet name.`);
  }
}

export function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
