import { EngineError } from "../errors";
import { Money } from "../money";
import { standardNormalQuantile } from "./distributions";

/** The percentiles reported by default: P5, P10, P50, P90, P95. */
export const standardPercentiles: readonly number[] = [0.05, 0.1, 0.5, 0.9, 0.95];

/**
 * Percentile of an ascending sample the way Excel's PERCENTILE.INC takes it: position (n − 1) × p,
 * interpolated linearly between the neighbouring values. `p` is a fraction (0.1 for P10).
 * Infinity is allowed in the sample (a trial that never pays back) and is returned when the
 * percentile falls on or beyond it.
 *
 * @example
 * percentileOfSorted([1, 2, 3, 4, 5], 0.1) // → 1.4
 * percentileOfSorted([1, 2, Infinity], 0.9) // → Infinity
 */
export function percentileOfSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) throw new EngineError("invalidValue", "sample", "is empty");
  const position = (n - 1) * p;
  const below = Math.floor(position);
  const fraction = position - below;
  const low = sorted[below]!;
  if (fraction === 0 || below + 1 >= n) return low;
  const high = sorted[below + 1]!;
  if (high === Infinity) return Infinity;
  return low + fraction * (high - low);
}

/**
 * Checks percentiles given as fractions from 0 to 1 and returns them as numbers.
 *
 * @example
 * readPercentiles([0.1, 0.5, 0.9]) // → [0.1, 0.5, 0.9]
 */
export function readPercentiles(percentiles: readonly number[], subject = "percentiles"): number[] {
  if (!Array.isArray(percentiles) || percentiles.length === 0) {
    throw new EngineError("invalidValue", subject, "needs at least one percentile, such as 0.5 for P50");
  }
  return percentiles.map((p, i) => {
    if (typeof p !== "number" || !Number.isFinite(p) || p < 0 || p > 1) {
      throw new EngineError(
        "invalidNumber",
        `${subject}[${i + 1}]`,
        `must be a fraction from 0 to 1, such as 0.1 for P10 (got ${String(p)})`,
      );
    }
    return p;
  });
}

/** A distribution-free confidence interval for a percentile: two order statistics of the sample. */
export interface PercentileInterval {
  lower: number;
  upper: number;
  /** The confidence level the interval was built for, e.g. 0.95. */
  confidence: number;
}

/**
 * Confidence interval for the true p-th percentile from an ascending sample of n trials. The
 * number of trials below the true percentile is binomial(n, p), so the order statistics at
 * n p ∓ z √(n p (1 − p)) (rounded outwards) bracket it with the stated confidence, whatever the
 * distribution.
 *
 * @example
 * percentileInterval(Float64Array.from({ length: 100 }, (_, i) => i), 0.5) // → { lower: 39, upper: 60, confidence: 0.95 }
 */
export function percentileInterval(
  sorted: ArrayLike<number>,
  p: number,
  confidence = 0.95,
): PercentileInterval {
  const n = sorted.length;
  if (n === 0) throw new EngineError("invalidValue", "sample", "is empty");
  if (!(confidence > 0 && confidence < 1)) {
    throw new EngineError("invalidNumber", "confidence", "must be a fraction between 0 and 1, such as 0.95");
  }
  const z = standardNormalQuantile(0.5 + confidence / 2);
  const spread = z * Math.sqrt(n * p * (1 - p));
  // Order statistic j (1-based) is below the percentile with probability P(Binomial ≥ j).
  const lowerRank = Math.max(1, Math.floor(n * p - spread));
  const upperRank = Math.min(n, Math.ceil(n * p + spread) + 1);
  return { lower: sorted[lowerRank - 1]!, upper: sorted[upperRank - 1]!, confidence };
}

/** One bar of a histogram: values from `from` up to (and for the last bar including) `to`. */
export interface HistogramBin {
  from: number;
  to: number;
  count: number;
}

/**
 * Equal-width histogram of finite values between their minimum and maximum. All values equal give
 * one bin holding them all.
 *
 * @example
 * histogram([1, 2, 2, 3, 4], 3).map((bin) => bin.count) // → [1, 2, 2]
 */
export function histogram(values: ArrayLike<number>, bins: number): HistogramBin[] {
  if (!Number.isInteger(bins) || bins < 1 || bins > 1000) {
    throw new EngineError(
      "invalidNumber",
      "histogram bins",
      `must be a whole number from 1 to 1000 (got ${String(bins)})`,
    );
  }
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === Infinity) return [];
  if (min === max) return [{ from: min, to: max, count: countFinite(values) }];
  const span = max - min;
  // Halving first keeps the span finite for values near the largest double.
  const halfSpan = Number.isFinite(span) ? span / 2 : max / 2 - min / 2;
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) continue;
    const position = ((Number.isFinite(span) ? (v - min) / span : (v / 2 - min / 2) / halfSpan) * bins) | 0;
    counts[Math.min(bins - 1, Math.max(0, position))]!++;
  }
  const edge = (b: number) => (b === bins ? max : min + (halfSpan / bins) * 2 * b);
  return counts.map((count, b) => ({ from: edge(b), to: edge(b + 1), count }));
}

function countFinite(values: ArrayLike<number>): number {
  let count = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i]!)) count++;
  return count;
}

/**
 * A simulated amount as money, to a millionth of the case's unit: far below the simulation's own
 * precision, and free of binary noise such as 0.30000000000000004.
 *
 * @example
 * toReportedMoney(0.1 + 0.2).toString() // → "0.3"
 */
export function toReportedMoney(value: number): Money {
  const money = new Money(value).toDecimalPlaces(6);
  return money.isZero() ? new Money(0) : money;
}
