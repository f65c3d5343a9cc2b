import { EngineError } from "../../src/engine/errors";
import { Money } from "../../src/engine/money";
import { StandaloneCellError } from "../../src/functions/excelErrors";
import {
  answer,
  elementWise,
  isOmitted,
  readCellNumber,
  readLine,
  readNumber,
  readNumberLine,
  readNumberTable,
  readOptionalNumber,
  readOptionalRate,
  readOptionalText,
  readOptionalWholeNumber,
  readPeriodRow,
  readPeriodTables,
  readRange,
  readRate,
  readTextLine,
  readWholeNumber,
  spill,
  toCellNumber,
} from "../../src/functions/excelValues";

/** The EngineError a reader throws, so a test can check its kind and the cell it names. */
function failureOf(read: () => unknown): EngineError {
  try {
    read();
  } catch (failure) {
    if (failure instanceof EngineError) return failure;
    throw failure;
  }
  throw new Error("expected the reader to refuse its input");
}

describe("ranges", () => {
  test("a single value typed into the formula is a 1 × 1 range", () => {
    expect(readRange(5, "rate")).toEqual([[5]]);
  });

  test("ragged, empty and non-range arrays are refused as #VALUE! naming the argument", () => {
    expect(failureOf(() => readRange([[1, 2], [3]], "bases"))).toMatchObject({
      kind: "invalidValue",
      subject: "bases",
      problem: "row 2 has 1 cells but row 1 has 2",
    });
    expect(failureOf(() => readRange([], "bases")).problem).toBe("is an empty range");
    expect(failureOf(() => readRange([[]], "bases")).problem).toBe("is an empty range");
    expect(failureOf(() => readRange([1, 2], "bases")).problem).toMatch(/rows of values/);
    expect(failureOf(() => readRange([[1, [2]]], "bases")).subject).toBe("bases row 1, column 2");
  });

  test("a single row or column keeps its orientation; a table is refused", () => {
    expect(readLine([[1, 2, 3]], "weights")).toEqual({ cells: [1, 2, 3], orientation: "row" });
    expect(readLine([[1], [2], [3]], "weights")).toEqual({ cells: [1, 2, 3], orientation: "column" });
    expect(
      failureOf(() =>
        readLine(
          [
            [1, 2],
            [3, 4],
          ],
          "weights",
        ),
      ).problem,
    ).toBe("must be a single row or column (got 2 rows × 2 columns)");
  });
});

