import Decimal from "decimal.js";
import { EngineError } from "../engine/errors";
import { type CellError, failureToCellError } from "./excelErrors";

/**
 * Conversions between what Excel passes to a custom function (ranges arrive as rows of cells,
 * `any[][]`; an omitted optional argument as `null` or `undefined`; a blank cell as `null` or "")
 * and what the engine takes and gives (numbers, decimals, lists). Every failure is an EngineError
 * that names the argument and the cell, so the message on Excel's error flag says where to look.
 *
 * Cell names follow the engine's convention: in a row of amounts per period the index is the
 * period (`cashflows[0]` is now); elsewhere it counts cells from 1 (`bases[2]` is the 2nd partner's
 * base); a cell of a table is `bases row 2, column 3`.
 */

/** A range as Excel passes it: rows of cells. */
export type CellRows = unknown[][];

/** Which way a single row or column of cells runs; results spill the same way. */
export type Orientation = "row" | "column";

/** A single row or column of cells. */
export interface CellLine {
  cells: unknown[];
  orientation: Orientation;
}

/** What a custom function may hand back to Excel. */
export type CellResult = number | string | boolean | (number | string)[][];

// Results larger than this would strain Excel on the web's result payload and nobody's board paper.
export const mostPeriods = 1000;

/** True for an empty cell or an omitted argument. */
export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || value === "";
}

/**
 * True for an optional argument left out: omitted, blank, or a reference to one blank cell.
 *
 * @example
 * isOmitted([[null]]); // true
 */
export function isOmitted(value: unknown): boolean {
  if (isBlank(value)) return true;
  return (
    Array.isArray(value) &&
    value.length === 1 &&
    Array.isArray(value[0]) &&
    value[0].length === 1 &&
    isBlank(value[0][0])
  );
}

/**
 * A range as a rectangle of cells. A single value (a literal typed into the formula) is a 1 × 1
 * range, as Excel would pass it to a range argument.
 *
 * @example
 * readRange(5, "rate"); // [[5]]
 */
export function readRange(value: unknown, subject: string): CellRows {
  if (!Array.isArray(value)) return [[value]];
  if (value.length === 0) throw new EngineError("invalidValue", subject, "is an empty range");
  const width = Array.isArray(value[0]) ? value[0].length : -1;
  value.forEach((row: unknown, r) => {
    if (!Array.isArray(row))
      throw new EngineError("invalidValue", subject, "must be a range of cells (rows of values)");
    if (row.length !== width) {
      throw new EngineError(
        "invalidValue",
        subject,
        `row ${r + 1} has ${row.length} cells but row 1 has ${width}`,
      );
    }
    row.forEach((cell: unknown, c) => {
      if (Array.isArray(cell)) {
        throw new EngineError(
          "invalidValue",
          `${subject} row ${r + 1}, column ${c + 1}`,
          "holds a list, not a value",
        );
      }
    });
  });
  if (width === 0) throw new EngineError("invalidValue", subject, "is an empty range");
  return value as CellRows;
}

/**
 * A range that must be a single row or a single column (a single cell counts as a row).
 *
 * @example
 * readLine([[1], [2], [3]], "weights"); // { cells: [1, 2, 3], orientation: "column" }
 */
export function readLine(value: unknown, subject: string): CellLine {
  const rows = readRange(value, subject);
  if (rows.length === 1) return { cells: rows[0]!, orientation: "row" };
  if (rows[0]!.length === 1) return { cells: rows.map((row) => row[0]), orientation: "column" };
  throw new EngineError(
    "invalidValue",
    subject,
    `must be a single row or column (got ${rows.length} rows × ${rows[0]!.length} columns)`,
  );
}

/** A percentage typed as text, "3.5%" or " -0.5 % ", as settings accept it. */
const percentText = /^\s*([+-]?(?:\d+\.?\d*|\.\d+))\s*%\s*$/;

