import { EngineError } from "./errors";
import { type Amount, Money, toMoney } from "./money";

/**
 * Reads a fraction such as a deadweight, a share or an optimism-bias percentage (0.16 for 16%),
 * refusing anything outside `least`..`most` with an error that names the subject and says what the
 * value should be.
 *
 * @example
 * readFraction("0.16", "deadweight").toString() // → "0.16"
 * readFraction(0.41, "rate", { most: 2 }).toString() // → "0.41"
 */
export function readFraction(
  value: unknown,
  subject: string,
  range: { least?: Amount; most?: Amount } = {},
): Money {
  const fraction = toMoney(value, subject);
  const least = new Money(range.least ?? 0);
  const most = new Money(range.most ?? 1);
  if (fraction.lt(least) || fraction.gt(most)) {
    throw new EngineError(
      "invalidNumber",
      subject,
      `is ${fraction.toString()}: it must be a fraction from ${least.toString()} to ${most.toString()} (${least.times(100).toString()}% to ${most.times(100).toString()}%)`,
    );
  }
  return fraction;
}

/**
 * A decimal that is zero shown as +0, so Excel never sees "-0" after a saving is scaled by zero.
 *
 * @example
 * withoutNegativeZero(new Money(-0)).isNegative() // → false
 */
export function withoutNegativeZero(value: Money): Money {
  return value.isZero() ? new Money(0) : value;
}

/**
 * True for an array. Unlike `Array.isArray` inside an assertion, it does not widen a typed list to
 * `any[]`, so checks of callers' input keep the element types.
 *
 * @example
 * isList([1, 2]) // → true
 */
export function isList(value: unknown): boolean {
  return Array.isArray(value);
}
