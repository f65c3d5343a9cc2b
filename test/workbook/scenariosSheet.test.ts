/**
 * The CBA Scenarios sheet on real .xlsx files: the Hampshire sample refreshed through the ExcelJS
 * adapter, read back with ExcelJS, and every figure compared with the engine's own functions run
 * on the same model (never with numbers copied from a run).
 */
import type ExcelJS from "exceljs";
import { computeBusinessCase, programme } from "../../src/engine/businessCase";
import type { BusinessCaseModel, PartnerCaseResult } from "../../src/engine/businessCaseModel";
import { netPresentValue } from "../../src/engine/npv";
import { payback } from "../../src/engine/payback";
import { computeScenarios, type Scenario, scenarioNetCashflow } from "../../src/engine/scenarios";
import { switchingValues } from "../../src/engine/switchingValue";
import { tornado } from "../../src/engine/tornado";
import { inputRangeNames } from "../../src/workbook/inputContract";
import type { RefreshReport } from "../../src/workbook/refreshWorkbook";
import { changeFormat, tornadoChartDrivers } from "../../src/workbook/resultSheets/scenariosSheet";
import { hampshireSampleRanges } from "../../src/workbook/samples/hampshireSample";
import type { CellValue } from "../../src/workbook/workbookPort";
import { ranges, smallCase } from "./smallCase";
import {
  loadWorkbook,
  readTable,
  refreshFile,
  sheetCells,
  sheetNames,
  tableRecords,
  temporaryFolderForThisFile,
  writeWorkbook,
} from "./workbookFiles";
import { refreshedHampshireSample } from "./hampshireSampleFiles";

const folder = temporaryFolderForThisFile();

let report: RefreshReport;
let results: ExcelJS.Workbook;
/** The Hampshire model without its scenario cases: what the engine's own functions start from. */
let model: BusinessCaseModel;
let scenarios: Scenario[];

/** The scenarios exactly as the sample's CBA_Scenarios range states them. */
function sampleScenarios(): Scenario[] {
  const spec = hampshireSampleRanges().find((r) => r.name === inputRangeNames.scenarios)!;
  return spec.rows.map(([name, caseName, costFactor, savingFactor, delayYears]) => ({
    name: String(name),
    case: String(caseName),
    costFactor: Number(costFactor),
    savingFactor: Number(savingFactor),
    delayYears: Number(delayYears),
  }));
}

/** A payback column holds the number, or a blank when there is none (the words are in the note). */
function paybackCell(result: PartnerCaseResult["payback"]): CellValue {
  return result.kind === "paysBack" ? result.periods.toNumber() : null;
}

function paybackNoteOf(
  simple: PartnerCaseResult["payback"],
  discounted: PartnerCaseResult["payback"],
): string {
  return [
    simple.kind === "never" ? `payback: does not pay back within ${simple.horizon} years` : undefined,
    discounted.kind === "never"
      ? `discounted payback: does not pay back within ${discounted.horizon} years`
      : undefined,
  ]
    .filter((note) => note !== undefined)
    .join("; ");
}

beforeAll(async () => {
  ({ report, results } = await refreshedHampshireSample(folder));
  scenarios = sampleScenarios();
  const names = new Set(scenarios.map((s) => s.name));
  const full = report.businessCase!.model;
  model = { ...full, cases: full.cases.filter((c) => !names.has(c.name)) };
});

