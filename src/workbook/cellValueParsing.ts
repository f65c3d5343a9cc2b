import { Money } from "../engine/money";
import type { CellValue } from "./workbookPort";

/**
 * Reading what finance officers type into cells: numbers as numbers or as text copied from a
 * report ("1,140", "(680)", "£ -"; "£2.5m" is refused), "N/A" for not quantified, percentages, lists.
 * Each reader returns the value or the reason it cannot be read, never throws.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const notQuantifiedTexts = new Set(["n/a", "na", "n.a.", "not quantified"]);

export function isBlank(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** Text of a cell, trimmed; numbers and logical values as Excel would show them. */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value).trim();
}

/** How a value is described in a message: `the text "abc"`, `a blank`, `TRUE`. */
export function describeCell(value: CellValue | undefined): string {
  if (isBlank(value)) return "a blank";
  if (typeof value === "string") return `the text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === "boolean") return `the logical value ${value ? "TRUE" : "FALSE"}`;
  return String(value);
}

export function isNotQuantifiedText(value: CellValue | undefined): boolean {
  return typeof value === "string" && notQuantifiedTexts.has(value.trim().toLowerCase());
}

/** A formula saved without its calculated value, as the ExcelJS adapter passes it on: "=80/120". */
function isUncalculatedFormula(value: CellValue | undefined): boolean {
  return typeof value === "string" && value.startsWith("=");
}

/**
 * A number from a cell: a number, or text as finance documents print amounts: "1,140", "(680)",
 * "-680", "£1,140", "£ 1,027.10", "(£ 453.05)", "-£1,463.65", "£ -" (zero, as accounting formats
 * show it), "3.5%". Text percentages become fractions ("3.5%" → 0.035). Abbreviated amounts
 * ("£1.2m", "£4k") are refused with a reason: they are rounded, and their unit may not be the
 * workbook's. A formula with no calculated value is named as such.
 */
export function readNumber(value: CellValue | undefined): Parsed<Money> {
  if (typeof value === "number") {
    return Number.isFinite(value)
      ? { ok: true, value: new Money(value) }
      : { ok: false, reason: "is not a finite number" };
  }
  if (typeof value === "string" && isUncalculatedFormula(value)) {
    return {
      ok: false,
      reason: `is a formula with no calculated value (${value.length > 40 ? `${value.slice(0, 40)}…` : value}): open the workbook in Excel and save it so the formula is calculated, or type the value`,
    };
  }
  if (typeof value !== "string" || value.trim() === "") {
    return { ok: false, reason: `is not a number (found ${describeCell(value)})` };
  }
  // Non-breaking and thin spaces come with text copied from reports; "−" is a typeset minus.
  let text = value
    .replace(/[\u00a0\u2009\u202f\s]+/g, "")
    .replace(/[\u2212\u2013]/g, "-")
    .replace(/,/g, "");
  let negative = false;
  const bracketed = /^\((.*)\)$/.exec(text);
  if (bracketed) {
    negative = true;
    text = bracketed[1]!;
  }
  const signed = /^([+-]?)£(.*)$/.exec(text);
  if (signed) text = `${signed[1]}${signed[2]}`;
  // An accounting format's zero: "£ -" or a lone dash.
  if (text === "-") return { ok: true, value: new Money(0) };
  if (/^[+-]?(\d+\.?\d*|\.\d+)\s*(m|bn|k|million|thousand)$/i.test(text)) {
    return {
      ok: false,
      reason: `is an abbreviated amount (found ${describeCell(value)}): type it in full in the workbook's unit, e.g. 1,200 for £1.2m in £'000`,
    };
  }
  const percent = text.endsWith("%");
  if (percent) text = text.slice(0, -1);
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) {
    return { ok: false, reason: `is not a number (found ${describeCell(value)})` };
  }
  let number = new Money(text);
  if (percent) number = number.div(100);
  if (negative) number = number.neg();
  return { ok: true, value: number };
}

/** A whole number, e.g. a horizon or a year; `what` names it in the reason. */
export function readWholeNumber(
  value: CellValue | undefined,
  minimum: number,
  maximum: number,
): Parsed<number> {
  const parsed = readNumber(value);
  if (!parsed.ok) return parsed;
  if (!parsed.value.isInteger() || parsed.value.lt(minimum) || parsed.value.gt(maximum)) {
    return {
      ok: false,
      reason: `must be a whole number from ${minimum} to ${maximum} (found ${parsed.value.toString()})`,
    };
  }
  return { ok: true, value: parsed.value.toNumber() };
}

/**
 * A list typed into one cell: "HCC, HC" or "ICT; Finance (including Payroll)". Semicolons win
 * when present, so names may contain commas if the list uses semicolons. "*" means every one.
 */
export function readList(value: CellValue | undefined): string[] | "all" {
  const text = cellText(value);
  if (text === "*" || text.toLowerCase() === "all") return "all";
  const separator = text.includes(";") ? /;|\r?\n/ : /,|\r?\n/;
  return text
    .split(separator)
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

/**
 * Achievability factors as registers print them: "1-8", "1-5, 8", "1,2,3,4, 6 & 9", "1 – 8",
 * "1-4 and 8", or a single number.
 */
export function readFactorList(value: CellValue | undefined): Parsed<number[]> {
  if (isBlank(value)) return { ok: true, value: [] };
  if (typeof value === "number") {
    return Number.isInteger(value) && value >= 1
      ? { ok: true, value: [value] }
      : { ok: false, reason: `factor ${value} is not a whole number from 1 up` };
  }
  const text = cellText(value);
  const factors: number[] = [];
  for (const piece of text.split(/,|;|&|\band\b/i)) {
    const item = piece.trim();
    if (item === "") continue;
    const range = /^(\d+)\s*[-–—]\s*(\d+)$/.exec(item);
    if (range) {
      const from = Number(range[1]);
      const to = Number(range[2]);
      if (from < 1 || to < from)
        return { ok: false, reason: `"${item}" is not a range of factors from low to high` };
      for (let factor = from; factor <= to; factor++) factors.push(factor);
    } else if (/^\d+$/.test(item) && Number(item) >= 1) {
      factors.push(Number(item));
    } else {
      return { ok: false, reason: `"${item}" is not a factor number or a range such as 1-5` };
    }
  }
  return { ok: true, value: [...new Set(factors)].sort((a, b) => a - b) };
}
