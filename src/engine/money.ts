import Decimal from "decimal.js";
import { EngineError } from "./errors";

/**
 * Money and ratios are decimal.js values so that sums foot exactly and halves round the way
 * Excel's ROUND does (away from zero). This clone keeps the engine's settings independent of
 * any other user of decimal.js in the same runtime.
 */
export const Money = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Money = Decimal;

/** Anything the engine accepts as an amount: a number, a numeric string or a decimal. */
export type Amount = Decimal.Value;

/**
 * Converts an input to a decimal, rejecting NaN, infinities, blanks and non-numeric text with an
 * error that names the subject.
 */
export function toMoney(value: unknown, subject: string): Money {
  if (Decimal.isDecimal(value)) {
    const d = value as Decimal;
    if (!d.isFinite()) throw new EngineError("invalidNumber", subject, "is not a finite number");
    return new Money(d);
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new EngineError("invalidNumber", subject, "is not a finite number");
    return new Money(value);
  }
  if (
    typeof value === "string" &&
    value.trim() !== "" &&
    /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(value.trim())
  ) {
    return new Money(value.trim());
  }
  throw new EngineError("invalidValue", subject, `is not a number (got ${describe(value)})`);
}

/** Sum of decimals; zero for an empty list. */
export function sum(values: readonly Decimal[]): Money {
  return values.reduce<Money>((total, v) => total.plus(v), new Money(0));
}

function describe(value: unknown): string {
  if (value === null || value === undefined || value === "") return "a blank";
  if (typeof value === "string") return `the text "${value.length > 30 ? value.slice(0, 30) + "…" : value}"`;
  if (typeof value === "boolean") return `the logical value ${value ? "TRUE" : "FALSE"}`;
  return String(value);
}
