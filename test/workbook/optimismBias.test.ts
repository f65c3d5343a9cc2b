import fc from "fast-check";
import {
  businessCaseFromContract,
  computeContractBusinessCase,
} from "../../src/workbook/businessCaseFromContract";
import type { ContractProblem } from "../../src/workbook/contractProblems";
import { readContract } from "../../src/workbook/contractReader";
import { validateContract } from "../../src/workbook/contractValidator";
import { optimismBiasSheetName } from "../../src/workbook/productSheets";
import type { CellValue, InputRangeSpec, WorkbookSnapshot } from "../../src/workbook/workbookPort";
import { type SmallCase, smallCase } from "./smallCase";
import {
  loadWorkbook,
  readTable,
  refreshFile,
  sheetNames,
  tableRecords,
  temporaryFolderForThisFile,
  writeWorkbook,
} from "./workbookFiles";

/**
 * The small case with optimism bias: CBA_Lines gains an Optimism bias column (G) and
 * CBA_OptimismBias sits at A1 of sheet "OB" (A Category, B Project type, C Applies to, D Upper
 * bound, E Mitigation, F Reason, G Confidence grade), so the n-th category is row n + 1.
 */
type OptimismCase = SmallCase & { optimismBias: InputRangeSpec; grades?: InputRangeSpec };

function withOptimismBias(rows?: CellValue[][]): OptimismCase {
  const small = smallCase();
  small.lines.header = [...small.lines.header, "Optimism bias"];
  small.lines.rows = [
    ["System set-up", "One-off", "Shared", 1000, 1200, null, "ICT"],
    ["Staff savings", "Recurring", "Shared", -60, -40, "Ramp", "Benefits"],
    ["CC programme team", "One-off", "CC", 10, 10, null, null],
  ];
  return {
    ...small,
    optimismBias: {
      name: "CBA_OptimismBias",
      sheet: "OB",
      topLeft: "A1",
      header: [
        "Category",
        "Project type",
        "Applies to",
        "Upper bound",
        "Mitigation",
        "Reason",
        "Confidence grade",
      ],
      rows: rows ?? [
        [
          "ICT",
          "Equipment/development",
          "Capital costs",
          null,
          0.4,
          "Off-the-shelf system at a fixed price",
          null,
        ],
        ["Benefits", null, "Benefits", 0.2, 0, null, null],
        ["Build time", "Standard buildings", "Duration", null, 0.5, "Design and build contract", null],
      ],
      as: "table",
    },
  };
}

function snapshotOf(ranges: Record<string, InputRangeSpec | undefined>): WorkbookSnapshot {
  const snapshot: WorkbookSnapshot = { ranges: new Map(), sheets: [] };
  for (const spec of Object.values(ranges)) {
    if (!spec) continue;
    snapshot.ranges.set(spec.name.toUpperCase(), {
      name: spec.name,
      sheet: spec.sheet,
      topLeft: spec.topLeft,
      values: [spec.header, ...spec.rows],
    });
    snapshot.sheets.push({ name: spec.sheet, ownedByProduct: false });
  }
  return snapshot;
}

function check(ranges: Record<string, InputRangeSpec | undefined>) {
  const reading = readContract(snapshotOf(ranges));
  const problems = [...reading.problems, ...validateContract(reading.inputs, snapshotOf(ranges).sheets)];
  return { inputs: reading.inputs, problems };
}

const located = (problems: ContractProblem[]) => problems.map((p) => [p.severity, p.range, p.cell, p.check]);
const errorsOf = (problems: ContractProblem[]) => located(problems.filter((p) => p.severity === "error"));

