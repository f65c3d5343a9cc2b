import { programme } from "../../engine/businessCase";
import type {
  BusinessCaseModel,
  BusinessCaseResult,
  PartnerCaseResult,
} from "../../engine/businessCaseModel";
import { EngineError } from "../../engine/errors";
import { Money, sum } from "../../engine/money";
import { benefitCostRatio } from "../../engine/returnOnInvestment";
import type { RiskRegisterSummary } from "../../engine/riskRegister";
import { columnLetters } from "../cellAddress";
import type { ScenarioAnalysis } from "../scenarioAnalysis";
import type { CellValue, ChartSpec, OwnedSheet, TableBlock } from "../workbookPort";
import { amountFormat, wholeNumberFormat, yearsFormat } from "./numberFormats";
import { paybackYears } from "./partnersSheet";
import { changeFormat } from "./scenariosSheet";
import { SheetLayout } from "./sheetLayout";

/** The board summary sheet's name. */
export const summarySheetName = "CBA Summary";

export const summaryBlockNames = {
  setUp: "CBA_Out_SummarySetUp",
  annual: "CBA_Out_SummaryAnnual",
  netPresentValue: "CBA_Out_SummaryNPV",
  scenarioNetPresentValue: "CBA_Out_SummaryScenarioNPV",
  payback: "CBA_Out_SummaryPayback",
  benefitCostRatio: "CBA_Out_SummaryBCR",
  switchingValue: "CBA_Out_SummarySwitching",
  risks: "CBA_Out_SummaryRisks",
  notes: "CBA_Out_SummaryNotes",
} as const;

/** Every name the CBA Summary sheet may give a block, for the check that none is taken. */
export const summaryOutputNames: readonly string[] = Object.values(summaryBlockNames);

/** Benefit–cost ratios to two decimals, as board papers quote them ("2.35"). */
export const ratioFormat = "0.00";

/** The engine results the summary is read from; nothing is computed here that the engine did not. */
export interface SummarySheetInput {
  model: BusinessCaseModel;
  result: BusinessCaseResult;
  /** Present when the workbook has CBA_Scenarios: adds each scenario's NPV and the switching values. */
  scenarios?: ScenarioAnalysis;
  /** Present when the workbook has CBA_Risks: adds the risk profile. */
  risks?: RiskRegisterSummary;
}

/** Empty columns between the two columns of tables. */
const gutterColumns = 1;

/**
 * The CBA Summary sheet, one A4 landscape page for a board paper: per partner across the page (and
 * the programme total), cases down (input cases and the contingency case, as the task pane's
 * board summary), one small table per measure in two columns of tables — set-up cost, annual net
 * cost or saving at full run rate, NPV and payback, benefit–cost ratio; with CBA_Scenarios each
 * scenario's NPV and the switching values; with CBA_Risks the risk profile (risks per band) — notes
 * for what a number cannot say (no payback, no ratio), and charts of payback and NPV by case (and
 * NPV by scenario) in a row underneath.
 *
 * Every figure is the engine's: the partner results of `computeBusinessCase`, the switching values
 * of the scenario analysis, the band counts of the risk register, and the engine's
 * `benefitCostRatio` of each partner's costs and benefits at the model's discount rate.
 *
 * @example
 * summarySheet({ model, result }).blocks.map((b) => b.name);
 * // ["CBA_Out_SummarySetUp", "CBA_Out_SummaryAnnual", "CBA_Out_SummaryNPV", "CBA_Out_SummaryPayback", "CBA_Out_SummaryBCR", "CBA_Out_SummaryNotes"]
 */
