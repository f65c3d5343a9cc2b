import fc from "fast-check";
import { EngineError } from "../../src/engine/errors";
import { Money } from "../../src/engine/money";
import { apportion } from "../../src/engine/apportion";
import {
  checkHeadlines,
  checkPooledLines,
  checkPublishedFigures,
  checkPercentages,
  checkTableTotals,
  checkTotal,
  type Finding,
  printedRoundingOf,
  totalOfLines,
} from "../../src/engine/reconciliation";

function figures(finding: Finding | undefined): [string, string] {
  if (finding === undefined) throw new Error("expected a finding");
  return [finding.expected.toString(), finding.found.toString()];
}

describe("checkTotal", () => {
  it("reports a total that does not equal its lines, with both figures", () => {
    const findings = checkTotal("Set-up", 2980, [1140, 900, 400, 140, 80, 330]);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.check).toBe("totalEqualsLines");
    expect(findings[0]?.location).toBe("Set-up");
    expect(figures(findings[0])).toEqual(["2990", "2980"]);
    expect(findings[0]?.message).toBe("Total row 'Set-up' shows 2,980 but its lines sum to 2,990");
  });

  it("reports nothing when the total foots", () => {
    expect(checkTotal("Set-up", 2990, [1140, 900, 400, 140, 80, 330])).toEqual([]);
  });

  it("prints negatives in brackets and keeps pence", () => {
    const [finding] = checkTotal("Annual net", "-1950.5", ["-1424.25", "-429", "-97"]);
    expect(finding?.message).toBe("Total row 'Annual net' shows (1,950.50) but its lines sum to (1,950.25)");
  });

  it("accepts a difference within the tolerance and reports one beyond it", () => {
    expect(checkTotal("Annual", 1001, [500, 500], { tolerance: 1 })).toEqual([]);
    expect(checkTotal("Annual", 1002, [500, 500], { tolerance: 1 })).toHaveLength(1);
  });

  it("leaves lines that are not quantified (null) out of the sum", () => {
    expect(checkTotal("Min saving", 300, [100, null, 200])).toEqual([]);
  });

  it("rejects a negative tolerance and non-numeric lines, naming them", () => {
    expect(() => checkTotal("A", 1, [1], { tolerance: -1 })).toThrow(EngineError);
    try {
      checkTotal("Set-up", 10, [5, "five"]);
      throw new Error("expected an EngineError");
    } catch (error) {
      expect((error as EngineError).subject).toBe("line 2 of total 'Set-up'");
    }
  });

  it("sums exactly in decimals", () => {
    expect(checkTotal("Pence", "0.3", ["0.1", "0.2"])).toEqual([]);
  });

  it("property: a total equal to its lines never gives a finding", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1e9, max: 1e9 }), { maxLength: 30 }),
        fc.nat(4),
        (units, places) => {
          const lines = units.map((u) => new Money(u).div(new Money(10).pow(places)));
          const total = lines.reduce((a, b) => a.plus(b), new Money(0));
          expect(checkTotal("Any", total, lines)).toEqual([]);
        },
      ),
    );
  });

  it("property: a total off by more than the tolerance always gives one finding with both figures", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1e6, max: 1e6 }), { maxLength: 20 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.nat(50),
        fc.boolean(),
        (lines, excess, tolerance, up) => {
          const trueTotal = lines.reduce((a, b) => a + b, 0);
          const shown = trueTotal + (up ? 1 : -1) * (tolerance + excess);
          const findings = checkTotal("Any", shown, lines, { tolerance });
          expect(findings).toHaveLength(1);
          expect(figures(findings[0])).toEqual([String(trueTotal), String(shown)]);
        },
      ),
    );
  });
});

