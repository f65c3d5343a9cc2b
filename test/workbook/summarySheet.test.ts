/**
 * The CBA Summary sheet on a real .xlsx file: the Hampshire sample refreshed through the ExcelJS
 * adapter, read back with ExcelJS, and every figure compared with the engine's results for the
 * same model (never with numbers copied from a run).
 */
import type ExcelJS from "exceljs";
import fc from "fast-check";
import { computeBusinessCase, programme } from "../../src/engine/businessCase";
import type { BusinessCaseModel, CaseResult, PartnerCaseResult } from "../../src/engine/businessCaseModel";
import { Money } from "../../src/engine/money";
import { benefitCostRatio } from "../../src/engine/returnOnInvestment";
import { inputRangeNames } from "../../src/workbook/inputContract";
import type { RefreshReport } from "../../src/workbook/refreshWorkbook";
import { amountFormat } from "../../src/workbook/resultSheets/numberFormats";
import { changeFormat } from "../../src/workbook/resultSheets/scenariosSheet";
import { ratioFormat, summaryBlockNames, summarySheet } from "../../src/workbook/resultSheets/summarySheet";
import { hampshireSampleRanges } from "../../src/workbook/samples/hampshireSample";
import type { CellValue } from "../../src/workbook/workbookPort";
import { refreshedHampshireSample } from "./hampshireSampleFiles";
import { readTable, sheetCells, sheetNames, tableRecords, temporaryFolderForThisFile } from "./workbookFiles";

const folder = temporaryFolderForThisFile();

let report: RefreshReport;
let results: ExcelJS.Workbook;
let model: BusinessCaseModel;
/** The cases the summary shows: every case of the result but the scenarios. */
let cases: CaseResult[];
const partnerColumns = ["HCC", "HC", "HFRS", "Total"];

/** The scenarios' names exactly as the sample's CBA_Scenarios range states them. */
function sampleScenarioNames(): string[] {
  const spec = hampshireSampleRanges().find((r) => r.name === inputRangeNames.scenarios)!;
  return spec.rows.map(([name]) => String(name));
}

function partnerOf(caseResult: CaseResult, column: string): PartnerCaseResult {
  const code = column === "Total" ? programme : column;
  return caseResult.partners.find((p) => p.partner === code)!;
}

/** A summary table's rows keyed by case, then by partner column. */
function byCase(name: string): Map<string, Record<string, CellValue>> {
  return new Map(tableRecords(readTable(results, name)).map((row) => [String(row["Case"]), row]));
}

const twoDecimals = (value: Money) => value.toDecimalPlaces(2, Money.ROUND_HALF_UP).toNumber();

beforeAll(async () => {
  ({ report, results } = await refreshedHampshireSample(folder));
  model = report.businessCase!.model;
  const scenarios = new Set(sampleScenarioNames());
  cases = report.businessCase!.result.cases.filter((c) => !scenarios.has(c.name));
});

