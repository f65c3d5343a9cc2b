import fc from "fast-check";
import { rangeAddress } from "../../../src/workbook/cellAddress";
import { OfficeWorkbook } from "../../../src/workbook/office/officeWorkbook";
import { WorkbookWriteError } from "../../../src/workbook/office/writePlanLayout";
import type { CellValue, WritePlan } from "../../../src/workbook/workbookPort";
import { SimulatedExcel, installSimulatedOffice, uninstallSimulatedOffice } from "../../simulatedExcel";
import {
  cashflowRows,
  officeWorkbookOn,
  ownedBy,
  partnersSheet,
  resultPlan,
  risksSheet,
  userWorkbook,
} from "./officeWorkbookFixtures";

const allNames = [
  "cba_out_shares",
  "CBA_OUT_CASHFLOW",
  "CBA_Out_HeatMap",
  "cba_lines",
  "CBA_Risks",
  "CBA_Settings",
];

function headerAndRows(plan: WritePlan, blockName: string): CellValue[][] {
  const block = plan.sheets
    .flatMap((sheet) => sheet.blocks)
    .find((candidate) => candidate.name === blockName)!;
  return [block.header, ...block.rows];
}

async function writeFails(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected the write to fail");
}

describe("OfficeWorkbook.read", () => {
  it("returns workbook names and tables by the requested name, matched without case", async () => {
    const host = SimulatedExcel.fromDescription(userWorkbook(3));
    const snapshot = await officeWorkbookOn(host).read([
      "cba_lines",
      "CBA_SETTINGS",
      "CBA_Missing",
      "CBA_Rate",
    ]);
    expect([...snapshot.ranges.keys()].sort()).toEqual(["CBA_LINES", "CBA_SETTINGS"]);
    expect(snapshot.ranges.get("CBA_LINES")).toEqual({
      name: "CBA_Lines",
      sheet: "Inputs",
      topLeft: "A1",
      values: userWorkbook(3).sheets.Inputs,
    });
    const settings = snapshot.ranges.get("CBA_SETTINGS")!;
    expect([settings.name, settings.sheet, settings.topLeft]).toEqual(["CBA_Settings", "Notes", "B2"]);
    expect(settings.values[0]).toEqual(["Prepared by the finance team", null]);
    expect(settings.values[5]).toEqual([null, 42]);
  });

  it("lists every sheet and marks only those carrying an ownership marker as the product's", async () => {
    const description = userWorkbook(3);
    description.sheets[partnersSheet] = [["old results"]];
    description.sheets["CBA Lookalike"] = [["a user's own sheet"]];
    description.names = { ...description.names, ...ownedBy([partnersSheet]) };
    const snapshot = await officeWorkbookOn(SimulatedExcel.fromDescription(description)).read([]);
    expect(snapshot.sheets).toEqual([
      { name: "Inputs", ownedByProduct: false },
      { name: "Risks", ownedByProduct: false },
      { name: "Notes", ownedByProduct: false },
      { name: partnersSheet, ownedByProduct: true },
      { name: "CBA Lookalike", ownedByProduct: false },
    ]);
  });

  it("ignores names that are not a plain range, such as constants and references to deleted sheets", async () => {
    const host = SimulatedExcel.fromDescription({
      sheets: { Keep: [["x"]], Gone: [["y"]] },
      names: { CBA_Rate: "=0.035", CBA_Gone: "Gone!A1" },
    });
    await host.run(async (context: Excel.RequestContext) => {
      context.workbook.worksheets.getItem("Gone").delete();
    });
    const snapshot = await officeWorkbookOn(host).read(["CBA_Rate", "CBA_Gone"]);
    expect(snapshot.ranges.size).toBe(0);
  });

  it.each([10, 1000])("makes two syncs and two round trips for a %i-line CBA_Lines", async (lineCount) => {
    const host = SimulatedExcel.fromDescription(userWorkbook(lineCount));
    const snapshot = await officeWorkbookOn(host).read(allNames);
    expect(snapshot.ranges.get("CBA_LINES")!.values).toHaveLength(lineCount + 1);
    expect(host.statistics).toMatchObject({ runs: 1, syncCalls: 2, roundTrips: 2 });
  });
});

