/*
 * NPV and payback of one trial's net cashflow in plain float64, for the simulation's hot loop.
 * They follow `netPresentValue` and `payback` (first crossing) exactly, except that "never pays
 * back" is Infinity here, to sort and count quickly, and a trial that falls back below zero by the
 * end has not paid back (Infinity), since the simulation asks whether a case pays back within N
 * years; results leave the engine as typed values.
 */

/**
 * Σ net[t] × factors[t] over the `periods` values of `net` starting at `offset`.
 *
 * @example
 * trialNetPresentValue(new Float64Array([-100, 110]), 0, 2, new Float64Array([1, 1 / 1.1])) // → 0 (to rounding)
 */
export function trialNetPresentValue(
  net: Float64Array,
  offset: number,
  periods: number,
  factors: Float64Array,
): number {
  let total = 0;
  for (let t = 0; t < periods; t++) total += net[offset + t]! * factors[t]!;
  return total;
}

/**
 * Payback in periods of the net cashflow at `offset` (discounted first when `factors` is given):
 * the first time the cumulative position climbs back to zero or above after going negative,
 * interpolated inside the period; 0 if it never goes negative; Infinity if it ends the horizon
 * negative. A cumulative position within a trillionth of the flows' size counts as zero, so
 * crossings that are exact in decimals are exact here too.
 *
 * @example
 * trialPayback(new Float64Array([-100, 60, 60]), 0, 3) // → 1.6666…
 * trialPayback(new Float64Array([-100, 40, 40]), 0, 3) // → Infinity
 */
export function trialPayback(
  net: Float64Array,
  offset: number,
  periods: number,
  factors?: Float64Array,
): number {
  let scale = 0;
  for (let t = 0; t < periods; t++) {
    const value = factors ? net[offset + t]! * factors[t]! : net[offset + t]!;
    scale += value < 0 ? -value : value;
  }
  const tolerance = scale * 1e-12;
  let cumulative = 0;
  let wentNegative = false;
  let crossing = -1;
  for (let t = 0; t < periods; t++) {
    const value = factors ? net[offset + t]! * factors[t]! : net[offset + t]!;
    const before = cumulative;
    cumulative += value;
    if (cumulative < -tolerance) {
      wentNegative = true;
    } else if (before < -tolerance && crossing < 0) {
      crossing = t - 1 + -before / value;
    }
  }
  if (cumulative < -tolerance) return Infinity;
  if (!wentNegative) return 0;
  return crossing;
}
