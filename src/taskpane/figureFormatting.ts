/**
 * How the pane prints figures: the documents' convention, negatives in brackets as Excel's
 * `#,##0;(#,##0)` shows them, rounded half away from zero like Excel's ROUND.
 */
import { Money } from "../engine/money";
import type { PaybackResult } from "../engine/payback";

/** `1858` → "1,858"; `-1424` → "(1,424)"; decimals default to none, as board tables print £'000. */
export function formatAmount(value: Money, decimals = 0): string {
  const rounded = new Money(value).toDecimalPlaces(decimals, Money.ROUND_HALF_UP);
  const text = rounded.abs().toFixed(decimals);
  const [whole = "0", fraction] = text.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const body = fraction === undefined ? grouped : `${grouped}.${fraction}`;
  return rounded.isNegative() && !rounded.isZero() ? `(${body})` : body;
}

/** A payback as a board reads it, always to one decimal: "2.4 years", "1.0 year", or "not within 10 years". */
export function formatPayback(result: PaybackResult): string {
  if (result.kind === "never")
    return `not within ${result.horizon} ${result.horizon === 1 ? "year" : "years"}`;
  const years = new Money(result.periods).toDecimalPlaces(1, Money.ROUND_HALF_UP);
  const text = `${years.toFixed(1)} ${years.equals(1) ? "year" : "years"}`;
  // A first payback after which the case falls back below zero has no final payback: say so.
  return result.fallsBack ? `${text}, then falls back below zero (no final payback)` : text;
}

/**
 * The spread of payback across cases in one phrase: "2.4–4.1 years" when every case pays back,
 * otherwise each case in its own words ("4.1 years (Best) to not within 10 years (Worst)"), so
 * "does not pay back" is never squeezed into a number.
 */
export function formatPaybackRange(entries: readonly { case: string; result: PaybackResult }[]): string {
  if (entries.length === 0) return "no cases";
  const years = entries.map(({ result }) =>
    result.kind === "paysBack" ? new Money(result.periods).toDecimalPlaces(1, Money.ROUND_HALF_UP) : null,
  );
  if (years.every((y): y is Money => y !== null) && entries.every(({ result }) => !("fallsBack" in result))) {
    const low = Money.min(...years);
    const high = Money.max(...years);
    if (low.equals(high)) return formatPayback(entries[0]!.result);
    return `${low.toFixed(1)}–${high.toFixed(1)} years`;
  }
  return entries.map(({ case: name, result }) => `${formatPayback(result)} (${name})`).join(" to ");
}

/** 0.035 → "3.5%". */
export function formatPercent(fraction: number): string {
  const percent = new Money(fraction).times(100).toDecimalPlaces(4, Money.ROUND_HALF_UP);
  return `${percent.toString()}%`;
}

/** Elapsed time for a status line: "420 ms" under a second, "1.3 s" above. */
export function formatDuration(milliseconds: number): string {
  if (milliseconds < 1000) return `${Math.max(0, Math.round(milliseconds))} ms`;
  return `${(milliseconds / 1000).toFixed(1)} s`;
}

/** "1 sheet", "3 sheets". */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString("en-GB")} ${count === 1 ? singular : plural}`;
}