describe("checkTableTotals", () => {
  const rowLabels = ["HCC total", "HC total", "HFRS total"];
  const columnLabels = ["set-up best", "set-up worst"];
  const cells = [
    [1858, 2197],
    [794, 925],
    [393, 558],
  ];

  it("reports nothing for a table that foots both ways", () => {
    expect(
      checkTableTotals({
        rowLabels,
        columnLabels,
        cells,
        rowTotals: [4055, 1719, 951],
        columnTotals: [3045, 3680],
        grandTotal: 6725,
      }),
    ).toEqual([]);
  });

  it("catches swapped column totals: both columns are reported", () => {
    const findings = checkTableTotals({ rowLabels, columnLabels, cells, columnTotals: [3680, 3045] });
    expect(findings.map((f) => [f.check, f.location])).toEqual([
      ["columnTotal", "column 'set-up best'"],
      ["columnTotal", "column 'set-up worst'"],
    ]);
    expect(figures(findings[0])).toEqual(["3045", "3680"]);
    expect(findings[0]?.message).toBe(
      "Column 'set-up best' shows a total of 3,680 but the cells above it sum to 3,045",
    );
  });

  it("reports a wrong row total and a wrong grand total", () => {
    const findings = checkTableTotals({
      rowLabels,
      columnLabels,
      cells,
      rowTotals: [4055, 1720, 951],
      grandTotal: 6726,
    });
    expect(findings.map((f) => f.check)).toEqual(["rowTotal", "grandTotal"]);
    expect(findings[0]?.message).toBe("Row 'HC total' shows a total of 1,720 but its cells sum to 1,719");
    expect(figures(findings[1])).toEqual(["6725", "6726"]);
  });

  it("leaves N/A cells out of both row and column sums", () => {
    expect(
      checkTableTotals({
        rowLabels: ["a", "b"],
        columnLabels: ["x", "y"],
        cells: [
          [1, null],
          [2, 3],
        ],
        rowTotals: [1, 5],
        columnTotals: [3, 3],
      }),
    ).toEqual([]);
  });

  it("rejects a table whose shape does not match its labels or totals", () => {
    expect(() => checkTableTotals({ rowLabels: ["a"], columnLabels: ["x"], cells: [] })).toThrow(EngineError);
    expect(() => checkTableTotals({ rowLabels: ["a"], columnLabels: ["x", "y"], cells: [[1]] })).toThrow(
      EngineError,
    );
    expect(() =>
      checkTableTotals({ rowLabels: ["a"], columnLabels: ["x"], cells: [[1]], rowTotals: [1, 2] }),
    ).toThrow(EngineError);
  });

  const matrix = fc
    .record({ rows: fc.integer({ min: 1, max: 6 }), columns: fc.integer({ min: 1, max: 6 }) })
    .chain(({ rows, columns }) =>
      fc.array(fc.array(fc.integer({ min: -1e6, max: 1e6 }), { minLength: columns, maxLength: columns }), {
        minLength: rows,
        maxLength: rows,
      }),
    );

  it("property: totals computed from the cells never give a finding", () => {
    fc.assert(
      fc.property(matrix, (cells) => {
        const rowTotals = cells.map((row) => row.reduce((a, b) => a + b, 0));
        const columnTotals = cells[0]!.map((_, c) => cells.reduce((a, row) => a + row[c]!, 0));
        expect(
          checkTableTotals({
            rowLabels: cells.map((_, r) => `r${r}`),
            columnLabels: cells[0]!.map((_, c) => `c${c}`),
            cells,
            rowTotals,
            columnTotals,
            grandTotal: rowTotals.reduce((a, b) => a + b, 0),
          }),
        ).toEqual([]);
      }),
    );
  });

  it("property: changing one cell flags exactly its row, its column and the grand total", () => {
    fc.assert(
      fc.property(
        matrix,
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 1, max: 100 }),
        (cells, rowPick, columnPick, change) => {
          const rowTotals = cells.map((row) => row.reduce((a, b) => a + b, 0));
          const columnTotals = cells[0]!.map((_, c) => cells.reduce((a, row) => a + row[c]!, 0));
          const grandTotal = rowTotals.reduce((a, b) => a + b, 0);
          const r = rowPick % cells.length;
          const c = columnPick % cells[0]!.length;
          const altered = cells.map((row, i) =>
            row.map((value, j) => (i === r && j === c ? value + change : value)),
          );
          const findings = checkTableTotals({
            rowLabels: cells.map((_, i) => `r${i}`),
            columnLabels: cells[0]!.map((_, j) => `c${j}`),
            cells: altered,
            rowTotals,
            columnTotals,
            grandTotal,
          });
          expect(findings.map((f) => f.location)).toEqual([`row 'r${r}'`, `column 'c${c}'`, "grand total"]);
        },
      ),
    );
  });
});