describe("blank cells", () => {
  test("in a period row, inner blanks count as 0 and trailing blanks are dropped", () => {
    expect(readPeriodRow([[-100, "", 60, null, 60, "", null]], "cashflows")).toEqual({
      values: [-100, 0, 60, 0, 60],
      orientation: "row",
    });
    expect(readPeriodRow([[""], [60], [""]], "cashflows")).toEqual({
      values: [0, 60],
      orientation: "column",
    });
  });

  test("a period row with nothing in it is refused", () => {
    expect(failureOf(() => readPeriodRow([["", null]], "cashflows"))).toMatchObject({
      kind: "invalidValue",
      subject: "cashflows",
    });
  });

  test("cells in a period row are named by period, starting at 0 for now", () => {
    expect(failureOf(() => readPeriodRow([[-100, 50, "60"]], "cashflows")).subject).toBe("cashflows[2]");
  });

  test("ranges of lines: a row or a column is one line, a table a line per row with periods across", () => {
    const [row, column, table] = readPeriodTables([
      { value: [[1, 2, 3]], subject: "costsLow" },
      { value: [[4], [5], [6]], subject: "costsHigh" },
      {
        value: [
          [7, 8, 9],
          [10, 11, 12],
        ],
        subject: "benefitsLow",
      },
    ]);
    expect(row).toEqual([[1, 2, 3]]);
    expect(column).toEqual([[4, 5, 6]]);
    expect(table).toEqual([
      [7, 8, 9],
      [10, 11, 12],
    ]);
  });

  test("in ranges of lines, blanks count as 0 and trailing periods go only where every range is blank", () => {
    expect(
      readPeriodTables([
        {
          value: [
            [100, "", 50, ""],
            ["", null, "", ""],
          ],
          subject: "costsLow",
        },
        { value: [[0, 30, 60, 60, null]], subject: "benefitsLow" },
      ]),
    ).toEqual([
      [
        [100, 0, 50, 0],
        [0, 0, 0, 0],
      ],
      [[0, 30, 60, 60]],
    ]);
  });

  test("a range of lines covering fewer periods than the others is refused, naming both", () => {
    expect(
      failureOf(() =>
        readPeriodTables([
          { value: [[1, 2]], subject: "costsLow" },
          { value: [[1, 2, 3]], subject: "benefitsLow" },
        ]),
      ),
    ).toMatchObject({
      kind: "invalidValue",
      subject: "costsLow",
      problem: "covers 2 periods but benefitsLow covers 3: give every range for the same periods",
    });
    expect(
      failureOf(() =>
        readPeriodTables([
          { value: [[""]], subject: "costsLow" },
          { value: [[null, ""]], subject: "benefitsLow" },
        ]),
      ).subject,
    ).toBe("costsLow, benefitsLow");
  });

  test("cells of a line are named by period, cells of a table by line and period", () => {
    expect(failureOf(() => readPeriodTables([{ value: [[1, "x"]], subject: "costsLow" }])).subject).toBe(
      "costsLow[1]",
    );
    expect(
      failureOf(() =>
        readPeriodTables([
          {
            value: [
              [1, 2],
              [3, true],
            ],
            subject: "costsLow",
          },
        ]),
      ).subject,
    ).toBe("costsLow row 2, period 1");
  });

  test("in bases, weights and rates a blank is refused, naming the cell from 1", () => {
    expect(failureOf(() => readNumberLine([[0.73, "", 0.05]], "weights"))).toMatchObject({
      kind: "invalidValue",
      subject: "weights[2]",
    });
    expect(
      failureOf(() =>
        readNumberTable(
          [
            [1, 2],
            [3, null],
          ],
          "bases",
        ),
      ).subject,
    ).toBe("bases row 2, column 2");
    expect(failureOf(() => readRate([[null]], "rate")).subject).toBe("rate");
  });
});

describe("cell values", () => {
  test("text, even text that looks like a number, and logical values are refused with what was found", () => {
    expect(failureOf(() => readNumberLine([["100"]], "weights")).problem).toBe(
      'is not a number (got the text "100")',
    );
    expect(failureOf(() => readNumberLine([[true]], "weights")).problem).toBe(
      "is not a number (got the logical value TRUE)",
    );
    expect(failureOf(() => readNumberLine([[{ code: "#DIV/0!" }]], "weights")).problem).toBe(
      "is not a number (got the error #DIV/0!)",
    );
  });

  test("NaN and infinities are #NUM!", () => {
    expect(failureOf(() => readNumber(Number.NaN, "annual")).kind).toBe("invalidNumber");
    expect(failureOf(() => readNumber(Number.POSITIVE_INFINITY, "annual")).kind).toBe("invalidNumber");
  });

  test("minus zero is read as zero", () => {
    expect(Object.is(readNumber(-0, "annual"), 0)).toBe(true);
  });

  test("a one-cell range passed where one value is expected is taken as its value", () => {
    expect(readNumber([[42]], "setUpCost")).toBe(42);
    expect(failureOf(() => readNumber([[1, 2]], "setUpCost")).problem).toBe(
      "must be a single value, not a range",
    );
  });
});

describe("optional arguments", () => {
  test("omitted (null or undefined), blank, or a reference to one blank cell mean 'use the default'", () => {
    for (const omitted of [null, undefined, "", [[null]], [[""]]]) {
      expect(isOmitted(omitted)).toBe(true);
      expect(readOptionalNumber(omitted, "guess")).toBeUndefined();
      expect(readOptionalRate(omitted, "rate")).toBeUndefined();
      expect(readOptionalText(omitted, "which")).toBeUndefined();
    }
    expect(isOmitted(0)).toBe(false);
  });

  test("whole numbers are checked against their range", () => {
    expect(readOptionalWholeNumber(10, "periods", 1, 1000)).toBe(10);
    expect(failureOf(() => readOptionalWholeNumber(2.5, "periods", 1, 1000))).toMatchObject({
      kind: "invalidNumber",
      problem: "must be a whole number from 1 to 1000 (got 2.5)",
    });
    expect(failureOf(() => readWholeNumber(null, "periods", 1, 1000)).kind).toBe("invalidValue");
  });

  test("text arguments are trimmed and must be text", () => {
    expect(readOptionalText("  final ", "which")).toBe("final");
    expect(failureOf(() => readOptionalText(3, "which")).problem).toBe("must be text (got 3)");
  });

  test("a rate is one number or a line of per-period rates", () => {
    expect(readRate([[0.035]], "rate")).toBe(0.035);
    expect(readRate([[0.035], [0.03]], "rate")).toEqual([0.035, 0.03]);
  });

  test("labels are text; numbers become their text; blanks are refused", () => {
    expect(readTextLine([[" Low", 2, "High "]], "labels")).toEqual(["Low", "2", "High"]);
    expect(failureOf(() => readTextLine([["Low", ""]], "labels")).subject).toBe("labels[2]");
  });
});

