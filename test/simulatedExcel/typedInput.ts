/**
 * What Excel makes of a string written into a cell through `Range.values`: the same as if a user
 * had typed it. "1,234" becomes a number, "TRUE" a boolean, "4/5" a date — unless the cell is
 * formatted as Text ("@"). The simulated host applies these rules so an adapter that writes labels
 * such as "2012/11" or "(5)" without protecting them fails here as it would in Excel.
 */
import { SimulatedOfficeError } from "./simulatedOfficeError";

export type StoredValue = string | number | boolean;

const plainNumber = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

function parseNumber(text: string): number | undefined {
  let body = text;
  let sign = 1;
  let scale = 1;
  const bracketed = /^\((.*)\)$/.exec(body);
  if (bracketed) {
    body = bracketed[1]!;
    sign = -1;
  }
  if (body.endsWith("%")) {
    body = body.slice(0, -1);
    scale = 0.01;
  }
  body = body.replace(/^([+-]?)[£$€]/, "$1");
  if (!/\d/.test(body) || !plainNumber.test(body)) return undefined;
  const value = Number(body.replace(/,/g, ""));
  return Number.isFinite(value) ? sign * value * scale : undefined;
}

/** Days from 1899-12-30 (Excel's serial 0) to the given date, or undefined if no such date. */
function dateSerial(year: number, month: number, day: number): number | undefined {
  if (month < 1 || month > 12 || day < 1) return undefined;
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return Math.round((time - Date.UTC(1899, 11, 30)) / 86_400_000);
}

function fullYear(year: number): number {
  return year < 30 ? 2000 + year : year < 100 ? 1900 + year : year;
}

/** UK-locale dates: d/m/y, d/m, m/y (month ≤ 12, year > 31) and y/m/d. */
function parseDate(text: string): number | undefined {
  const match = /^(\d{1,4})[/-](\d{1,2})(?:[/-](\d{1,4}))?$/.exec(text);
  if (!match) return undefined;
  const a = Number(match[1]);
  const b = Number(match[2]);
  const thisYear = new Date().getUTCFullYear();
  if (match[3] !== undefined) {
    const c = Number(match[3]);
    if (match[1]!.length === 4) return dateSerial(a, b, c);
    return dateSerial(fullYear(c), b, a);
  }
  if (match[1]!.length === 4) return dateSerial(a, b, 1);
  return dateSerial(thisYear, b, a) ?? (a <= 12 && b > 31 ? dateSerial(fullYear(b), a, 1) : undefined);
}

function parseTime(text: string): number | undefined {
  const match = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (!match) return undefined;
  const [hours, minutes, seconds] = [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
  if (hours > 23 || minutes > 59 || seconds > 59) return undefined;
  return (hours * 3600 + minutes * 60 + seconds) / 86_400;
}

/** The value a cell holds after `text` is written to it in a cell not formatted as Text. */
export function interpretTypedText(text: string): StoredValue {
  if (text.startsWith("'")) return text.slice(1);
  if (text.startsWith("=")) {
    throw new SimulatedOfficeError(
      "NotImplemented",
      `The simulated host does not evaluate formulas; Excel would have made '${text}' a formula.`,
    );
  }
  const trimmed = text.trim();
  if (/^(true|false)$/i.test(trimmed)) return trimmed.toLowerCase() === "true";
  return parseNumber(trimmed) ?? parseDate(trimmed) ?? parseTime(trimmed) ?? text;
}

/** What a cell formatted as Text stores when a number or boolean is written to it. */
export function asTypedIntoText(value: StoredValue): string {
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}
