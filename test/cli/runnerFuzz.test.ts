/**
 * The runner against hundreds of generated workbooks: broken ranges, junk cells, text amounts,
 * total rows, formulas without values, huge and tiny numbers, duplicated codes, missing ranges.
 * Whatever the workbook, `cba run` never crashes, never half-writes or empties a file, leaves
 * every user sheet value for value as it was, and names the cell (or the name) of every problem.
 */
import { readFileSync, writeFileSync } from "node:fs";
import ExcelJS from "exceljs";
import fc from "fast-check";
import JSZip from "jszip";
import { exitCodes } from "../../src/cli/commands";
import { addInputRanges } from "../../src/workbook/excelJs/inputRangesWriter";
import type { CellValue, InputRangeSpec } from "../../src/workbook/workbookPort";
import { loadWorkbook, sheetCells, temporaryFolderForThisFile } from "../workbook/workbookFiles";
import { type SmallCase, smallCase } from "../workbook/smallCase";
import { command } from "./runCli";
import { packageEntries, sheetPartOf } from "./userPackages";

const folder = temporaryFolderForThisFile();
const rangeKeys = ["partners", "baseline", "pools", "lines", "profiles", "settings", "risks"] as const;

const junkValue: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom("1,000", "£5k", "(250)", "12%", "N/A", "n/a", "", " ", "Total", "#VALUE!", "1e400", "—"),
  fc.string({ maxLength: 12 }),
  fc.constantFrom(1e308, -1e308, 1e-300, -5e-324, 1e20, -1e20, 0, -0, 0.1 + 0.2, 2 ** 53 + 1),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -10, max: 10 }),
  fc.boolean(),
  fc.constant(null),
);

type Mutation =
  | { kind: "cell"; range: (typeof rangeKeys)[number]; row: number; column: number; value: CellValue }
  | { kind: "totalRow"; range: "lines" | "baseline" | "partners" }
  | { kind: "duplicateRow"; range: (typeof rangeKeys)[number]; row: number }
  | { kind: "formulaWithoutValue"; range: (typeof rangeKeys)[number]; row: number; column: number }
  | { kind: "removeRange"; range: (typeof rangeKeys)[number] }
  | { kind: "brokenName"; reference: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant("cell" as const),
      range: fc.constantFrom(...rangeKeys),
      row: fc.nat(4),
      column: fc.nat(7),
      value: junkValue,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("totalRow" as const),
      range: fc.constantFrom("lines" as const, "baseline" as const, "partners" as const),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("duplicateRow" as const),
      range: fc.constantFrom(...rangeKeys),
      row: fc.nat(3),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("formulaWithoutValue" as const),
      range: fc.constantFrom(...rangeKeys),
      row: fc.nat(3),
      column: fc.nat(6),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("removeRange" as const), range: fc.constantFrom(...rangeKeys) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("brokenName" as const),
      reference: fc.constantFrom(
        "#REF!",
        "Gone!$A$1:$B$5",
        "Settings!$A:$B",
        "0.035",
        "Settings!$A$1:$B$1048576",
        "Settings!#REF!",
      ),
    }),
  },
);

/** Builds the mutated workbook; returns its bytes. */
async function mutatedWorkbook(mutations: readonly Mutation[]): Promise<Buffer> {
  const small: Partial<SmallCase> = smallCase();
  const formulas: { sheet: string; address: string }[] = [];
  let brokenName: string | undefined;
  for (const m of mutations) {
    const spec = m.kind === "brokenName" ? undefined : small[m.range];
    if (m.kind === "brokenName") brokenName = m.reference;
    else if (!spec) continue;
    else if (m.kind === "removeRange") delete small[m.range];
    else if (m.kind === "cell") {
      const rows = [spec.header as CellValue[], ...spec.rows];
      const row = rows[Math.min(m.row, rows.length - 1)]!;
      // A header may be any text but empty: Excel tables need a name for every column.
      const column = Math.min(m.column, spec.header.length - 1);
      if (m.row === 0) spec.header[column] = String(m.value ?? "") || "?";
      else row[column] = m.value;
    } else if (m.kind === "totalRow") {
      spec.rows.push(spec.header.map((_, c) => (c === 0 ? "Total" : c >= 3 ? 1000 : null)));
    } else if (m.kind === "duplicateRow") {
      const row = spec.rows[Math.min(m.row, spec.rows.length - 1)];
      if (row) spec.rows.push([...row]);
    } else {
      const top = 2 + Math.min(m.row, Math.max(spec.rows.length - 1, 0));
      formulas.push({
        sheet: spec.sheet,
        address: `${String.fromCharCode(65 + Math.min(m.column, spec.header.length - 1))}${top}`,
      });
    }
  }
  const workbook = new ExcelJS.Workbook();
  addInputRanges(workbook, Object.values(small) as InputRangeSpec[]);
  for (const { sheet, address } of formulas)
    workbook.getWorksheet(sheet)!.getCell(address).value = { formula: "1/0" } as ExcelJS.CellFormulaValue;
  let bytes: Buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  if (brokenName !== undefined && small.settings) {
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file("xl/workbook.xml")!.async("string");
    zip.file(
      "xl/workbook.xml",
      xml.replace(
        /(<definedName name="CBA_Settings">)[^<]*(<\/definedName>)/,
        (_, open: string, close: string) => `${open}${brokenName}${close}`,
      ),
    );
    bytes = await zip.generateAsync({ type: "nodebuffer" });
  }
  return bytes;
}

