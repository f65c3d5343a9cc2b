import { reproducibleExp, reproducibleLog, reproducibleLogGamma } from "./reproducibleMath";

/*
 * Three-point distributions for inputs given as a range (best / likely / worst), sampled through
 * their quantile functions so that Latin hypercube strata and rank reordering carry over to the
 * values. Plain float64 arithmetic: these run inside the simulation's hot loop.
 */

/** How a range becomes a distribution: triangular, or PERT (a beta distribution, λ = 4). */
export type DistributionShape = "triangular" | "pert";

/**
 * Value at cumulative probability `p` (0 to 1) of the triangular distribution from `low` through
 * `mode` to `high`. Needs low ≤ mode ≤ high; low = high gives that value for every p.
 *
 * @example
 * triangularQuantile(0.5, 0, 5, 10) // → 5
 * triangularQuantile(0.5, 0, 0, 10) // → 2.9289… (10 − √50)
 */
export function triangularQuantile(p: number, low: number, mode: number, high: number): number {
  const width = high - low;
  if (width <= 0) return low;
  const split = (mode - low) / width;
  if (p <= split) return low + Math.sqrt(p * width * (mode - low));
  return high - Math.sqrt((1 - p) * width * (high - mode));
}

/**
 * Mean of a triangular distribution, (low + mode + high) / 3.
 *
 * @example
 * triangularMean(0, 3, 9) // → 4
 */
export function triangularMean(low: number, mode: number, high: number): number {
  return (low + mode + high) / 3;
}

/**
 * The beta shape parameters of a PERT distribution: α = 1 + 4 (mode − low) / (high − low) and
 * β = 1 + 4 (high − mode) / (high − low), so that its mean is (low + 4 mode + high) / 6.
 *
 * @example
 * pertShape(0, 5, 10) // → { alpha: 3, beta: 3 }
 */
export function pertShape(low: number, mode: number, high: number): { alpha: number; beta: number } {
  const width = high - low;
  if (width <= 0) return { alpha: 1, beta: 1 };
  return { alpha: 1 + (4 * (mode - low)) / width, beta: 1 + (4 * (high - mode)) / width };
}

/**
 * Mean of a PERT distribution, (low + 4 mode + high) / 6.
 *
 * @example
 * pertMean(0, 3, 12) // → 4
 */
export function pertMean(low: number, mode: number, high: number): number {
  return (low + 4 * mode + high) / 6;
}

/**
 * A PERT distribution prepared once so that its quantiles are cheap to take many times: the beta
 * shape, the log of its normalising constant and a coarse table of quantiles that brackets every
 * later search.
 */
export interface PreparedPert {
  low: number;
  width: number;
  alpha: number;
  beta: number;
  logBeta: number;
  /** Quantiles of the standard beta at p = 0, 1/n, 2/n, …, 1 (n = length − 1). */
  table: Float64Array;
}

const pertTableIntervals = 128;

/**
 * Prepares a PERT distribution from low ≤ mode ≤ high for `pertQuantileOf`.
 *
 * @example
 * pertQuantileOf(preparePert(0, 5, 10), 0.5) // → 5
 */
export function preparePert(low: number, mode: number, high: number): PreparedPert {
  const { alpha, beta } = pertShape(low, mode, high);
  const logBeta =
    reproducibleLogGamma(alpha) + reproducibleLogGamma(beta) - reproducibleLogGamma(alpha + beta);
  const table = new Float64Array(pertTableIntervals + 1);
  table[pertTableIntervals] = 1;
  if (high > low) {
    for (let k = 1; k < pertTableIntervals; k++) {
      table[k] = betaQuantile(k / pertTableIntervals, alpha, beta, logBeta, 0, 1);
    }
  }
  return { low, width: high - low, alpha, beta, logBeta, table };
}

/**
 * Value at cumulative probability `p` of a prepared PERT distribution.
 *
 * @example
 * pertQuantileOf(preparePert(0, 0, 10), 0.5) // → 1.2944… (10 × (1 − 0.5^(1/5)))
 */
export function pertQuantileOf(pert: PreparedPert, p: number): number {
  if (pert.width <= 0) return pert.low;
  const { table } = pert;
  const position = p * pertTableIntervals;
  const k = Math.min(Math.max(Math.floor(position), 0), pertTableIntervals - 1);
  const below = table[k]!;
  const above = table[k + 1]!;
  return pert.low + pert.width * betaQuantile(p, pert.alpha, pert.beta, pert.logBeta, below, above);
}

/**
 * Value at cumulative probability `p` of the PERT distribution from `low` through `mode` to `high`.
 * Prepare the distribution with `preparePert` when taking many quantiles of the same one.
 *
 * @example
 * pertQuantile(0.5, 0, 5, 10) // → 5
 */
export function pertQuantile(p: number, low: number, mode: number, high: number): number {
  return pertQuantileOf(preparePert(low, mode, high), p);
}

/**
 * Regularised incomplete beta function I_x(a, b): the cumulative probability at x of a beta(a, b)
 * distribution on [0, 1]. `logBeta` is ln B(a, b).
 *
 * @example
 * betaCumulative(0.5, 3, 3, Math.log(1 / 30)) // → 0.5
 */
export function betaCumulative(x: number, a: number, b: number, logBeta: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = reproducibleExp(a * reproducibleLog(x) + b * reproducibleLog(1 - x) - logBeta);
  return cumulativeFromFront(x, a, b, front);
}

