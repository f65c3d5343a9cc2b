import { Money } from "../engine/money";

/**
 * An amount as the documents print it, for messages and the terminal: thousands separators and
 * negatives (savings) in brackets, e.g. −1,950 → "(1,950)". Zero never shows as "(0)".
 *
 * @example
 * amountText(new Money(-1950), 0); // "(1,950)"
 */
export function amountText(value: Money, decimals: number): string {
  const rounded = value.toDecimalPlaces(decimals, Money.ROUND_HALF_UP);
  const [whole = "0", fraction] = rounded.abs().toFixed(decimals).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const text = fraction === undefined ? grouped : `${grouped}.${fraction}`;
  return rounded.isNegative() && !rounded.isZero() ? `(${text})` : text;
}

/** Decimals to show for amounts rounded to `roundingUnit` (1 → 0, 0.01 → 2). */
export function decimalsOf(roundingUnit: Money): number {
  return Math.min(Math.max(roundingUnit.decimalPlaces(), 0), 6);
}
