import { type DiscountRate, discountFactors, readAmounts } from "./discounting";
import { EngineError, requireValue } from "./errors";
import { type Amount, Money, toMoney } from "./money";
import { presentValues, sharedFloatDiscountFactors } from "./npv";

/**
 * When a case breaks even. `periods` is interpolated inside the period of the crossing:
 * (t − 1) + (−cumulative[t − 1]) / net[t]. "never" means the cumulative position is still negative
 * at the end of the horizon (the last period, `cashflows.length − 1`): "does not pay back within
 * `horizon` years", never a number.
 *
 * @example
 * const result: PaybackResult = payback(row);
 * const text = result.kind === "paysBack" ? `${result.periods.toFixed(1)} years` : `not within ${result.horizon} years`;
 */
export type PaybackResult =
  | {
      kind: "paysBack";
      periods: Money;
      /** Set on a first payback when the cumulative position is below zero again at the end of the horizon. */
      fallsBack?: true;
    }
  | { kind: "never"; horizon: number };

/**
 * Options of `payback`.
 *
 * @example
 * payback([-100, 100, -50, 100], { which: "final" }) // → { kind: "paysBack", periods: 2.5 }
 */
export interface PaybackOptions {
  /** Discount the cashflows first (discounted payback): one rate or a per-period schedule. */
  rate?: DiscountRate;
  /**
   * "first" (default): the first time the cumulative position climbs back to ≥ 0 after going
   * negative, even when it falls back below zero later (the result then carries `fallsBack`).
   * "final": the last such up-crossing, and "never" when the horizon ends below zero.
   */
  which?: "first" | "final";
}

/*
 * One scan of a cashflow in float64 finds every decision payback depends on: where the
 * cumulative position is below zero, where it climbs back, how it ends. Each decision is the sign
 * of a running total, and the scan also carries a bound on that total's error; a decision is
 * certain when the total is further from zero than its bound. Whole-number cashflows whose running
 * absolute total stays below 2^53 add up exactly, so their bound is zero. When any decision is
 * uncertain the cashflow is decided again in decimals. The same scan serves `payback` (which then
 * interpolates in decimals, so its figure is exact), `paybackPeriods` for many rows and the
 * Monte Carlo trials.
 */

const roundoff = 2 ** -53;

/** What one scan found; reused between scans, so nothing is allocated per cashflow. */
interface Scan {
  /** Every sign decision was certain. */
  certain: boolean;
  wentNegative: boolean;
  endsNegative: boolean;
  /** Period of the first and of the last up-crossing, −1 if none. */
  firstPeriod: number;
  finalPeriod: number;
  /** Float64 interpolated crossings: (t − 1) + (−cumulative[t − 1]) / net[t]. */
  first: number;
  final: number;
}

const newScan = (): Scan => ({
  certain: true,
  wentNegative: false,
  endsNegative: false,
  firstPeriod: -1,
  finalPeriod: -1,
  first: 0,
  final: 0,
});

function scanPayback(
  values: ArrayLike<number>,
  offset: number,
  periods: number,
  factors: ArrayLike<number> | undefined,
  scan: Scan,
  valuesAreExact = true,
): Scan {
  // Whole numbers add up exactly, provided the float64 values are the amounts themselves.
  let whole = factors === undefined && valuesAreExact;
  let absolute = 0;
  for (let t = 0; t < periods && whole; t++) {
    const value = values[offset + t]!;
    absolute += Math.abs(value);
    whole = Number.isInteger(value) && absolute <= Number.MAX_SAFE_INTEGER;
  }
  // Per term: the cashflow's own rounding, and for discounting the factor's and the product's.
  const perTerm = whole ? 0 : factors === undefined ? roundoff : 3 * roundoff;
  let cumulative = 0;
  let compensation = 0;
  let size = 0;
  scan.certain = true;
  scan.wentNegative = false;
  scan.firstPeriod = -1;
  scan.finalPeriod = -1;
  let before = 0;
  let beforeNegative = false;
  for (let t = 0; t < periods; t++) {
    const value = factors === undefined ? values[offset + t]! : values[offset + t]! * factors[t]!;
    // Neumaier's compensated running total, and its error bound: the terms' own rounding plus
    // 2u of the total (a 2u slack on Σ|terms| covers the compensation's second-order part).
    const next = cumulative + value;
    compensation +=
      Math.abs(cumulative) >= Math.abs(value) ? cumulative - next + value : value - next + cumulative;
    cumulative = next;
    size += Math.abs(value);
    const total = cumulative + compensation;
    // Zero terms are exact: a total of nothing but zeros is exactly zero.
    if (
      !whole &&
      size > 0 &&
      Math.abs(total) <= (perTerm + 2 * roundoff) * size + 2 * roundoff * Math.abs(total)
    )
      scan.certain = false;
    const negative = total < 0;
    if (negative) {
      scan.wentNegative = true;
    } else if (beforeNegative) {
      // Climbed from below zero to zero or above in period t, so value > 0.
      const crossing = t - 1 + -before / value;
      if (scan.firstPeriod < 0) {
        scan.firstPeriod = t;
        scan.first = crossing;
      }
      scan.finalPeriod = t;
      scan.final = crossing;
    }
    before = total;
    beforeNegative = negative;
  }
  scan.endsNegative = beforeNegative;
  return scan;
}