describe("checkPercentages", () => {
  it("reports a percentage that does not follow from its base at the stated decimals", () => {
    const findings = checkPercentages(
      [
        { location: "Strategic Management, min %", part: 1100000, base: 3572448, shown: 30.8 },
        { location: "Strategic Management, max %", part: 1600000, base: 3572448, shown: 44.9 },
      ],
      { decimals: 1 },
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]?.check).toBe("percentageFromBase");
    expect(figures(findings[0])).toEqual(["44.8", "44.9"]);
    expect(findings[0]?.message).toBe(
      "Strategic Management, max % shows 44.9% but 1,600,000 / 3,572,448 gives 44.8% to 1 decimal place",
    );
  });

  it("rounds halves away from zero, as Excel's ROUND does", () => {
    expect(checkPercentages([{ location: "half", part: 1, base: 8, shown: 13 }], { decimals: 0 })).toEqual(
      [],
    );
    expect(
      checkPercentages([{ location: "neg half", part: -1, base: 8, shown: -13 }], { decimals: 0 }),
    ).toEqual([]);
  });

  it("flags a percentage printed to more decimals than it follows to", () => {
    expect(
      checkPercentages([{ location: "p", part: 1, base: 3, shown: "33.33" }], { decimals: 1 }),
    ).toHaveLength(1);
  });

  it("rejects a zero base and bad decimals", () => {
    expect(() => checkPercentages([{ location: "p", part: 1, base: 0, shown: 0 }], { decimals: 1 })).toThrow(
      EngineError,
    );
    expect(() => checkPercentages([], { decimals: -1 })).toThrow(EngineError);
    expect(() => checkPercentages([], { decimals: 1.5 })).toThrow(EngineError);
  });

  it("property: a percentage rounded from its own part and base never gives a finding", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.integer({ min: 1, max: 1e9 }),
        fc.integer({ min: 0, max: 4 }),
        (part, base, decimals) => {
          const shown = new Money(part).div(base).times(100).toDecimalPlaces(decimals, Money.ROUND_HALF_UP);
          expect(checkPercentages([{ location: "p", part, base, shown }], { decimals })).toEqual([]);
        },
      ),
    );
  });
});

describe("checkHeadlines", () => {
  it("reports a headline that differs from the table at the headline's precision", () => {
    const findings = checkHeadlines([
      {
        location: "Summary, minimum saving",
        headline: 3.6,
        decimals: 1,
        table: "3.438",
        suffix: "%",
        tableLocation: "Totals, min %",
      },
    ]);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.check).toBe("headlineEqualsTable");
    expect(figures(findings[0])).toEqual(["3.4", "3.6"]);
    expect(findings[0]?.message).toBe(
      "Headline 'Summary, minimum saving' says 3.6% but table 'Totals, min %' gives 3.4% at the headline's precision (1 decimal place)",
    );
  });

  it("accepts a rounded headline in a larger unit", () => {
    expect(
      checkHeadlines([
        { location: "£5.4m", headline: 5.4, decimals: 1, table: 5380000, unit: 1000000, suffix: "m" },
      ]),
    ).toEqual([]);
    expect(
      checkHeadlines([{ location: "£5.3m", headline: 5.3, decimals: 1, table: 5380000, unit: 1000000 }]),
    ).toHaveLength(1);
  });

  it("rejects a unit that is not positive", () => {
    expect(() => checkHeadlines([{ location: "h", headline: 1, decimals: 0, table: 1, unit: 0 }])).toThrow(
      EngineError,
    );
  });

  it("property: a headline rounded from its table figure never gives a finding", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.integer({ min: 0, max: 3 }),
        (table, decimals) => {
          const headline = new Money(table).div(1e6).toDecimalPlaces(decimals, Money.ROUND_HALF_UP);
          expect(checkHeadlines([{ location: "h", headline, decimals, table, unit: 1e6 }])).toEqual([]);
        },
      ),
    );
  });
});