export function summarySheet(input: SummarySheetInput): OwnedSheet {
  const { model, result } = input;
  const unit = model.settings.unitLabel;
  const amount = amountFormat(new Money(model.settings.roundingUnit));
  const codes = [...model.partners.map((p) => p.code), programme];
  const header = ["Case", ...codes.map((code) => (code === programme ? "Total" : code))];
  const width = header.length;
  const left = new SheetLayout(1, "A");
  const rightColumn = 1 + width + gutterColumns;
  const right = new SheetLayout(1, columnLetters(rightColumn));
  // As the task pane's board summary: input cases and the contingency case; scenarios are
  // compared in a table of their own (and in full on CBA Scenarios).
  const scenarios = input.scenarios?.scenarios ?? [];
  const scenarioNames = new Set(scenarios.map((s) => s.name.toLowerCase()));
  const cases = result.cases.filter((c) => !scenarioNames.has(c.name.toLowerCase()));
  const notes: string[] = [];
  // Stored to two decimals beyond the rounding unit, as on CBA Partners, so no long binary fractions.
  const amountDecimals = Math.min(Math.max(new Money(model.settings.roundingUnit).decimalPlaces(), 0), 6) + 2;
  const stored = (value: Money) => value.toDecimalPlaces(amountDecimals, Money.ROUND_HALF_UP).toNumber();

  const byCase = (cell: (partner: PartnerCaseResult, caseName: string) => CellValue): CellValue[][] =>
    cases.map((caseResult) => [
      caseResult.name,
      ...codes.map((code) => {
        const partner = caseResult.partners.find((p) => p.partner === code);
        return partner ? cell(partner, caseResult.name) : null;
      }),
    ]);
  const numbers = (format: string) => [null, ...codes.map(() => format)];

  const blocks: TableBlock[] = [];
  blocks.push(
    left.place({
      name: summaryBlockNames.setUp,
      title: `Set-up cost (${unit}; costs positive, savings in brackets)`,
      header,
      rows: byCase((partner) => stored(partner.setUp.total)),
      columnFormats: numbers(amount),
    }),
    left.place({
      name: summaryBlockNames.annual,
      title: `Annual net cost / (saving) at full run rate (${unit})`,
      header,
      rows: byCase((partner) => stored(partner.annual.total)),
      columnFormats: numbers(amount),
    }),
    left.place({
      name: summaryBlockNames.netPresentValue,
      title: `NPV (${unit}; net benefit, savings minus costs: a gain is positive)`,
      header,
      rows: byCase((partner) => stored(partner.netPresentValue)),
      columnFormats: numbers(amount),
    }),
  );
  const scenarioBlock =
    scenarios.length === 0
      ? undefined
      : left.place({
          name: summaryBlockNames.scenarioNetPresentValue,
          title: `NPV of each scenario (${unit}), to set against its case above`,
          header: ["Scenario", ...header.slice(1)],
          rows: scenarios.map((scenario) => [
            scenario.name,
            ...codes.map((code) => {
              const partner = scenario.partners.find((p) => p.scenario.partner === code);
              return partner ? stored(partner.scenario.netPresentValue) : null;
            }),
          ]),
          columnFormats: numbers(amount),
        });
  if (scenarioBlock) blocks.push(scenarioBlock);

  const paybackBlock = right.place({
    name: summaryBlockNames.payback,
    title: "Payback (years; blank with a note when there is none)",
    header,
    rows: byCase((partner, caseName) => {
      const years = paybackYears(partner.payback);
      if (years === null && partner.payback.kind === "never")
        notes.push(
          `${caseName}, ${partner.partner}: does not pay back within ${partner.payback.horizon} years`,
        );
      return years;
    }),
    columnFormats: numbers(yearsFormat),
  });
  blocks.push(
    paybackBlock,
    right.place({
      name: summaryBlockNames.benefitCostRatio,
      title: "Benefit–cost ratio (present value of benefits ÷ of costs)",
      header,
      rows: byCase((partner, caseName) => {
        const ratio = ratioOf(partner, model);
        if (typeof ratio === "string") {
          notes.push(`${caseName}, ${partner.partner}: no benefit–cost ratio, ${ratio}`);
          return null;
        }
        return ratio.toDecimalPlaces(4, Money.ROUND_HALF_UP).toNumber();
      }),
      columnFormats: numbers(ratioFormat),
    }),
  );

  if (input.scenarios && input.scenarios.switchingValues.length > 0) {
    blocks.push(
      right.place({
        name: summaryBlockNames.switchingValue,
        title: "Switching value: change in benefits for NPV zero (a fall in brackets)",
        header,
        rows: input.scenarios.switchingValues.map((caseValues) => [
          caseValues.case,
          ...codes.map((code) => {
            const values = caseValues.partners.find((p) => p.partner === code);
            if (!values) return null;
            if (values.benefits.kind === "switches") return values.benefits.change.toNumber();
            notes.push(`${caseValues.case}, ${code}: no switching value, ${values.benefits.reason}`);
            return null;
          }),
        ]),
        columnFormats: numbers(changeFormat),
      }),
    );
  }
  if (input.risks) {
    const counts = input.risks.bandCounts;
    const total = counts.reduce((all, band) => all + band.count, 0);
    blocks.push(
      right.place({
        name: summaryBlockNames.risks,
        title: `Risk profile: the ${total} ${total === 1 ? "risk" : "risks"} of CBA_Risks by band`,
        header: ["Risks", ...counts.map((band) => band.band), "Total"],
        rows: [["Count", ...counts.map((band) => band.count), total]],
        columnFormats: [null, ...counts.map(() => wholeNumberFormat), wholeNumberFormat],
      }),
    );
  }

  // Notes to the right of the tables: their long lines widen only a column of their own.
  const partnerKey = model.partners.map((p) => `${p.code}: ${p.name}`).join("; ");
  blocks.push(
    new SheetLayout(1, columnLetters(rightColumn + width + gutterColumns)).place({
      name: summaryBlockNames.notes,
      title: "Notes",
      header: ["Note"],
      rows: [[`Partners: ${partnerKey}; Total: the whole programme`], ...notes.map((note) => [note])],
      asTable: false,
    }),
  );

  // The charts in a row under both columns of tables, each about as wide as a column of tables.
  const chartRow = Math.max(left.skip(0), right.skip(0));
  const charts: ChartSpec[] = [
    {
      kind: "columnClustered",
      title: "Payback by case and partner (years)",
      sourceBlock: paybackBlock.name,
      seriesBy: "columns",
      anchor: `A${chartRow}`,
    },
    {
      kind: "columnClustered",
      title: `NPV by case and partner (${unit})`,
      sourceBlock: summaryBlockNames.netPresentValue,
      seriesBy: "columns",
      anchor: `${columnLetters(rightColumn)}${chartRow}`,
    },
  ];
  if (scenarioBlock) {
    charts.push({
      kind: "columnClustered",
      title: `NPV by scenario and partner (${unit})`,
      sourceBlock: scenarioBlock.name,
      seriesBy: "columns",
      anchor: `${columnLetters(rightColumn + width + gutterColumns)}${chartRow}`,
    });
  }
  return { name: summarySheetName, blocks, charts };
}

/** The engine's benefit–cost ratio, or why there is none (no costs, or no present value of them). */
function ratioOf(partner: PartnerCaseResult, model: BusinessCaseModel): Money | string {
  if (sum(partner.costs).isZero()) return "the case has no costs";
  try {
    return benefitCostRatio(partner.costs, partner.benefits, model.settings.discountRate);
  } catch (error) {
    if (error instanceof EngineError) return `no figure follows from the case: ${error.problem}`;
    throw error;
  }
}
