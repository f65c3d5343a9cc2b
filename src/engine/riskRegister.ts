import { EngineError } from "./errors";
import { Money, sum, toMoney, type Amount } from "./money";

/**
 * Risk bands as ascending upper bounds: a score at or below `thresholds[i]` takes `labels[i]`,
 * a score above every threshold takes the last label, so `labels.length = thresholds.length + 1`.
 *
 * @example
 * const councilBands: RiskBands = { thresholds: [4, 9, 16], labels: ["Low", "Moderate", "Significant", "High"] };
 */
export interface RiskBands {
  thresholds: number[];
  labels: string[];
}

/**
 * Hampshire's bands: 1–10 Low, 11–15 Medium, 16–25 High.
 *
 * @example
 * riskBand(12, hampshireRiskBands); // "Medium"
 */
export const hampshireRiskBands: RiskBands = { thresholds: [10, 15], labels: ["Low", "Medium", "High"] };

/**
 * Highest point on each scale; both scales start at 1 and use whole numbers only.
 *
 * @example
 * const fourByFour: RiskScale = { likelihoodMax: 4, impactMax: 4 };
 */
export interface RiskScale {
  likelihoodMax: number;
  impactMax: number;
}

/**
 * The usual 5 × 5 scale.
 *
 * @example
 * riskScore(5, 5, standardRiskScale); // 25
 */
export const standardRiskScale: RiskScale = { likelihoodMax: 5, impactMax: 5 };

/**
 * One line of a risk register as the finance officer enters it.
 *
 * @example
 * const risk: RiskEntry = { name: "Enabling costs 1", likelihood: 3, impact: 4, factors: [1, 4, 6] };
 */
export interface RiskEntry {
  /** The risk's reference as printed in the register; must be unique within the register. */
  name: string;
  likelihood: number;
  impact: number;
  /** Achievability factors (numbered from 1) that this risk is linked to. */
  factors?: readonly number[];
}

/**
 * A register line with its score and band worked out.
 *
 * @example
 * // { name: "Enabling costs 1", likelihood: 3, impact: 4, score: 12, band: "Medium", factors: [1, 4, 6] }
 */
export interface ScoredRisk {
  name: string;
  likelihood: number;
  impact: number;
  score: number;
  band: string;
  factors: number[];
}

/**
 * Heat-map counts laid out as boards print them: `counts[row][column]`, where row 0 is the
 * HIGHEST impact and the last row impact 1 (`impactLevels` runs high → low), and column 0 is
 * likelihood 1 and the last column the highest likelihood (`likelihoodLevels` runs low → high).
 * So the top-right cell holds the most severe risks.
 *
 * @example
 * // 5 × 5: counts[0][2] = risks with impact 5 and likelihood 3
 * summary.heatMap.counts[0]![2];
 */
export interface RiskHeatMap {
  /** Impact of each row, top row first: [5, 4, 3, 2, 1] on a 5-point scale. */
  impactLevels: number[];
  /** Likelihood of each column, left column first: [1, 2, 3, 4, 5] on a 5-point scale. */
  likelihoodLevels: number[];
  counts: number[][];
}

/**
 * An achievability factor that no risk in the register is linked to.
 *
 * @example
 * // { factor: 10, name: "Realistic timescales" }
 */
export interface UncoveredFactor {
  factor: number;
  /** Present when the factor names were supplied. */
  name?: string;
}

/**
 * Everything a register summary shows.
 *
 * @example
 * const summary = scoreRegister(risks, { achievabilityFactors: 10 });
 * summary.bandCounts; // [{ band: "Low", count: 5 }, { band: "Medium", count: 7 }, { band: "High", count: 0 }]
 */
export interface RiskRegisterSummary {
  risks: ScoredRisk[];
  /** One entry per band label in ascending band order, zero counts kept. */
  bandCounts: { band: string; count: number }[];
  heatMap: RiskHeatMap;
  uncoveredFactors: UncoveredFactor[];
}

/**
 * Options for {@link scoreRegister}.
 *
 * @example
 * const options: RiskRegisterOptions = { bands: hampshireRiskBands, achievabilityFactors: ["Sponsorship", "Vision"] };
 */
export interface RiskRegisterOptions {
  scale?: RiskScale;
  bands?: RiskBands;
  /**
   * The achievability factors: a count N (factors 1..N) or their names in order (factor 1 first).
   * Omitted → factors 1 up to the highest one any risk mentions, so only gaps below it can show.
   */
  achievabilityFactors?: number | readonly string[];
}

/**
 * Risk score = likelihood × impact, each a whole number from 1 to its scale's maximum.
 *
 * @param risk names the risk in error messages ("likelihood of risk 'HR 1'").
 * @throws EngineError (#NUM!) for an off-scale or fractional rating, (#VALUE!) for a non-number.
 * @example
 * riskScore(3, 4); // 12
 * riskScore(2, 5, { likelihoodMax: 3, impactMax: 5 }); // 10
 */