describe("OfficeWorkbook.write", () => {
  it("writes a plan whose blocks are where the plan puts them, cell for cell, names matched without case", async () => {
    const host = SimulatedExcel.fromDescription(userWorkbook(5));
    const port = officeWorkbookOn(host);
    const plan = resultPlan(6);
    await port.write(plan);
    const snapshot = await port.read(allNames);
    // The product's own blocks on its sheets are located, not read back (the next write replaces them).
    expect(snapshot.ranges.get("CBA_OUT_SHARES")).toEqual({
      name: "CBA_Out_Shares",
      sheet: partnersSheet,
      topLeft: "A3",
      values: [],
    });
    expect(host.workbook.valuesAt(partnersSheet, "A3:C6")).toEqual(headerAndRows(plan, "CBA_Out_Shares"));
    expect(host.workbook.valuesAt(partnersSheet, "A9:D15")).toEqual(headerAndRows(plan, "CBA_Out_Cashflow"));
    expect(host.workbook.valuesAt(risksSheet, "B2:E5")).toEqual(headerAndRows(plan, "CBA_Out_HeatMap"));
    expect(snapshot.ranges.get("CBA_OUT_CASHFLOW")).toMatchObject({ sheet: partnersSheet, topLeft: "A9" });
    expect(snapshot.sheets.filter((sheet) => sheet.ownedByProduct).map((sheet) => sheet.name)).toEqual([
      partnersSheet,
      risksSheet,
    ]);
  });

  it("reads in full a product block name that is found outside the product's sheets (a clash to report)", async () => {
    const description = userWorkbook(2);
    description.names = { ...description.names, CBA_Out_Shares: "Notes!B2:C3" };
    const snapshot = await officeWorkbookOn(SimulatedExcel.fromDescription(description)).read([
      "CBA_Out_Shares",
    ]);
    expect(snapshot.ranges.get("CBA_OUT_SHARES")!.values).toEqual([
      ["Prepared by the finance team", null],
      [null, null],
    ]);
  });

  it("keeps strings that Excel would read as dates, numbers or booleans exactly as given", async () => {
    const host = SimulatedExcel.fromDescription(userWorkbook(2));
    await officeWorkbookOn(host).write(resultPlan(3));
    expect(host.workbook.valuesAt(partnersSheet, "C4:C6")).toEqual([["2012/11"], ["(5)"], ["TRUE"]]);
    expect(host.workbook.valuesAt(partnersSheet, "A10:A12")).toEqual([["2012/13"], ["2013/14"], ["2014/15"]]);
  });

  it("applies column formats to numbers, Text to strings, and makes titles and plain-block headers bold", async () => {
    const host = SimulatedExcel.fromDescription(userWorkbook(2));
    await officeWorkbookOn(host).write(resultPlan(4));
    expect(host.workbook.numberFormatsAt(partnersSheet, "A4:C4")).toEqual([["@", "0%", "@"]]);
    expect(host.workbook.numberFormatsAt(partnersSheet, "B10:D10")).toEqual([
      ["#,##0;(#,##0)", "#,##0;(#,##0)", "General"],
    ]);
    expect(host.workbook.boldAt(partnersSheet, "A2:A3")).toEqual([[true], [false]]);
    expect(host.workbook.boldAt(partnersSheet, "A8:D9")).toEqual([
      [true, false, false, false],
      [true, true, true, true],
    ]);
  });

  it("writes tables as Excel tables and plain blocks as workbook names", async () => {
    const host = SimulatedExcel.fromDescription(userWorkbook(2));
    await officeWorkbookOn(host).write(resultPlan(4));
    const dump = host.workbook.describe();
    expect(dump.tables).toMatchObject({
      CBA_Out_Shares: "'CBA Partners'!A3:C6",
      CBA_Out_HeatMap: "'CBA Risks'!B2:E5",
    });
    expect(dump.names.CBA_Out_Cashflow).toBe("'CBA Partners'!$A$9:$D$13");
  });

  it("fills the cells the plan colours and no others", async () => {
    const host = SimulatedExcel.fromDescription(userWorkbook(2));
    const plan = resultPlan(8);
    await officeWorkbookOn(host).write(plan);
    const heatMap = plan.sheets[1]!.blocks[0]!;
    expect(host.workbook.fillsAt(risksSheet, "B3:E5")).toEqual(heatMap.fills);
    const cashflow = plan.sheets[0]!.blocks[1]!;
    expect(host.workbook.fillsAt(partnersSheet, "A10:D17")).toEqual(cashflow.fills);
    expect(host.workbook.fillsAt(partnersSheet, "A9:D9")).toEqual([[null, null, null, null]]);
  });

  it("adds the charts asked for, over the source block, titled and placed", async () => {
    const host = SimulatedExcel.fromDescription(userWorkbook(2));
    await officeWorkbookOn(host).write(resultPlan(5));
    expect(host.workbook.chartsOn(partnersSheet)).toEqual([
      expect.objectContaining({
        type: "Line",
        source: "'CBA Partners'!A9:D14",
        seriesBy: "Columns",
        title: "Cumulative net cashflow",
        topLeft: "G3",
      }),
    ]);
    expect(host.workbook.chartsOn(risksSheet)).toEqual([
      expect.objectContaining({ type: "ColumnClustered", source: "'CBA Partners'!A3:C6", seriesBy: "Rows" }),
    ]);
  });

  it("writes the product's columns of user ranges and leaves every other user cell as it was", async () => {
    const description = userWorkbook(4);
    const host = SimulatedExcel.fromDescription(description);
    const before = host.workbook.describe();
    await officeWorkbookOn(host).write(resultPlan(3));
    const after = host.workbook.describe();
    expect(after.sheets.Inputs).toEqual(before.sheets.Inputs);
    expect(after.sheets.Notes).toEqual(before.sheets.Notes);
    expect(after.sheets.Risks).toEqual([
      ["Risk", "Likelihood", "Impact", "Score", "Band"],
      ["HR 1", 3, 4, 12, "Medium"],
      ["ICT 2", 2, 2, 4, null],
    ]);
    // A number replacing text in a Text cell is stored as a number; the user's "0" format stays.
    expect(host.workbook.numberFormatsAt("Risks", "D2:D3")).toEqual([["0"], ["General"]]);
    expect(after.sheetOrder.slice(0, 3)).toEqual(["Inputs", "Risks", "Notes"]);
    expect(after.tables.CBA_Lines).toBe(before.tables.CBA_Lines);
    expect(after.names.CBA_Settings).toBe(before.names.CBA_Settings);
  });

  it("replaces owned sheets where they stand, with one marker each however often it runs", async () => {
    const description = userWorkbook(3);
    description.sheets = {
      Inputs: description.sheets.Inputs!,
      [partnersSheet]: { A1: "stale", Z99: "stale" },
      Risks: description.sheets.Risks!,
      Notes: description.sheets.Notes!,
    };
    description.names = { ...description.names, ...ownedBy([partnersSheet]) };
    const host = SimulatedExcel.fromDescription(description);
    const port = officeWorkbookOn(host);
    await port.write(resultPlan(4));
    await port.write(resultPlan(2));
    const dump = host.workbook.describe();
    expect(dump.sheetOrder).toEqual(["Inputs", partnersSheet, "Risks", "Notes", risksSheet]);
    expect(host.workbook.valuesAt(partnersSheet, "Z99")).toEqual([[null]]);
    expect(dump.sheets[partnersSheet]).toHaveLength(8 + 3);
    const markers = Object.entries(dump.names).filter(([name]) => name.startsWith("CBA_Owned_"));
    expect(markers.sort()).toEqual([
      ["CBA_Owned_1", "'CBA Partners'!$A$1"],
      ["CBA_Owned_2", "'CBA Risks'!$A$1"],
    ]);
    expect(dump.charts[partnersSheet]).toHaveLength(1);
    expect(host.workbook.valuesAt(partnersSheet, "A9:D11")).toEqual([
      ["Year", "HCC", "HFRS", "Milestone"],
      ...cashflowRows(2),
    ]);
  });

  it("refreshes a workbook whose only sheet is an owned one (Excel keeps at least one sheet)", async () => {
    const host = SimulatedExcel.fromDescription({
      sheets: { [partnersSheet]: [["old"]] },
      names: ownedBy([partnersSheet]),
    });
    const plan = resultPlan(2);
    plan.sheets = [plan.sheets[0]!];
    plan.cellUpdates = [];
    await officeWorkbookOn(host).write(plan);
    expect(host.workbook.sheetNames()).toEqual([partnersSheet]);
    expect(host.workbook.valuesAt(partnersSheet, "A1:A3")).toEqual([
      [null],
      ["Shares of the shared pool"],
      ["Partner"],
    ]);
  });

  it("clears markers and block names left pointing at a sheet the user deleted", async () => {
    const description = userWorkbook(2);
    description.sheets[partnersSheet] = [["old"]];
    description.names = {
      ...description.names,
      ...ownedBy([partnersSheet]),
      CBA_Out_Cashflow: `'${partnersSheet}'!A9:D12`,
    };
    const host = SimulatedExcel.fromDescription(description);
    await host.run(async (context: Excel.RequestContext) => {
      context.workbook.worksheets.getItem(partnersSheet).delete();
    });
    await officeWorkbookOn(host).write(resultPlan(3));
    const names = host.workbook.describe().names;
    expect(names.CBA_Out_Cashflow).toBe("'CBA Partners'!$A$9:$D$12");
    expect(Object.values(names).filter((formula) => formula.includes("#REF!"))).toEqual([]);
  });

  it("refuses to replace a sheet of the same name that the product does not own, and writes nothing", async () => {
    const description = userWorkbook(2);
    description.sheets[risksSheet] = [["the user's own notes"]];
    const host = SimulatedExcel.fromDescription(description);
    const before = host.workbook.describe();
    const error = await writeFails(officeWorkbookOn(host).write(resultPlan(3)));
    expect(error).toBeInstanceOf(WorkbookWriteError);
    expect(error.message).toContain(risksSheet);
    expect(host.workbook.describe()).toEqual(before);
  });

  it.each([
    ["a workbook name", { names: { CBA_Out_Shares: "Notes!B2" } }],
    ["a table", { tables: { CBA_Out_HeatMap: "Notes!E1:F2" } }],
  ])("refuses a block whose name is already %s of the user's, and writes nothing", async (_what, extra) => {
    const description = { ...userWorkbook(2), ...extra };
    description.names = { ...userWorkbook(2).names, ...(extra as { names?: Record<string, string> }).names };
    const host = SimulatedExcel.fromDescription(description);
    const before = host.workbook.describe();
    const error = await writeFails(officeWorkbookOn(host).write(resultPlan(3)));
    expect(error).toBeInstanceOf(WorkbookWriteError);
    expect(host.workbook.describe()).toEqual(before);
  });

  it("refuses a malformed plan before reaching Excel", async () => {
    const host = SimulatedExcel.fromDescription(userWorkbook(2));
    const plan = resultPlan(3);
    plan.sheets[0]!.blocks[0]!.rows[1] = ["HFRS"];
    await expect(officeWorkbookOn(host).write(plan)).rejects.toThrow(/row 2 has 1 cells for 3 headers/);
    expect(host.statistics.runs).toBe(0);
  });

  it.each([10, 1000])(
    "makes two syncs and two round trips for a %i-row plan, with the same commands as any other size",
    async (rowCount) => {
      const host = SimulatedExcel.fromDescription(userWorkbook(rowCount));
      await officeWorkbookOn(host).write(resultPlan(rowCount));
      expect(host.workbook.valuesAt(partnersSheet, `A${rowCount + 9}`)).toEqual([
        [cashflowRows(rowCount).at(-1)![0]],
      ]);
      expect(host.statistics).toMatchObject({ runs: 1, syncCalls: 2, roundTrips: 2 });
      // The cashflow fills are two colours in one column: a handful of regions, not a command per row.
      expect(host.statistics.commands).toBeLessThan(120);
    },
  );

  it("works through the global Excel.run that office.js (here the simulated host) defines", async () => {
    const host = installSimulatedOffice(globalThis, userWorkbook(3));
    try {
      const port = new OfficeWorkbook();
      await port.write(resultPlan(3));
      expect((await port.read(["CBA_Out_Shares"])).ranges.has("CBA_OUT_SHARES")).toBe(true);
      expect(host.statistics.runs).toBe(2);
    } finally {
      uninstallSimulatedOffice(globalThis);
    }
  });
});

