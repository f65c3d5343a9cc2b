import ExcelJS from "exceljs";
import { programme } from "../../src/engine/businessCase";
import { addInputRanges } from "../../src/workbook/excelJs/inputRangesWriter";
import { ExcelJsWorkbook } from "../../src/workbook/excelJs/excelJsWorkbook";
import { type RefreshReport, refreshWorkbook } from "../../src/workbook/refreshWorkbook";
import { driversBlockName } from "../../src/workbook/resultSheets/driversBlock";
import type { CellValue, InputRangeSpec } from "../../src/workbook/workbookPort";
import { ranges, type SmallCase, smallCase } from "./smallCase";

async function refresh(specs: readonly InputRangeSpec[], dryRun = true) {
  const workbook = new ExcelJS.Workbook();
  addInputRanges(workbook, specs);
  return refreshWorkbook(new ExcelJsWorkbook(workbook), { dryRun });
}

/** CBA_Drivers on its own sheet, header in row 1: the n-th driver is row n + 1. */
const drivers = (...rows: CellValue[][]): InputRangeSpec => ({
  name: "CBA_Drivers",
  sheet: "Drivers",
  topLeft: "A1",
  header: ["Line", "Case", "Unit cost", "Volume", "Volume unit", "Deadweight", "Attribution", "Drop-off"],
  rows,
  as: "table",
});

function changed(change: (small: SmallCase) => void): SmallCase {
  const small = smallCase();
  change(small);
  return small;
}

const located = (report: RefreshReport) => report.problems.map((p) => [p.severity, p.cell, p.check]);
const programmeIn = (report: RefreshReport, caseName: string) =>
  report
    .businessCase!.result.cases.find((c) => c.name === caseName)!
    .partners.find((p) => p.partner === programme)!;

/** Staff savings (Lines row 3, recurring, Ramp profile) given by 100 call-outs at −0.5 each. */
const savingsDriver = (deadweight: number | null, attribution: number | null, dropOff: number | null) => [
  "Staff savings",
  null,
  -0.5,
  100,
  "call-outs",
  deadweight,
  attribution,
  dropOff,
];