describe("reading and checking CBA_OptimismBias", () => {
  test("the optimism-bias case is valid (the control for the tests below)", () => {
    expect(errorsOf(check(withOptimismBias()).problems)).toEqual([]);
  });

  test.each<[string, CellValue[], string, string]>([
    [
      "unknown project type",
      ["ICT", "Bridges", "Capital costs", null, 0, null, null],
      "OB!B2",
      "Unknown project type",
    ],
    ["unknown application", ["ICT", "ICT", "Furniture", null, 0, null, null], "OB!C2", "Unknown application"],
    [
      "mitigation above 1",
      ["ICT", "ICT", "Capital costs", null, 1.5, "Reason", null],
      "OB!E2",
      "Mitigation out of range",
    ],
    [
      "negative mitigation",
      ["ICT", "ICT", "Capital costs", null, -0.1, "Reason", null],
      "OB!E2",
      "Mitigation out of range",
    ],
    [
      "mitigation without a reason",
      ["ICT", "ICT", "Capital costs", null, 0.4, null, null],
      "OB!F2",
      "Mitigation without a reason",
    ],
    [
      "outsourcing on capital",
      ["ICT", "Outsourcing", "Capital costs", null, 0, null, null],
      "OB!B2",
      "Outsourcing on capital",
    ],
    [
      "negative upper bound",
      ["ICT", null, "Capital costs", -0.2, 0, null, null],
      "OB!D2",
      "Negative upper bound",
    ],
    [
      "upper bound not a number",
      ["ICT", null, "Capital costs", "lots", 0, null, null],
      "OB!D2",
      "Not a number",
    ],
    ["unknown grade", ["ICT", null, "Capital costs", null, 0, null, 9], "OB!G2", "Unknown grade"],
    ["no rate at all", ["ICT", null, "Capital costs", null, 0, null, null], "OB!B2", "No upper bound"],
    [
      "a capital-only type on operating costs",
      ["ICT", "ICT", "Operating costs", null, 0, null, null],
      "OB!D2",
      "No upper bound",
    ],
    [
      "both an upper bound and a grade",
      ["ICT", null, "Capital costs", 0.3, 0, null, 2],
      "OB!G2",
      "Upper bound and grade",
    ],
  ])("%s is an error naming its cell", (_, ictRow, cell, checkName) => {
    const ranges = withOptimismBias();
    ranges.optimismBias.rows = [ictRow, ...ranges.optimismBias.rows.slice(1)];
    expect(errorsOf(check(ranges).problems)).toContainEqual(["error", "CBA_OptimismBias", cell, checkName]);
  });

  test("a benefits category needs an upper bound or a grade, and cannot reduce benefits by more than 100%", () => {
    const ranges = withOptimismBias();
    ranges.optimismBias.rows[1] = ["Benefits", null, "Benefits", null, 0, null, null];
    expect(errorsOf(check(ranges).problems)).toContainEqual([
      "error",
      "CBA_OptimismBias",
      "OB!D3",
      "No upper bound",
    ]);
    ranges.optimismBias.rows[1] = ["Benefits", null, "Benefits", 1.5, 0, null, null];
    expect(errorsOf(check(ranges).problems)).toContainEqual([
      "error",
      "CBA_OptimismBias",
      "OB!D3",
      "Benefits reduced below zero",
    ]);
  });

  test("a line naming an unknown category, a duration category, or a category of the other kind", () => {
    const ranges = withOptimismBias();
    ranges.lines.rows[0]![6] = "Furniture";
    ranges.lines.rows[1]![6] = "ICT"; // a cost category on a saving
    ranges.lines.rows[2]![6] = "Build time";
    expect(errorsOf(check(ranges).problems)).toEqual(
      expect.arrayContaining([
        ["error", "CBA_Lines", "Lines!G2", "Unknown optimism bias category"],
        ["error", "CBA_Lines", "Lines!G3", "Optimism bias on the wrong kind of line"],
        ["error", "CBA_Lines", "Lines!G4", "Duration category on a line"],
      ]),
    );
  });

  test("a capital-costs category on a recurring cost line is a warning, not an error", () => {
    const ranges = withOptimismBias();
    ranges.lines.rows[2] = ["CC licences", "Recurring", "CC", 10, 10, null, "ICT"];
    const { problems } = check(ranges);
    expect(errorsOf(problems)).toEqual([]);
    expect(located(problems)).toContainEqual([
      "warning",
      "CBA_Lines",
      "Lines!G4",
      "Capital category on a recurring line",
    ]);
  });

  test("a line's category without any CBA_OptimismBias range is an error at the line's cell", () => {
    const ranges: Partial<OptimismCase> = withOptimismBias();
    delete ranges.optimismBias;
    expect(errorsOf(check(ranges).problems)).toEqual([
      ["error", "CBA_Lines", "Lines!G2", "Unknown optimism bias category"],
      ["error", "CBA_Lines", "Lines!G3", "Unknown optimism bias category"],
    ]);
  });

  test("CBA_ConfidenceGrades replaces the default grades; bad rows name their cells", () => {
    const ranges = withOptimismBias();
    ranges.optimismBias.rows[1] = ["Benefits", null, "Benefits", null, 0, null, 2];
    ranges.grades = {
      name: "CBA_ConfidenceGrades",
      sheet: "Grades",
      topLeft: "A1",
      header: ["Grade", "Reduction"],
      rows: [
        [1, 0],
        [2, "30%"],
      ],
      as: "table",
    };
    const { inputs, problems } = check(ranges);
    expect(errorsOf(problems)).toEqual([]);
    // Grade 2 of the workbook's table is 30%: Best staff savings −60 × (1 − 0.3) = −42.
    const contract = businessCaseFromContract(inputs);
    const staff = contract.model.lines.find((l) => l.label === "Staff savings")!;
    expect(String(staff.values["Best + optimism bias"])).toBe("-42");
    expect(contract.optimismBias?.gradesSource).toBe("workbook");

    ranges.grades.rows = [
      ["one", 0],
      [2, 1.5],
    ];
    expect(errorsOf(check(ranges).problems)).toEqual(
      expect.arrayContaining([
        ["error", "CBA_ConfidenceGrades", "Grades!A2", "Invalid grade"],
        ["error", "CBA_ConfidenceGrades", "Grades!B3", "Reduction out of range"],
      ]),
    );
  });

  test("the default grade table applies when no CBA_ConfidenceGrades is given (grade 3 = 10%)", () => {
    const ranges = withOptimismBias();
    ranges.optimismBias.rows[1] = ["Benefits", null, "Benefits", null, 0, null, 3];
    const { inputs, problems } = check(ranges);
    expect(errorsOf(problems)).toEqual([]);
    const staff = businessCaseFromContract(inputs).model.lines.find((l) => l.label === "Staff savings")!;
    // −60 × (1 − 0.10) = −54.
    expect(String(staff.values["Best + optimism bias"])).toBe("-54");
  });

  test("the Optimism bias setting: Exclude adds no cases; a bad value names its cell", () => {
    const ranges = withOptimismBias();
    ranges.settings.rows = [...ranges.settings.rows, ["Optimism bias", "Exclude"]];
    const { inputs, problems } = check(ranges);
    expect(errorsOf(problems)).toEqual([]);
    expect(businessCaseFromContract(inputs).model.cases.map((c) => c.name)).toEqual(["Best", "Worst"]);
    ranges.settings.rows[ranges.settings.rows.length - 1] = ["Optimism bias", "Maybe"];
    expect(errorsOf(check(ranges).problems)).toEqual([
      ["error", "CBA_Settings", "Settings!B6", "Invalid optimism bias setting"],
    ]);
  });

  test("a scenario may not take the name of an optimism-bias case, but may be based on one", () => {
    const ranges = withOptimismBias();
    const scenarios: InputRangeSpec = {
      name: "CBA_Scenarios",
      sheet: "Scenarios",
      topLeft: "A1",
      header: ["Scenario", "Case", "Cost factor", "Saving factor", "Delay"],
      rows: [
        ["Best + optimism bias", "Best", 1, 1, 0],
        ["Late", "Worst + optimism bias", 1, 1, 1],
      ],
      as: "table",
    };
    expect(errorsOf(check({ ...ranges, scenarios }).problems)).toEqual([
      ["error", "CBA_Scenarios", "Scenarios!A2", "Duplicate case"],
    ]);
    scenarios.rows = scenarios.rows.slice(1);
    const { inputs, problems } = check({ ...ranges, scenarios });
    expect(errorsOf(problems)).toEqual([]);
    const result = computeContractBusinessCase(businessCaseFromContract(inputs));
    const setUp = (name: string) =>
      result.cases.find((c) => c.name === name)!.partners.find((p) => p.partner === "Programme")!.setUp.total;
    // Delaying the start moves no one-off amount out of the horizon: the set-up stays 2,640 + 10.
    expect(setUp("Late").toString()).toBe("2650");
    expect(setUp("Late").toString()).toBe(setUp("Worst + optimism bias").toString());
  });
});

