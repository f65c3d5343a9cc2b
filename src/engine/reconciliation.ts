import { apportion } from "./apportion";
import { EngineError } from "./errors";
import { Money, sum, toMoney, type Amount } from "./money";

/**
 * Which arithmetic a finding failed.
 *
 * @example
 * const check: ReconciliationCheck = "totalEqualsLines";
 */
export type ReconciliationCheck =
  | "totalEqualsLines"
  | "rowTotal"
  | "columnTotal"
  | "grandTotal"
  | "percentageFromBase"
  | "headlineEqualsTable"
  | "publishedEqualsComputed";

/**
 * A figure in a published table that does not follow from the others. `expected` is what the
 * arithmetic gives, `found` is what the document prints.
 *
 * @example
 * // { check: "totalEqualsLines", location: "Set-up", expected: 2990, found: 2980,
 * //   message: "Total row 'Set-up' shows 2,980 but its lines sum to 2,990" }
 */
export interface Finding {
  check: ReconciliationCheck;
  location: string;
  expected: Money;
  found: Money;
  message: string;
}

/**
 * Options shared by the checks that compare sums.
 *
 * @example
 * const options: ToleranceOptions = { tolerance: 1 }; // allow £1k of rounding in a £'000 table
 */
export interface ToleranceOptions {
  /** Largest difference accepted, in the table's own units; default 0 (must foot exactly). */
  tolerance?: Amount;
}

/**
 * A table with cells, its printed row totals, column totals and grand total (each optional).
 *
 * @example
 * const table: TableWithTotals = {
 *   rowLabels: ["HCC", "HC"], columnLabels: ["Best", "Worst"],
 *   cells: [[1858, 2197], [794, 925]], rowTotals: [4055, 1719], columnTotals: [2652, 3122],
 * };
 */
export interface TableWithTotals {
  rowLabels: readonly string[];
  columnLabels: readonly string[];
  /** `cells[row][column]`; null = not quantified (N/A), left out of the sums rather than read as 0. */
  cells: readonly (readonly (Amount | null)[])[];
  rowTotals?: readonly Amount[];
  columnTotals?: readonly Amount[];
  grandTotal?: Amount;
}

/**
 * A printed percentage and the two figures it should follow from.
 *
 * @example
 * const figure: PrintedPercentage = { location: "Strategic Management, min %", part: 1100000, base: 3572448, shown: 30.8 };
 */
export interface PrintedPercentage {
  location: string;
  part: Amount;
  base: Amount;
  /** As printed, in percent (30.8 for 30.8%). */
  shown: Amount;
}

/**
 * A figure quoted in the text (a headline) and the table figure it summarises.
 *
 * @example
 * // "£5.4m" in the text against 5,380,000 in the table
 * const headline: HeadlineFigure = { location: "Section 2.4 text, minimum saving", headline: 5.4, decimals: 1,
 *   unit: 1000000, suffix: "m", table: 5380000, tableLocation: "Totals, min" };
 */
export interface HeadlineFigure {
  location: string;
  /** The figure as the headline prints it, in the headline's unit. */
  headline: Amount;
  /** Decimal places the headline is printed to: the precision at which the two must agree. */
  decimals: number;
  /** The table's figure, in the table's unit. */
  table: Amount;
  /** How many table units one headline unit is (1,000,000 for "£5.4m" against a table in £); default 1. */
  unit?: Amount;
  tableLocation?: string;
  /** Printed after each figure in the message, e.g. "%" or "m". */
  suffix?: string;
}

/**
 * Checks that a printed total equals the sum of its lines.
 *
 * @param lines null = not quantified (N/A): left out of the sum rather than counted as zero.
 * @returns one finding if the total is off by more than the tolerance, otherwise none.
 * @example
 * checkTotal("Set-up", 2980, [1140, 900, 400, 140, 80, 330]);
 * // [{ check: "totalEqualsLines", location: "Set-up", expected: 2990, found: 2980,
 * //    message: "Total row 'Set-up' shows 2,980 but its lines sum to 2,990" }]
 */
