import ExcelJS from "exceljs";
import fc from "fast-check";
import { programme } from "../../src/engine/businessCase";
import { addInputRanges } from "../../src/workbook/excelJs/inputRangesWriter";
import { ExcelJsWorkbook } from "../../src/workbook/excelJs/excelJsWorkbook";
import { type RefreshReport, refreshWorkbook } from "../../src/workbook/refreshWorkbook";
import { simulateBusinessCase } from "../../src/engine/monteCarlo/simulation";
import { inputCasesOnly, sensitivityCases } from "../../src/workbook/scenarioAnalysis";
import { sensitivitySelection } from "../../src/workbook/sensitivityCaseSelection";
import type { InputRangeSpec } from "../../src/workbook/workbookPort";
import { ranges, type SmallCase, smallCase } from "./smallCase";

async function refresh(specs: readonly InputRangeSpec[]) {
  const workbook = new ExcelJS.Workbook();
  addInputRanges(workbook, specs);
  return refreshWorkbook(new ExcelJsWorkbook(workbook), { dryRun: true });
}

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

/**
 * The small case with three named cases. Settings row 6 (B6) holds "Cases"; Lines columns are
 * A Line, B Timing, C Allocation, D Low, E Central, F High, G Profile.
 */
const threeCases = (cases = "Low, Central, High", change?: (small: SmallCase) => void) =>
  changed((s) => {
    s.settings.rows.push(["Cases", cases]);
    s.lines.header = ["Line", "Timing", "Allocation", "Low", "Central", "High", "Profile"];
    s.lines.rows = [
      ["System set-up", "One-off", "Shared", 90, 100, 130, null],
      ["Staff savings", "Recurring", "Shared", -70, -60, -35, "Ramp"],
      ["CC programme team", "One-off", "CC", 10, 10, 12, null],
    ];
    change?.(s);
  });

const scenarios = (caseName: string): InputRangeSpec => ({
  name: "CBA_Scenarios",
  sheet: "Scenarios",
  topLeft: "A1",
  header: ["Scenario", "Case", "Cost factor", "Saving factor", "Delay"],
  rows: [["Costs up", caseName, 1.2, 1, 0]],
  as: "table",
});

describe("the Cases setting names the value columns of CBA_Lines", () => {
  test("each named case is computed, in the setting's order, from its own column", async () => {
    const report = await refresh(ranges(threeCases()));
    expect(report.status).toBe("checked");
    expect(report.businessCase!.result.cases.map((c) => c.name)).toEqual(["Low", "Central", "High"]);
    // Set-up per case: set-up + CC team = 90 + 10, 100 + 10, 130 + 12.
    expect(programmeIn(report, "Low").setUp.total.toNumber()).toBe(100);
    expect(programmeIn(report, "Central").setUp.total.toNumber()).toBe(110);
    expect(programmeIn(report, "High").setUp.total.toNumber()).toBe(142);
    // Central: −110 now, then savings of 60 phased by Ramp (0.5, 1, 1, 1, 1) over years 1–5.
    const central = -110 + 30 / 1.035 + [2, 3, 4, 5].reduce((s, t) => s + 60 / 1.035 ** t, 0);
    expect(programmeIn(report, "Central").netPresentValue.toNumber()).toBeCloseTo(central, 9);
    expect(report.settings!.used).toContainEqual({
      setting: "Cases",
      value: "Low, Central, High",
      source: "workbook",
      cell: "Settings!B6",
    });
  });

  test("the order of the setting, not of the columns, gives the order of the cases", async () => {
    const report = await refresh(ranges(threeCases("High, Low, Central")));
    expect(report.businessCase!.result.cases.map((c) => c.name)).toEqual(["High", "Low", "Central"]);
  });

  test("the columns named Best and Worst are ignored when the setting names other cases", async () => {
    const report = await refresh(
      ranges(
        threeCases("Low, High", (s) => {
          s.lines.header[4] = "Best";
        }),
      ),
    );
    expect(report.status).toBe("checked");
    expect(report.businessCase!.result.cases.map((c) => c.name)).toEqual(["Low", "High"]);
  });

  test("a named case with no column is an error at the header row naming the case and the setting's cell", async () => {
    const report = await refresh(ranges(threeCases("Low, Central, Stretch")));
    expect(report.status).toBe("invalid");
    expect(located(report)).toContainEqual(["error", "Lines!A1", "Missing case column"]);
    const problem = report.problems.find((p) => p.check === "Missing case column")!;
    expect(problem.message).toContain('"Stretch"');
    expect(problem.message).toContain("Settings!B6");
  });

  test("a duplicate case name (in any capitals) is an error at the setting's cell", async () => {
    const report = await refresh(ranges(threeCases("Low, Central, low")));
    expect(report.status).toBe("invalid");
    expect(located(report)).toContainEqual(["error", "Settings!B6", "Duplicate case"]);
  });

  test("a blank list, a case named like a column and a reserved contingency name are errors", async () => {
    const empty = await refresh(ranges(threeCases(" , ")));
    expect(located(empty)).toContainEqual(["error", "Settings!B6", "Invalid case names"]);
    const clash = await refresh(ranges(threeCases("Low, Profile")));
    expect(located(clash)).toContainEqual(["error", "Settings!B6", "Case named like a column"]);
    const reserved = await refresh(ranges(threeCases("Low, High + contingency")));
    expect(located(reserved)).toContainEqual(["error", "Settings!B6", "Reserved case name"]);
  });

  test("the contingency applies to the last named case unless the Contingency case names one", async () => {
    const contingency = (caseName?: string) =>
      threeCases(undefined, (s) => {
        s.settings.rows.push(["Contingency on costs", 0.5], ["Contingency on savings", 0.25]);
        if (caseName !== undefined) s.settings.rows.push(["Contingency case", caseName]);
      });
    const last = await refresh(ranges(contingency()));
    // High + contingency: set-up (130 + 12) × 1.5 = 195 + 18 = 213 (whole units, nothing to round).
    expect(programmeIn(last, "High + contingency").setUp.total.toNumber()).toBe(213);
    const named = await refresh(ranges(contingency("central")));
    // Central + contingency: set-up (100 + 10) × 1.5 = 150 + 15 = 165.
    expect(programmeIn(named, "Central + contingency").setUp.total.toNumber()).toBe(165);
    const unknown = await refresh(ranges(contingency("Worst")));
    expect(located(unknown)).toContainEqual(["error", "Settings!B9", "Unknown case"]);
  });

  test("scenarios start from a named case; an unnamed one is an error at its Case cell", async () => {
    const report = await refresh([...ranges(threeCases()), scenarios("Central")]);
    expect(report.status).toBe("checked");
    // Costs up from Central: set-up 110 × 1.2 = 132.
    expect(programmeIn(report, "Costs up").setUp.total.toNumber()).toBeCloseTo(132, 12);
    const unknown = await refresh([...ranges(threeCases()), scenarios("Best")]);
    expect(located(unknown)).toContainEqual(["error", "Scenarios!B2", "Unknown case"]);
  });

  test("the tornado moves each line from the first to the last named case, held at the middle one", async () => {
    const report = await refresh([...ranges(threeCases()), scenarios("Central")]);
    expect(report.scenarios!.tornadoCases).toEqual({
      bestCase: "Low",
      baseCase: "Central",
      worstCase: "High",
    });
    const bars = report.scenarios!.tornado!.partners.find((p) => p.partner === programme)!.bars;
    const team = bars.find((b) => b.driver === "CC programme team")!;
    // Only the team moves (10 → 12), the others held at Central: the NPV falls by exactly 2 in year 0.
    expect(team.atWorst.minus(team.atBest).toNumber()).toBeCloseTo(-2, 9);
  });
});