export function riskScore(
  likelihood: number,
  impact: number,
  scale: RiskScale = standardRiskScale,
  risk?: string,
): number {
  validateScale(scale);
  const where = risk === undefined ? "" : ` of risk '${risk}'`;
  requireRating(likelihood, scale.likelihoodMax, `likelihood${where}`);
  requireRating(impact, scale.impactMax, `impact${where}`);
  return likelihood * impact;
}

/**
 * The band label for a score: the first band whose upper bound is at or above the score.
 *
 * @throws EngineError for a negative or non-finite score, or bands that are not ascending or
 *   whose labels do not number one more than the thresholds.
 * @example
 * riskBand(10); // "Low"
 * riskBand(11); // "Medium"
 * riskBand(16); // "High"
 */
export function riskBand(score: number, bands: RiskBands = hampshireRiskBands): string {
  validateBands(bands);
  return bandOf(score, bands, "score");
}

/**
 * Scores a whole register: each risk's score and band, counts by band, the heat map and the
 * achievability factors no risk covers.
 *
 * @throws EngineError naming the risk and the rating or factor at fault.
 * @example
 * const summary = scoreRegister(
 *   [
 *     { name: "BP 1", likelihood: 3, impact: 5, factors: [1, 2] },
 *     { name: "HR 1", likelihood: 2, impact: 3, factors: [2] },
 *   ],
 *   { achievabilityFactors: ["Sponsorship", "Vision", "Timescales"] },
 * );
 * summary.risks.map((r) => r.band); // ["Medium", "Low"]
 * summary.uncoveredFactors; // [{ factor: 3, name: "Timescales" }]
 */
export function scoreRegister(
  risks: readonly RiskEntry[],
  options: RiskRegisterOptions = {},
): RiskRegisterSummary {
  const scale = options.scale ?? standardRiskScale;
  const bands = options.bands ?? hampshireRiskBands;
  validateScale(scale);
  validateBands(bands);
  if (!Array.isArray(risks)) throw new EngineError("invalidValue", "risks", "must be a list of risks");

  const factorNames = Array.isArray(options.achievabilityFactors) ? options.achievabilityFactors : undefined;
  const statedFactorCount =
    typeof options.achievabilityFactors === "number" ? options.achievabilityFactors : factorNames?.length;
  if (statedFactorCount !== undefined && !(Number.isInteger(statedFactorCount) && statedFactorCount >= 0)) {
    throw new EngineError(
      "invalidNumber",
      "achievabilityFactors",
      "must be a whole number of factors, 0 or more",
    );
  }

  const seenNames = new Set<string>();
  const scored = risks.map((risk, index): ScoredRisk => {
    const name = risk?.name;
    if (typeof name !== "string" || name.trim() === "") {
      throw new EngineError("invalidValue", `risk ${index + 1}`, "has no name");
    }
    if (seenNames.has(name)) {
      throw new EngineError("invalidValue", `risk '${name}'`, "appears more than once in the register");
    }
    seenNames.add(name);
    const score = riskScore(risk.likelihood, risk.impact, scale, name);
    const factors = validateFactors(risk.factors ?? [], statedFactorCount, name);
    return {
      name,
      likelihood: risk.likelihood,
      impact: risk.impact,
      score,
      band: bandOf(score, bands, `score of risk '${name}'`),
      factors,
    };
  });

  const bandCounts = bands.labels.map((band) => ({
    band,
    count: scored.filter((r) => r.band === band).length,
  }));

  const impactLevels = descendingLevels(scale.impactMax);
  const likelihoodLevels = descendingLevels(scale.likelihoodMax).reverse();
  const counts = impactLevels.map(() => likelihoodLevels.map(() => 0));
  for (const risk of scored) {
    const row = counts[scale.impactMax - risk.impact];
    if (row !== undefined) row[risk.likelihood - 1] = (row[risk.likelihood - 1] ?? 0) + 1;
  }

  const covered = new Set(scored.flatMap((r) => r.factors));
  const factorCount = statedFactorCount ?? Math.max(0, ...covered);
  const uncoveredFactors: UncoveredFactor[] = [];
  for (let factor = 1; factor <= factorCount; factor++) {
    if (covered.has(factor)) continue;
    const factorName = factorNames?.[factor - 1];
    uncoveredFactors.push(factorName === undefined ? { factor } : { factor, name: factorName });
  }

  return { risks: scored, bandCounts, heatMap: { impactLevels, likelihoodLevels, counts }, uncoveredFactors };
}

