/**
 * Recalculates the formulas the product writes with an engine independent of the product:
 * fast-formula-parser (references, operators, IF, SUM, COUNTIF…) plus formulajs for the Excel
 * functions the parser lacks (NPV, COUNTIFS). Used only in tests, to show that each formula's
 * cached value is what Excel would compute from the inputs.
 */
import * as formulajs from "@formulajs/formulajs";
import FormulaParser from "fast-formula-parser";

export type EvaluatedValue = string | number | boolean | null;

/** Reads a cell's value (a formula cell's evaluated value): sheet name, 1-based row and column. */
export type CellReader = (sheet: string, row: number, column: number) => EvaluatedValue;

/** formulajs takes ranges as nested arrays; the parser passes them as { value } wrappers. */
function plain(argument: unknown): unknown {
  if (argument !== null && typeof argument === "object" && "value" in argument)
    return (argument as { value: unknown }).value;
  return argument;
}

function missingFunctions(): Record<string, (...args: unknown[]) => unknown> {
  return {
    NPV: (...args: unknown[]) => (formulajs.NPV as (...a: unknown[]) => unknown)(...args.map(plain)),
    COUNTIFS: (...args: unknown[]) =>
      (formulajs.COUNTIFS as (...a: unknown[]) => unknown)(...args.map(plain)),
  };
}

/**
 * One parser per nesting depth: building a parser is slow, and one parser cannot be re-entered
 * (a formula cell read while evaluating another formula is evaluated by the next one down).
 */
const parsers: FormulaParser[] = [];
let depth = 0;

function parserFor(read: CellReader): FormulaParser {
  return new FormulaParser({
    onCell: ({ sheet, row, col }) => read(sheet, row, col) ?? null,
    onRange: ({ sheet, from, to }) => {
      const rows: EvaluatedValue[][] = [];
      for (let row = from.row; row <= to.row; row += 1) {
        const cells: EvaluatedValue[] = [];
        for (let column = from.col; column <= to.col; column += 1) cells.push(read(sheet, row, column));
        rows.push(cells);
      }
      return rows;
    },
    functions: missingFunctions(),
  });
}

/** The readers in use, by depth: each pooled parser reads through its depth's reader. */
const readers: CellReader[] = [];

/**
 * Evaluates `formula` ("=E5*F5", "=NPV('Settings'!$B$2,C7:L7)+B7") as written in cell
 * (`sheet`, `row`, `column`), reading other cells through `read` (which may itself evaluate).
 */
export function evaluateFormula(
  formula: string,
  at: { sheet: string; row: number; column: number },
  read: CellReader,
): EvaluatedValue {
  const level = depth;
  readers[level] = read;
  parsers[level] ??= parserFor((sheet, row, column) => readers[level]!(sheet, row, column));
  depth += 1;
  try {
    const result = parsers[level].parse(formula.replace(/^=/, ""), {
      sheet: at.sheet,
      row: at.row,
      col: at.column,
    });
    if (result !== null && typeof result === "object") return String(result);
    return result as EvaluatedValue;
  } finally {
    depth = level;
  }
}