const sharedScan = newScan();

/**
 * Payback period of a net cashflow (savings minus costs, cashflows[0] = now), in periods.
 *
 * Leading zeros (a delayed start) do not count as paid back: payback is when the cumulative
 * position climbs back to ≥ 0 after going negative, so delaying a case by a year delays its
 * payback by exactly a year. A case that never goes negative pays back at 0. A case that crosses
 * and falls back below zero by the end (exit costs, a reinvestment) has a first payback, marked
 * `fallsBack`, but no final payback: "final" then answers "never".
 *
 * The figure is exact (40-digit decimals), so a crossing exactly on a period boundary gives a whole
 * number. Where the crossing is is found in float64 with a proven error bound; only when the
 * cumulative position is too close to zero for that bound is the scan repeated in decimals.
 *
 * @example
 * payback([-100, 60, 60]) // → { kind: "paysBack", periods: 1.666… } (1 + 40 / 60)
 * payback([-100, 50, 50]) // → { kind: "paysBack", periods: 2 }
 * payback([-100, 40, 40]) // → { kind: "never", horizon: 2 }
 * payback([-100, 150, -100]) // → { kind: "paysBack", periods: 0.666…, fallsBack: true }
 * payback([-100, 60, 60], { rate: 0.1 }) // → { kind: "paysBack", periods: 1.916… } (discounted)
 */
export function payback(cashflows: readonly Amount[], options: PaybackOptions = {}): PaybackResult {
  const which = readWhich(options.which);
  requireValue(Array.isArray(cashflows), "cashflows", "must be a list of amounts");
  requireValue(cashflows.length > 0, "cashflows", "is empty: give at least one period");
  const periods = cashflows.length;
  const horizon = periods - 1;
  const numbers = new Float64Array(periods);
  let exact = true;
  for (let t = 0; t < periods; t++) {
    const value = cashflows[t];
    if (typeof value === "number" && Number.isFinite(value)) {
      numbers[t] = value;
    } else {
      // A decimal is read to the nearest float64; it is that float64 exactly only when whole and small.
      const decimal = toMoney(value, `cashflows[${t}]`);
      numbers[t] = decimal.toNumber();
      exact &&= decimal.isInteger() && decimal.abs().lte(Number.MAX_SAFE_INTEGER);
    }
  }
  const factors = options.rate === undefined ? undefined : sharedFloatDiscountFactors(horizon, options.rate);
  const scan = scanPayback(numbers, 0, periods, factors, sharedScan, exact);
  if (!scan.certain) {
    // A cumulative position too close to zero for float64 to tell its sign: decide in decimals.
    const net =
      options.rate === undefined
        ? readAmounts(cashflows, "cashflows")
        : presentValues(cashflows, options.rate);
    return decimalPayback(net, which);
  }
  const period = which === "first" ? scan.firstPeriod : scan.finalPeriod;
  if (scan.endsNegative) {
    if (which === "final" || scan.firstPeriod < 0) return { kind: "never", horizon };
    return { kind: "paysBack", periods: exactCrossing(cashflows, options.rate, period), fallsBack: true };
  }
  if (!scan.wentNegative) return { kind: "paysBack", periods: new Money(0) };
  return { kind: "paysBack", periods: exactCrossing(cashflows, options.rate, period) };
}

/**
 * The interpolated crossing in period t, in decimals as the decimal scan computes it: the
 * cumulative position before t from the (discounted) cashflows, then (t − 1) + (−before) / net[t].
 */
function exactCrossing(cashflows: readonly Amount[], rate: DiscountRate | undefined, t: number): Money {
  const factors = rate === undefined ? undefined : discountFactors(t, rate);
  const netOf = (s: number) => {
    const value = toMoney(cashflows[s], `cashflows[${s}]`);
    return factors ? value.times(factors[s]!) : value;
  };
  let before = new Money(0);
  for (let s = 0; s < t; s++) before = before.plus(netOf(s));
  return before
    .neg()
    .div(netOf(t))
    .plus(t - 1);
}

/** The same decisions and figure entirely in decimals, from the (discounted) net cashflow. */
function decimalPayback(net: readonly Money[], which: "first" | "final"): PaybackResult {
  let cumulative = new Money(0);
  let wentNegative = false;
  let firstCrossing: Money | undefined;
  let finalCrossing: Money | undefined;
  for (let t = 0; t < net.length; t++) {
    const before = cumulative;
    cumulative = cumulative.plus(net[t]!);
    if (cumulative.lt(0)) {
      wentNegative = true;
    } else if (before.lt(0)) {
      const crossing = before
        .neg()
        .div(net[t]!)
        .plus(t - 1);
      firstCrossing ??= crossing;
      finalCrossing = crossing;
    }
  }
  const horizon = net.length - 1;
  if (cumulative.lt(0)) {
    if (which === "final" || firstCrossing === undefined) return { kind: "never", horizon };
    return { kind: "paysBack", periods: firstCrossing, fallsBack: true };
  }
  if (!wentNegative) return { kind: "paysBack", periods: new Money(0) };
  return { kind: "paysBack", periods: (which === "first" ? firstCrossing : finalCrossing)! };
}