/**
 * Risk-adjusted contingency: Σ probability × cost impact, the expected cost of the risks.
 *
 * @param items each with a probability from 0 to 1 and a cost impact (a saving at risk may be
 *   entered as a cost); `name` only labels error messages.
 * @throws EngineError naming the item whose probability is outside 0–1 or whose figure is not a number.
 * @example
 * riskAdjustedContingency([
 *   { probability: 0.5, costImpact: 200 },
 *   { probability: "0.1", costImpact: 1000 },
 * ]).toString(); // "200"
 */
export function riskAdjustedContingency(
  items: readonly { probability: Amount; costImpact: Amount; name?: string }[],
): Money {
  if (!Array.isArray(items)) throw new EngineError("invalidValue", "items", "must be a list of risks");
  const expectedCosts = items.map((item, index) => {
    const label = item?.name === undefined ? `item ${index + 1}` : `risk '${item.name}'`;
    const probability = toMoney(item?.probability, `probability of ${label}`);
    if (probability.lt(0) || probability.gt(1)) {
      throw new EngineError(
        "invalidNumber",
        `probability of ${label}`,
        `must be between 0 and 1 (got ${probability.toString()})`,
      );
    }
    return probability.times(toMoney(item.costImpact, `cost impact of ${label}`));
  });
  return sum(expectedCosts);
}

function requireRating(value: unknown, max: number, subject: string): void {
  if (typeof value !== "number") {
    throw new EngineError("invalidValue", subject, "is not a number");
  }
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new EngineError("invalidNumber", subject, `must be a whole number from 1 to ${max} (got ${value})`);
  }
}

function validateScale(scale: RiskScale): void {
  for (const key of ["likelihoodMax", "impactMax"] as const) {
    const max = scale?.[key];
    if (typeof max !== "number" || !Number.isInteger(max) || max < 1) {
      throw new EngineError("invalidNumber", `risk scale ${key}`, "must be a whole number, 1 or more");
    }
  }
}

function validateBands(bands: RiskBands): void {
  const { thresholds, labels } = bands ?? {};
  if (!Array.isArray(thresholds) || !Array.isArray(labels)) {
    throw new EngineError("invalidValue", "risk bands", "need a list of thresholds and a list of labels");
  }
  if (labels.length !== thresholds.length + 1) {
    throw new EngineError(
      "invalidValue",
      "risk band labels",
      `need one more label than thresholds (${thresholds.length} thresholds, ${labels.length} labels)`,
    );
  }
  thresholds.forEach((threshold, index) => {
    if (typeof threshold !== "number" || !Number.isFinite(threshold)) {
      throw new EngineError("invalidNumber", `risk band threshold ${index + 1}`, "is not a finite number");
    }
    const previous = thresholds[index - 1];
    if (previous !== undefined && threshold <= previous) {
      throw new EngineError(
        "invalidNumber",
        `risk band threshold ${index + 1}`,
        `must be above the one before it (${previous}); thresholds run in ascending order`,
      );
    }
  });
  const seen = new Set<string>();
  labels.forEach((label, index) => {
    if (typeof label !== "string" || label.trim() === "") {
      throw new EngineError("invalidValue", `risk band label ${index + 1}`, "is blank");
    }
    // Counts are reported per label, so two bands with one label would be indistinguishable.
    if (seen.has(label)) throw new EngineError("invalidValue", `risk band label '${label}'`, "is used twice");
    seen.add(label);
  });
}

function bandOf(score: number, bands: RiskBands, subject: string): string {
  if (typeof score !== "number" || !Number.isFinite(score)) {
    throw new EngineError("invalidNumber", subject, "is not a finite number");
  }
  if (score < 0) throw new EngineError("invalidNumber", subject, `cannot be negative (got ${score})`);
  const index = bands.thresholds.findIndex((threshold) => score <= threshold);
  const label = bands.labels[index === -1 ? bands.thresholds.length : index];
  if (label === undefined)
    throw new EngineError("invalidValue", "risk bands", "have no label for this score");
  return label;
}

function validateFactors(
  factors: readonly number[],
  factorCount: number | undefined,
  risk: string,
): number[] {
  if (!Array.isArray(factors)) {
    throw new EngineError("invalidValue", `factors of risk '${risk}'`, "must be a list of factor numbers");
  }
  for (const factor of factors) {
    const inRange = factorCount === undefined ? factor >= 1 : factor >= 1 && factor <= factorCount;
    if (typeof factor !== "number" || !Number.isInteger(factor) || !inRange) {
      const range = factorCount === undefined ? "1 or more" : `from 1 to ${factorCount}`;
      throw new EngineError(
        "invalidNumber",
        `factors of risk '${risk}'`,
        `must be whole factor numbers ${range} (got ${String(factor)})`,
      );
    }
  }
  return [...new Set(factors)].sort((a, b) => a - b);
}

function descendingLevels(max: number): number[] {
  return Array.from({ length: max }, (_, index) => max - index);
}