describe("the CBA Summary sheet of the Hampshire sample", () => {
  test("is the first result sheet of the plan and of the file", () => {
    expect(report.status).toBe("written");
    expect(report.plan!.sheets[0]!.name).toBe("CBA Summary");
    const names = sheetNames(results);
    expect(names.indexOf("CBA Summary")).toBeLessThan(names.indexOf("CBA Apportionment"));
  });

  test("shows partners across and the input and contingency cases down, scenarios in a table of their own", () => {
    const setUp = readTable(results, summaryBlockNames.setUp);
    expect(setUp.header).toEqual(["Case", ...partnerColumns]);
    expect(setUp.rows.map((row) => row[0])).toEqual(["Best", "Worst", "Worst + contingency"]);
    const scenarioNpv = readTable(results, summaryBlockNames.scenarioNetPresentValue);
    expect(scenarioNpv.rows.map((row) => row[0])).toEqual(sampleScenarioNames());
  });

  test("set-up and annual figures are the engine's, and agree with the published Hampshire totals", () => {
    const setUp = byCase(summaryBlockNames.setUp);
    const annual = byCase(summaryBlockNames.annual);
    for (const caseResult of cases) {
      for (const column of partnerColumns) {
        const partner = partnerOf(caseResult, column);
        expect(setUp.get(caseResult.name)![column]).toBe(twoDecimals(partner.setUp.total));
        expect(annual.get(caseResult.name)![column]).toBe(twoDecimals(partner.annual.total));
      }
    }
    // Published in the Hampshire case: set-up 1,858 + 794 + 393 = 3,045 (best) and the programme's
    // annual saving (3,930) best, (1,970) worst; HCC's own annual saving (1,804) best.
    expect(setUp.get("Best")!).toMatchObject({ HCC: 1858, HC: 794, HFRS: 393, Total: 3045 });
    expect(setUp.get("Worst")!["Total"]).toBe(3680);
    expect(annual.get("Best")!["Total"]).toBe(-3930);
    expect(annual.get("Worst")!["Total"]).toBe(-1970);
    expect(annual.get("Best")!["HCC"]).toBe(-1804);
  });

  test("NPV, payback and the benefit–cost ratio are the engine's", () => {
    const npv = byCase(summaryBlockNames.netPresentValue);
    const payback = byCase(summaryBlockNames.payback);
    const ratio = byCase(summaryBlockNames.benefitCostRatio);
    for (const caseResult of cases) {
      for (const column of partnerColumns) {
        const partner = partnerOf(caseResult, column);
        expect(npv.get(caseResult.name)![column]).toBe(twoDecimals(partner.netPresentValue));
        expect(payback.get(caseResult.name)![column]).toBe(
          partner.payback.kind === "paysBack"
            ? partner.payback.periods.toDecimalPlaces(4, Money.ROUND_HALF_UP).toNumber()
            : null,
        );
        const expected = benefitCostRatio(partner.costs, partner.benefits, model.settings.discountRate);
        expect(ratio.get(caseResult.name)![column]).toBe(
          expected.toDecimalPlaces(4, Money.ROUND_HALF_UP).toNumber(),
        );
      }
    }
  });

  test("the ratio and the NPV tell the same story: BCR above 1 exactly when NPV is positive", () => {
    // NPV = PV(benefits) − PV(costs) and BCR = PV(benefits) ÷ PV(costs), so with costs to pay
    // NPV > 0 ⇔ BCR > 1.
    const npv = byCase(summaryBlockNames.netPresentValue);
    const ratio = byCase(summaryBlockNames.benefitCostRatio);
    for (const caseResult of cases) {
      for (const column of partnerColumns) {
        const value = Number(npv.get(caseResult.name)![column]);
        expect(Number(ratio.get(caseResult.name)![column]) > 1).toBe(value > 0);
      }
    }
  });

  test("the switching value in benefits is 1 ÷ BCR − 1, and the engine's", () => {
    // NPV is zero when (1 + s) × PV(benefits) = PV(costs), so s = PV(costs) ÷ PV(benefits) − 1 = 1 ÷ BCR − 1.
    const switching = byCase(summaryBlockNames.switchingValue);
    for (const caseResult of cases) {
      for (const column of partnerColumns) {
        const partner = partnerOf(caseResult, column);
        const bcr = benefitCostRatio(partner.costs, partner.benefits, model.settings.discountRate);
        const cell = Number(switching.get(caseResult.name)![column]);
        expect(cell).toBeCloseTo(new Money(1).div(bcr).minus(1).toNumber(), 9);
      }
    }
  });

  test("a payback that never comes is a blank with the words in the notes, and the Worst + contingency case has one", () => {
    const payback = byCase(summaryBlockNames.payback);
    const notes = report.plan!.sheets[0]!.blocks.find((b) => b.name === summaryBlockNames.notes)!;
    const noteTexts = notes.rows.map((row) => String(row[0]));
    let blanks = 0;
    for (const caseResult of cases) {
      for (const column of partnerColumns) {
        const partner = partnerOf(caseResult, column);
        if (partner.payback.kind !== "never") continue;
        blanks += 1;
        expect(payback.get(caseResult.name)![column]).toBeNull();
        expect(noteTexts).toContain(
          `${caseResult.name}, ${partner.partner}: does not pay back within ${model.settings.horizonYears} years`,
        );
      }
    }
    expect(blanks).toBeGreaterThan(0);
    // Every payback cell is a number or a blank, so the column sorts and charts.
    const cells = readTable(results, summaryBlockNames.payback).rows.flatMap((row) => row.slice(1));
    expect(cells.every((v) => v === null || typeof v === "number")).toBe(true);
  });

  test("the risk profile counts the sample's risks per band", () => {
    const risks = readTable(results, summaryBlockNames.risks);
    const bands = report.risks!.bandCounts;
    expect(risks.header).toEqual(["Risks", ...bands.map((b) => b.band), "Total"]);
    const total = bands.reduce((all, b) => all + b.count, 0);
    expect(risks.rows).toEqual([["Count", ...bands.map((b) => b.count), total]]);
    const sampleRisks = hampshireSampleRanges().find((r) => r.name === inputRangeNames.risks)!.rows.length;
    expect(total).toBe(sampleRisks);
  });

  test("the sign rule is stated once, and the number formats put savings in brackets", () => {
    const cells = Object.values(sheetCells(results, "CBA Summary")).map(String);
    expect(cells.filter((text) => text.includes("costs positive, savings in brackets"))).toHaveLength(1);
    const column = (name: string) => new Set(readTable(results, name).formats.flatMap((row) => row.slice(1)));
    const amount = amountFormat(new Money(model.settings.roundingUnit));
    expect(column(summaryBlockNames.setUp)).toEqual(new Set([amount]));
    expect(column(summaryBlockNames.netPresentValue)).toEqual(new Set([amount]));
    expect(column(summaryBlockNames.benefitCostRatio)).toEqual(new Set([ratioFormat]));
    expect(column(summaryBlockNames.switchingValue)).toEqual(new Set([changeFormat]));
  });

  test("charts payback and NPV by case and NPV by scenario, from the summary's own tables", () => {
    const sheet = report.plan!.sheets[0]!;
    expect(sheet.charts.map((c) => [c.kind, c.sourceBlock, c.seriesBy])).toEqual([
      ["columnClustered", summaryBlockNames.payback, "columns"],
      ["columnClustered", summaryBlockNames.netPresentValue, "columns"],
      ["columnClustered", summaryBlockNames.scenarioNetPresentValue, "columns"],
    ]);
  });

  test("prints on one A4 landscape page", () => {
    expect(report.plan!.sheets[0]!.pageSetup).toMatchObject({
      orientation: "landscape",
      paperSize: "A4",
      fitToPagesWide: 1,
      fitToPagesTall: 1,
    });
  });
});

