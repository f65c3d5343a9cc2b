/**
 * Both adapters check a write plan with the same code (writePlanCheck.ts): a malformed plan fails
 * with the same WorkbookWriteError in Excel (Office.js over the simulated host) and in a file
 * (ExcelJS), and neither writes anything. The ExcelJS adapter used to pad short rows instead.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import { ExcelJsWorkbook } from "../../src/workbook/excelJs/excelJsWorkbook";
import type { OwnedSheet, TableBlock, WritePlan } from "../../src/workbook/workbookPort";
import { checkWritePlan, WorkbookWriteError } from "../../src/workbook/writePlanCheck";
import { SimulatedExcel } from "../simulatedExcel";
import { officeWorkbookOn, userWorkbook } from "./office/officeWorkbookFixtures";

const block = (changes: Partial<TableBlock> = {}): TableBlock => ({
  name: "CBA_Out_Sample",
  topLeft: "A2",
  title: "Sample",
  header: ["Item", "Value", "Note"],
  rows: [
    ["a", 1, "x"],
    ["b", 2, "y"],
  ],
  ...changes,
});

const sheet = (blocks: TableBlock[], changes: Partial<OwnedSheet> = {}): OwnedSheet => ({
  name: "CBA Sample",
  blocks,
  charts: [],
  ...changes,
});

const plan = (sheets: OwnedSheet[], cellUpdates: WritePlan["cellUpdates"] = []): WritePlan => ({
  sheets,
  cellUpdates,
});

const malformed: [string, WritePlan, RegExp][] = [
  [
    "a row short of the header",
    plan([sheet([block({ rows: [["a", 1, "x"], ["b"]] })])]),
    /row 2 has 1 cells for 3 headers/,
  ],
  [
    "a row longer than the header",
    plan([sheet([block({ rows: [["a", 1, "x", "extra"]] })])]),
    /row 1 has 4 cells for 3 headers/,
  ],
  ["a number Excel cannot store", plan([sheet([block({ rows: [["a", Number.NaN, "x"]] })])]), /holds NaN/],
  [
    "a format too few",
    plan([sheet([block({ columnFormats: [null, "0.00"] })])]),
    /2 column formats for 3 columns/,
  ],
  [
    "fills of another shape",
    plan([sheet([block({ fills: [[null, null, null]] })])]),
    /fills must have the shape/,
  ],
  [
    "a formula without its =",
    plan([
      sheet([
        block({
          formulas: [
            [null, "B2*2", null],
            [null, null, null],
          ],
        }),
      ]),
    ]),
    /does not start with "="/,
  ],
  ["a block with no columns", plan([sheet([block({ header: [], rows: [] })])]), /has no columns/],
  ["a title above row 1", plan([sheet([block({ topLeft: "A1" })])]), /title would fall above row 1/],
  ["an address that is none", plan([sheet([block({ topLeft: "row two" })])]), /is not a cell address/],
  [
    "overlapping blocks",
    plan([sheet([block(), block({ name: "CBA_Out_Other", topLeft: "B3" })])]),
    /overlap on sheet 'CBA Sample'/,
  ],
  ["a block name used twice", plan([sheet([block(), block({ topLeft: "A10" })])]), /is used twice/],
  [
    "a sheet twice",
    plan([sheet([block()]), sheet([block({ name: "CBA_Out_Other" })], { name: "cba sample" })]),
    /appears twice/,
  ],
  [
    "a chart of a block the plan lacks",
    plan([
      sheet([block()], {
        charts: [
          { kind: "line", title: "Lost", sourceBlock: "CBA_Out_Gone", seriesBy: "rows", anchor: "F2" },
        ],
      }),
    ]),
    /which the plan lacks/,
  ],
  [
    "a ragged cell update",
    plan([], [{ sheet: "Inputs", topLeft: "D2", values: [[1, 2], [3]] }]),
    /values must be a non-empty rectangle/,
  ],
];

async function failure(write: () => Promise<void>): Promise<Error> {
  try {
    await write();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected the write to fail");
}

function excelJsPort(): { port: ExcelJsWorkbook; sheets: () => string[] } {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Inputs").getCell("A1").value = "mine";
  return { port: new ExcelJsWorkbook(workbook), sheets: () => workbook.worksheets.map((s) => s.name) };
}

describe("one check of a write plan for both adapters", () => {
  test.each(malformed)(
    "%s fails the same way in both adapters, and nothing is written",
    async (_, bad, message) => {
      expect(() => checkWritePlan(bad)).toThrow(message);

      const host = SimulatedExcel.fromDescription(userWorkbook(2));
      const before = host.workbook.describe();
      const office = await failure(() => officeWorkbookOn(host).write(bad));
      expect(host.workbook.describe()).toEqual(before);

      const { port, sheets } = excelJsPort();
      const file = await failure(() => port.write(bad));
      expect(sheets()).toEqual(["Inputs"]);

      expect(office).toBeInstanceOf(WorkbookWriteError);
      expect(file).toBeInstanceOf(WorkbookWriteError);
      expect(file.message).toBe(office.message);
      expect(file.message).toMatch(message);
    },
  );

  test("a well-formed plan passes the check and both adapters write it", async () => {
    const good = plan([sheet([block(), block({ name: "CBA_Out_Other", topLeft: "A8", asTable: false })])]);
    expect(() => checkWritePlan(good)).not.toThrow();
    const { port, sheets } = excelJsPort();
    await port.write(good);
    expect(sheets()).toEqual(["Inputs", "CBA Sample"]);
    const host = SimulatedExcel.fromDescription(userWorkbook(2));
    await officeWorkbookOn(host).write(good);
    expect(host.workbook.findSheet("CBA Sample")).toBeDefined();
  });

  test("any row whose width differs from the header's is refused, naming the row", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.integer({ min: 0, max: 8 }), { minLength: 1, maxLength: 6 }),
        (width, rowWidths) => {
          const header = Array.from({ length: width }, (_, c) => `Column ${c + 1}`);
          const rows = rowWidths.map((cells) => Array.from({ length: cells }, (_, c) => c));
          const check = () => checkWritePlan(plan([sheet([block({ header, rows })])]));
          const first = rowWidths.findIndex((cells) => cells !== width);
          if (first === -1) expect(check).not.toThrow();
          else expect(check).toThrow(`row ${first + 1} has ${rowWidths[first]} cells for ${width} headers`);
        },
      ),
    );
  });
});