describe("CBA_Drivers: a line's value as unit cost × volume", () => {
  test("replaces the typed amount in every case, net of deadweight and attribution, with a warning naming both cells", async () => {
    const report = await refresh([...ranges(smallCase()), drivers(savingsDriver(0.2, 0.25, null))]);
    expect(report.status).toBe("checked");
    // −0.5 × 100 = −50 gross; × (1 − 0.2) × (1 − 0.25) = −30 a year in both cases.
    expect(programmeIn(report, "Best").annual.total.toNumber()).toBe(-30);
    expect(programmeIn(report, "Worst").annual.total.toNumber()).toBe(-30);
    expect(located(report)).toEqual(
      expect.arrayContaining([
        ["warning", "Drivers!A2", "Driver replaces typed amount"],
        ["warning", "Drivers!A2", "Driver replaces typed amount"],
      ]),
    );
    const warning = report.problems.find((p) => p.check === "Driver replaces typed amount")!;
    expect(warning.message).toContain("Lines!D3");
    expect(warning.message).toContain("Drivers!A2");
  });

  test("fills a blank CBA_Lines amount without a Missing amount error", async () => {
    const blank = changed((s) => {
      s.lines.rows[1]![3] = null;
      s.lines.rows[1]![4] = null;
    });
    const without = await refresh(ranges(blank));
    expect(located(without)).toContainEqual(["error", "Lines!D3", "Missing amount"]);
    const report = await refresh([...ranges(blank), drivers(savingsDriver(null, null, null))]);
    expect(report.status).toBe("checked");
    expect(report.problems.filter((p) => p.check === "Driver replaces typed amount")).toEqual([]);
    // −0.5 × 100 = −50 a year.
    expect(programmeIn(report, "Best").annual.total.toNumber()).toBe(-50);
  });

  test("a row naming a case wins over the row for every case; other cases keep their typed value", async () => {
    const report = await refresh([
      ...ranges(smallCase()),
      drivers(["System set-up", "worst", 2, 70, "licences", null, null, null]),
    ]);
    // Worst set-up: 2 × 70 = 140 + team 10; Best keeps the typed 100 + 10.
    expect(programmeIn(report, "Worst").setUp.total.toNumber()).toBe(150);
    expect(programmeIn(report, "Best").setUp.total.toNumber()).toBe(110);
    const both = await refresh([
      ...ranges(smallCase()),
      drivers(
        ["System set-up", null, 1, 90, null, null, null, null],
        ["System set-up", "Worst", 2, 70, null, null, null, null],
      ),
    ]);
    // Best from the every-case row: 1 × 90 = 90 + 10; Worst from its own row: 140 + 10.
    expect(programmeIn(both, "Best").setUp.total.toNumber()).toBe(100);
    expect(programmeIn(both, "Worst").setUp.total.toNumber()).toBe(150);
  });

  test("a drop-off shrinks each year after the first by (1 − drop-off), compounding, on top of the profile", async () => {
    const fine = changed((s) => (s.settings.rows[1]![1] = 0.001));
    const report = await refresh([...ranges(fine), drivers(savingsDriver(null, null, 0.1))]);
    expect(report.status).toBe("checked");
    // Gross 50 a year phased by Ramp (0, 0.5, 1, 1, 1, 1): first year with an amount is year 1,
    // so year 1 = 25, year 2 = 50 × 0.9 = 45, year 3 = 50 × 0.81 = 40.5, 36.45, 32.805.
    expect(programmeIn(report, "Best").benefits.map((b) => b.toNumber())).toEqual([
      0, 25, 45, 40.5, 36.45, 32.805,
    ]);
  });

  test("every problem names its cell", async () => {
    const report = await refresh([
      ...ranges(smallCase()),
      drivers(
        ["Unknown", null, 1, 1, null, null, null, null],
        ["System set-up", "Central", 1, 1, null, null, null, null],
        ["System set-up", null, 1, 1, null, null, null, null],
        ["system set-up", null, 1, 2, null, null, null, null],
        ["CC programme team", null, 1, -3, null, null, null, null],
        ["CC programme team", "Best", 1, 3, null, 1.5, null, null],
        ["CC programme team", "Worst", "lots", 3, null, null, null, null],
        ["System set-up", "Best", 1, 3, null, 0.1, null, null],
        ["Staff savings", "Best", -1, 3, null, null, null, 0.2],
      ),
    ]);
    expect(report.status).toBe("invalid");
    expect(located(report)).toEqual(
      expect.arrayContaining([
        ["error", "Drivers!A2", "Unknown line"],
        ["error", "Drivers!B3", "Unknown case"],
        ["error", "Drivers!A5", "Duplicate driver"],
        ["error", "Drivers!D6", "Negative volume"],
        ["error", "Drivers!F7", "Fraction out of range"],
        ["error", "Drivers!C8", "Not a number"],
        ["error", "Drivers!F9", "Additionality on a cost"],
        ["error", "Drivers!H10", "Drop-off differs between cases"],
      ]),
    );
  });

  test("the CBA Checks sheet lists each driver line's unit cost, volume and value", async () => {
    const report = await refresh([...ranges(smallCase()), drivers(savingsDriver(0.2, 0.25, null))], false);
    const block = report
      .plan!.sheets.find((s) => s.name === "CBA Checks")!
      .blocks.find((b) => b.name === driversBlockName)!;
    expect(block.rows).toEqual([
      ["Staff savings", "Best", -0.5, 100, "call-outs", -50, 0.2, 0.25, null, -30, "Drivers!A2"],
      ["Staff savings", "Worst", -0.5, 100, "call-outs", -50, 0.2, 0.25, null, -30, "Drivers!A2"],
    ]);
  });

  test("a workbook without CBA_Drivers has no drivers table", async () => {
    const report = await refresh(ranges(smallCase()), false);
    const names = report.plan!.sheets.flatMap((s) => s.blocks.map((b) => b.name));
    expect(names).not.toContain(driversBlockName);
  });

  test("with named cases, a driver's Case names one of them", async () => {
    const named = changed((s) => {
      s.settings.rows.push(["Cases", "Low, High"]);
      s.lines.header = ["Line", "Timing", "Allocation", "Low", "High", "Profile"];
    });
    const report = await refresh([
      ...ranges(named),
      drivers(["System set-up", "High", 3, 50, null, null, null, null]),
    ]);
    // High set-up: 3 × 50 = 150 + team 10; Low keeps 100 + 10.
    expect(programmeIn(report, "High").setUp.total.toNumber()).toBe(160);
    expect(programmeIn(report, "Low").setUp.total.toNumber()).toBe(110);
  });
});
