import type { RiskBands, RiskRegisterSummary } from "../../engine/riskRegister";
import { riskBand } from "../../engine/riskRegister";
import { cellAddress, parseCellAddress } from "../cellAddress";
import { isBlank, readNumber } from "../cellValueParsing";
import type { RisksInput } from "../contractInputs";
import { type ContractProblem, inputWarning } from "../contractProblems";
import type { CellUpdate, CellValue, OwnedSheet, TableBlock } from "../workbookPort";
import { inputCellReference, riskBandFormula, riskScoreFormula } from "./riskFormulas";
import { wholeNumberFormat } from "./numberFormats";
import { SheetLayout } from "./sheetLayout";

/** The risk register sheet's name. */
export const risksSheetName = "CBA Risks";

export const riskBlockNames = {
  scores: "CBA_Out_RiskScores",
  bands: "CBA_Out_RiskBands",
  heatMap: "CBA_Out_HeatMap",
  factors: "CBA_Out_FactorCoverage",
} as const;

/** Green for the lowest band through amber to red for the highest, as heat maps are read. */
const bandPalette = [
  [0x63, 0xbe, 0x7b],
  [0xff, 0xeb, 0x84],
  [0xf8, 0x69, 0x6b],
] as const;

/** Fill colour ("#RRGGBB") of band `index` out of `count` bands. */
export function bandColour(index: number, count: number): string {
  const position = count <= 1 ? 0 : (index / (count - 1)) * (bandPalette.length - 1);
  const lower = Math.min(Math.floor(position), bandPalette.length - 2);
  const weight = position - lower;
  const channel = (c: number) =>
    Math.round(bandPalette[lower]![c]! * (1 - weight) + bandPalette[lower + 1]![c]! * weight)
      .toString(16)
      .padStart(2, "0");
  return `#${channel(0)}${channel(1)}${channel(2)}`.toUpperCase();
}

/** "1–10", "11–15", "16–25" for whole-number scores on a 5 × 5 scale. */
function bandRanges(bands: RiskBands, maximumScore: number): string[] {
  return bands.labels.map((_, index) => {
    const low = index === 0 ? 1 : Math.floor(bands.thresholds[index - 1]!) + 1;
    const high = index < bands.thresholds.length ? Math.floor(bands.thresholds[index]!) : maximumScore;
    return low > high ? "none" : low === high ? `${low}` : `${low}–${high}`;
  });
}

/**
 * The CBA Risks sheet: scores and bands, counts per band, the 5 × 5 heat map with counts (each
 * cell filled in the colour of its band) and which achievability factors no risk covers.
 *
 * @example
 * risksSheet(summary, hampshireRiskBands).blocks.map((b) => b.name);
 * // ["CBA_Out_RiskScores", "CBA_Out_RiskBands", "CBA_Out_HeatMap", "CBA_Out_FactorCoverage"]
 */