const counts = { workbooks: 0, ran: 0, refused: 0, problems: 0 };

afterAll(() => {
  // The counts go into the report: how many workbooks ran, how many were refused, and why.
  console.log(`runner fuzz: ${JSON.stringify(counts)}`);
});

describe("cba run on generated workbooks", () => {
  test("never crashes, never half-writes or empties a file, keeps the user's sheets, and names every problem's place", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), async (mutations) => {
        counts.workbooks++;
        const file = folder.path(`fuzz-${counts.workbooks}.xlsx`);
        const before = await mutatedWorkbook(mutations);
        writeFileSync(file, before);
        const result = await command("run", file);
        // 0 or 1 only: an unexpected error would be 2.
        expect({
          mutations,
          code: result.code,
          err: result.code === exitCodes.usage ? result.err : "",
        }).toEqual({
          mutations,
          code: result.code === exitCodes.ok ? exitCodes.ok : exitCodes.invalidInput,
          err: "",
        });
        const after = readFileSync(file);
        expect(after.length).toBeGreaterThan(0);
        if (result.code === exitCodes.invalidInput) {
          counts.refused++;
          expect(after.equals(before)).toBe(true);
          const lines = result.err.split("\n").slice(1);
          counts.problems += lines.length;
          for (const line of lines) {
            // A cell ("at Lines!D3"), or the range or name that is missing or broken.
            expect(line).toMatch(
              / at '?[^!]+'?![A-Z]+\d+|^ {2}Error in CBA_\w+ \(|The name CBA_\w+ |The sheet "/,
            );
          }
          if (lines.length === 0) expect(result.err).toMatch(/The name CBA_\w+ |The sheet "/);
          return;
        }
        counts.ran++;
        // Results written: every user entry but the indexes, styles and the Risks sheet is byte for byte.
        const original = await packageEntries(before);
        const written = await packageEntries(after);
        const zip = await JSZip.loadAsync(before);
        const mayChange = new Set([
          "[Content_Types].xml",
          "xl/workbook.xml",
          "xl/_rels/workbook.xml.rels",
          "xl/styles.xml",
        ]);
        if ((await zip.file("xl/workbook.xml")!.async("string")).includes('name="Risks"'))
          mayChange.add(await sheetPartOf(zip, "Risks"));
        for (const [path, bytes] of original)
          if (!mayChange.has(path))
            expect({ path, same: written.get(path)?.equals(bytes) }).toEqual({ path, same: true });
        const originalBook = await loadWorkbook(file);
        const beforeBook = new ExcelJS.Workbook();
        await beforeBook.xlsx.load(before as unknown as ExcelJS.Buffer);
        for (const sheet of beforeBook.worksheets) {
          const cells = (book: ExcelJS.Workbook) =>
            Object.fromEntries(
              Object.entries(sheetCells(book, sheet.name)).filter(
                ([address]) => sheet.name !== "Risks" || !/^[FG]([2-9]|\d\d)/.test(address),
              ),
            );
          expect(cells(originalBook)).toEqual(cells(beforeBook));
        }
      }),
      { numRuns: 200 },
    );
  }, 240_000);
});
