import { EngineError } from "../errors";
import { standardNormalQuantile } from "./distributions";
import { percentileOfSorted } from "./percentiles";

/*
 * How precisely a simulation has pinned down a percentile, and how many trials a chosen precision
 * needs. The standard error of a sample quantile is asymptotically √(p (1 − p) / n) / f(x_p),
 * where f is the density at the quantile. Rather than estimate f with a kernel (a bandwidth to
 * choose, and poor at the skewed, bounded shapes business cases give), the slope 1 / f is read
 * from the sample's own quantile function over the window p ± z √(p (1 − p) / n): the order
 * statistics that bound the distribution-free 95% interval already reported for the percentile.
 * So the standard error and that interval agree, and neither assumes a shape.
 *
 * The formula is for independent trials. Latin hypercube sampling usually pins percentiles down
 * more tightly, so for it these standard errors (and the trials they ask for) are on the safe side.
 */

/** z for a two-sided 95% interval: the precision asked for is that interval's half-width. */
export const z95 = standardNormalQuantile(0.975);

/**
 * Standard error of the p-th percentile estimated from an ascending sample of n trials (see the
 * module note for the method). 0 for n = 1, for P0 and P100, and where the sample is flat.
 *
 * @example
 * // 1,000 evenly spread values from 0 to 1: the slope of the quantile function is 1.
 * percentileStandardError(Float64Array.from({ length: 1001 }, (_, i) => i / 1000), 0.5) // → about 0.0158 (√(0.25 / 1001))
 */
export function percentileStandardError(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) throw new EngineError("invalidValue", "sample", "is empty");
  if (!(p >= 0 && p <= 1)) {
    throw new EngineError("invalidNumber", "percentile", `must be a fraction from 0 to 1 (got ${String(p)})`);
  }
  const spread = Math.sqrt((p * (1 - p)) / n);
  if (n < 2 || spread === 0) return 0;
  const low = Math.max(0, p - z95 * spread);
  const high = Math.min(1, p + z95 * spread);
  const rise = percentileOfSorted(sorted, high) - percentileOfSorted(sorted, low);
  // A window reaching a trial that never pays back (Infinity) has no finite slope.
  if (!Number.isFinite(rise)) return Infinity;
  return (spread * rise) / (high - low);
}

/**
 * Trials needed for a percentile's 95% confidence interval to be ± `precision` wide, from its
 * standard error over `trials` trials: the standard error falls as 1 / √n, so
 * n = trials × (1.96 × standard error / precision)², rounded up (at least 1).
 *
 * @example
 * trialsForPrecision(10, 10_000, 9.8) // → 40,000 (twice the precision needs four times the trials)
 */
export function trialsForPrecision(standardError: number, trials: number, precision: number): number {
  if (!(precision > 0) || !Number.isFinite(precision)) {
    throw new EngineError(
      "invalidNumber",
      "simulation precision",
      `must be an amount greater than zero (got ${String(precision)})`,
    );
  }
  if (!Number.isInteger(trials) || trials < 1) {
    throw new EngineError(
      "invalidNumber",
      "trials",
      `must be a whole number, 1 or more (got ${String(trials)})`,
    );
  }
  if (!(standardError >= 0)) {
    throw new EngineError(
      "invalidNumber",
      "standard error",
      `must be 0 or more (got ${String(standardError)})`,
    );
  }
  if (standardError === Infinity) return Infinity;
  const ratio = (z95 * standardError) / precision;
  // Binary noise must not add a trial (40,000.0000001 is 40,000).
  return Math.max(1, Math.ceil(trials * ratio * ratio * (1 - 1e-12)));
}
