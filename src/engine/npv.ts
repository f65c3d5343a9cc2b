import { type DiscountRate, discountFactors, readAmounts, readDiscountRate } from "./discounting";
import { EngineError, requireValue } from "./errors";
import { type Amount, Money, sum } from "./money";

/** Unit roundoff of float64: every correctly rounded operation is within a factor (1 ± u). */
const roundoff = 2 ** -53;

/**
 * Each period's cashflow discounted to today: cashflows[t] × factor[t], where cashflows[0] is now
 * (factor 1, undiscounted) and later factors apply the rate, or a per-period schedule, cumulatively.
 * The present values add up exactly to `netPresentValue`.
 *
 * @example
 * presentValues([-100, 110, 121], 0.1).map(String) // → ["-100", "100", "100"]
 */
export function presentValues(cashflows: readonly Amount[], rate: DiscountRate): Money[] {
  const values = readAmounts(cashflows, "cashflows");
  const factors = discountFactors(values.length - 1, rate);
  return values.map((value, t) => value.times(factors[t]!));
}

/**
 * Discount factors for periods 0..`periods` as float64, each the correctly rounded value of the
 * engine's 40-digit decimal factor (so within a factor 1 ± 2^-53 of the exact one, at every
 * period, instead of an error that grows with each division).
 *
 * @example
 * floatDiscountFactors(2, 0.1) // → Float64Array [1, 0.9090909090909091, 0.8264462809917354]
 */
export function floatDiscountFactors(periods: number, rate: DiscountRate): Float64Array {
  return sharedFloatDiscountFactors(periods, rate).slice();
}

/**
 * The same factors, remembered per constant rate (payback and NPV ask for the same few rates
 * thousands of times, and reading decimals as numbers is slow); the array is shared, so callers
 * must not change it.
 *
 * @example
 * sharedFloatDiscountFactors(2, 0.1)[1] // → 0.9090909090909091
 */
export function sharedFloatDiscountFactors(periods: number, rate: DiscountRate): Float64Array {
  if (Array.isArray(rate)) return Float64Array.from(discountFactors(periods, rate), (f) => f.toNumber());
  const key = String(rate);
  const known = floatFactorCache.get(key);
  if (known && known.length >= periods + 1)
    return known.length === periods + 1 ? known : known.subarray(0, periods + 1);
  const factors = Float64Array.from(discountFactors(periods, rate), (f) => f.toNumber());
  if (floatFactorCache.size >= 32) floatFactorCache.clear();
  floatFactorCache.set(key, factors);
  return factors;
}

const floatFactorCache = new Map<string, Float64Array>();

/**
 * Net present value of `periods` float64 cashflows starting at `offset` (a row of a matrix), with
 * float64 `factors` from `floatDiscountFactors`, by Neumaier's compensated summation. Also writes
 * the error bound to `bound[0]` when given.
 *
 * Bound: with cashflows that are the numbers meant (whole units, or decimals read as the
 * nearest float64), u = 2^-53 and n ≤ 2^20 periods,
 * |result − exact NPV| ≤ 4u · Σ|cashflow[t] · factor[t]| + 2u · |result| + n · 2^-1074
 * (the last term for underflow to subnormal numbers).
 * (Each term carries at most 3u: the cashflow's own rounding, the factor's, the product's;
 * compensated summation adds at most 2u|S| + 2nu²Σ|terms|, inside the slack of the fourth u.)
 *
 * @example
 * netPresentValueOfRow(new Float64Array([-100, 110, 121]), 0, 3, floatDiscountFactors(2, 0.1)) // → 100
 */
export function netPresentValueOfRow(
  cashflows: ArrayLike<number>,
  offset: number,
  periods: number,
  factors: ArrayLike<number>,
  bound?: Float64Array,
): number {
  let total = 0;
  let compensation = 0;
  let size = 0;
  for (let t = 0; t < periods; t++) {
    const term = cashflows[offset + t]! * factors[t]!;
    const next = total + term;
    // Neumaier: keep the low-order bits lost by whichever of the two addends is smaller.
    compensation += Math.abs(total) >= Math.abs(term) ? total - next + term : term - next + total;
    total = next;
    size += Math.abs(term);
  }
  const result = total + compensation;
  if (bound) bound[0] = 4 * roundoff * size + 2 * roundoff * Math.abs(result) + periods * Number.MIN_VALUE;
  return result;
}