/**
 * I_x(a, b) given front = x^a (1 − x)^b / B(a, b): a continued fraction (modified Lentz), taken on
 * whichever side of the mean converges fast.
 */
function cumulativeFromFront(x: number, a: number, b: number, front: number): number {
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b)) / a;
  return 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

const tiny = 1e-300;

function betaContinuedFraction(x: number, a: number, b: number): number {
  const sum = a + b;
  let c = 1;
  let d = 1 - (sum * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 200; m++) {
    const twoM = 2 * m;
    // Even step of the fraction.
    let term = (m * (b - m) * x) / ((a - 1 + twoM) * (a + twoM));
    d = 1 + term * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + term / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    // Odd step.
    term = (-(a + m) * (sum + m) * x) / ((a + twoM) * (a + 1 + twoM));
    d = 1 + term * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + term / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < 1e-16) break;
  }
  return h;
}

/**
 * Quantile of a beta(a, b) distribution (a, b ≥ 1) known to lie in [below, above]: Halley's method
 * inside the shrinking bracket, falling back to bisection when a step would leave it. Closed forms
 * when a or b is 1.
 */
function betaQuantile(
  p: number,
  a: number,
  b: number,
  logBeta: number,
  below: number,
  above: number,
): number {
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  if (a === 1 && b === 1) return p;
  // With a = 1 the cumulative is 1 − (1 − x)^b; with b = 1 it is x^a.
  if (a === 1) return 1 - reproducibleExp(reproducibleLog(1 - p) / b);
  if (b === 1) return reproducibleExp(reproducibleLog(p) / a);
  let x: number;
  if (below > 0 && above < 1) {
    // Inside a table interval: start from the straight line between its ends.
    x = below + (above - below) * (p * pertTableIntervals - Math.floor(p * pertTableIntervals));
  } else if (p * pertTableIntervals >= 1 && (1 - p) * pertTableIntervals >= 1) {
    x = triangularQuantile(p, 0, (a - 1) / (a + b - 2), 1);
  } else if (p < 0.5) {
    // Lower tail: I_x(a, b) ≈ x^a / (a B(a, b)) for small x.
    x = reproducibleExp((reproducibleLog(p) + reproducibleLog(a) + logBeta) / a);
  } else {
    // Upper tail: 1 − I_x(a, b) ≈ (1 − x)^b / (b B(a, b)) for x near 1.
    x = 1 - reproducibleExp((reproducibleLog(1 - p) + reproducibleLog(b) + logBeta) / b);
  }
  if (!(x > below && x < above)) x = (below + above) / 2;
  for (let iteration = 0; iteration < 100; iteration++) {
    const front = reproducibleExp(a * reproducibleLog(x) + b * reproducibleLog(1 - x) - logBeta);
    const error = cumulativeFromFront(x, a, b, front) - p;
    if (error === 0) return x;
    if (error < 0) below = x;
    else above = x;
    const density = front / (x * (1 - x));
    let next = Number.NaN;
    if (density > 0) {
      const newton = error / density;
      // Halley's correction uses the density's slope relative to itself: (a − 1)/x − (b − 1)/(1 − x).
      const curvature = newton * ((a - 1) / x - (b - 1) / (1 - x));
      next = x - newton / (1 - 0.5 * Math.min(Math.max(curvature, -1), 1));
    }
    const halleyStep = next > below && next < above;
    if (!halleyStep) next = (below + above) / 2;
    const step = Math.abs(next - x);
    // Halley converges cubically: after a step this small the next one would be below 1e−15.
    const distanceFromEnd = Math.min(next, 1 - next);
    if ((halleyStep && step <= 1e-5 * distanceFromEnd) || above - below <= 1e-15 * distanceFromEnd)
      return next;
    x = next;
  }
  return x;
}

// Acklam's rational approximation to the normal quantile (relative error below 1.2e−9).
const centralNumerator = [
  -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1,
  2.506628277459239,
] as const;
const centralDenominator = [
  -5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1,
] as const;
const tailNumerator = [
  -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
] as const;
const tailDenominator = [
  7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416,
] as const;

/**
 * Quantile of the standard normal distribution (Φ⁻¹), to about 1e−9 relative: used for rank
 * scores and confidence intervals, where that is ample.
 *
 * @example
 * standardNormalQuantile(0.975) // → 1.959963… ; standardNormalQuantile(0.5) // → 0
 */
export function standardNormalQuantile(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  const [n0, n1, n2, n3, n4, n5] = centralNumerator;
  const [d0, d1, d2, d3, d4] = centralDenominator;
  const [t0, t1, t2, t3, t4, t5] = tailNumerator;
  const [e0, e1, e2, e3] = tailDenominator;
  const lowTail = 0.02425;
  if (p < lowTail || p > 1 - lowTail) {
    const q = Math.sqrt(-2 * reproducibleLog(p < lowTail ? p : 1 - p));
    const value =
      (((((t0 * q + t1) * q + t2) * q + t3) * q + t4) * q + t5) /
      ((((e0 * q + e1) * q + e2) * q + e3) * q + 1);
    return p < lowTail ? value : -value;
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((n0 * r + n1) * r + n2) * r + n3) * r + n4) * r + n5) * q) /
    (((((d0 * r + d1) * r + d2) * r + d3) * r + d4) * r + 1)
  );
}