/**
 * One cell as a finite number. A percentage typed as text ("3.5%") is read as a fraction (0.035),
 * as CBA_Settings reads it. Other text (even text that looks like a number), logical values and
 * error values are refused: a number stored as text is a slip a finance officer wants to hear about.
 *
 * @param blank what a blank cell means: "zero", or "refuse" it with an error.
 * @example
 * readCellNumber(12.5, "cashflows[3]", "zero"); // 12.5
 * readCellNumber("", "cashflows[3]", "zero"); // 0
 * readCellNumber("3.5%", "rate", "refuse"); // 0.035
 */
export function readCellNumber(value: unknown, subject: string, blank: "zero" | "refuse"): number {
  if (isBlank(value)) {
    if (blank === "zero") return 0;
    throw new EngineError("invalidValue", subject, "is blank; enter 0 if that is what it means");
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new EngineError("invalidNumber", subject, "is not a finite number");
    return value === 0 ? 0 : value; // no -0 reaches the engine or the sheet
  }
  const percent = typeof value === "string" ? percentText.exec(value) : null;
  if (percent) {
    const fraction = new Decimal(percent[1]!).div(100).toNumber();
    return fraction === 0 ? 0 : fraction;
  }
  throw new EngineError("invalidValue", subject, `is not a number (got ${describeCell(value)})`);
}

/**
 * A row of amounts per period (cashflows, costs, benefits, a phasing profile). Blank cells inside
 * the row count as 0, so every later period keeps its place; blank cells after the last filled one
 * are dropped, so a row selected wider than its data does not add empty periods.
 *
 * @example
 * readPeriodRow([[-100, "", 60, 60, "", ""]], "cashflows"); // { values: [-100, 0, 60, 60], orientation: "row" }
 */
export function readPeriodRow(
  value: unknown,
  subject: string,
): { values: number[]; orientation: Orientation } {
  const line = readLine(value, subject);
  let end = line.cells.length;
  while (end > 0 && isBlank(line.cells[end - 1])) end--;
  if (end === 0) throw new EngineError("invalidValue", subject, "is blank; it needs at least one amount");
  // Named by period, as the engine does: cashflows[0] is now.
  const values = line.cells.slice(0, end).map((cell, t) => readCellNumber(cell, `${subject}[${t}]`, "zero"));
  return { values, orientation: line.orientation };
}

/**
 * Two or more rows of amounts over the same periods (costs and benefits). Read as
 * {@link readPeriodRow}, except that trailing blanks are dropped only where every row is blank, so
 * a cost line that stops early still covers the same years as its benefits.
 *
 * @example
 * readPeriodRows([{ value: [[100, 50, ""]], subject: "costs" }, { value: [[0, 30, 60]], subject: "benefits" }]);
 * // [[100, 50, 0], [0, 30, 60]]
 */
export function readPeriodRows(rows: readonly { value: unknown; subject: string }[]): number[][] {
  const lines = rows.map((row) => readLine(row.value, row.subject));
  const filledLength = (cells: unknown[]): number => {
    let end = cells.length;
    while (end > 0 && isBlank(cells[end - 1])) end--;
    return end;
  };
  const length = Math.max(...lines.map((line) => filledLength(line.cells)));
  if (length === 0) {
    throw new EngineError(
      "invalidValue",
      rows.map((row) => row.subject).join(" and "),
      "are blank; they need at least one amount",
    );
  }
  // A row whose range is shorter than the others keeps its own length, so the engine can say the
  // periods do not match rather than this reader inventing zeros beyond the range.
  return lines.map((line, k) =>
    line.cells
      .slice(0, line.cells.length >= length ? length : filledLength(line.cells))
      .map((cell, t) => readCellNumber(cell, `${rows[k]!.subject}[${t}]`, "zero")),
  );
}

/**
 * Two or more ranges of lines over the same periods (the low, likely and high amounts of cost and
 * benefit lines). Each range is one line, as a single row or column, or a table with one line per
 * row and the periods running across. Blank cells count as 0 as in {@link readPeriodRow}, and
 * trailing periods are dropped only where every line of every range is blank; a range that then
 * covers fewer periods than the others is refused, naming it.
 *
 * Cells of a one-line range are named by period (`costsLow[3]`), of a table by line and period
 * (`costsLow row 2, period 3`).
 *
 * @example
 * readPeriodTables([
 *   { value: [[100, 50], [10, ""]], subject: "costsLow" },
 *   { value: [[0, 30, ""]], subject: "benefitsLow" },
 * ]); // [[[100, 50], [10, 0]], [[0, 30]]]
 */
