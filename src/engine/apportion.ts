import { EngineError, requireValue } from "./errors";
import { distributeUnits } from "./largestRemainder";
import { type Amount, Money, sum, toMoney } from "./money";

export interface ApportionOptions {
  /** The rounding unit: 0.01 (1p, the default), 1 (£1, or £1k when amounts are in £'000), 1000. */
  unit?: Amount;
  /** Name of the amount in error messages (default "amount"). */
  subject?: string;
}

/**
 * Splits an amount between partners in proportion to weights, in whole rounding units, so the parts
 * add up to exactly the amount. Weights may be shares or raw bases. Works on the absolute value and
 * applies the sign afterwards, so a saving splits exactly like a cost of the same size
 * (Hampshire: −1,950 at 73/22/5 → −1,424 / −429 / −97).
 *
 * @example
 * apportion(2545, [0.73, 0.22, 0.05], { unit: 1 }).map(Number) // → [1858, 560, 127]
 * apportion(2, [1, 1, 1, 1, 1, 1, 1]).map(Number) // → [0.29, 0.29, 0.29, 0.29, 0.28, 0.28, 0.28]
 */
export function apportion(
  amount: Amount,
  weights: readonly Amount[],
  options: ApportionOptions = {},
): Money[] {
  const subject = options.subject ?? "amount";
  const unit = toMoney(options.unit ?? "0.01", "unit");
  if (!unit.isPositive() || unit.isZero())
    throw new EngineError("invalidNumber", "unit", "must be greater than zero");
  requireValue(Array.isArray(weights) && weights.length > 0, "weights", "needs at least one partner");
  const shares = weights.map((w, i) => toMoney(w, `weights[${i + 1}]`));
  shares.forEach((s, i) => {
    if (s.isNegative()) throw new EngineError("invalidNumber", `weights[${i + 1}]`, "is negative");
  });
  if (sum(shares).isZero())
    throw new EngineError("invalidNumber", "weights", "are all zero, so nobody can bear the amount");
  const value = toMoney(amount, subject);
  const units = value.abs().div(unit);
  if (!units.isInteger()) {
    throw new EngineError(
      "invalidNumber",
      subject,
      `${value.toString()} is not a whole number of rounding units of ${unit.toString()}; round it first`,
    );
  }
  // Zero parts stay +0 so a saving never shows Excel a "-0".
  return distributeUnits(units, shares).map((parts) =>
    value.isNegative() && !parts.isZero() ? parts.times(unit).neg() : parts.times(unit),
  );
}
