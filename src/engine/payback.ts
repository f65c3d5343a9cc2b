import { type DiscountRate, readAmounts } from "./discounting";
import { EngineError } from "./errors";
import { type Amount, Money } from "./money";
import { presentValues } from "./npv";

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

/**
 * Payback period of a net cashflow (savings minus costs, cashflows[0] = now), in periods.
 *
 * Leading zeros (a delayed start) do not count as paid back: payback is when the cumulative
 * position climbs back to ≥ 0 after going negative, so delaying a case by a year delays its
 * payback by exactly a year. A case that never goes negative pays back at 0. A case that crosses
 * and falls back below zero by the end (exit costs, a reinvestment) has a first payback, marked
 * `fallsBack`, but no final payback: "final" then answers "never". Decimal
 * arithmetic throughout, so a crossing exactly on a period boundary gives a whole number.
 *
 * @example
 * payback([-100, 60, 60]) // → { kind: "paysBack", periods: 1.666… } (1 + 40 / 60)
 * payback([-100, 50, 50]) // → { kind: "paysBack", periods: 2 }
 * payback([-100, 40, 40]) // → { kind: "never", horizon: 2 }
 * payback([-100, 150, -100]) // → { kind: "paysBack", periods: 0.666…, fallsBack: true }
 * payback([-100, 60, 60], { rate: 0.1 }) // → { kind: "paysBack", periods: 1.916… } (discounted)
 */
export function payback(cashflows: readonly Amount[], options: PaybackOptions = {}): PaybackResult {
  const which = options.which ?? "first";
  if (which !== "first" && which !== "final") {
    throw new EngineError("invalidValue", "which", `must be "first" or "final" (got ${String(which)})`);
  }
  const net =
    options.rate === undefined ? readAmounts(cashflows, "cashflows") : presentValues(cashflows, options.rate);
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
      // Climbed from below zero to zero or above in period t, so net[t] > 0.
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
