import { programme } from "../../engine/businessCase";
import { Money } from "../../engine/money";
import { toReportedMoney } from "../../engine/monteCarlo/percentiles";
import type { SimulationOptions, SimulationResult } from "../../engine/monteCarlo/simulation";
import { amountText, decimalsOf } from "../amountText";
import { columnLetters, parseCellAddress } from "../cellAddress";
import { simulationSheetName } from "../productSheets";
import type { CellValue, ChartSpec, OwnedSheet, TableBlock, WritePlan } from "../workbookPort";
import { amountFormat, wholeNumberFormat, yearsFormat } from "./numberFormats";
import { paybackText } from "./partnersSheet";
import { withPrintSettings } from "./printSettings";
import { blockName, SheetLayout } from "./sheetLayout";

const simulationBlockNames = {
  run: "CBA_Out_SimulationRun",
  lines: "CBA_Out_SimulatedLines",
  netPresentValue: "CBA_Out_SimulationNPV",
  payback: "CBA_Out_SimulationPayback",
  paybackByYear: "CBA_Out_SimulationPaybackByYear",
  histogram: "CBA_Out_SimulationHistogram",
  histogramPrefix: "CBA_Out_Histogram_",
  sCurvePrefix: "CBA_Out_SCurve_",
} as const;

/** The percentiles marked on each S-curve, when the simulation computed them. */
const markedPercentiles = [0.1, 0.5, 0.9] as const;

/** What the sheet needs from the workbook besides the result: partner names and how amounts read. */
export interface SimulationSheetContext {
  partners: readonly { code: string; name: string }[];
  /** e.g. "£'000". */
  unitLabel: string;
  /** Amounts show as many decimals as the rounding unit has. */
  roundingUnit: Money;
  /** Year 0's financial year (2012 for 2012/13), to name the years; absent: "year 0", "year 1", … */
  firstFinancialYear?: number;
}

/** Shares of trials, as percentages. */
const probabilityFormat = "0.0%";

/** Rows a histogram block reserves so that its chart, placed beside it, never overlaps the next one. */
const chartHeightRows = 18;

/**
 * Every block name the simulation sheet gives for these partners (codes in the result's order, the
 * programme last), so a caller can check before writing that none is taken.
 *
 * @example
 * simulationOutputNames(["HCC", "Programme"]); // [..., "CBA_Out_Histogram_HCC", "CBA_Out_Histogram_Programme"]
 */
export function simulationOutputNames(partnerCodes: readonly string[]): string[] {
  const fixed = Object.values(simulationBlockNames).filter((name) => !name.endsWith("_"));
  const { histograms, sCurves } = chartBlockNames(partnerCodes);
  return [...fixed, ...histograms, ...sCurves];
}

/** Each partner's histogram and S-curve chart source names, in the partners' order. */
function chartBlockNames(partnerCodes: readonly string[]): { histograms: string[]; sCurves: string[] } {
  const taken = new Set(Object.values(simulationBlockNames).map((name) => name.toLowerCase()));
  const histograms = partnerCodes.map((code) => blockName(simulationBlockNames.histogramPrefix, code, taken));
  const sCurves = partnerCodes.map((code) => blockName(simulationBlockNames.sCurvePrefix, code, taken));
  return { histograms, sCurves };
}

/**
 * The CBA Simulation sheet, a pure function of a finished (or stopped) simulation and the options it
 * was run with: how it was run (trials, seed, sampling, distribution, the cases giving each line's
 * range), the lines simulated, percentiles of NPV and of payback (simple and discounted) per partner
 * and for the programme, the probability of paying back within N years and by each year, and an
 * NPV histogram per partner as a table with a column chart beside it, and an S-curve per partner (the
 * share of trials below each NPV, with a drop line at each of P10, P50 and P90) as a table with a
 * scatter chart.
 *
 * @example
 * simulationSheet(simulateBusinessCase(model, { seed: 7 }), { seed: 7 }, { partners: model.partners, unitLabel: "£'000", roundingUnit: new Money(1) }).name; // "CBA Simulation"
 */