export function checkTotal(
  location: string,
  total: Amount,
  lines: readonly (Amount | null)[],
  options: ToleranceOptions = {},
): Finding[] {
  const tolerance = toleranceOf(options);
  const found = toMoney(total, `total '${location}'`);
  const expected = sumOfPresent(lines, (index) => `line ${index + 1} of total '${location}'`);
  if (withinTolerance(found, expected, tolerance)) return [];
  const [shown, summed] = formatPair(found, expected);
  return [
    {
      check: "totalEqualsLines",
      location,
      expected,
      found,
      message: `Total row '${location}' shows ${shown} but its lines sum to ${summed}`,
    },
  ];
}

/**
 * Checks a table's printed totals in both directions: each row total against its cells, each
 * column total against the cells above it, and the grand total against all the cells.
 *
 * @returns findings in the order rows, columns, grand total; none when everything foots.
 * @example
 * checkTableTotals({
 *   rowLabels: ["HCC", "HC"], columnLabels: ["Best", "Worst"],
 *   cells: [[1, 2], [3, 4]], rowTotals: [3, 7], columnTotals: [6, 4], // column totals swapped
 * }).map((f) => f.location); // ["column 'Best'", "column 'Worst'"]
 */
export function checkTableTotals(table: TableWithTotals, options: ToleranceOptions = {}): Finding[] {
  const tolerance = toleranceOf(options);
  const { rowLabels, columnLabels, cells } = table;
  if (!Array.isArray(rowLabels) || !Array.isArray(columnLabels) || !Array.isArray(cells)) {
    throw new EngineError("invalidValue", "table", "needs row labels, column labels and cells");
  }
  if (cells.length !== rowLabels.length) {
    throw new EngineError(
      "invalidValue",
      "table cells",
      `have ${cells.length} rows but there are ${rowLabels.length} row labels`,
    );
  }
  const values = cells.map((row, r) => {
    if (!Array.isArray(row) || row.length !== columnLabels.length) {
      throw new EngineError(
        "invalidValue",
        `row '${rowLabels[r]}'`,
        `needs ${columnLabels.length} cells, one per column`,
      );
    }
    return row.map((cell, c) =>
      cell === null ? null : toMoney(cell, `cell at row '${rowLabels[r]}', column '${columnLabels[c]}'`),
    );
  });
  const findings: Finding[] = [];

  if (table.rowTotals !== undefined) {
    requireLength(table.rowTotals, rowLabels.length, "row totals", "rows");
    table.rowTotals.forEach((printed, r) => {
      const label = rowLabels[r] ?? `${r + 1}`;
      const found = toMoney(printed, `total of row '${label}'`);
      const expected = sumPresent(values[r] ?? []);
      if (withinTolerance(found, expected, tolerance)) return;
      const [shown, summed] = formatPair(found, expected);
      findings.push({
        check: "rowTotal",
        location: `row '${label}'`,
        expected,
        found,
        message: `Row '${label}' shows a total of ${shown} but its cells sum to ${summed}`,
      });
    });
  }

  if (table.columnTotals !== undefined) {
    requireLength(table.columnTotals, columnLabels.length, "column totals", "columns");
    table.columnTotals.forEach((printed, c) => {
      const label = columnLabels[c] ?? `${c + 1}`;
      const found = toMoney(printed, `total of column '${label}'`);
      const expected = sumPresent(values.map((row) => row[c] ?? null));
      if (withinTolerance(found, expected, tolerance)) return;
      const [shown, summed] = formatPair(found, expected);
      findings.push({
        check: "columnTotal",
        location: `column '${label}'`,
        expected,
        found,
        message: `Column '${label}' shows a total of ${shown} but the cells above it sum to ${summed}`,
      });
    });
  }

  if (table.grandTotal !== undefined) {
    const found = toMoney(table.grandTotal, "grand total");
    const expected = sumPresent(values.flat());
    if (!withinTolerance(found, expected, tolerance)) {
      const [shown, summed] = formatPair(found, expected);
      findings.push({
        check: "grandTotal",
        location: "grand total",
        expected,
        found,
        message: `The grand total shows ${shown} but the cells of the table sum to ${summed}`,
      });
    }
  }
  return findings;
}

