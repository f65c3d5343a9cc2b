import { programme } from "../../engine/businessCase";
import type { BusinessCaseModel } from "../../engine/businessCaseModel";
import { Money } from "../../engine/money";
import type { PaybackResult } from "../../engine/payback";
import type { PaybackDelayResult, SwitchingValueResult } from "../../engine/switchingValue";
import type { TornadoBar } from "../../engine/tornado";
import { columnLetters, parseCellAddress } from "../cellAddress";
import type { ScenarioAnalysis } from "../scenarioAnalysis";
import type { CellValue, ChartSpec, OwnedSheet, TableBlock } from "../workbookPort";
import { amountFormat, wholeNumberFormat, yearsFormat } from "./numberFormats";
import { partnerLabel, paybackText } from "./partnersSheet";
import { SheetLayout } from "./sheetLayout";

/** The scenarios and sensitivity sheet's name. */
export const scenariosSheetName = "CBA Scenarios";

const scenarioBlockNames = {
  scenarios: "CBA_Out_Scenarios",
  scenarioNetPresentValues: "CBA_Out_ScenarioNPV",
  switchingValues: "CBA_Out_SwitchingValues",
  tornado: "CBA_Out_Tornado",
  tornadoChart: "CBA_Out_TornadoChart",
} as const;

/** Every name the CBA Scenarios sheet may give a block, for the check that none is taken. */
export const scenarioOutputNames: readonly string[] = Object.values(scenarioBlockNames);

/** Signed percentages with falls in brackets, like amounts: −35% shows as (35.0%). */
export const changeFormat = "0.0%;(0.0%)";

/** The tornado chart shows this many drivers, the largest swings; the table lists them all. */
export const tornadoChartDrivers = 10;

/** Rows a chart's source block reserves so that the chart beside it never overlaps the next block. */
const chartHeightRows = 18;

/**
 * The CBA Scenarios sheet: each scenario against the case it is applied to (NPV, change in NPV,
 * net ROI, payback simple and discounted) per partner and for the programme, with a chart of NPV
 * by scenario; the switching values of every case that is not a scenario (the change in benefits
 * or costs that brings NPV to zero, the years of delay at which payback leaves the horizon); and a
 * tornado of NPV per partner, ranked by swing, with a tornado chart of the programme.
 *
 * The CBA Partners sheet lists scenario cases among the others; this sheet compares each with its
 * starting case and adds the sensitivity analysis, which no other sheet shows.
 *
 * @example
 * scenariosSheet(model, analysis).blocks.map((b) => b.name);
 * // ["CBA_Out_Scenarios", "CBA_Out_ScenarioNPV", "CBA_Out_SwitchingValues", "CBA_Out_Tornado", "CBA_Out_TornadoChart"]
 */