export function readPeriodTables(ranges: readonly { value: unknown; subject: string }[]): number[][][] {
  const tables = ranges.map((range) => {
    const rows = readRange(range.value, range.subject);
    // A single column is one line over periods, as a column of cashflows is elsewhere.
    return rows.length > 1 && rows[0]!.length === 1 ? [rows.map((row) => row[0])] : rows;
  });
  const filledLength = (lines: unknown[][]): number => {
    let end = lines[0]!.length;
    while (end > 0 && lines.every((line) => isBlank(line[end - 1]))) end--;
    return end;
  };
  const filled = tables.map(filledLength);
  const length = Math.max(...filled);
  if (length === 0) {
    throw new EngineError(
      "invalidValue",
      ranges.map((range) => range.subject).join(", "),
      "are blank; they need at least one amount",
    );
  }
  return tables.map((lines, k) => {
    const subject = ranges[k]!.subject;
    if (lines[0]!.length < length) {
      const longest = ranges[filled.indexOf(length)]!.subject;
      throw new EngineError(
        "invalidValue",
        subject,
        `covers ${lines[0]!.length} ${lines[0]!.length === 1 ? "period" : "periods"} but ${longest} covers ${length}: give every range for the same periods`,
      );
    }
    return lines.map((line, r) =>
      line
        .slice(0, length)
        .map((cell, t) =>
          readCellNumber(
            cell,
            lines.length === 1 ? `${subject}[${t}]` : `${subject} row ${r + 1}, period ${t}`,
            "zero",
          ),
        ),
    );
  });
}

/**
 * A single row or column of numbers where every cell must be filled (bases, weights, rates).
 *
 * @example
 * readNumberLine([[0.73, 0.22, 0.05]], "weights"); // { values: [0.73, 0.22, 0.05], orientation: "row" }
 */
export function readNumberLine(
  value: unknown,
  subject: string,
): { values: number[]; orientation: Orientation } {
  const line = readLine(value, subject);
  const values = line.cells.map((cell, i) =>
    readCellNumber(cell, line.cells.length === 1 ? subject : `${subject}[${i + 1}]`, "refuse"),
  );
  return { values, orientation: line.orientation };
}

/**
 * A table of numbers where every cell must be filled.
 *
 * @example
 * readNumberTable([[1800, 400], [44400, 15000]], "bases"); // [[1800, 400], [44400, 15000]]
 */
export function readNumberTable(value: unknown, subject: string): number[][] {
  return readRange(value, subject).map((row, r) =>
    row.map((cell, c) => readCellNumber(cell, `${subject} row ${r + 1}, column ${c + 1}`, "refuse")),
  );
}

/**
 * A single row or column of labels. Numbers are taken as their text (a band may be called 1, 2, 3);
 * blank cells and logical values are refused.
 *
 * @example
 * readTextLine([["Low", "Medium", "High"]], "labels"); // ["Low", "Medium", "High"]
 */
export function readTextLine(value: unknown, subject: string): string[] {
  const { cells } = readLine(value, subject);
  return cells.map((cell, i) => {
    const where = cells.length === 1 ? subject : `${subject}[${i + 1}]`;
    if (typeof cell === "number" && Number.isFinite(cell)) return String(cell);
    if (typeof cell !== "string" || cell.trim() === "") {
      throw new EngineError(
        "invalidValue",
        where,
        `must be text (got ${isBlank(cell) ? "a blank" : describeCell(cell)})`,
      );
    }
    return cell.trim();
  });
}

/** One argument of an element-wise function: its value and its name in messages. */
export interface ElementWiseArgument {
  value: unknown;
  subject: string;
}