export function risksSheet(input: RisksInput, summary: RiskRegisterSummary, bands: RiskBands): OwnedSheet {
  const layout = new SheetLayout();
  const byKey = new Map(input.risks.map((risk) => [risk.key, risk] as const));
  const scoreRows: CellValue[][] = summary.risks.map((scored) => {
    const risk = byKey.get(scored.name)!;
    return [
      risk.id || scored.name,
      risk.category,
      risk.risk,
      scored.likelihood,
      scored.impact,
      scored.score,
      scored.band,
      factorText(scored.factors),
    ];
  });
  const { impactLevels, likelihoodLevels, counts } = summary.heatMap;
  const maximumScore = Math.max(...impactLevels) * Math.max(...likelihoodLevels);
  const ranges = bandRanges(bands, maximumScore);
  const bandRows: CellValue[][] = summary.bandCounts.map(({ band, count }, index) => [
    band,
    ranges[index] ?? "",
    count,
  ]);

  const colourOf = (score: number) =>
    bandColour(bands.labels.indexOf(riskBand(score, bands)), bands.labels.length);
  const heatRows: CellValue[][] = impactLevels.map((impact, row) => [
    impact,
    ...likelihoodLevels.map((_, column) => counts[row]![column]!),
  ]);
  const heatFills = impactLevels.map((impact) => [
    null,
    ...likelihoodLevels.map((likelihood) => colourOf(impact * likelihood)),
  ]);

  const linked = new Map<number, number>();
  for (const risk of summary.risks)
    for (const factor of risk.factors) linked.set(factor, (linked.get(factor) ?? 0) + 1);
  const uncovered = new Set(summary.uncoveredFactors.map((f) => f.factor));
  const factorCount = Math.max(0, ...linked.keys(), ...uncovered);
  const factorRows: CellValue[][] = Array.from({ length: factorCount }, (_, index) => {
    const factor = index + 1;
    return [
      factor,
      linked.get(factor) ?? 0,
      uncovered.has(factor) || !linked.has(factor) ? "No: no risk is linked to it" : "Yes",
    ];
  });

  const scores = layout.place({
    name: riskBlockNames.scores,
    title: "Risk scores: score = likelihood × impact (live formulas on the CBA_Risks ratings)",
    header: ["ID", "Category", "Risk", "Likelihood", "Impact", "Score", "Band", "Factors"],
    rows: scoreRows,
    columnFormats: [null, null, null, wholeNumberFormat, wholeNumberFormat, wholeNumberFormat, null, null],
  });
  // Likelihood and impact refer to CBA_Risks, score and band are computed from them in the row.
  const scoreColumns = columnsOf(scores);
  scores.formulas = summary.risks.map((scored, index) => {
    const { ratingCells } = byKey.get(scored.name)!;
    const row = scoreColumns.firstRow + index;
    const at = (column: number) => `${scoreColumns.letter(column)}${row}`;
    return [
      null,
      null,
      null,
      inputCellReference(ratingCells.sheet, ratingCells.likelihood),
      inputCellReference(ratingCells.sheet, ratingCells.impact),
      riskScoreFormula(at(3), at(4)),
      riskBandFormula(at(5), bands),
      null,
    ];
  });
  const scoreRange = (column: number) => scoreColumns.absoluteRange(column, summary.risks.length);
  const bandsBlock = layout.place({
    name: riskBlockNames.bands,
    title: "Risks per band",
    header: ["Band", "Scores", "Risks"],
    rows: bandRows,
    columnFormats: [null, null, wholeNumberFormat],
  });
  if (summary.risks.length > 0) {
    const bandColumns = columnsOf(bandsBlock);
    bandsBlock.formulas = bandRows.map((_, index) => [
      null,
      null,
      `=COUNTIF(${scoreRange(6)},${bandColumns.letter(0)}${bandColumns.firstRow + index})`,
    ]);
  }
  const heatMap = layout.place({
    name: riskBlockNames.heatMap,
    title: "Heat map: number of risks by impact (down) and likelihood (across), coloured by band",
    header: ["Impact \\ Likelihood", ...likelihoodLevels.map(String)],
    rows: heatRows,
    fills: heatFills,
    asTable: false,
  });
  if (summary.risks.length > 0) {
    heatMap.formulas = impactLevels.map((impact) => [
      null,
      ...likelihoodLevels.map(
        (likelihood) => `=COUNTIFS(${scoreRange(3)},${likelihood},${scoreRange(4)},${impact})`,
      ),
    ]);
  }

  const blocks = [
    scores,
    bandsBlock,
    heatMap,
    layout.place({
      name: riskBlockNames.factors,
      title: "Achievability factor coverage",
      header: ["Factor", "Risks linked", "Covered"],
      rows: factorRows.length > 0 ? factorRows : [["(no factors)", 0, ""]],
      columnFormats: [null, wholeNumberFormat, null],
    }),
  ];
  return { name: risksSheetName, blocks, charts: [] };
}

/** Column letters and rows of a placed block's data, for formulas that refer within it. */
function columnsOf(block: TableBlock): {
  firstRow: number;
  letter: (column: number) => string;
  absoluteRange: (column: number, rowCount: number) => string;
} {
  const top = parseCellAddress(block.topLeft);
  const letter = (column: number) => cellAddress({ row: 1, column: top.column + column }).replace(/\d+$/, "");
  return {
    firstRow: top.row + 1,
    letter,
    absoluteRange: (column, rowCount) =>
      `$${letter(column)}$${top.row + 1}:$${letter(column)}$${top.row + Math.max(rowCount, 1)}`,
  };
}

