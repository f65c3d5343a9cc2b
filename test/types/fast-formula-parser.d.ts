/** The parts of fast-formula-parser (MIT, no bundled types) the tests use to recalculate formulas. */
declare module "fast-formula-parser" {
  export interface CellRef {
    sheet: string;
    row: number;
    col: number;
  }
  export interface RangeRef {
    sheet: string;
    from: { row: number; col: number };
    to: { row: number; col: number };
  }
  export interface ParserOptions {
    onCell?: (ref: CellRef) => unknown;
    onRange?: (ref: RangeRef) => unknown[][];
    functions?: Record<string, (...args: unknown[]) => unknown>;
  }
  export default class FormulaParser {
    constructor(options?: ParserOptions);
    parse(formula: string, position: CellRef, allowReturnArray?: boolean): unknown;
  }
}