/**
 * Applies `each` cell by cell across ranges of the same shape (a single value goes with every
 * cell), returning a result of that shape. `each` receives the cells and their names
 * ("likelihood[3]"); an EngineError it throws about a whole argument ("likelihood") is re-aimed
 * at the cell, so the message says which row to fix.
 *
 * @example
 * elementWise([{ value: [[3], [2]], subject: "likelihood" }, { value: [[5], [3]], subject: "impact" }],
 *   ([l, i]) => Number(l) * Number(i)); // [[15], [6]]
 */
export function elementWise<T extends number | string>(
  args: readonly ElementWiseArgument[],
  each: (cells: unknown[], names: string[]) => T,
): T[][] {
  const ranges = args.map((arg) => readRange(arg.value, arg.subject));
  const isSingle = (range: CellRows): boolean => range.length === 1 && range[0]!.length === 1;
  const shaped = ranges.find((range) => !isSingle(range)) ?? ranges[0]!;
  const rows = shaped.length;
  const columns = shaped[0]!.length;
  ranges.forEach((range, k) => {
    if (!isSingle(range) && (range.length !== rows || range[0]!.length !== columns)) {
      throw new EngineError(
        "invalidValue",
        args[k]!.subject,
        `must be a single value or the same shape as ${args[0]!.subject} (${shapeText(rows, columns)}), not ${shapeText(range.length, range[0]!.length)}`,
      );
    }
  });
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: columns }, (_, c) => {
      const cells = ranges.map((range) => (isSingle(range) ? range[0]![0] : range[r]![c]));
      const names = args.map((arg, k) =>
        isSingle(ranges[k]!) ? arg.subject : cellName(arg.subject, rows, columns, r, c),
      );
      try {
        return each(cells, names);
      } catch (failure) {
        const k =
          failure instanceof EngineError ? args.findIndex((arg) => arg.subject === failure.subject) : -1;
        if (failure instanceof EngineError && k >= 0)
          throw new EngineError(failure.kind, names[k]!, failure.problem);
        throw failure;
      }
    }),
  );
}

function cellName(subject: string, rows: number, columns: number, r: number, c: number): string {
  if (rows === 1 && columns === 1) return subject;
  if (columns === 1) return `${subject}[${r + 1}]`;
  if (rows === 1) return `${subject}[${c + 1}]`;
  return `${subject} row ${r + 1}, column ${c + 1}`;
}

function shapeText(rows: number, columns: number): string {
  return `${rows} ${rows === 1 ? "row" : "rows"} × ${columns} ${columns === 1 ? "column" : "columns"}`;
}

/**
 * A single number argument. A one-cell range is accepted as its value.
 *
 * @example
 * readNumber(2545, "setUpCost"); // 2545
 */
export function readNumber(value: unknown, subject: string): number {
  return readCellNumber(singleValue(value, subject), subject, "refuse");
}

/**
 * An optional number argument: `undefined` when omitted or blank.
 *
 * @example
 * readOptionalNumber(null, "guess"); // undefined
 */
export function readOptionalNumber(value: unknown, subject: string): number | undefined {
  const single = singleValue(value, subject);
  return isBlank(single) ? undefined : readCellNumber(single, subject, "refuse");
}

/**
 * A whole number from `least` to `most`.
 *
 * @example
 * readWholeNumber(40, "periods", 1, 1000); // 40
 */
export function readWholeNumber(value: unknown, subject: string, least: number, most: number): number {
  const number = readOptionalWholeNumber(value, subject, least, most);
  if (number === undefined)
    throw new EngineError("invalidValue", subject, "is blank; it needs a whole number");
  return number;
}

/**
 * An optional whole number from `least` to `most`: `undefined` when omitted or blank.
 *
 * @example
 * readOptionalWholeNumber(10, "periods", 1, 1000); // 10
 */
export function readOptionalWholeNumber(
  value: unknown,
  subject: string,
  least: number,
  most: number,
): number | undefined {
  const number = readOptionalNumber(value, subject);
  if (number !== undefined && (!Number.isInteger(number) || number < least || number > most)) {
    throw new EngineError(
      "invalidNumber",
      subject,
      `must be a whole number from ${least} to ${most} (got ${number})`,
    );
  }
  return number;
}

/**
 * An optional text argument, trimmed: `undefined` when omitted or blank.
 *
 * @example
 * readOptionalText(" final ", "which"); // "final"
 */