function readWhich(which: unknown): "first" | "final" {
  const value = which ?? "first";
  if (value !== "first" && value !== "final") {
    throw new EngineError("invalidValue", "which", `must be "first" or "final" (got ${String(value)})`);
  }
  return value;
}

/** Options of `paybackPeriods` and `paybackOfRow`. */
export interface BatchPaybackOptions {
  /** "first" (default) or "final", as in `payback`. */
  which?: "first" | "final";
  /**
   * What a first payback that falls back below zero by the end counts as: "paysBack" (default,
   * as `payback` reports it) or "never" (a simulation asking "does it pay back within N years?").
   */
  fallingBack?: "paysBack" | "never";
  /**
   * The discount rate the factors stand for, used only if a decision needs decimals (the float64
   * factors are taken as exact otherwise).
   */
  rate?: DiscountRate;
}

/**
 * Payback in periods of the `periods` float64 cashflows at `offset`, discounted first by float64
 * `factors` when given (see `floatDiscountFactors`): the same rule as `payback`, with Infinity for
 * "never". Every decision is float64 where its error bound allows and decimal where it does not;
 * the interpolated figure is float64, within a few units in the last place of the exact one.
 * Allocates nothing unless a decision needs decimals.
 *
 * @example
 * paybackOfRow(new Float64Array([9, -100, 60, 60]), 1, 3) // → 1.6666666666666667
 */
export function paybackOfRow(
  cashflows: ArrayLike<number>,
  offset: number,
  periods: number,
  factors?: ArrayLike<number>,
  options: BatchPaybackOptions = {},
): number {
  const which = options.which ?? "first";
  const scan = scanPayback(cashflows, offset, periods, factors, sharedScan);
  if (!scan.certain) {
    const exactFactors =
      factors === undefined
        ? undefined
        : options.rate === undefined
          ? Array.from({ length: periods }, (_, t) => new Money(factors[t]!))
          : discountFactors(periods - 1, options.rate);
    const net = Array.from({ length: periods }, (_, t) => {
      const value = new Money(cashflows[offset + t]!);
      return exactFactors ? value.times(exactFactors[t]!) : value;
    });
    const result = decimalPayback(net, which);
    if (result.kind === "never") return Infinity;
    if (result.fallsBack && options.fallingBack === "never") return Infinity;
    return result.periods.toNumber();
  }
  if (scan.endsNegative) {
    if (which === "final" || scan.firstPeriod < 0 || options.fallingBack === "never") return Infinity;
    return scan.first;
  }
  if (!scan.wentNegative) return 0;
  return which === "first" ? scan.first : scan.final;
}

/**
 * Paybacks of many cashflows at once: `rows` holds them one after another, `periods` values each,
 * and entry i of the result is row i's payback in periods (Infinity for "never"), by the rule of
 * `payback`, discounted first when `options.rate` is given. Float64 with exact decisions (see
 * `paybackOfRow`); nothing is allocated per row.
 *
 * @example
 * paybackPeriods(new Float64Array([-100, 60, 60, -100, 40, 40]), 3) // → Float64Array [1.666…, Infinity]
 */
export function paybackPeriods(
  rows: ArrayLike<number>,
  periods: number,
  options: BatchPaybackOptions = {},
  out?: Float64Array,
): Float64Array {
  readWhich(options.which);
  requireValue(Number.isInteger(periods) && periods > 0, "periods", "must be a whole number, 1 or more");
  const count = Math.floor(rows.length / periods);
  requireValue(
    count * periods === rows.length,
    "rows",
    `hold ${rows.length} values, which is not a whole number of rows of ${periods} periods`,
  );
  for (let k = 0; k < rows.length; k++) {
    if (!Number.isFinite(rows[k]!))
      throw new EngineError(
        "invalidNumber",
        `rows[${Math.floor(k / periods) + 1}][${k % periods}]`,
        "is not a finite number",
      );
  }
  const factors =
    options.rate === undefined ? undefined : sharedFloatDiscountFactors(periods - 1, options.rate);
  const result = out ?? new Float64Array(count);
  for (let i = 0; i < count; i++) result[i] = paybackOfRow(rows, i * periods, periods, factors, options);
  return result;
}

/**
 * Running totals of a cashflow: cumulative[t] = cashflows[0] + … + cashflows[t], the line a payback
 * chart draws.
 *
 * @example
 * cumulativeTotals([-100, 60, 60]).map(String) // → ["-100", "-40", "20"]
 */
export function cumulativeTotals(cashflows: readonly Amount[]): Money[] {
  let total = new Money(0);
  return readAmounts(cashflows, "cashflows").map((value) => (total = total.plus(value)));
}