export function simulationSheet(
  result: SimulationResult,
  options: SimulationOptions,
  context: SimulationSheetContext,
): OwnedSheet {
  const unit = context.unitLabel;
  const amount = amountFormat(context.roundingUnit);
  const decimals = decimalsOf(context.roundingUnit);
  const names = new Map(context.partners.map((p) => [p.code, p.name] as const));
  const label = (code: string) => (code === programme ? "Total programme" : (names.get(code) ?? code));
  const percentileHeaders = (result.partners[0]?.netPresentValue.percentiles ?? []).map(
    (p) => `P${Number((p.percentile * 100).toFixed(4))}`,
  );
  const horizon = (result.partners[0]?.payback.probabilityByYear.length ?? 1) - 1;
  const within = result.paybackWithinYears;
  const trialsText = amountText(new Money(result.trials), 0);
  const layout = new SheetLayout();
  const blocks: TableBlock[] = [];
  const charts: ChartSpec[] = [];

  blocks.push(
    layout.place({
      name: simulationBlockNames.run,
      title:
        "Monte Carlo simulation: how it was run (the same inputs, seed and settings always give the same results)",
      header: ["Setting", "Value", "Note"],
      rows: runRows(result, options, within),
    }),
  );

  blocks.push(
    layout.place({
      name: simulationBlockNames.lines,
      title: `Lines simulated (${unit}; costs positive, savings negative)`,
      // Headed by the cases the lines were drawn between: Best and Worst, or the named cases' ends.
      header: [
        "Line",
        "Distribution",
        options.bestCase ?? "Best",
        "Most likely",
        options.worstCase ?? "Worst",
      ],
      rows:
        result.simulatedLines.length > 0
          ? result.simulatedLines.map((line) => [
              line.label,
              shapeName(line.distribution),
              line.best.toNumber(),
              line.mostLikely.toNumber(),
              line.worst.toNumber(),
            ])
          : [["(none: no line has a range)", null, null, null, null]],
      columnFormats: [null, null, amount, amount, amount],
    }),
  );

  blocks.push(
    layout.place({
      name: simulationBlockNames.netPresentValue,
      title: `NPV percentiles over ${trialsText} trials (${unit}; net benefit, savings minus costs): P10 means 10% of trials came out lower`,
      header: [
        "Partner",
        "Name",
        ...percentileHeaders,
        "Mean",
        "Standard deviation",
        "Probability NPV below zero",
      ],
      rows: result.partners.map((partner) => [
        partner.partner,
        label(partner.partner),
        ...partner.netPresentValue.percentiles.map((p) => p.value.toNumber()),
        partner.netPresentValue.mean.toNumber(),
        partner.netPresentValue.standardDeviation.toNumber(),
        partner.netPresentValue.probabilityNegative,
      ]),
      columnFormats: [null, null, ...percentileHeaders.map(() => amount), amount, amount, probabilityFormat],
    }),
  );

  const paybackRows: CellValue[][] = [];
  const byYearRows: CellValue[][] = [];
  for (const partner of result.partners) {
    for (const [measure, distribution] of [
      ["Payback", partner.payback],
      ["Discounted payback", partner.discountedPayback],
    ] as const) {
      // Numbers only in the percentile columns; a percentile with no payback is blank, named in the note.
      const never = distribution.percentiles.flatMap((p, index) =>
        p.payback.kind === "never" ? [{ name: percentileHeaders[index]!, text: paybackText(p.payback) }] : [],
      );
      paybackRows.push([
        partner.partner,
        label(partner.partner),
        measure,
        ...distribution.percentiles.map((p) =>
          p.payback.kind === "paysBack" ? p.payback.periods.toNumber() : null,
        ),
        distribution.probabilityWithin,
        never.length === 0 ? null : `${never.map((n) => n.name).join(", ")}: ${String(never[0]!.text)}`,
      ]);
      byYearRows.push([partner.partner, label(partner.partner), measure, ...distribution.probabilityByYear]);
    }
  }
  blocks.push(
    layout.place({
      name: simulationBlockNames.payback,
      title: `Payback percentiles (years) and the probability of paying back within ${within} years`,
      header: [
        "Partner",
        "Name",
        "Measure",
        ...percentileHeaders,
        `Probability of paying back within ${within} years`,
        "Note",
      ],
      rows: paybackRows,
      columnFormats: [null, null, null, ...percentileHeaders.map(() => yearsFormat), probabilityFormat, null],
    }),
  );
  const years = Array.from({ length: horizon + 1 }, (_, year) => year);
  blocks.push(
    layout.place({
      name: simulationBlockNames.paybackByYear,
      title: "Probability of having paid back by the end of each year",
      header: [
        "Partner",
        "Name",
        "Measure",
        ...years.map((year) => `By end of ${yearName(year, context.firstFinancialYear)}`),
      ],
      rows: byYearRows,
      columnFormats: [null, null, null, ...years.map(() => probabilityFormat)],
    }),
  );

  const histogramRows: CellValue[][] = [];
  const rangeText = (from: number, to: number) =>
    `${amountText(toReportedMoney(from), decimals)} to ${amountText(toReportedMoney(to), decimals)}`;
  for (const partner of result.partners) {
    partner.netPresentValue.histogram.forEach((bin, index) => {
      histogramRows.push([
        partner.partner,
        label(partner.partner),
        index + 1,
        toReportedMoney(bin.from).toNumber(),
        toReportedMoney(bin.to).toNumber(),
        bin.count,
        bin.count / result.trials,
      ]);
    });
  }
  blocks.push(
    layout.place({
      name: simulationBlockNames.histogram,
      title: `NPV histograms (${unit}): trials per band of equal width; the last band includes its upper end`,
      header: ["Partner", "Name", "Band", "NPV from", "NPV to", "Trials", "Share of trials"],
      rows: histogramRows.length > 0 ? histogramRows : [["(none)", null, null, null, null, null, null]],
      columnFormats: [null, null, wholeNumberFormat, amount, amount, wholeNumberFormat, probabilityFormat],
    }),
  );

  // Chart sources hold only a category and one series, so Excel plots trials against NPV bands.
  const chartNames = chartBlockNames(result.partners.map((p) => p.partner));
  result.partners.forEach((partner, index) => {
    const bins = partner.netPresentValue.histogram;
    if (bins.length === 0) return;
    const block = layout.place(
      {
        name: chartNames.histograms[index]!,
        title: `${label(partner.partner)}: NPV over ${trialsText} trials (${unit})`,
        header: [`NPV (${unit})`, "Trials"],
        rows: bins.map((bin) => [rangeText(bin.from, bin.to), bin.count]),
        columnFormats: [null, wholeNumberFormat],
      },
      chartHeightRows,
    );
    blocks.push(block);
    const top = parseCellAddress(block.topLeft);
    charts.push({
      kind: "columnClustered",
      title: `${label(partner.partner)}: distribution of NPV (${unit})`,
      sourceBlock: block.name,
      seriesBy: "columns",
      anchor: `${columnLetters(top.column + block.header.length + 1)}${Math.max(top.row - 1, 1)}`,
    });
  });

  // S-curves: the share of trials below each band's upper end, with a drop line at each of P10,
  // P50 and P90, each its own series named with its value so the legend reads "P50: 13,525".
  result.partners.forEach((partner, index) => {
    const bins = partner.netPresentValue.histogram;
    if (bins.length === 0) return;
    const marks = markedPercentiles.flatMap((p) => {
      const found = partner.netPresentValue.percentiles.find((q) => Math.abs(q.percentile - p) < 1e-9);
      return found ? [{ name: `P${Math.round(p * 100)}`, share: p, value: found.value }] : [];
    });
    const blanks = marks.map(() => null);
    const curve: CellValue[][] = [[toReportedMoney(bins[0]!.from).toNumber(), 0, ...blanks]];
    let below = 0;
    for (const bin of bins) {
      below += bin.count;
      curve.push([toReportedMoney(bin.to).toNumber(), below / result.trials, ...blanks]);
    }
    const dropLines = marks.flatMap((mark, at): CellValue[][] => {
      const point = (share: number) => marks.map((_, column) => (column === at ? share : null));
      return [
        [mark.value.toNumber(), null, ...point(0)],
        [mark.value.toNumber(), null, ...point(mark.share)],
      ];
    });
    const marked = marks.map((mark) => mark.name);
    const markedText =
      marked.length > 1 ? `${marked.slice(0, -1).join(", ")} and ${marked.at(-1)}` : marked.join("");
    const block = layout.place(
      {
        name: chartNames.sCurves[index]!,
        title: `${label(partner.partner)}: share of ${trialsText} trials with a lower NPV (${unit})${
          marks.length > 0 ? `, with ${markedText} marked` : ""
        }`,
        header: [
          `NPV (${unit})`,
          "Share of trials below",
          ...marks.map((mark) => `${mark.name}: ${amountText(mark.value, decimals)}`),
        ],
        rows: [...curve, ...dropLines],
        columnFormats: [amount, probabilityFormat, ...marks.map(() => probabilityFormat)],
      },
      chartHeightRows,
    );
    blocks.push(block);
    const top = parseCellAddress(block.topLeft);
    charts.push({
      kind: "scatterLines",
      title: `${label(partner.partner)}: S-curve of NPV (${unit})`,
      sourceBlock: block.name,
      seriesBy: "columns",
      anchor: `${columnLetters(top.column + block.header.length + 1)}${Math.max(top.row - 1, 1)}`,
    });
  });
  return { name: simulationSheetName, blocks, charts };
}