describe("a Monte Carlo simulation with named cases", () => {
  test("draws each line between the first and last named case, peaking at the middle one", async () => {
    const report = await refresh(ranges(threeCases()));
    const model = report.businessCase!.model;
    const cases = sensitivityCases(model)!;
    const result = simulateBusinessCase(inputCasesOnly(model), { ...cases, trials: 200, seed: 7 });
    const setUp = result.simulatedLines.find((line) => line.label === "System set-up")!;
    // System set-up: Low 90, Central 100, High 130 (CBA_Lines row 2).
    expect([setUp.best, setUp.mostLikely, setUp.worst].map((v) => v.toNumber())).toEqual([90, 100, 130]);
  });
});

describe("sensitivitySelection: which cases give each line's range", () => {
  test("Best and Worst as before, with Base as the most likely value", () => {
    expect(sensitivitySelection(["Best", "Worst"])).toEqual({ bestCase: "Best", worstCase: "Worst" });
    expect(sensitivitySelection(["Best", "Base", "Worst"])).toEqual({
      bestCase: "Best",
      baseCase: "Base",
      worstCase: "Worst",
    });
  });

  test("the default names without both ends give no range, as before", () => {
    expect(sensitivitySelection(["Best"])).toBeUndefined();
    expect(sensitivitySelection(["Best", "Base"])).toBeUndefined();
    expect(sensitivitySelection(["Low"])).toBeUndefined();
  });

  test("named cases: first and last, the middle one when their number is odd", () => {
    expect(sensitivitySelection(["Low", "High"])).toEqual({ bestCase: "Low", worstCase: "High" });
    expect(sensitivitySelection(["P10", "P30", "P50", "P70", "P90"])).toEqual({
      bestCase: "P10",
      baseCase: "P50",
      worstCase: "P90",
    });
    expect(sensitivitySelection(["A", "B", "C", "D"])).toEqual({ bestCase: "A", worstCase: "D" });
  });
});

describe("naming today's cases changes nothing", () => {
  test('property: Cases = "Best, Worst" gives exactly the results of no Cases setting', async () => {
    const amount = fc.integer({ min: -500, max: 500 });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(amount, amount), { minLength: 3, maxLength: 3 }), async (values) => {
        const plain = changed((s) => {
          s.lines.rows.forEach((row, i) => {
            row[3] = values[i]![0];
            row[4] = values[i]![1];
          });
        });
        const named = structuredClone(plain);
        named.settings.rows.push(["Cases", "Best, Worst"]);
        const [a, b] = [await refresh(ranges(plain)), await refresh(ranges(named))];
        expect(b.problems.map((p) => p.check)).toEqual(a.problems.map((p) => p.check));
        expect(JSON.stringify(b.businessCase?.result)).toBe(JSON.stringify(a.businessCase?.result));
      }),
      { numRuns: 15 },
    );
  });
});