export function readOptionalText(value: unknown, subject: string): string | undefined {
  const single = singleValue(value, subject);
  if (isBlank(single)) return undefined;
  if (typeof single !== "string") {
    throw new EngineError("invalidValue", subject, `must be text (got ${describeCell(single)})`);
  }
  const text = single.trim();
  return text === "" ? undefined : text;
}

/**
 * A discount rate: one number, or a single row or column of rates r1..rn for periods 1..n.
 *
 * @example
 * readRate([[0.035]], "rate"); // 0.035
 * readRate([[0.035, 0.035, 0.03]], "rate"); // [0.035, 0.035, 0.03]
 */
export function readRate(value: unknown, subject: string): number | number[] {
  const { values } = readNumberLine(value, subject);
  return values.length === 1 ? values[0]! : values;
}

/**
 * An optional discount rate: `undefined` when omitted or a blank cell.
 *
 * @example
 * readOptionalRate(null, "rate"); // undefined
 */
export function readOptionalRate(value: unknown, subject: string): number | number[] | undefined {
  return isOmitted(value) ? undefined : readRate(value, subject);
}

/**
 * An engine figure as a number Excel can show. A decimal too large for a double would become
 * Infinity, so it is refused with an error naming what was being worked out.
 *
 * @example
 * toCellNumber(new Money("1858"), "HCC part"); // 1858
 */
export function toCellNumber(value: Decimal | number, subject: string): number {
  const number = typeof value === "number" ? value : value.toNumber();
  if (!Number.isFinite(number)) {
    throw new EngineError("invalidNumber", subject, "is too large (or not a number) for Excel to show");
  }
  return number === 0 ? 0 : number;
}

/**
 * Values laid out to spill the way the input ran: a row as `[[a, b, c]]`, a column as `[[a], [b], [c]]`.
 *
 * @example
 * spill([0.73, 0.22, 0.05], "row"); // [[0.73, 0.22, 0.05]]
 */
export function spill<T extends number | string>(values: readonly T[], orientation: Orientation): T[][] {
  return orientation === "row" ? [[...values]] : values.map((value) => [value]);
}

/**
 * Runs one custom function's work and hands Excel either its result or an error value, never an
 * exception, NaN, Infinity or an error hidden inside a spilled array: a result that is not finite
 * numbers and text in a filled rectangle becomes a `#NUM!` for the whole call.
 *
 * @example
 * answer("CBA.YEARSTORECOVER", () => 1858 / 1804); // 1.0299…
 */
export function answer<T extends CellResult>(functionName: string, work: () => T): T | CellError {
  try {
    const result = work();
    checkResult(result);
    return result;
  } catch (failure) {
    return failureToCellError(failure, functionName);
  }
}

function checkResult(result: CellResult): void {
  const checkCell = (cell: unknown): void => {
    if (typeof cell === "string" || typeof cell === "boolean") return;
    if (typeof cell !== "number" || !Number.isFinite(cell)) {
      throw new EngineError("invalidNumber", "result", "is not a finite number");
    }
  };
  if (!Array.isArray(result)) return checkCell(result);
  const width = result[0]?.length ?? 0;
  if (width === 0 || result.some((row) => !Array.isArray(row) || row.length !== width)) {
    throw new EngineError("invalidNumber", "result", "has no values to show");
  }
  result.forEach((row) => row.forEach(checkCell));
}

function singleValue(value: unknown, subject: string): unknown {
  if (!Array.isArray(value)) return value;
  if (value.length === 1 && Array.isArray(value[0]) && value[0].length === 1) return value[0][0];
  throw new EngineError("invalidValue", subject, "must be a single value, not a range");
}

function describeCell(value: unknown): string {
  if (typeof value === "string") return `the text "${value.length > 30 ? `${value.slice(0, 30)}…` : value}"`;
  if (typeof value === "boolean") return `the logical value ${value ? "TRUE" : "FALSE"}`;
  if (value !== null && typeof value === "object") {
    const code = (value as { code?: unknown }).code;
    return typeof code === "string" ? `the error ${code}` : "an object";
  }
  return String(value);
}
