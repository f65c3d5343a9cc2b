import type { RiskBands } from "../../engine/riskRegister";
import { sheetReference } from "../formulaCells";

/**
 * The risk register's live formulas: what the engine's `scoreRegister` computes, written so Excel
 * recomputes it when a likelihood or impact changes (and Trace Precedents leads to the input).
 * Plain Excel functions only, so the workbook works without the add-in.
 */

/** "=E5*F5": score = likelihood × impact. */
export function riskScoreFormula(likelihood: string, impact: string): string {
  return `=${likelihood}*${impact}`;
}

function quoted(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * The band of the score in `score`, as `riskBand` gives it: the first band whose threshold the
 * score does not exceed, else the last band.
 *
 * @example
 * riskBandFormula("G5", { thresholds: [10, 15], labels: ["Low", "Medium", "High"] });
 * // '=IF(G5<=10,"Low",IF(G5<=15,"Medium","High"))'
 */
export function riskBandFormula(score: string, bands: RiskBands): string {
  const last = quoted(bands.labels[bands.thresholds.length] ?? bands.labels[bands.labels.length - 1] ?? "");
  const nested = bands.thresholds.reduceRight(
    (otherwise, threshold, index) =>
      `IF(${score}<=${threshold},${quoted(bands.labels[index] ?? "")},${otherwise})`,
    last,
  );
  return `=${nested}`;
}

/** "='Risks'!$E$5": a rating cell of CBA_Risks as the CBA Risks sheet refers to it. */
export function inputCellReference(sheet: string, address: string): string {
  return `=${sheetReference(sheet, address)}`;
}
