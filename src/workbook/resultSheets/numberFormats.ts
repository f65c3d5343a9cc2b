import type { Money } from "../../engine/money";
import { decimalsOf } from "../amountText";

/**
 * Number formats of the result sheets. Amounts follow the documents' convention: thousands
 * separators, negatives (savings) in brackets, as many decimals as the rounding unit has.
 */
export function amountFormat(roundingUnit: Money): string {
  const decimals = decimalsOf(roundingUnit);
  const number = decimals === 0 ? "#,##0" : `#,##0.${"0".repeat(decimals)}`;
  return `${number};(${number})`;
}

/** Shares as percentages: "0%" for whole-percent shares, more decimals as the pool rounds; exact shares to 2. */
export function shareFormat(shareDecimals: number | undefined): string {
  const decimals = shareDecimals ?? 2;
  return decimals === 0 ? "0%" : `0.${"0".repeat(decimals)}%`;
}

/** Plain counts and weights: whole numbers with separators, or two decimals when any value has decimals. */
export function quantityFormat(values: readonly Money[]): string {
  return values.every((value) => value.isInteger()) ? "#,##0" : "#,##0.00";
}

/** Payback periods and years to recover. */
export const yearsFormat = "0.00";

/** Net return on investment, a ratio shown as a percentage. */
export const returnFormat = "0.0%";

export const wholeNumberFormat = "0";