describe("results", () => {
  test("a decimal becomes a plain number; one too large for a double is #NUM! rather than Infinity", () => {
    expect(toCellNumber(new Money("1858"), "part")).toBe(1858);
    expect(Object.is(toCellNumber(new Money("-0"), "part"), 0)).toBe(true);
    expect(failureOf(() => toCellNumber(new Money("1e400"), "net present value"))).toMatchObject({
      kind: "invalidNumber",
      subject: "net present value",
    });
  });

  test("values spill the way the input ran", () => {
    expect(spill([1, 2, 3], "row")).toEqual([[1, 2, 3]]);
    expect(spill([1, 2, 3], "column")).toEqual([[1], [2], [3]]);
  });

  test("answer returns the result, or an error value for any failure, never an exception", () => {
    expect(answer("CBA.T", () => [[1, "a"]])).toEqual([[1, "a"]]);
    const failed = answer("CBA.T", () => {
      throw new EngineError("noResult", "cashflows", "does not pay back within 2 periods");
    });
    expect(failed).toBeInstanceOf(StandaloneCellError);
    expect(failed).toMatchObject({ code: "#N/A", message: "cashflows: does not pay back within 2 periods" });
  });

  test("answer turns a result holding NaN, Infinity or a ragged or empty array into #NUM! for the whole call", () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, [[1, Number.NaN]], [[1, 2], [3]], [], [[]]]) {
      expect(answer("CBA.T", () => bad as number)).toMatchObject({ code: "#NUM!" });
    }
  });
});

describe("element-wise", () => {
  const args = (likelihood: unknown, impact: unknown) => [
    { value: likelihood, subject: "likelihood" },
    { value: impact, subject: "impact" },
  ];

  test("pairs cells of two ranges of the same shape, and a single value goes with every cell", () => {
    const product = ([a, b]: unknown[]) => (a as number) * (b as number);
    expect(elementWise(args([[3], [2]], [[5], [3]]), product)).toEqual([[15], [6]]);
    expect(elementWise(args([[3], [2]], 4), product)).toEqual([[12], [8]]);
    expect(elementWise(args(2, [[1, 2, 3]]), product)).toEqual([[2, 4, 6]]);
  });

  test("ranges of different shapes are refused, naming both shapes", () => {
    expect(failureOf(() => elementWise(args([[3], [2]], [[5, 1]]), () => 0)).problem).toBe(
      "must be a single value or the same shape as likelihood (2 rows × 1 column), not 1 row × 2 columns",
    );
  });

  test("an engine error about a whole argument is re-aimed at the cell at fault", () => {
    const failure = failureOf(() =>
      elementWise(args([[3], [9]], [[5], [3]]), ([a]) => {
        if ((a as number) > 5) throw new EngineError("invalidNumber", "likelihood", "must be from 1 to 5");
        return 0;
      }),
    );
    expect(failure).toMatchObject({
      kind: "invalidNumber",
      subject: "likelihood[2]",
      problem: "must be from 1 to 5",
    });
  });
});

describe("percentages typed as text in arguments", () => {
  test('"3.5%" reads as 0.035, as CBA_Settings reads it; other text is still refused', () => {
    expect(readCellNumber("3.5%", "rate", "refuse")).toBe(0.035);
    expect(readCellNumber(" -0.5 % ", "rate", "refuse")).toBe(-0.005);
    expect(() => readCellNumber("3.5", "rate", "refuse")).toThrow(/rate/);
    expect(() => readCellNumber("3.5%%", "rate", "refuse")).toThrow(/rate/);
  });
});