describe("checkPublishedFigures", () => {
  it("agrees within half of the printed rounding and not beyond it", () => {
    // "£4m" printed to the nearest £1m against a table in £'000: 3,500 to 4,500 agree.
    expect(
      checkPublishedFigures([{ location: "Text", published: 4000, printedTo: 1000, computed: 3500 }]),
    ).toEqual([]);
    expect(
      checkPublishedFigures([{ location: "Text", published: 4000, printedTo: 1000, computed: 4500 }]),
    ).toEqual([]);
    const [finding] = checkPublishedFigures([
      { location: "Text", published: 4000, printedTo: 1000, computed: 3499 },
    ]);
    expect(finding?.check).toBe("publishedEqualsComputed");
    expect(finding?.expected.toNumber()).toBe(3499);
    expect(finding?.found.toNumber()).toBe(4000);
  });

  it("without a printed rounding, the published figure's own decimals set it", () => {
    expect(checkPublishedFigures([{ location: "Ratio", published: 1.03, computed: 1858 / 1804 }])).toEqual(
      [],
    );
    expect(
      checkPublishedFigures([{ location: "Ratio", published: 1.04, computed: 1858 / 1804 }]),
    ).toHaveLength(1);
  });

  it("gives the message of its example", () => {
    expect(
      checkPublishedFigures([
        { location: "Text, ROI", published: 0.036, printedTo: 0.001, computed: 0.057 },
      ])[0]?.message,
    ).toBe(
      "Text, ROI is published as 0.036 but the calculation gives 0.0570 (printed to 0.001, so it should be within 0.0005)",
    );
  });
});

describe("printedRoundingOf", () => {
  it("is one unit of the figure's last decimal", () => {
    expect(printedRoundingOf(0.036).toString()).toBe("0.001");
    expect(printedRoundingOf(1.5).toString()).toBe("0.1");
    expect(printedRoundingOf(4000).toString()).toBe("1");
  });

  it("names a figure that is not a number", () => {
    expect(() => printedRoundingOf("x")).toThrow(EngineError);
  });
});

describe("totalOfLines", () => {
  it("adds the quantified lines, leaving N/A (null) out", () => {
    // 1140 + 400 + 0.5, the null left out.
    expect(totalOfLines([1140, null, 400, 0.5]).toString()).toBe("1540.5");
    expect(totalOfLines([]).toString()).toBe("0");
  });

  it("property: a total equal to totalOfLines never gives checkTotal a finding", () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: -10_000, max: 10_000 }))), (lines) => {
        expect(checkTotal("Total", totalOfLines(lines), lines)).toEqual([]);
      }),
    );
  });
});

describe("checkPooledLines", () => {
  const pool = {
    rowLabels: ["Set-up", "IT"],
    columnLabels: ["A", "B"],
    lineTotals: [100, 50],
    weights: [3, 2],
    unit: 1,
    subject: "pool 'Shared'",
  };

  it("agrees when each column is its share of the lines' total", () => {
    // 150 × 3/5 = 90 = 60 + 30; 150 × 2/5 = 60 = 40 + 20.
    const { total, findings } = checkPooledLines({
      ...pool,
      cells: [
        [60, 40],
        [30, 20],
      ],
    });
    expect(total.toNumber()).toBe(150);
    expect(findings).toEqual([]);
  });

  it("finds the columns that split each line separately and drift by rounding", () => {
    // Weights 1:1 over lines of 5 and 5 split 3 / 2 each: A gets 6, B 4, but 10 apportioned as
    // one amount gives 5 / 5.
    const { total, findings } = checkPooledLines({
      rowLabels: ["X", "Y"],
      columnLabels: ["A", "B"],
      cells: [
        [3, 2],
        [3, 2],
      ],
      lineTotals: [5, 5],
      weights: [1, 1],
      unit: 1,
      subject: "pool 'Even'",
    });
    expect(total.toNumber()).toBe(10);
    // As for any column total: expected is what the cells add to, found the apportioned share.
    expect(findings.map((f) => [f.location, ...figures(f)])).toEqual([
      ["column 'A'", "6", "5"],
      ["column 'B'", "4", "5"],
    ]);
  });

  it("property: columns taken from apportioning the total never give a finding", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 5 }),
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 4 }),
        (lineTotals, weights) => {
          const total = lineTotals.reduce((a, b) => a + b, 0);
          // One row holding the whole apportioned total, the others zero: the columns foot.
          const parts = apportion(total, weights, { unit: 1 });
          const cells = lineTotals.map((_, r) =>
            weights.map((__, c) => (r === 0 ? parts[c]! : new Money(0))),
          );
          const result = checkPooledLines({
            rowLabels: lineTotals.map((_, r) => `line ${r + 1}`),
            columnLabels: weights.map((_, c) => `P${c + 1}`),
            cells,
            lineTotals,
            weights,
            unit: 1,
            subject: "pool",
          });
          expect(result.total.toNumber()).toBe(total);
          expect(result.findings).toEqual([]);
        },
      ),
    );
  });
});
