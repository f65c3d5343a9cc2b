/**
 * A minimal stand-in for the globals Excel's shared runtime defines for custom functions: just the
 * `CustomFunctions.Error` class and the three `ErrorCode` values the CBA functions use, with the
 * same code strings Excel's runtime uses. Install it to check that errors are built through the
 * runtime when it is present.
 */
export class RuntimeErrorDouble {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

export const errorCodeDouble = {
  invalidValue: "#VALUE!",
  invalidNumber: "#NUM!",
  notAvailable: "#N/A",
} as const;

type GlobalWithRuntime = { CustomFunctions?: unknown };

export function installCustomFunctionsDouble(): void {
  (globalThis as GlobalWithRuntime).CustomFunctions = {
    Error: RuntimeErrorDouble,
    ErrorCode: errorCodeDouble,
  };
}

export function removeCustomFunctionsDouble(): void {
  delete (globalThis as GlobalWithRuntime).CustomFunctions;
}
