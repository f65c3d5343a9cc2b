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
  // TRUE is a check function's answer (CBA.CHECKTOTAL, CBA.CHECKHEADLINE) that a figure agrees.
  return (
    typeof value === "string" ||
    typeof value === "boolean" ||
    (typeof value === "number" && Number.isFinite(value))
  );
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

/**
 * The argument that sets how much work a call does is drawn small, so the suite stays fast:
 * anything Excel could pass there except a blank, which would mean the default of 5,000 trials.
 */
const smallTrials = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 40 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<unknown>(
      0,
      -1,
      2.5,
      100_001,
      1e308,
      Number.NaN,
      "many",
      true,
      [[20]],
      [[1, 2]],
    ),
  },
);
const workArguments: Record<string, { position: number; arbitrary: fc.Arbitrary<unknown> } | undefined> = {
  npvPercentiles: { position: 9, arbitrary: smallTrials },
};

/** Up to one argument more than the function takes, with any work-setting argument drawn small. */
function argumentsFor(
  name: string,
  customFunction: (...args: unknown[]) => unknown,
  each: fc.Arbitrary<unknown>,
  minLength: number,
): fc.Arbitrary<unknown[]> {
  const args = fc.array(each, { minLength, maxLength: Math.max(4, customFunction.length + 1) });
  const work = workArguments[name];
  if (work === undefined) return args;
  return fc.tuple(args, work.arbitrary).map(([list, value]) => {
    const padded = [...list];
    while (padded.length <= work.position) padded.push(undefined);
    padded[work.position] = value;
    return padded;
  });
}

test("every exported function is fuzzed", () => {
  expect(entries.length).toBe(32);
});

describe.each(entries)("%s", (name, customFunction) => {
  test("answers any arguments with an error carrying a message or values Excel can show, and never throws", () => {
    fc.assert(
      fc.property(argumentsFor(name, customFunction, argument, 0), (args) => {
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
      fc.property(argumentsFor(name, customFunction, plausible, 1), (args) => {
        expect(isExcelAnswer(customFunction(...args))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe("npvPercentiles with well-formed ranges", () => {
  // Low ≤ likely ≤ high from ordinary to enormous amounts, where a range's width can overflow.
  const amount = fc.oneof(
    fc.integer({ min: -1_000_000, max: 1_000_000 }),
    fc.double({ min: -1e308, max: 1e308, noNaN: true, noDefaultInfinity: true }),
  );
  const threePoint = fc.oneof(
    {
      weight: 9,
      arbitrary: fc.tuple(amount, amount, amount).map((values): unknown[] => values.sort((a, b) => a - b)),
    },
    { weight: 1, arbitrary: fc.constant<unknown[]>(["", null, ""]) },
  );
  const lines = (periods: number) =>
    fc.array(fc.array(threePoint, { minLength: periods, maxLength: periods }), {
      minLength: 1,
      maxLength: 3,
    });
  const point = (table: unknown[][][], k: number): unknown[][] =>
    table.map((line) => line.map((cell) => cell[k]));

  test("answers any options after well-formed low / likely / high ranges with values or a clear error", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((periods) => fc.tuple(lines(periods), lines(periods))),
        fc.tuple(argument, argument, argument, smallTrials, argument),
        ([costs, benefits], options) => {
          const result = customFunctions.npvPercentiles(
            ...([0, 1, 2].map((k) => point(costs, k)) as [unknown[][], unknown[][], unknown[][]]),
            ...([0, 1, 2].map((k) => point(benefits, k)) as [unknown[][], unknown[][], unknown[][]]),
            ...(options as [unknown[][], unknown[][], string, number, number]),
          );
          expect(isExcelAnswer(result)).toBe(true);
          if (result instanceof RuntimeErrorDouble)
            expect(result.message).not.toMatch(/could not calculate this/);
        },
      ),
      { numRuns: 500 },
    );
  });
});