/**
 * Checks printed percentages against part ÷ base × 100 rounded half away from zero (Excel's
 * ROUND) to the stated number of decimal places.
 *
 * @throws EngineError when a base is zero: no percentage follows from it.
 * @example
 * checkPercentages(
 *   [{ location: "Strategic Management, min %", part: 1100000, base: 3572448, shown: 30.9 }],
 *   { decimals: 1 },
 * )[0]?.message;
 * // "Strategic Management, min % shows 30.9% but 1,100,000 / 3,572,448 gives 30.8% to 1 decimal place"
 */
export function checkPercentages(
  figures: readonly PrintedPercentage[],
  options: { decimals: number },
): Finding[] {
  const decimals = decimalsOf(options?.decimals, "decimals");
  if (!Array.isArray(figures)) throw new EngineError("invalidValue", "figures", "must be a list");
  const findings: Finding[] = [];
  for (const figure of figures) {
    const { location } = figure;
    const part = toMoney(figure.part, `part of '${location}'`);
    const base = toMoney(figure.base, `base of '${location}'`);
    const found = toMoney(figure.shown, `percentage shown for '${location}'`);
    if (base.isZero()) {
      throw new EngineError(
        "invalidNumber",
        `base of '${location}'`,
        "is zero, so no percentage follows from it",
      );
    }
    const expected = part.div(base).times(100).toDecimalPlaces(decimals, Money.ROUND_HALF_UP);
    if (found.eq(expected)) continue;
    findings.push({
      check: "percentageFromBase",
      location,
      expected,
      found,
      message:
        `${location} shows ${formatFigure(found, Math.max(decimals, found.decimalPlaces()), "%")} but ` +
        `${formatFigure(part, part.decimalPlaces())} / ${formatFigure(base, base.decimalPlaces())} gives ` +
        `${formatFigure(expected, decimals, "%")} to ${placesText(decimals)}`,
    });
  }
  return findings;
}

/**
 * Checks headline figures quoted in the text against the table they summarise: the table figure,
 * in the headline's unit and rounded to the headline's decimals, must equal the headline.
 *
 * @example
 * checkHeadlines([
 *   { location: "Section 2.4 text, minimum saving", headline: 3.6, decimals: 1, table: 3.4, suffix: "%" },
 *   { location: "Section 2.4 text, minimum saving", headline: 5.4, decimals: 1, table: 5380000, unit: 1000000, suffix: "m" },
 * ]).map((f) => f.message);
 * // ["Headline 'Section 2.4 text, minimum saving' says 3.6% but the table gives 3.4% at the headline's precision (1 decimal place)"]
 */
export function checkHeadlines(figures: readonly HeadlineFigure[]): Finding[] {
  if (!Array.isArray(figures)) throw new EngineError("invalidValue", "figures", "must be a list");
  const findings: Finding[] = [];
  for (const figure of figures) {
    const { location } = figure;
    const decimals = decimalsOf(figure.decimals, `decimals of headline '${location}'`);
    const found = toMoney(figure.headline, `headline '${location}'`);
    const table = toMoney(figure.table, `table figure for headline '${location}'`);
    const unit = toMoney(figure.unit ?? 1, `unit of headline '${location}'`);
    if (unit.lte(0)) {
      throw new EngineError("invalidNumber", `unit of headline '${location}'`, "must be greater than zero");
    }
    const expected = table.div(unit).toDecimalPlaces(decimals, Money.ROUND_HALF_UP);
    if (found.eq(expected)) continue;
    const suffix = figure.suffix ?? "";
    const source = figure.tableLocation === undefined ? "the table" : `table '${figure.tableLocation}'`;
    findings.push({
      check: "headlineEqualsTable",
      location,
      expected,
      found,
      message:
        `Headline '${location}' says ${formatFigure(found, Math.max(decimals, found.decimalPlaces()), suffix)} ` +
        `but ${source} gives ${formatFigure(expected, decimals, suffix)} at the headline's precision ` +
        `(${placesText(decimals)})`,
    });
  }
  return findings;
}