describe("the summary without scenarios or risks", () => {
  test("leaves out the switching values, the scenario table and its chart, and the risk profile", () => {
    const sheet = summarySheet({ model, result: report.businessCase!.result });
    const names = sheet.blocks.map((b) => b.name);
    expect(names).not.toContain(summaryBlockNames.switchingValue);
    expect(names).not.toContain(summaryBlockNames.scenarioNetPresentValue);
    expect(names).not.toContain(summaryBlockNames.risks);
    expect(sheet.charts).toHaveLength(2);
    // Without CBA_Scenarios there are no scenarios to tell apart: every case is shown.
    const setUp = sheet.blocks.find((b) => b.name === summaryBlockNames.setUp)!;
    expect(setUp.rows).toHaveLength(report.businessCase!.result.cases.length);
  });

  test("whatever the costs, every figure is finite or blank, and blanks come with a note", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 }), (factor) => {
        // Costs scaled: from none at all (no ratio) to twenty times (no payback).
        const scaled: BusinessCaseModel = {
          ...model,
          lines: model.lines.map((line) => ({
            ...line,
            values: Object.fromEntries(
              Object.entries(line.values).map(([name, value]) => [
                name,
                value instanceof Money && value.isPositive() ? value.times(factor) : value,
              ]),
            ),
          })),
        };
        const sheet = summarySheet({ model: scaled, result: computeBusinessCase(scaled) });
        const notes = sheet.blocks.find((b) => b.name === summaryBlockNames.notes)!.rows.length - 1;
        let blanks = 0;
        for (const block of sheet.blocks.filter((b) => b.name !== summaryBlockNames.notes)) {
          for (const value of block.rows.flatMap((row) => row.slice(1))) {
            if (value === null) blanks += 1;
            else expect(typeof value === "number" && Number.isFinite(value)).toBe(true);
          }
        }
        expect(notes).toBe(blanks);
      }),
      { numRuns: 15 },
    );
  });
});