describe("the CBA Scenarios sheet of the Hampshire sample", () => {
  test("is written by the normal refresh, after CBA Partners", () => {
    expect(report.status).toBe("written");
    const names = sheetNames(results);
    expect(names).toContain("CBA Scenarios");
    expect(report.plan!.sheets.map((s) => s.name)).toEqual([
      "CBA Summary",
      "CBA Apportionment",
      "CBA Partners",
      "CBA Scenarios",
      "CBA Risks",
      "CBA Checks",
    ]);
  });

  test("each scenario's NPV, net ROI and payback per partner equal the engine's computeScenarios", () => {
    const rows = tableRecords(readTable(results, "CBA_Out_Scenarios"));
    const expected = computeScenarios(model, scenarios);
    const base = computeBusinessCase(model);
    expect(rows).toHaveLength(expected.reduce((n, s) => n + s.partners.length, 0));
    for (const scenario of expected) {
      const from = base.cases.find((c) => c.name === scenario.case)!;
      for (const partner of scenario.partners) {
        const row = rows.find((r) => r["Scenario"] === scenario.name && r["Partner"] === partner.partner);
        const before = from.partners.find((p) => p.partner === partner.partner)!;
        expect(row).toEqual(
          expect.objectContaining({
            "Based on": scenario.case,
            NPV: partner.netPresentValue.toNumber(),
            "NPV of the case it starts from": before.netPresentValue.toNumber(),
            "Net ROI": partner.netReturnOnInvestment!.toNumber(),
            "Payback (years)": paybackCell(partner.payback),
            "Discounted payback (years)": paybackCell(partner.discountedPayback),
            "Payback note": paybackNoteOf(partner.payback, partner.discountedPayback) || null,
          }),
        );
        expect(row!["Change in NPV"]).toBeCloseTo(
          partner.netPresentValue.minus(before.netPresentValue).toNumber(),
          9,
        );
      }
    }
  });

  test("a scenario that changes nothing but the delay moves every partner's NPV down, never up", () => {
    const rows = tableRecords(readTable(results, "CBA_Out_Scenarios")).filter(
      (r) => r["Scenario"] === "Start delayed a year",
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(Number(row["Change in NPV"])).toBeLessThan(0);
  });

  test("amounts carry the brackets format, changes and returns a bracketed percentage", () => {
    const table = readTable(results, "CBA_Out_Scenarios");
    const column = (name: string) => table.formats.map((row) => row[table.header.indexOf(name)]);
    expect(new Set(column("NPV"))).toEqual(new Set(["#,##0;(#,##0)"]));
    expect(new Set(column("Change in NPV"))).toEqual(new Set(["#,##0;(#,##0)"]));
    expect(new Set(column("Net ROI"))).toEqual(new Set([changeFormat]));
    const switching = readTable(results, "CBA_Out_SwitchingValues");
    const benefits = switching.header.indexOf("Change in benefits for NPV zero");
    expect(new Set(switching.formats.map((row) => row[benefits]))).toEqual(new Set([changeFormat]));
  });

  test("the NPV chart plots one row per case, the starting case first, one column per partner", () => {
    const chartData = readTable(results, "CBA_Out_ScenarioNPV");
    expect(chartData.rows.map((r) => r[0])).toEqual(["Best", ...scenarios.map((s) => s.name)]);
    expect(chartData.header.slice(1)).toEqual([...model.partners.map((p) => p.name), "Total programme"]);
    const sheet = report.plan!.sheets.find((s) => s.name === "CBA Scenarios")!;
    expect(sheet.charts).toContainEqual(
      expect.objectContaining({
        kind: "columnClustered",
        sourceBlock: "CBA_Out_ScenarioNPV",
        seriesBy: "columns",
      }),
    );
  });
});

describe("switching values", () => {
  test("equal the engine's switchingValues for every case that is not a scenario", () => {
    const rows = tableRecords(readTable(results, "CBA_Out_SwitchingValues"));
    const cases = model.cases.map((c) => c.name);
    expect([...new Set(rows.map((r) => r["Case"]))]).toEqual(cases);
    for (const caseName of cases) {
      for (const partner of switchingValues(model, { case: caseName })) {
        const row = rows.find((r) => r["Case"] === caseName && r["Partner"] === partner.partner)!;
        const cell = (result: typeof partner.benefits) =>
          result.kind === "switches" ? result.change.toNumber() : `none: ${result.reason}`;
        // The delay columns hold numbers only: no delay that loses payback is a blank, with the
        // words in the note column.
        const delay = (result: typeof partner.paybackDelay) =>
          result.kind === "failsAt" ? result.delay : null;
        const delayWords = (result: typeof partner.paybackDelay, what: string) =>
          result.kind === "failsAt"
            ? []
            : result.kind === "neverPaysBack"
              ? [`${what}: does not pay back within ${result.horizon} years even on time`]
              : [`${what}: pays back whatever the delay`];
        expect(row).toEqual(
          expect.objectContaining({
            NPV: partner.netPresentValue.toNumber(),
            "Change in benefits for NPV zero": cell(partner.benefits),
            "Change in costs for NPV zero": cell(partner.costs),
            "Delay that loses payback (years)": delay(partner.paybackDelay),
            "Delay that loses discounted payback (years)": delay(partner.discountedPaybackDelay),
            "Delay note":
              [
                ...delayWords(partner.paybackDelay, "payback"),
                ...delayWords(partner.discountedPaybackDelay, "discounted payback"),
              ].join("; ") || null,
          }),
        );
      }
    }
  });

  test("a switching value read from the sheet and substituted back gives an NPV of zero", () => {
    const rows = tableRecords(readTable(results, "CBA_Out_SwitchingValues"));
    const computed = computeBusinessCase(model);
    const rate = model.settings.discountRate;
    let checked = 0;
    for (const row of rows) {
      const partner = computed.cases
        .find((c) => c.name === row["Case"])!
        .partners.find((p) => p.partner === row["Partner"])!;
      const benefits = row["Change in benefits for NPV zero"];
      const costs = row["Change in costs for NPV zero"];
      if (typeof benefits !== "number" || typeof costs !== "number") continue;
      const withBenefits = scenarioNetCashflow(partner.costs, partner.benefits, {
        savingFactor: 1 + benefits,
      });
      const withCosts = scenarioNetCashflow(partner.costs, partner.benefits, { costFactor: 1 + costs });
      // The scale of the case: a zero NPV is judged against the size of the cashflows.
      const scale = partner.netPresentValue.abs().toNumber() + 1;
      expect(Math.abs(netPresentValue(withBenefits, rate).toNumber()) / scale).toBeLessThan(1e-9);
      expect(Math.abs(netPresentValue(withCosts, rate).toNumber()) / scale).toBeLessThan(1e-9);
      checked++;
    }
    expect(checked).toBe(rows.length);
  });

  test("the delay on the sheet is the first that takes payback beyond the horizon: one year less still pays back", () => {
    const rows = tableRecords(readTable(results, "CBA_Out_SwitchingValues"));
    const computed = computeBusinessCase(model);
    let checked = 0;
    for (const row of rows) {
      const delay = row["Delay that loses payback (years)"];
      if (typeof delay !== "number") continue;
      const partner = computed.cases
        .find((c) => c.name === row["Case"])!
        .partners.find((p) => p.partner === row["Partner"])!;
      const at = (years: number) =>
        payback(scenarioNetCashflow(partner.costs, partner.benefits, { delay: years })).kind;
      expect([at(delay - 1), at(delay)]).toEqual(["paysBack", "never"]);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describe("the tornado", () => {
  test("lists, per partner, every line that moves its NPV, ranked by swing as the engine's tornado", () => {
    const rows = tableRecords(readTable(results, "CBA_Out_Tornado"));
    const engine = tornado(model, { bestCase: "Best", worstCase: "Worst" });
    for (const partner of engine.partners) {
      const mine = rows.filter((r) => r["Partner"] === partner.partner);
      const bars = partner.bars.filter((bar) => !bar.swing.isZero());
      expect(mine.map((r) => [r["Rank"], r["Line"], r["Swing"]])).toEqual(
        bars.map((bar, index) => [index + 1, bar.driver, bar.swing.toNumber()]),
      );
      expect(mine.map((r) => r["Reference NPV"])).toEqual(bars.map(() => partner.reference.toNumber()));
    }
  });

  test("swings are the distance between the two NPVs and never grow down the ranking", () => {
    const rows = tableRecords(readTable(results, "CBA_Out_Tornado")).filter(
      (r) => r["Partner"] === programme,
    );
    expect(rows.length).toBeGreaterThan(1);
    const swings = rows.map((r) => Number(r["Swing"]));
    swings.slice(1).forEach((swing, i) => expect(swing).toBeLessThanOrEqual(swings[i]!));
    for (const row of rows) {
      const distance = Math.abs(
        Number(row["NPV with the line at Best"]) - Number(row["NPV with the line at Worst"]),
      );
      expect(Number(row["Swing"])).toBeCloseTo(distance, 6);
    }
  });

  test("the programme's chart data holds the largest swings, smallest first so Excel draws the largest on top", () => {
    const table = readTable(results, "CBA_Out_TornadoChart");
    const ranked = tableRecords(readTable(results, "CBA_Out_Tornado")).filter(
      (r) => r["Partner"] === programme,
    );
    const top = ranked.slice(0, tornadoChartDrivers);
    expect(table.header).toEqual(["Line", "NPV at Worst", "NPV at Best"]);
    expect(table.rows).toEqual(
      [...top]
        .reverse()
        .map((r) => [r["Line"], r["NPV with the line at Worst"], r["NPV with the line at Best"]]),
    );
    const chart = report
      .plan!.sheets.find((s) => s.name === "CBA Scenarios")!
      .charts.find((c) => c.sourceBlock === "CBA_Out_TornadoChart");
    expect(chart).toEqual(expect.objectContaining({ kind: "barClustered", seriesBy: "columns" }));
  });
});

describe("when the CBA Scenarios sheet is written", () => {
  test("not without CBA_Scenarios", async () => {
    await writeWorkbook(folder.path("small.xlsx"), ranges(smallCase()));
    const small = await refreshFile(folder.path("small.xlsx"), folder.path("small-results.xlsx"));
    expect(small.status).toBe("written");
    expect(small.scenarios).toBeUndefined();
    expect(sheetNames(await loadWorkbook(folder.path("small-results.xlsx")))).not.toContain("CBA Scenarios");
  });

  test("with scenarios added to the small case, including a scenario applied to another scenario", async () => {
    const small = smallCase();
    const withScenarios = [
      ...ranges(small),
      {
        name: "CBA_Scenarios",
        sheet: "Scenarios",
        topLeft: "A1",
        header: ["Scenario", "Case", "Cost factor", "Saving factor", "Delay"],
        rows: [
          ["Late", "Worst", 1, 1, 1],
          ["Late and dearer", "Late", 1.2, 1, 0],
        ],
        as: "table" as const,
      },
    ];
    await writeWorkbook(folder.path("small-scenarios.xlsx"), withScenarios);
    const refreshed = await refreshFile(folder.path("small-scenarios.xlsx"), folder.path("small-s.xlsx"));
    expect(refreshed.status).toBe("written");
    const rows = tableRecords(
      readTable(await loadWorkbook(folder.path("small-s.xlsx")), "CBA_Out_Scenarios"),
    );
    // "Late and dearer" starts from "Late": its reference NPV is Late's own NPV.
    for (const code of ["CC", "FR", programme]) {
      const late = rows.find((r) => r["Scenario"] === "Late" && r["Partner"] === code)!;
      const dearer = rows.find((r) => r["Scenario"] === "Late and dearer" && r["Partner"] === code)!;
      expect(dearer["Based on"]).toBe("Late");
      expect(dearer["NPV of the case it starts from"]).toBe(late["NPV"]);
      expect(Number(dearer["NPV"])).toBeLessThan(Number(late["NPV"]));
    }
  });

  test("emptied, not left stale, when CBA_Scenarios is removed", async () => {
    const workbook = await loadWorkbook(folder.path("results.xlsx"));
    workbook.definedNames.model = workbook.definedNames.model.filter(
      (n) => n.name !== inputRangeNames.scenarios,
    );
    await workbook.xlsx.writeFile(folder.path("no-scenarios.xlsx"));
    const again = await refreshFile(folder.path("no-scenarios.xlsx"), folder.path("no-scenarios-1.xlsx"));
    expect(again.status).toBe("written");
    const after = await loadWorkbook(folder.path("no-scenarios-1.xlsx"));
    expect(Object.values(sheetCells(after, "CBA Scenarios")).join(" ")).toMatch(/none of the inputs/);
    expect(() => readTable(after, "CBA_Out_Tornado")).toThrow();
  });

  test("never over a user's sheet named 'CBA Scenarios': the clash is an error and nothing is written", async () => {
    await writeWorkbook(folder.path("clash.xlsx"), hampshireSampleRanges(), [], (workbook) => {
      workbook.addWorksheet("CBA Scenarios").getCell("A1").value = "My scenario notes";
    });
    const clash = await refreshFile(folder.path("clash.xlsx"), folder.path("clash-results.xlsx"));
    expect(clash.status).toBe("invalid");
    expect(clash.problems).toContainEqual(
      expect.objectContaining({ severity: "error", check: "Sheet name taken", cell: "'CBA Scenarios'!A1" }),
    );
  });

  test("a user's table already named CBA_Out_Tornado is reported before anything is written", async () => {
    const taken = {
      name: "CBA_Out_Tornado",
      sheet: "Mine",
      topLeft: "A1",
      header: ["Driver", "Swing"],
      rows: [["Mine", 1]],
      as: "table" as const,
    };
    await writeWorkbook(folder.path("taken.xlsx"), [...hampshireSampleRanges(), taken]);
    const refused = await refreshFile(folder.path("taken.xlsx"), folder.path("taken-results.xlsx"));
    expect(refused.status).toBe("invalid");
    expect(refused.problems).toContainEqual(
      expect.objectContaining({ check: "Output name taken", range: "CBA_Out_Tornado", cell: "Mine!A1" }),
    );
  });
});
