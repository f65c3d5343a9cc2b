import { type DiscountRate, discountFactors, readAmounts, readDiscountRate } from "./discounting";
import { type Amount, Money, sum } from "./money";

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
 * Net present value in the appraisal convention: Σ cashflows[t] / (1 + r)^t with cashflows[0] now and
 * undiscounted, the others at the end of period t. With a per-period schedule (such as
 * `greenBookRates`) period t is discounted by (1 + r1)…(1 + r_t). This is what a business case means
 * by NPV; Excel's `NPV()` is `excelNetPresentValue`, which discounts the first value as well.
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
