import fc from "fast-check";
import { Money } from "../../src/engine/money";
import {
  countOf,
  formatAmount,
  formatDuration,
  formatPayback,
  formatPaybackRange,
  formatPercent,
} from "../../src/taskpane/figureFormatting";

describe("figures in the documents' convention", () => {
  test.each([
    [1858, "1,858"],
    [-1424, "(1,424)"],
    [0, "0"],
    [-0.4, "0"],
    [-0.5, "(1)"],
    [1234567, "1,234,567"],
    [999.5, "1,000"],
  ])("%p prints as %p", (value, printed) => {
    expect(formatAmount(new Money(value))).toBe(printed);
  });

  test("decimals are kept when asked for, halves rounded away from zero like Excel's ROUND", () => {
    expect(formatAmount(new Money("-2.345"), 2)).toBe("(2.35)");
    expect(formatAmount(new Money("1234.5"), 1)).toBe("1,234.5");
  });

  test("reading a printed figure back (brackets as minus, commas dropped) gives the amount rounded to a unit", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 99 }), (whole, cents) => {
        const value = new Money(whole).plus(new Money(cents).dividedBy(100).times(Math.sign(whole) || 1));
        const printed = formatAmount(value);
        const readBack = new Money(printed.replace(/[(),]/g, "")).times(printed.startsWith("(") ? -1 : 1);
        expect(readBack.equals(value.toDecimalPlaces(0, Money.ROUND_HALF_UP))).toBe(true);
      }),
    );
  });
});

describe("payback in words", () => {
  test("a payback is given in years to one decimal", () => {
    expect(formatPayback({ kind: "paysBack", periods: new Money("2.44") })).toBe("2.4 years");
    expect(formatPayback({ kind: "paysBack", periods: new Money("0.96") })).toBe("1.0 year");
    expect(formatPayback({ kind: "paysBack", periods: new Money(0) })).toBe("0.0 years");
  });

  test("a case that never pays back names the horizon, with 1 year singular", () => {
    expect(formatPayback({ kind: "never", horizon: 10 })).toBe("not within 10 years");
    expect(formatPayback({ kind: "never", horizon: 1 })).toBe("not within 1 year");
  });

  test("a first payback after which the case falls back below zero says so, also in a range", () => {
    const fallsBack = { kind: "paysBack" as const, periods: new Money(2), fallsBack: true as const };
    expect(formatPayback(fallsBack)).toBe("2.0 years, then falls back below zero (no final payback)");
    expect(
      formatPaybackRange([
        { case: "Best", result: fallsBack },
        { case: "Worst", result: { kind: "paysBack", periods: new Money(3) } },
      ]),
    ).toBe("2.0 years, then falls back below zero (no final payback) (Best) to 3.0 years (Worst)");
  });

  test("a best–worst range runs from the shorter to the longer payback whatever the case order", () => {
    const worst = { case: "Worst", result: { kind: "paysBack" as const, periods: new Money("4.12") } };
    const best = { case: "Best", result: { kind: "paysBack" as const, periods: new Money("2.38") } };
    expect(formatPaybackRange([worst, best])).toBe("2.4–4.1 years");
    expect(formatPaybackRange([best, worst])).toBe("2.4–4.1 years");
    expect(formatPaybackRange([best])).toBe("2.4 years");
  });

  test("a range with a case that never pays back keeps the words and names each case", () => {
    expect(
      formatPaybackRange([
        { case: "Best", result: { kind: "paysBack", periods: new Money(3) } },
        { case: "Worst", result: { kind: "never", horizon: 10 } },
      ]),
    ).toBe("3.0 years (Best) to not within 10 years (Worst)");
  });
});

describe("other phrases", () => {
  test("percentages, durations and counts", () => {
    expect(formatPercent(0.035)).toBe("3.5%");
    expect(formatDuration(420.4)).toBe("420 ms");
    expect(formatDuration(1530)).toBe("1.5 s");
    expect(countOf(1, "sheet")).toBe("1 sheet");
    expect(countOf(1200, "cell")).toBe("1,200 cells");
  });
});