describe("round trip properties", () => {
  const cell: fc.Arbitrary<CellValue> = fc.oneof(
    // Leading apostrophes are left out: whether Excel keeps one in a Text cell is not established.
    fc.string({ minLength: 1, maxLength: 12 }).filter((text) => !text.startsWith("'")),
    fc.constantFrom("2012/13", "2012/11", "(1,424)", "25%", "TRUE", "=SUM(A1)", "N/A", "0012"),
    fc.double({ min: -1e12, max: 1e12, noNaN: true }).filter((value) => !Object.is(value, -0)),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
  );

  it("any block of strings, numbers, booleans and blanks reads back exactly as it was written", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 5 }).chain((width) =>
          fc.tuple(
            fc.uniqueArray(fc.string({ minLength: 1, maxLength: 8 }), {
              minLength: width,
              maxLength: width,
              selector: (header) => header.toLowerCase(),
            }),
            fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 8 }),
            fc.boolean(),
          ),
        ),
        async ([header, rows, asTable]) => {
          const host = SimulatedExcel.fromDescription({ sheets: { Inputs: [["x"]] } });
          const port = officeWorkbookOn(host);
          const plan: WritePlan = {
            sheets: [
              {
                name: "CBA Out",
                blocks: [{ name: "CBA_Out_Block", topLeft: "B3", header, rows, asTable }],
                charts: [],
              },
            ],
            cellUpdates: [],
          };
          await port.write(plan);
          const located = (await port.read(["cba_out_block"])).ranges.get("CBA_OUT_BLOCK")!;
          expect([located.sheet, located.topLeft]).toEqual(["CBA Out", "B3"]);
          // A header-only table keeps an empty data row, as Excel tables do.
          const expected =
            asTable && rows.length === 0 ? [header, header.map(() => null)] : [header, ...rows];
          const address = rangeAddress("B3", expected.length, header.length);
          expect(host.workbook.valuesAt("CBA Out", address)).toEqual(expected);
        },
      ),
      { numRuns: 60 },
    );
  });
});