/**
 * The write plan for a simulation: its sheet alone, replaced in full; no input cell is touched.
 *
 * @example
 * simulationWritePlan(result, { seed: 7 }, context).sheets.map((s) => s.name); // ["CBA Simulation"]
 */
export function simulationWritePlan(
  result: SimulationResult,
  options: SimulationOptions,
  context: SimulationSheetContext,
): WritePlan {
  return { sheets: [withPrintSettings(simulationSheet(result, options, context))], cellUpdates: [] };
}

function runRows(result: SimulationResult, options: SimulationOptions, within: number): CellValue[][] {
  const rows: CellValue[][] = [["Trials run", result.trials, null]];
  if (options.trials !== undefined && options.trials !== result.trials) {
    rows.push([
      "Trials requested",
      options.trials,
      "Stopped early: the figures cover the trials run, in the order the full run would have made them",
    ]);
  }
  rows.push(
    ["Seed", result.seed, "Whole number; the same seed always gives the same draws"],
    [
      "Sampling",
      result.sampling === "latinHypercube" ? "Latin hypercube" : "Plain random",
      result.sampling === "latinHypercube"
        ? "Each line's draws spread one to each of as many equal-probability bands as there are trials"
        : "Independent uniform draws",
    ],
    [
      "Distribution",
      shapeName(options.distribution ?? "triangular"),
      Object.keys(options.lineDistributions ?? {}).length > 0
        ? "For lines without their own shape; see the lines simulated"
        : "Between each line's best and worst values, peaking at its most likely value",
    ],
    ["Best case", options.bestCase ?? "Best", "One end of each line's range"],
    ["Worst case", options.worstCase ?? "Worst", "The other end of each line's range"],
    [
      "Most likely",
      options.baseCase ?? "Midpoint",
      options.baseCase === undefined
        ? "Midpoint of each line's best and worst values"
        : "Each line's value in this case",
    ],
    ["Lines simulated", result.simulatedLines.length, "Lines with a best–worst range"],
    ["Lines held at one value", result.fixedLines.length, listText(result.fixedLines)],
    [
      "Lines not quantified",
      result.notQuantified.length,
      listText(result.notQuantified, " (left out, as in the business case)"),
    ],
    [
      "Correlated groups",
      options.correlatedGroups?.length ?? 0,
      (options.correlatedGroups ?? [])
        .map(
          (g, i) =>
            `${g.name ?? `Group ${i + 1}`}: ${g.lines.join(", ")} (rank correlation ${g.rankCorrelation})`,
        )
        .join("; ") || "None: lines vary independently",
    ],
    ["Payback within (years)", within, "The N in the probability of paying back within N years"],
    ["Percentiles", "PERCENTILE.INC", "Interpolated between neighbouring trials, as Excel's PERCENTILE.INC"],
  );
  return rows;
}

/** "2015/16" for year 3 of a case starting in 2012/13, else "year 3". */
function yearName(year: number, firstFinancialYear: number | undefined): string {
  if (firstFinancialYear === undefined) return `year ${year}`;
  const start = firstFinancialYear + year;
  return `${start}/${String((start + 1) % 100).padStart(2, "0")}`;
}

function shapeName(shape: string): string {
  return shape === "pert" ? "PERT" : "Triangular";
}

function listText(items: readonly string[], suffix = ""): string {
  return items.length === 0 ? "None" : `${items.join("; ")}${suffix}`;
}
