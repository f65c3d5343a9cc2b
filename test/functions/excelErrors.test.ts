import { EngineError } from "../../src/engine/errors";
import {
  StandaloneCellError,
  cellError,
  failureToCellError,
  isCellError,
} from "../../src/functions/excelErrors";
import {
  RuntimeErrorDouble,
  installCustomFunctionsDouble,
  removeCustomFunctionsDouble,
} from "./customFunctionsRuntimeDouble";

describe("cellError inside Excel (CustomFunctions runtime present)", () => {
  beforeEach(installCustomFunctionsDouble);
  afterEach(removeCustomFunctionsDouble);

  test.each([
    ["#VALUE!", "#VALUE!"],
    ["#NUM!", "#NUM!"],
    ["#N/A", "#N/A"],
  ] as const)(
    "a %s error is a CustomFunctions.Error built from the runtime's ErrorCode",
    (code, expected) => {
      const error = cellError(code, "rate: is blank");
      expect(error).toBeInstanceOf(RuntimeErrorDouble);
      expect(error.code).toBe(expected);
      expect(error.message).toBe("rate: is blank");
      expect(isCellError(error)).toBe(true);
    },
  );

  test("the code comes from the runtime's ErrorCode enum, not a hard-coded string", () => {
    const runtime = (globalThis as { CustomFunctions?: { ErrorCode: Record<string, string> } })
      .CustomFunctions!;
    runtime.ErrorCode = {
      invalidValue: "runtime VALUE",
      invalidNumber: "runtime NUM",
      notAvailable: "runtime NA",
    };
    expect(cellError("#VALUE!", "m").code).toBe("runtime VALUE");
    expect(cellError("#NUM!", "m").code).toBe("runtime NUM");
    expect(cellError("#N/A", "m").code).toBe("runtime NA");
  });

  test("an engine error keeps its kind as the Excel error and its message naming the argument", () => {
    const cases = [
      [new EngineError("invalidValue", "weights[2]", "is blank"), "#VALUE!"],
      [new EngineError("invalidNumber", "unit", "must be greater than zero"), "#NUM!"],
      [new EngineError("noResult", "cashflows", "does not pay back within 3 periods"), "#N/A"],
    ] as const;
    for (const [failure, code] of cases) {
      const error = failureToCellError(failure, "CBA.TEST");
      expect(error).toBeInstanceOf(RuntimeErrorDouble);
      expect(error.code).toBe(code);
      expect(error.message).toBe(`${failure.subject}: ${failure.problem}`);
    }
  });
});

describe("cellError outside Excel (no CustomFunctions global)", () => {
  test("the error is a standalone value with the same code and message", () => {
    expect((globalThis as { CustomFunctions?: unknown }).CustomFunctions).toBeUndefined();
    const error = cellError("#N/A", "cashflows: does not pay back within 10 periods");
    expect(error).toBeInstanceOf(StandaloneCellError);
    expect(error).toEqual({ code: "#N/A", message: "cashflows: does not pay back within 10 periods" });
    expect(isCellError(error)).toBe(true);
  });

  test("plain objects that merely look like errors are not taken for error values", () => {
    expect(isCellError({ code: "#VALUE!", message: "x" })).toBe(false);
    expect(isCellError(new Error("x"))).toBe(false);
  });

  test("a message longer than Excel's flag can show is cut to 255 characters with an ellipsis", () => {
    const error = cellError("#VALUE!", "x".repeat(1000));
    expect(error.message).toHaveLength(255);
    expect(error.message!.endsWith("…")).toBe(true);
  });

  test("an unexpected failure becomes #VALUE! naming the function and what went wrong", () => {
    const fromError = failureToCellError(new RangeError("Maximum call stack size exceeded"), "CBA.NPV");
    expect(fromError).toEqual({
      code: "#VALUE!",
      message: "CBA.NPV could not calculate this (Maximum call stack size exceeded)",
    });
    const fromString = failureToCellError("oops", "CBA.IRR");
    expect(fromString.message).toBe("CBA.IRR could not calculate this (oops)");
    const fromNothing = failureToCellError(new Error(""), "CBA.IRR");
    expect(fromNothing.message).toBe("CBA.IRR could not calculate this (unknown failure)");
  });

  test("an error value thrown by an adapter passes through unchanged", () => {
    const error = cellError("#N/A", "no result");
    expect(failureToCellError(error, "CBA.PAYBACK")).toBe(error);
  });
});
