/**
 * Failures the engine reports instead of returning NaN, Infinity or throwing a TypeError.
 *
 * Every error names its `subject` (the argument, range or line at fault) so the adapters can
 * tell a finance officer exactly where to look. The `kind` maps onto Excel's error values:
 * `invalidValue` → #VALUE! (wrong type or shape), `invalidNumber` → #NUM! (impossible number),
 * `noResult` → #N/A (the question has no answer for these inputs).
 */
export type EngineErrorKind = "invalidValue" | "invalidNumber" | "noResult";

export class EngineError extends Error {
  override readonly name = "EngineError";

  constructor(
    readonly kind: EngineErrorKind,
    /** What is at fault: an argument name, a range, a line label. */
    readonly subject: string,
    /** What is wrong with it, in a finance officer's words. */
    readonly problem: string,
  ) {
    super(`${subject}: ${problem}`);
  }
}

/** Throws an `invalidValue` error unless the condition holds. */
export function requireValue(condition: boolean, subject: string, problem: string): asserts condition {
  if (!condition) throw new EngineError("invalidValue", subject, problem);
}

/** Throws an `invalidNumber` error unless the condition holds. */
export function requireNumber(condition: boolean, subject: string, problem: string): asserts condition {
  if (!condition) throw new EngineError("invalidNumber", subject, problem);
}