export function scenariosSheet(model: BusinessCaseModel, analysis: ScenarioAnalysis): OwnedSheet {
  const unit = model.settings.unitLabel;
  const horizon = model.settings.horizonYears;
  const amount = amountFormat(new Money(model.settings.roundingUnit));
  const codes = [...model.partners.map((p) => p.code), programme];
  const layout = new SheetLayout();
  const blocks: TableBlock[] = [];
  const charts: ChartSpec[] = [];

  const scenarioRows: CellValue[][] = [];
  for (const scenario of analysis.scenarios) {
    for (const { scenario: partner, base } of scenario.partners) {
      scenarioRows.push([
        scenario.name,
        scenario.from,
        scenario.description,
        partner.partner,
        partnerLabel(model, partner.partner),
        partner.netPresentValue.toNumber(),
        base.netPresentValue.toNumber(),
        changeOf(partner.netPresentValue, base.netPresentValue),
        partner.netReturnOnInvestment === null ? "no costs" : partner.netReturnOnInvestment.toNumber(),
        paybackNumber(partner.payback),
        paybackNumber(partner.discountedPayback),
        notesCell([
          noPaybackNote(partner.payback, "payback"),
          noPaybackNote(partner.discountedPayback, "discounted payback"),
        ]),
      ]);
    }
  }
  blocks.push(
    layout.place({
      name: scenarioBlockNames.scenarios,
      title: `Scenarios per partner against the case each starts from (${unit}; NPV is net benefit, savings minus costs; a fall in brackets)`,
      header: [
        "Scenario",
        "Based on",
        "Description",
        "Partner",
        "Name",
        "NPV",
        "NPV of the case it starts from",
        "Change in NPV",
        "Net ROI",
        "Payback (years)",
        "Discounted payback (years)",
        "Payback note",
      ],
      rows:
        scenarioRows.length > 0
          ? scenarioRows
          : [
              [
                "(no scenarios in CBA_Scenarios)",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
              ],
            ],
      columnFormats: [
        null,
        null,
        null,
        null,
        null,
        amount,
        amount,
        amount,
        changeFormat,
        yearsFormat,
        yearsFormat,
        null,
      ],
    }),
  );

  // Chart source: the cases scenarios start from, then the scenarios, with one column per partner.
  const chartRows: CellValue[][] = [];
  const shown = new Set<string>();
  for (const scenario of analysis.scenarios) {
    if (shown.has(scenario.from) || analysis.scenarios.some((s) => s.name === scenario.from)) continue;
    shown.add(scenario.from);
    chartRows.push([scenario.from, ...scenario.partners.map(({ base }) => base.netPresentValue.toNumber())]);
  }
  for (const scenario of analysis.scenarios) {
    chartRows.push([
      scenario.name,
      ...scenario.partners.map(({ scenario: partner }) => partner.netPresentValue.toNumber()),
    ]);
  }
  if (chartRows.length > 0) {
    const block = layout.place(
      {
        name: scenarioBlockNames.scenarioNetPresentValues,
        title: `NPV by scenario and partner (${unit})`,
        header: ["Case", ...codes.map((code) => partnerLabel(model, code))],
        rows: chartRows,
        columnFormats: [null, ...codes.map(() => amount)],
      },
      chartHeightRows,
    );
    blocks.push(block);
    charts.push({
      kind: "columnClustered",
      title: `NPV by scenario (${unit})`,
      sourceBlock: block.name,
      seriesBy: "columns",
      anchor: besideBlock(block),
    });
  }

  const switchingRows: CellValue[][] = [];
  for (const caseValues of analysis.switchingValues) {
    for (const partner of caseValues.partners) {
      switchingRows.push([
        caseValues.case,
        partner.partner,
        partnerLabel(model, partner.partner),
        partner.netPresentValue.toNumber(),
        switchingText(partner.benefits),
        switchingText(partner.costs),
        delayYears(partner.paybackDelay),
        delayYears(partner.discountedPaybackDelay),
        notesCell([
          delayNote(partner.paybackDelay, "payback"),
          delayNote(partner.discountedPaybackDelay, "discounted payback"),
        ]),
      ]);
    }
  }
  blocks.push(
    layout.place({
      name: scenarioBlockNames.switchingValues,
      title: `Switching values per partner and case (${unit}): the change in benefits or in costs that brings NPV to zero (a fall in brackets), and the delay that takes payback beyond ${horizon} years`,
      header: [
        "Case",
        "Partner",
        "Name",
        "NPV",
        "Change in benefits for NPV zero",
        "Change in costs for NPV zero",
        "Delay that loses payback (years)",
        "Delay that loses discounted payback (years)",
        "Delay note",
      ],
      rows: switchingRows,
      columnFormats: [
        null,
        null,
        null,
        amount,
        changeFormat,
        changeFormat,
        wholeNumberFormat,
        wholeNumberFormat,
        null,
      ],
    }),
  );

  const tornadoResult = analysis.tornado;
  if (tornadoResult) {
    const held =
      tornadoResult.baseCase === undefined
        ? `the midpoint of ${tornadoResult.bestCase} and ${tornadoResult.worstCase}`
        : `their ${tornadoResult.baseCase} values`;
    const tornadoRows: CellValue[][] = [];
    for (const partner of tornadoResult.partners) {
      partner.bars
        .filter((bar) => !bar.swing.isZero())
        .forEach((bar, index) => {
          tornadoRows.push([
            partner.partner,
            partnerLabel(model, partner.partner),
            index + 1,
            bar.driver,
            partner.reference.toNumber(),
            bar.atBest.toNumber(),
            bar.atWorst.toNumber(),
            bar.swing.toNumber(),
          ]);
        });
    }
    blocks.push(
      layout.place({
        name: scenarioBlockNames.tornado,
        title: `Tornado per partner (${unit}): NPV with each line moved alone from its ${tornadoResult.bestCase} to its ${tornadoResult.worstCase} value, the others held at ${held}; largest swing first; lines that do not move a partner's NPV are left out`,
        header: [
          "Partner",
          "Name",
          "Rank",
          "Line",
          "Reference NPV",
          `NPV with the line at ${tornadoResult.bestCase}`,
          `NPV with the line at ${tornadoResult.worstCase}`,
          "Swing",
        ],
        rows:
          tornadoRows.length > 0
            ? tornadoRows
            : [["(none)", null, null, "No quantified line has a range", null, null, null, null]],
        columnFormats: [null, null, wholeNumberFormat, null, amount, amount, amount, amount],
      }),
    );

    const programme = tornadoResult.partners.at(-1);
    const largest: TornadoBar[] = (programme?.bars ?? [])
      .filter((bar) => !bar.swing.isZero())
      .slice(0, tornadoChartDrivers);
    if (largest.length > 0) {
      // Excel draws a bar chart's first category at the bottom: smallest first puts the largest on top.
      const block = layout.place(
        {
          name: scenarioBlockNames.tornadoChart,
          title: `Programme tornado: the ${largest.length} largest swings in NPV (${unit}), drawn largest at the top`,
          header: ["Line", `NPV at ${tornadoResult.worstCase}`, `NPV at ${tornadoResult.bestCase}`],
          rows: [...largest]
            .reverse()
            .map((bar) => [bar.driver, bar.atWorst.toNumber(), bar.atBest.toNumber()]),
          columnFormats: [null, amount, amount],
        },
        chartHeightRows,
      );
      blocks.push(block);
      charts.push({
        kind: "barClustered",
        title: `Programme NPV tornado: each line from ${tornadoResult.worstCase} to ${tornadoResult.bestCase} (${unit})`,
        sourceBlock: block.name,
        seriesBy: "columns",
        anchor: besideBlock(block),
      });
    }
  }
  return { name: scenariosSheetName, blocks, charts };
}

