/**
 * Total rows pasted into an input range with its lines: "Total", "TOTAL", "Sub-total",
 * "Subtotal", "Grand total" (a trailing colon allowed). They are printed figures to check against
 * the rows above them, never rows to add in.
 */
const totalLabel = /^(grand\s+|sub[\s-]*)?total:?$/i;

/**
 * Whether a row's label marks it as a total row.
 *
 * @example
 * isTotalLabel("Sub-total"); // → true
 * isTotalLabel("Total savings"); // → false: a line that happens to start with "Total"
 */
export function isTotalLabel(label: string): boolean {
  return totalLabel.test(label.trim());
}

/** Whether a total label is a subtotal, which sums only the rows since the previous total row. */
export function isSubtotalLabel(label: string): boolean {
  return /^sub/i.test(label.trim());
}
