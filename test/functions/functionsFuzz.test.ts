import fc from "fast-check";
import * as customFunctions from "../../src/functions/functions";
import {
  RuntimeErrorDouble,
  installCustomFunctionsDouble,
  removeCustomFunctionsDouble,
} from "./customFunctionsRuntimeDouble";

/**
 * Every CBA function is driven with arbitrary arguments — numbers from tiny to huge, NaN,
 * infinities, minus zero, text, logical values, blanks, ranges of every shape including ragged and
 * empty ones, lists nested too deep — and must always answer Excel with either an error value that
 * carries a message or a plain result Excel can show. Never an exception, NaN, Infinity, undefined,
 * or an error hidden inside a spilled array.
 */
beforeAll(installCustomFunctionsDouble);
afterAll(removeCustomFunctionsDouble);

const anyNumber = fc.oneof(
  fc.double(), // includes NaN, ±Infinity, −0, subnormals
  fc.integer({ min: -1000, max: 1000 }),
  fc.double({ min: -2, max: 2, noNaN: true }),
  fc.constantFrom(0, 1, -1, 0.035, 1e308, -1e308, 5e-324, 1e-300, 2 ** 53, 1e21, 1e-7),
);
const cell = fc.oneof(
  { weight: 5, arbitrary: anyNumber },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.constantFrom("", " ", "first", "final", "1e3", "Low", "NaN") },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, true, false) },
  { weight: 1, arbitrary: fc.constantFrom({}, { code: "#DIV/0!" }, () => 1, Symbol("x") as unknown) },
);
const rectangle = fc
  .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 8 }))
  .chain(([rows, columns]) =>
    fc.array(fc.array(cell, { minLength: columns, maxLength: columns }), {
      minLength: rows,
      maxLength: rows,
    }),
  );
const numericLine = fc.oneof(
  fc.array(fc.integer({ min: -500, max: 500 }), { minLength: 1, maxLength: 12 }).map((values) => [values]),
  fc
    .array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 12 })
    .map((values) => values.map((v) => [v])),
);
const argument = fc.oneof(
  { weight: 3, arbitrary: cell },
  { weight: 4, arbitrary: rectangle },
  { weight: 3, arbitrary: numericLine },
  { weight: 1, arbitrary: fc.array(fc.array(cell, { maxLength: 4 }), { maxLength: 4 }) }, // ragged or empty
  { weight: 1, arbitrary: fc.array(cell, { maxLength: 4 }) }, // a bare list, not rows of cells
  {
    weight: 1,
    arbitrary: fc.array(fc.array(fc.array(cell, { maxLength: 2 }), { maxLength: 2 }), { maxLength: 2 }),
  },
);

function isCellValue(value: unknown): boolean {
  return typeof value === "string" || (typeof value === "number" && Number.isFinite(value));
}

/** True when Excel could show the answer: an error with a message, a value, or a filled rectangle of values. */
function isExcelAnswer(result: unknown): boolean {
  if (result instanceof RuntimeErrorDouble)
    return typeof result.message === "string" && result.message.length > 0;
  if (!Array.isArray(result)) return isCellValue(result);
  const width = Array.isArray(result[0]) ? result[0].length : 0;
  return (
    width > 0 &&
    result.every((row: unknown) => Array.isArray(row) && row.length === width && row.every(isCellValue))
  );
}

// Excel may pass anything; the functions' TypeScript parameter types describe only the usual case.
const entries = Object.entries(customFunctions).filter(([, value]) => typeof value === "function") as [
  string,
  (...args: unknown[]) => unknown,
][];

test("every exported function is fuzzed", () => {
  expect(entries.length).toBe(15);
});

describe.each(entries)("%s", (_name, customFunction) => {
  test("answers any arguments with an error carrying a message or values Excel can show, and never throws", () => {
    fc.assert(
      fc.property(fc.array(argument, { minLength: 0, maxLength: 4 }), (args) => {
        const result = customFunction(...args);
        expect(isExcelAnswer(result)).toBe(true);
        // A failure the adapters and engine did not foresee still answers, but is a defect to fix.
        if (result instanceof RuntimeErrorDouble)
          expect(result.message).not.toMatch(/could not calculate this/);
      }),
      { numRuns: 1500 },
    );
  });

  test("answers plausible numeric rows and single numbers with values or a clear error", () => {
    const plausible = fc.oneof(
      numericLine,
      fc.integer({ min: -5, max: 5 }),
      fc.constantFrom(0.035, 0.1, 1, null),
    );
    fc.assert(
      fc.property(fc.array(plausible, { minLength: 1, maxLength: 3 }), (args) => {
        expect(isExcelAnswer(customFunction(...args))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
