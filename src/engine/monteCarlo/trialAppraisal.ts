/*
 * NPV and payback of one trial's net cashflow in plain float64, for the simulation's hot loop:
 * the engine's own row kernels (`netPresentValueOfRow`, `paybackOfRow`), named for what a trial
 * asks. "Never pays back" is Infinity here, to sort and count quickly, and a trial that falls back
 * below zero by the end has not paid back (Infinity), since the simulation asks whether a case
 * pays back within N years; results leave the engine as typed values.
 */
import { netPresentValueOfRow } from "../npv";
import { paybackOfRow } from "../payback";

/**
 * Σ net[t] × factors[t] over the `periods` values of `net` starting at `offset`, by compensated
 * summation (error bound in `netPresentValueOfRow`).
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
  return netPresentValueOfRow(net, offset, periods, factors);
}

/** A simulation asks "does it pay back within N years?": falling back below zero is not paying back. */
const trialOptions = { fallingBack: "never" } as const;

/**
 * Payback in periods of the net cashflow at `offset` (discounted first when `factors` is given):
 * the first time the cumulative position climbs back to zero or above after going negative,
 * interpolated inside the period; 0 if it never goes negative; Infinity if it ends the horizon
 * negative. Signs the float64 error bound cannot settle are decided in decimals, so crossings
 * that are exact in decimals are exact here too.
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
  return paybackOfRow(net, offset, periods, factors, trialOptions);
}
