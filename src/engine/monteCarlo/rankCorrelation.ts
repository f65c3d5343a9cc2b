import type { RandomGenerator } from "pure-rand/types/RandomGenerator";
import { EngineError } from "../errors";
import { standardNormalQuantile } from "./distributions";
import { shuffledIndices } from "./sampling";

/**
 * Reorders the draws of several inputs so that their rank correlations come close to `target`
 * (Iman & Conover, 1982). Each input keeps exactly the values it had, only their order across
 * trials changes, so every input's distribution (and its Latin hypercube strata) survive intact.
 *
 * `draws` is stored input by input (`v × trials + i`); `inputs` names the rows to correlate, in
 * the order of `target`'s rows and columns. `target` must be symmetric with ones on the diagonal
 * and positive definite, except that a matrix of all ones (inputs that move perfectly together)
 * is accepted and gives them identical ranks.
 *
 * @example
 * const draws = uniformDraws(seededGenerator(3), 1000, 2, "latinHypercube");
 * imposeRankCorrelation(draws, 1000, [0, 1], [[1, 0.8], [0.8, 1]], seededGenerator(4));
 * spearmanRankCorrelation(draws.subarray(0, 1000), draws.subarray(1000)) // → about 0.8
 */
export function imposeRankCorrelation(
  draws: Float64Array,
  trials: number,
  inputs: readonly number[],
  target: readonly (readonly number[])[],
  generator: RandomGenerator,
  subject = "rank correlations",
): void {
  const k = inputs.length;
  if (k < 2 || trials < 2) return;
  checkCorrelationMatrix(target, k, subject);
  if (target.every((row) => row.every((value) => value === 1))) {
    const leader = ranksOf(draws.subarray(inputs[0]! * trials, (inputs[0]! + 1) * trials));
    for (const input of inputs.slice(1)) reorderToRanks(draws, input, trials, leader);
    return;
  }
  const targetFactor = cholesky(target, k);
  if (!targetFactor) {
    throw new EngineError(
      "invalidNumber",
      subject,
      "are not consistent with one another (the correlation matrix is not positive definite)",
    );
  }

  // Scores: normal quantiles at i / (n + 1), each input's column in its own random order.
  const scores = new Float64Array(trials);
  for (let i = 0; i < trials; i++) scores[i] = standardNormalQuantile((i + 1) / (trials + 1));
  const columns = new Float64Array(k * trials);
  const order = new Int32Array(trials);
  for (let j = 0; j < k; j++) {
    shuffledIndices(generator, order);
    for (let i = 0; i < trials; i++) columns[j * trials + i] = scores[order[i]!]!;
  }

  // The score columns' own correlation E = F Fᵀ is never exactly the identity; removing it with
  // F⁻¹ before applying the target's factor P makes the scores' correlation exactly the target.
  const sampleFactor = cholesky(correlationMatrix(columns, k, trials), k);
  if (!sampleFactor) {
    throw new EngineError(
      "invalidNumber",
      subject,
      `need more trials than lines to correlate (${trials} trials for ${k} lines)`,
    );
  }
  const adjusted = new Float64Array(k * trials);
  const row = new Float64Array(k);
  const solved = new Float64Array(k);
  for (let i = 0; i < trials; i++) {
    for (let j = 0; j < k; j++) row[j] = columns[j * trials + i]!;
    for (let j = 0; j < k; j++) {
      let value = row[j]!;
      for (let m = 0; m < j; m++) value -= sampleFactor[j * k + m]! * solved[m]!;
      solved[j] = value / sampleFactor[j * k + j]!;
    }
    for (let j = 0; j < k; j++) {
      let value = 0;
      for (let m = 0; m <= j; m++) value += targetFactor[j * k + m]! * solved[m]!;
      adjusted[j * trials + i] = value;
    }
  }
  inputs.forEach((input, j) => {
    reorderToRanks(draws, input, trials, ranksOf(adjusted.subarray(j * trials, (j + 1) * trials)));
  });
}

/**
 * Spearman's rank correlation of two equally long samples (ties share their average rank).
 *
 * @example
 * spearmanRankCorrelation([1, 2, 3, 4], [10, 20, 30, 25]) // → 0.8
 */
