import type { Money } from "../../engine/money";
import { cellText, readNumber, readWholeNumber } from "../cellValueParsing";
import type { CellValue } from "../workbookPort";

/** The price-basis settings: whether amounts are nominal (cash), the base year and an inflation rate. */
export interface PriceBasisSetting {
  /** True for Prices = Nominal: CBA_Lines' amounts are cash, deflated before discounting. */
  nominal: boolean;
  pricesCell?: string;
  /** Calendar year the price base financial year starts in (2025 for 2025/26). */
  baseYear?: { year: number; cell: string };
  /** One annual inflation rate for every year (0.02 = 2%). */
  inflation?: { rate: Money; cell: string };
}

type Report = (cell: string, check: string, message: string) => void;

/** "2025/26", "2025-26" or 2025 → 2025; undefined when not a year. */
export function financialYearStart(value: CellValue): number | undefined {
  const financial = /^(\d{4})\s*[/-]\s*\d{2,4}$/.exec(cellText(value));
  const parsed = financial
    ? readWholeNumber(Number(financial[1]), 1900, 2300)
    : readWholeNumber(value, 1900, 2300);
  return parsed.ok ? parsed.value : undefined;
}

/** "2025/26" for 2025. */
export function financialYearText(start: number): string {
  return `${start}/${String((start + 1) % 100).padStart(2, "0")}`;
}

/** The Prices setting: Real or Nominal (Cash). Returns the text shown on the Checks sheet. */
export function readPrices(value: CellValue, cell: string, basis: PriceBasisSetting, report: Report) {
  const text = cellText(value).toLowerCase();
  basis.pricesCell = cell;
  if (text === "real" || text === "constant" || text === "real terms") {
    basis.nominal = false;
    return "Real (constant prices): amounts discounted as given";
  }
  if (text === "nominal" || text === "cash" || text === "outturn") {
    basis.nominal = true;
    return "Nominal (cash): each year deflated to real terms before discounting; payback in cash terms";
  }
  return void report(cell, "Unknown price basis", `Prices is "${cellText(value)}"; use Real or Nominal`);
}

export function readPriceBaseYear(value: CellValue, cell: string, basis: PriceBasisSetting, report: Report) {
  const year = financialYearStart(value);
  if (year === undefined) {
    return void report(
      cell,
      "Invalid year",
      `the price base year "${cellText(value)}" is not a financial year such as 2025/26`,
    );
  }
  basis.baseYear = { year, cell };
  return financialYearText(year);
}

export function readInflation(value: CellValue, cell: string, basis: PriceBasisSetting, report: Report) {
  const parsed = readNumber(value);
  if (!parsed.ok) return void report(cell, "Not a number", `the inflation rate ${parsed.reason}`);
  if (parsed.value.lte(-1) || parsed.value.gte(1)) {
    return void report(
      cell,
      "Rate out of range",
      `the inflation rate ${parsed.value.toString()} is not a fraction between −1 and 1: enter 2% as 0.02 or "2%"`,
    );
  }
  basis.inflation = { rate: parsed.value, cell };
  return `${parsed.value.times(100).toString()}% a year`;
}