/**
 * A figure a document publishes ("savings of £4m a year", "a return of over 18 times", a printed
 * total) beside what the calculation it summarises gives.
 *
 * @example
 * const figure: PublishedFigure = { location: "Published!E3", published: 4000, printedTo: 1000, computed: 3804 };
 */
export interface PublishedFigure {
  location: string;
  published: Amount;
  /**
   * The rounding of the print, in the figure's own units: 1000 for "£4m" against £'000, 0.001 for
   * "75.3%" as a fraction, 1 for "2 years". The two agree when they differ by at most half of it.
   * Omitted: the decimals the published figure is given to (0.036 → 0.001).
   */
  printedTo?: Amount;
  computed: Amount;
  /** What was computed, for the message, e.g. "the Best case programme's annual saving". */
  what?: string;
  /** Printed after each figure in the message, e.g. "%" for figures given in percent. */
  suffix?: string;
}

/**
 * Checks published figures against what the product computes, within the printed rounding: a
 * figure printed to the nearest 1,000 agrees with anything within 500 of it.
 *
 * @example
 * checkPublishedFigures([{ location: "Text, ROI", published: 0.036, printedTo: 0.001, computed: 0.057 }])[0]?.message;
 * // "Text, ROI is published as 0.036 but the calculation gives 0.0570 (printed to 0.001, so it should be within 0.0005)"
 */
export function checkPublishedFigures(figures: readonly PublishedFigure[]): Finding[] {
  if (!Array.isArray(figures)) throw new EngineError("invalidValue", "figures", "must be a list");
  const findings: Finding[] = [];
  for (const figure of figures) {
    const { location } = figure;
    const found = toMoney(figure.published, `published figure '${location}'`);
    const expected = toMoney(figure.computed, `computed figure for '${location}'`);
    const printedTo =
      figure.printedTo === undefined
        ? printedRoundingOf(found)
        : toMoney(figure.printedTo, `printed rounding of '${location}'`);
    if (printedTo.isNegative()) {
      throw new EngineError("invalidNumber", `printed rounding of '${location}'`, "cannot be negative");
    }
    const tolerance = printedTo.div(2);
    if (withinTolerance(found, expected, tolerance)) continue;
    const suffix = figure.suffix ?? "";
    const decimals = Math.max(found.decimalPlaces(), printedTo.decimalPlaces());
    findings.push({
      check: "publishedEqualsComputed",
      location,
      expected,
      found,
      message:
        `${location} is published as ${formatFigure(found, decimals, suffix)} but ${figure.what ?? "the calculation"} gives ` +
        `${formatFigure(expected, Math.min(decimals + 1, 20), suffix)} (printed to ${formatFigure(printedTo, printedTo.decimalPlaces(), suffix)}, ` +
        `so it should be within ${formatFigure(tolerance, tolerance.decimalPlaces(), suffix)})`,
    });
  }
  return findings;
}

/**
 * The rounding a figure is printed to when nothing says otherwise: one unit of its last decimal.
 *
 * @example
 * printedRoundingOf(0.036).toString() // → "0.001"
 * printedRoundingOf(4000).toString() // → "1"
 */
export function printedRoundingOf(value: Amount): Money {
  const figure = toMoney(value, "published figure");
  return new Money(1).div(new Money(10).pow(figure.decimalPlaces()));
}

/**
 * The sum of a total's lines as `checkTotal` adds them: lines not quantified (null) left out.
 *
 * @example
 * totalOfLines([1140, null, 400]).toString() // → "1540"
 */
export function totalOfLines(lines: readonly (Amount | null)[]): Money {
  return sumOfPresent(lines, (index) => `line ${index + 1}`);
}

/**
 * Lines shared through one pool, each split between the pool's partners, and the pool's shares.
 *
 * @example
 * const pool: PooledLines = { rowLabels: ["Set-up"], columnLabels: ["A", "B"], cells: [[60, 40]],
 *   lineTotals: [100], weights: [3, 2], unit: 1, subject: "pool 'Shared'" };
 */
