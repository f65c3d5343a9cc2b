import { EngineError, type EngineErrorKind } from "../engine/errors";

/**
 * Failures handed back to Excel. In Excel the shared runtime defines the global `CustomFunctions`,
 * and a returned `CustomFunctions.Error` shows in the cell as `#VALUE!`, `#NUM!` or `#N/A` with the
 * message on the error flag. Outside Excel (jest, Node) there is no such global, so the same shape
 * is built from a local class instead: callers never need to know which one they got.
 */

/** The three error values the functions use, as Excel shows them. */
export type CellErrorCode = "#VALUE!" | "#NUM!" | "#N/A";

/** What a custom function returns for a failure: a `CustomFunctions.Error`, or the same shape outside Excel. */
export interface CellError {
  readonly code: string;
  readonly message?: string;
}

/** The part of Excel's custom functions runtime these adapters use (its types are not installed). */
interface CustomFunctionsRuntime {
  Error: new (code: string, message?: string) => CellError;
  ErrorCode: { invalidValue: string; invalidNumber: string; notAvailable: string };
}

/** Stands in for `CustomFunctions.Error` where the Excel runtime is absent. */
export class StandaloneCellError implements CellError {
  constructor(
    readonly code: CellErrorCode,
    readonly message: string,
  ) {}
}

const errorCodeNames = {
  "#VALUE!": "invalidValue",
  "#NUM!": "invalidNumber",
  "#N/A": "notAvailable",
} as const satisfies Record<CellErrorCode, keyof CustomFunctionsRuntime["ErrorCode"]>;

const codeOfKind: Record<EngineErrorKind, CellErrorCode> = {
  invalidValue: "#VALUE!",
  invalidNumber: "#NUM!",
  noResult: "#N/A",
};

// Excel shows the message in a small flag; a whole stack of text helps nobody.
const longestMessage = 255;

/**
 * Builds the error Excel shows: `CustomFunctions.Error` when Excel's runtime is loaded, otherwise a
 * {@link StandaloneCellError} with the same code and message.
 *
 * @example
 * cellError("#N/A", "cashflows: does not pay back within 10 periods");
 */
export function cellError(code: CellErrorCode, message: string): CellError {
  const text = message.length > longestMessage ? `${message.slice(0, longestMessage - 1)}…` : message;
  const runtime = (globalThis as { CustomFunctions?: CustomFunctionsRuntime }).CustomFunctions;
  if (runtime?.Error && runtime.ErrorCode) {
    return new runtime.Error(runtime.ErrorCode[errorCodeNames[code]], text);
  }
  return new StandaloneCellError(code, text);
}

/**
 * True for an error value built by {@link cellError} (either kind).
 *
 * @example
 * isCellError(cellError("#VALUE!", "rate: is blank")); // true
 */
export function isCellError(value: unknown): value is CellError {
  if (value instanceof StandaloneCellError) return true;
  const runtime = (globalThis as { CustomFunctions?: CustomFunctionsRuntime }).CustomFunctions;
  return runtime?.Error !== undefined && value instanceof runtime.Error;
}

/**
 * Turns anything thrown while answering a function into the error Excel shows. Engine errors keep
 * their kind and their message (which names the argument at fault); anything else is a defect, still
 * reported as `#VALUE!` with the function's name rather than escaping into Excel as an exception.
 *
 * @example
 * failureToCellError(new EngineError("invalidNumber", "unit", "must be greater than zero"), "CBA.APPORTION");
 * // → #NUM! "unit: must be greater than zero"
 */
export function failureToCellError(failure: unknown, functionName: string): CellError {
  if (failure instanceof EngineError) return cellError(codeOfKind[failure.kind], failure.message);
  if (isCellError(failure)) return failure;
  const detail = failure instanceof Error ? failure.message : String(failure);
  return cellError("#VALUE!", `${functionName} could not calculate this (${detail || "unknown failure"})`);
}