function changeOf(value: Money, from: Money): number {
  const change = value.minus(from);
  return change.isZero() ? 0 : change.toNumber();
}

/** A switching value as a fraction (−0.35 = a 35% fall), or why there is none. */
function switchingText(result: SwitchingValueResult): CellValue {
  return result.kind === "switches" ? result.change.toNumber() : `none: ${result.reason}`;
}

/** Notes joined with "; ", or a blank cell when there are none. */
function notesCell(notes: readonly (string | undefined)[]): string | null {
  const present = notes.filter((note) => note !== undefined);
  return present.length === 0 ? null : present.join("; ");
}

/** A payback as a number for a numeric column (as the engine gives it), or a blank. */
function paybackNumber(result: PaybackResult): number | null {
  return result.kind === "paysBack" ? result.periods.toNumber() : null;
}

/** Why a payback cell is blank, for the note column beside it. */
function noPaybackNote(result: PaybackResult, what: string): string | undefined {
  return result.kind === "never" ? `${what}: ${String(paybackText(result))}` : undefined;
}

/** The delay that loses payback as a number, or a blank when no delay does (the note says why). */
function delayYears(result: PaybackDelayResult): number | null {
  return result.kind === "failsAt" ? result.delay : null;
}

function delayNote(result: PaybackDelayResult, what: string): string | undefined {
  if (result.kind === "failsAt") return undefined;
  if (result.kind === "neverPaysBack")
    return `${what}: does not pay back within ${result.horizon} years even on time`;
  return `${what}: pays back whatever the delay`;
}

/** One column clear of the block's right edge, level with its title. */
function besideBlock(block: TableBlock): string {
  const top = parseCellAddress(block.topLeft);
  return `${columnLetters(top.column + block.header.length + 1)}${Math.max(top.row - 1, 1)}`;
}