/** Options of `netPresentValues`. */
export interface BatchOptions {
  /**
   * Largest error accepted from float64 (default 0.005: half a penny, or half a thousandth of
   * the unit for amounts in £'000). A row whose error bound exceeds it is recomputed in decimals.
   */
  tolerance?: number;
}

/**
 * Net present values of many cashflows at once: `rows` holds them one after another, `periods`
 * values each (row-major, as a matrix of Float64Array rows), and entry i of the result is row i's
 * NPV in the appraisal convention (period 0 undiscounted). Float64 with compensated summation
 * (see `netPresentValueOfRow` for the bound); a row whose bound exceeds `tolerance` is recomputed
 * exactly by `netPresentValue`. Nothing is allocated per row.
 *
 * @example
 * netPresentValues(new Float64Array([-100, 110, 121, -100, 0, 121]), 3, 0.1) // → Float64Array [100, 0]
 */
export function netPresentValues(
  rows: ArrayLike<number>,
  periods: number,
  rate: DiscountRate,
  out?: Float64Array,
  options: BatchOptions = {},
): Float64Array {
  requireValue(Number.isInteger(periods) && periods > 0, "periods", "must be a whole number, 1 or more");
  const count = Math.floor(rows.length / periods);
  requireValue(
    count * periods === rows.length,
    "rows",
    `hold ${rows.length} values, which is not a whole number of rows of ${periods} periods`,
  );
  const tolerance = options.tolerance ?? 0.005;
  const factors = sharedFloatDiscountFactors(periods - 1, rate);
  const result = out ?? new Float64Array(count);
  const bound = new Float64Array(1);
  for (let i = 0; i < count; i++) {
    const offset = i * periods;
    for (let t = 0; t < periods; t++) {
      if (!Number.isFinite(rows[offset + t]!))
        throw new EngineError("invalidNumber", `rows[${i + 1}][${t}]`, "is not a finite number");
    }
    const value = netPresentValueOfRow(rows, offset, periods, factors, bound);
    result[i] =
      bound[0]! <= tolerance
        ? value
        : netPresentValue(
            Array.from({ length: periods }, (_, t) => rows[offset + t]!),
            rate,
          ).toNumber();
  }
  return result;
}

/**
 * Net present value in the appraisal convention: Σ cashflows[t] / (1 + r)^t with cashflows[0] now and
 * undiscounted, the others at the end of period t. With a per-period schedule (such as
 * `greenBookRates`) period t is discounted by (1 + r1)…(1 + r_t). This is what a business case means
 * by NPV; Excel's `NPV()` is `excelNetPresentValue`, which discounts the first value as well.
 * This is the exact figure (40-digit decimals) that result cells show; for many rows at float
 * speed use `netPresentValues`.
 *
 * @example
 * netPresentValue([-100, 110, 121], 0.1).toString() // → "100"
 * netPresentValue([-10000, 3000, 4200, 6800], 0.1).toFixed(2) // → "1307.29" (Excel: NPV(10%, 3000, 4200, 6800) − 10000)
 */
export function netPresentValue(cashflows: readonly Amount[], rate: DiscountRate): Money {
  return sum(presentValues(cashflows, rate));
}

/**
 * Excel's `NPV(rate, value1, …)`: every value is discounted, the first by one full period,
 * Σ values[i] / (1 + r)^(i + 1). `=NPV(r, whole row)` on a row that starts with a year-0 cost
 * understates the case by a factor of (1 + r); the appraisal figure is
 * `netPresentValue(row, r)` = `excelNetPresentValue(r, row[1..]) + row[0]`.
 *
 * @example
 * excelNetPresentValue(0.1, [-10000, 3000, 4200, 6800]).toFixed(2) // → "1188.44" (Microsoft's NPV example)
 */
export function excelNetPresentValue(rate: Amount, values: readonly Amount[]): Money {
  const amounts = readAmounts(values, "values");
  const growth = readDiscountRate(rate, "rate").plus(1);
  // Horner from the last value: ((v_n / g + v_(n−1)) / g + …) / g discounts value i by g^(i + 1).
  let total = new Money(0);
  for (let i = amounts.length - 1; i >= 0; i--) total = total.plus(amounts[i]!).div(growth);
  return total;
}