export function spearmanRankCorrelation(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  if (n !== y.length || n < 2) {
    throw new EngineError(
      "invalidValue",
      "samples",
      "need two samples of the same length, at least two values each",
    );
  }
  const rx = averageRanks(x);
  const ry = averageRanks(y);
  return pearson(rx, ry, 0, 0, n);
}

/**
 * Ranks 0 … n − 1 of a sample, ties broken by position so the order is always the same.
 *
 * @example
 * Array.from(ranksOf(new Float64Array([0.3, 0.1, 0.2]))) // → [2, 0, 1]
 */
export function ranksOf(values: Float64Array): Int32Array {
  const n = values.length;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => values[a]! - values[b]! || a - b);
  const ranks = new Int32Array(n);
  for (let r = 0; r < n; r++) ranks[order[r]!] = r;
  return ranks;
}

/** Rewrites an input's draws so that trial i gets the value whose rank among them is ranks[i]. */
function reorderToRanks(draws: Float64Array, input: number, trials: number, ranks: Int32Array): void {
  const column = draws.subarray(input * trials, (input + 1) * trials);
  const sorted = Float64Array.from(column).sort();
  for (let i = 0; i < trials; i++) column[i] = sorted[ranks[i]!]!;
}

function averageRanks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a]! - values[b]! || a - b);
  const ranks = new Float64Array(n);
  let start = 0;
  while (start < n) {
    let end = start;
    while (end + 1 < n && values[order[end + 1]!] === values[order[start]!]) end++;
    for (let r = start; r <= end; r++) ranks[order[r]!] = (start + end) / 2;
    start = end + 1;
  }
  return ranks;
}

function pearson(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  xOffset: number,
  yOffset: number,
  n: number,
): number {
  let meanX = 0;
  let meanY = 0;
  for (let i = 0; i < n; i++) {
    meanX += x[xOffset + i]!;
    meanY += y[yOffset + i]!;
  }
  meanX /= n;
  meanY /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[xOffset + i]! - meanX;
    const dy = y[yOffset + i]! - meanY;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? 0 : sxy / Math.sqrt(sxx * syy);
}

function correlationMatrix(columns: Float64Array, k: number, n: number): number[][] {
  return Array.from({ length: k }, (_, a) =>
    Array.from({ length: k }, (_, b) => (a === b ? 1 : pearson(columns, columns, a * n, b * n, n))),
  );
}

/** Lower-triangular L with L Lᵀ = matrix, stored row by row; undefined if not positive definite. */
function cholesky(matrix: readonly (readonly number[])[], k: number): Float64Array | undefined {
  const factor = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let value = matrix[i]![j]!;
      for (let m = 0; m < j; m++) value -= factor[i * k + m]! * factor[j * k + m]!;
      if (i === j) {
        if (!(value > 1e-12)) return undefined;
        factor[i * k + i] = Math.sqrt(value);
      } else {
        factor[i * k + j] = value / factor[j * k + j]!;
      }
    }
  }
  return factor;
}

function checkCorrelationMatrix(target: readonly (readonly number[])[], k: number, subject: string): void {
  const square =
    Array.isArray(target) &&
    target.length === k &&
    target.every((row) => Array.isArray(row) && row.length === k);
  if (!square)
    throw new EngineError(
      "invalidValue",
      subject,
      `must be a ${k} × ${k} matrix, one row and column per input`,
    );
  for (let a = 0; a < k; a++) {
    for (let b = 0; b < k; b++) {
      const value = target[a]![b]!;
      if (typeof value !== "number" || !Number.isFinite(value) || value < -1 || value > 1) {
        throw new EngineError(
          "invalidNumber",
          subject,
          `must be numbers from −1 to 1 (row ${a + 1}, column ${b + 1} is ${String(value)})`,
        );
      }
      if (a === b && value !== 1)
        throw new EngineError("invalidNumber", subject, "must have 1 on the diagonal");
      if (value !== target[b]![a]!) throw new EngineError("invalidNumber", subject, "must be symmetric");
    }
  }
}