function factorText(factors: readonly number[]): string {
  return factors.join(", ");
}

/**
 * Scores and bands written back into the Score and Band columns of CBA_Risks, one update per run
 * of consecutive rows, plus a warning for each score typed by hand that disagrees with
 * likelihood × impact (the refresh replaces it). Given the bands, each is a live formula on the
 * row's likelihood and impact (the computed value cached), so an edited rating rescores at once.
 */
export function riskWriteBack(
  input: RisksInput,
  summary: RiskRegisterSummary,
  bands?: RiskBands,
): { updates: CellUpdate[]; warnings: ContractProblem[] } {
  const scored = new Map(summary.risks.map((risk) => [risk.name, risk] as const));
  const warnings: ContractProblem[] = [];
  const cells: { sheet: string; column: number; row: number; value: CellValue; formula: string | null }[] =
    [];
  for (const risk of input.risks) {
    const result = scored.get(risk.key);
    if (!result) continue;
    if (risk.scoreTarget) {
      const previous = risk.scoreTarget.previous;
      const parsed = readNumber(previous);
      if (!isBlank(previous) && (!parsed.ok || !parsed.value.eq(result.score))) {
        warnings.push(
          inputWarning(
            input.range,
            risk.cell,
            "Score replaced",
            `risk "${risk.key}" showed a score of ${String(previous)} but likelihood ${risk.likelihood} × impact ${risk.impact} = ${result.score}; the score has been replaced`,
          ),
        );
      }
    }
    const sameSheet = (target: { sheet: string }) => target.sheet === risk.ratingCells.sheet;
    const scoreExpression = `${risk.ratingCells.likelihood}*${risk.ratingCells.impact}`;
    if (risk.scoreTarget) {
      cells.push({
        sheet: risk.scoreTarget.sheet,
        ...parseCellAddress(risk.scoreTarget.address),
        value: result.score,
        formula:
          bands && sameSheet(risk.scoreTarget)
            ? riskScoreFormula(risk.ratingCells.likelihood, risk.ratingCells.impact)
            : null,
      });
    }
    if (risk.bandTarget) {
      const scoreCell =
        risk.scoreTarget && sameSheet(risk.scoreTarget) ? risk.scoreTarget.address : undefined;
      cells.push({
        sheet: risk.bandTarget.sheet,
        ...parseCellAddress(risk.bandTarget.address),
        value: result.band,
        formula:
          bands && sameSheet(risk.bandTarget)
            ? riskBandFormula(scoreCell ?? `(${scoreExpression})`, bands)
            : null,
      });
    }
  }
  cells.sort((a, b) => a.sheet.localeCompare(b.sheet) || a.column - b.column || a.row - b.row);
  const updates: CellUpdate[] = [];
  let run:
    | {
        sheet: string;
        column: number;
        firstRow: number;
        values: CellValue[][];
        formulas: (string | null)[][];
      }
    | undefined;
  const flush = () => {
    if (!run) return;
    const update: CellUpdate = {
      sheet: run.sheet,
      topLeft: cellAddress({ row: run.firstRow, column: run.column }),
      values: run.values,
    };
    if (run.formulas.some(([formula]) => formula !== null)) update.formulas = run.formulas;
    updates.push(update);
  };
  for (const cell of cells) {
    if (
      run &&
      run.sheet === cell.sheet &&
      run.column === cell.column &&
      run.firstRow + run.values.length === cell.row
    ) {
      run.values.push([cell.value]);
      run.formulas.push([cell.formula]);
      continue;
    }
    flush();
    run = {
      sheet: cell.sheet,
      column: cell.column,
      firstRow: cell.row,
      values: [[cell.value]],
      formulas: [[cell.formula]],
    };
  }
  flush();
  return { updates, warnings };
}