export interface PooledLines {
  rowLabels: readonly string[];
  /** The pool's partners. */
  columnLabels: readonly string[];
  /** `cells[line][partner]`: each line's part for each partner; null = no part. */
  cells: readonly (readonly (Amount | null)[])[];
  /** Each line's own amount. */
  lineTotals: readonly Amount[];
  /** The pool's share weights, one per partner. */
  weights: readonly Amount[];
  /** The rounding unit the parts are apportioned to. */
  unit: Amount;
  /** The pool, in error messages. */
  subject: string;
}

/**
 * Checks that each partner's column of a pool's lines equals its share of the lines' total
 * apportioned as one amount, as the pool's shares say: splitting every line separately and adding
 * the parts may differ from that by rounding, which is what this catches.
 *
 * @returns the lines' total and a finding per partner column that does not equal its share.
 * @example
 * checkPooledLines({ rowLabels: ["Set-up", "IT"], columnLabels: ["A", "B"], cells: [[60, 40], [30, 20]],
 *   lineTotals: [100, 50], weights: [3, 2], unit: 1, subject: "pool 'Shared'" });
 * // { total: 150, findings: [] } (3 / 5 of 150 = 90 = 60 + 30; 2 / 5 = 60 = 40 + 20)
 */
export function checkPooledLines(pool: PooledLines): { total: Money; findings: Finding[] } {
  const total = totalOfLines(pool.lineTotals);
  const expected = apportion(total, pool.weights, { unit: pool.unit, subject: pool.subject });
  const findings = checkTableTotals({
    rowLabels: pool.rowLabels,
    columnLabels: pool.columnLabels,
    cells: pool.cells,
    columnTotals: expected,
  });
  return { total, findings };
}

function toleranceOf(options: ToleranceOptions): Money {
  const tolerance = toMoney(options?.tolerance ?? 0, "tolerance");
  if (tolerance.lt(0)) throw new EngineError("invalidNumber", "tolerance", "cannot be negative");
  return tolerance;
}

function decimalsOf(value: unknown, subject: string): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > 20) {
    throw new EngineError("invalidNumber", subject, "must be a whole number of decimal places from 0 to 20");
  }
  return value;
}

function requireLength(list: readonly unknown[], length: number, subject: string, what: string): void {
  if (!Array.isArray(list) || list.length !== length) {
    throw new EngineError("invalidValue", subject, `need one figure per row or column (${length} ${what})`);
  }
}

function withinTolerance(found: Money, expected: Money, tolerance: Money): boolean {
  return found.minus(expected).abs().lte(tolerance);
}

function sumOfPresent(lines: readonly (Amount | null)[], subject: (index: number) => string): Money {
  if (!Array.isArray(lines)) throw new EngineError("invalidValue", subject(0), "lines must be a list");
  return sumPresent(lines.map((line, index) => (line === null ? null : toMoney(line, subject(index)))));
}

function sumPresent(values: readonly (Money | null)[]): Money {
  return sum(values.filter((value): value is Money => value !== null));
}

/** Both figures to the same number of decimals, so "2,980" sits beside "2,990", not "2,990.0". */
function formatPair(found: Money, expected: Money): [string, string] {
  const decimals = Math.max(found.decimalPlaces(), expected.decimalPlaces());
  return [formatFigure(found, decimals), formatFigure(expected, decimals)];
}

/** Thousands separators and brackets for negatives, as the documents print them: (1,424). */
function formatFigure(value: Money, decimals: number, suffix = ""): string {
  const rounded = value.toDecimalPlaces(decimals, Money.ROUND_HALF_UP);
  const [whole = "0", fraction] = rounded.abs().toFixed(decimals).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const text = (fraction === undefined ? grouped : `${grouped}.${fraction}`) + suffix;
  // A figure that rounds to zero prints as 0, never as (0).
  return rounded.isNegative() && !rounded.isZero() ? `(${text})` : text;
}

function placesText(decimals: number): string {
  return decimals === 1 ? "1 decimal place" : `${decimals} decimal places`;
}