describe("with full mitigation, or without CBA_OptimismBias, results are today's", () => {
  test("every optimism-bias case equals its input case when every category is fully mitigated", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: -500, max: 0 }),
        fc.constantFrom("Equipment/development", "Standard buildings", "Non-standard civil engineering"),
        (setUp, saving, projectType) => {
          const ranges = withOptimismBias([
            ["ICT", projectType, "Capital costs", null, 1, "All risks priced into a fixed contract", null],
            ["Benefits", null, "Benefits", 0.4, 1, "Savings already contracted", null],
          ]);
          ranges.lines.rows[0]![3] = setUp;
          ranges.lines.rows[1]![3] = saving;
          const { inputs, problems } = check(ranges);
          expect(errorsOf(problems)).toEqual([]);
          const result = computeContractBusinessCase(businessCaseFromContract(inputs));
          for (const from of ["Best", "Worst"]) {
            const plain = result.cases.find((c) => c.name === from)!;
            const biased = result.cases.find((c) => c.name === `${from} + optimism bias`)!;
            expect(biased.partners).toEqual(plain.partners);
          }

          // And without the range (and the column) the input cases are exactly as computed above.
          const without: Partial<OptimismCase> = withOptimismBias();
          delete without.optimismBias;
          without.lines!.header = without.lines!.header.slice(0, 6);
          without.lines!.rows = ranges.lines.rows.map((row) => row.slice(0, 6));
          const plainReading = check(without);
          expect(errorsOf(plainReading.problems)).toEqual([]);
          const plainResult = computeContractBusinessCase(businessCaseFromContract(plainReading.inputs));
          expect(plainResult.cases.map((c) => c.name)).toEqual(["Best", "Worst"]);
          for (const c of plainResult.cases)
            expect(result.cases.find((r) => r.name === c.name)!.partners).toEqual(c.partners);
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe("refreshing a workbook with optimism bias (ExcelJS, end to end)", () => {
  const folder = temporaryFolderForThisFile();

  test("the optimism-bias cases appear on CBA Partners and the step on CBA Optimism Bias, hand-checked", async () => {
    await writeWorkbook(folder.path("ob.xlsx"), Object.values(withOptimismBias()));
    const report = await refreshFile(folder.path("ob.xlsx"), folder.path("ob-results.xlsx"));
    expect(report.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(report.status).toBe("written");
    const results = await loadWorkbook(folder.path("ob-results.xlsx"));
    expect(sheetNames(results)).toContain(optimismBiasSheetName);

    // ICT: equipment/development upper bound 200%, 40% mitigated: rate 2 × 0.6 = 1.2, so
    // Best 1,000 × 2.2 = 2,200 and Worst 1,200 × 2.2 = 2,640. Benefits 20%: Best −60 × 0.8 = −48,
    // Worst −40 × 0.8 = −32. The CC programme team (10) has no category.
    const cases = tableRecords(readTable(results, "CBA_Out_Cases")).map((r) => r["Case"]);
    expect(cases).toEqual(["Best", "Worst", "Best + optimism bias", "Worst + optimism bias"]);
    const partners = tableRecords(readTable(results, "CBA_Out_Results"));
    const row = (partner: string, caseName: string) =>
      partners.find((r) => r["Partner"] === partner && r["Case"] === caseName)!;
    // Programme set-up: 2,200 + 10 = 2,210 (Best), 2,640 + 10 = 2,650 (Worst); annual −48 and −32.
    expect(row("Programme", "Best + optimism bias")["Set-up"]).toBe(2210);
    expect(row("Programme", "Worst + optimism bias")["Set-up"]).toBe(2650);
    expect(row("Programme", "Best + optimism bias")["Annual cost / (saving)"]).toBe(-48);
    expect(row("Programme", "Best")["Set-up"]).toBe(1010);
    // Shared 75% / 25% (baseline 750 / 250): CC 2,200 × 0.75 + 10 = 1,660, FR 550; annual −36 / −12.
    expect(row("CC", "Best + optimism bias")["Set-up"]).toBe(1660);
    expect(row("FR", "Best + optimism bias")["Set-up"]).toBe(550);
    expect(row("CC", "Best + optimism bias")["Annual cost / (saving)"]).toBe(-36);
    expect(row("FR", "Best + optimism bias")["Annual cost / (saving)"]).toBe(-12);

    const lines = tableRecords(readTable(results, "CBA_Out_OB_Lines"));
    const ict = lines.find((r) => r["Line"] === "System set-up" && r["Case"] === "Best")!;
    expect(ict).toMatchObject({
      Category: "ICT",
      "Project type": "Equipment/development",
      "Applies to": "Capital costs",
      "Upper bound": 2,
      Mitigation: 0.4,
      "Rate applied": 1.2,
      "Amount before": 1000,
      Uplift: 1200,
      "Amount after": 2200,
    });
    const staff = lines.find((r) => r["Line"] === "Staff savings" && r["Case"] === "Worst")!;
    expect(staff).toMatchObject({
      "Rate applied": 0.2,
      "Amount before": -40,
      Uplift: 8,
      "Amount after": -32,
    });

    // Totals, Best: one-off costs 1,010 → 2,210 (adjustment 1,200); recurring benefits −60 → −48 (12).
    const totals = tableRecords(readTable(results, "CBA_Out_OB_Totals"));
    expect(totals.find((r) => r["Case"] === "Best" && r["Timing"] === "One-off")).toMatchObject({
      "Costs before": 1010,
      "Costs after": 2210,
      Adjustment: 1200,
    });
    expect(totals.find((r) => r["Case"] === "Best" && r["Timing"] === "Recurring (annual)")).toMatchObject({
      "Benefits before": -60,
      "Benefits after": -48,
      Adjustment: 12,
    });

    // Duration: standard buildings 4% upper bound, half mitigated: 0.04 × 0.5 = 2%, reported only.
    const categories = tableRecords(readTable(results, "CBA_Out_OB_Categories"));
    expect(categories.find((r) => r["Category"] === "Build time")).toMatchObject({
      "Upper bound": 0.04,
      "Upper bound from": "Green Book table",
      "Rate applied": 0.02,
    });
    const bounds = tableRecords(readTable(results, "CBA_Out_OB_Bounds"));
    expect(bounds.find((r) => r["Project type"] === "Outsourcing")).toMatchObject({
      "Works duration upper": "n/a",
      "Cost upper": 0.41,
      "Costs uplifted": "Operating costs",
    });
  });

  test("with CBA_Scenarios, the optimism-bias cases get switching values on CBA Scenarios like any case", async () => {
    const ranges = withOptimismBias();
    const scenarios: InputRangeSpec = {
      name: "CBA_Scenarios",
      sheet: "Scenarios",
      topLeft: "A1",
      header: ["Scenario", "Case", "Cost factor", "Saving factor", "Delay"],
      rows: [["Costs up", "Worst + optimism bias", 1.1, 1, 0]],
      as: "table",
    };
    await writeWorkbook(folder.path("sc.xlsx"), [...Object.values(ranges), scenarios]);
    const report = await refreshFile(folder.path("sc.xlsx"), folder.path("sc-results.xlsx"));
    expect(report.problems.filter((p) => p.severity === "error")).toEqual([]);
    const results = await loadWorkbook(folder.path("sc-results.xlsx"));
    const switching = tableRecords(readTable(results, "CBA_Out_SwitchingValues"));
    expect([...new Set(switching.map((r) => r["Case"]))]).toEqual([
      "Best",
      "Worst",
      "Best + optimism bias",
      "Worst + optimism bias",
    ]);
    const scenarioRows = tableRecords(readTable(results, "CBA_Out_Scenarios"));
    expect(scenarioRows.some((r) => Object.values(r).includes("Worst + optimism bias"))).toBe(true);
  });

  test("with the setting Exclude, no CBA Optimism Bias sheet and no optimism-bias cases are written", async () => {
    const excluded = withOptimismBias();
    excluded.settings.rows = [...excluded.settings.rows, ["Optimism bias", "Exclude"]];
    await writeWorkbook(folder.path("ex-2-input.xlsx"), Object.values(excluded));
    const report = await refreshFile(folder.path("ex-2-input.xlsx"), folder.path("ex-2.xlsx"));
    expect(report.status).toBe("written");
    expect(report.plan!.sheets.map((s) => s.name)).not.toContain(optimismBiasSheetName);
    const cases = tableRecords(readTable(await loadWorkbook(folder.path("ex-2.xlsx")), "CBA_Out_Cases"));
    expect(cases.map((r) => r["Case"])).toEqual(["Best", "Worst"]);
  });
});
