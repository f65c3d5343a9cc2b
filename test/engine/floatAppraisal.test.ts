import fc from "fast-check";
import { discountFactors } from "../../src/engine/discounting";
import { Money } from "../../src/engine/money";
import {
  floatDiscountFactors,
  netPresentValue,
  netPresentValueOfRow,
  netPresentValues,
} from "../../src/engine/npv";
import { type PaybackResult, payback, paybackOfRow, paybackPeriods } from "../../src/engine/payback";

/**
 * Payback as it was computed before the float64 scan, entirely in 40-digit decimals: the oracle
 * `payback` must equal exactly (same kind, same decimal figure, same fall-back flag).
 */
function decimalReferencePayback(
  flows: readonly (number | Money)[],
  rate?: number,
  which: "first" | "final" = "first",
): PaybackResult {
  const factors = rate === undefined ? undefined : discountFactors(flows.length - 1, rate);
  const net = flows.map((f, t) => (factors ? new Money(f).times(factors[t]!) : new Money(f)));
  let cumulative = new Money(0);
  let wentNegative = false;
  let first: Money | undefined;
  let final: Money | undefined;
  net.forEach((value, t) => {
    const before = cumulative;
    cumulative = cumulative.plus(value);
    if (cumulative.lt(0)) wentNegative = true;
    else if (before.lt(0)) {
      const crossing = before
        .neg()
        .div(value)
        .plus(t - 1);
      first ??= crossing;
      final = crossing;
    }
  });
  const horizon = net.length - 1;
  if (cumulative.lt(0)) {
    if (which === "final" || first === undefined) return { kind: "never", horizon };
    return { kind: "paysBack", periods: first, fallsBack: true };
  }
  if (!wentNegative) return { kind: "paysBack", periods: new Money(0) };
  return { kind: "paysBack", periods: which === "first" ? first! : final! };
}

/**
 * Half a unit in the last place of x: decimal.js reads a float64 through its shortest decimal,
 * which can differ from the float64 itself by that much, so comparisons allow it.
 */
const halfUlp = (x: number) => (x === 0 ? Number.MIN_VALUE : 2 ** (Math.floor(Math.log2(Math.abs(x))) - 53));

const asComparable = (result: PaybackResult) =>
  result.kind === "never" ? result : { ...result, periods: result.periods.toString() };

const wholeUnits = fc.oneof(
  fc.integer({ min: -5_000, max: 5_000 }),
  fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
  fc.integer({ min: -(2 ** 48), max: 2 ** 48 }),
);
const flows = fc.array(wholeUnits, { minLength: 1, maxLength: 31 });
/** Cashflows in pence written as pounds (0.1 + 0.2 is not 0.3 in float64), so sums can be exactly zero. */
const penceFlows = fc.array(
  fc.oneof(fc.constantFrom(-30, 10, 20, -10), fc.integer({ min: -100_000, max: 100_000 })),
  { minLength: 1, maxLength: 12 },
);
const rates = fc.integer({ min: -500, max: 2_000 }).map((bp) => bp / 10_000);
const which = fc.constantFrom("first" as const, "final" as const);

describe("payback: float64 decisions, exact figures", () => {
  it("property: equals the all-decimal payback exactly, simple and discounted, first and final, whole amounts up to 2^48", () => {
    fc.assert(
      fc.property(flows, fc.option(rates, { nil: undefined }), which, (values, rate, choice) => {
        const options = rate === undefined ? { which: choice } : { rate, which: choice };
        expect(asComparable(payback(values, options))).toEqual(
          asComparable(decimalReferencePayback(values, rate, choice)),
        );
      }),
      { numRuns: 300 },
    );
  });

  it("property: equals the all-decimal payback exactly for amounts in pounds and pence, as numbers or decimals, where positions are exactly zero", () => {
    fc.assert(
      fc.property(penceFlows, fc.boolean(), which, (pence, asDecimals, choice) => {
        const pounds = pence.map((p) => (asDecimals ? new Money(p).div(100) : p / 100));
        expect(asComparable(payback(pounds, { which: choice }))).toEqual(
          asComparable(decimalReferencePayback(pounds, undefined, choice)),
        );
      }),
      { numRuns: 300 },
    );
  });

  it("decides a position that is exactly zero in decimals but not in float64 (0.1 + 0.2 − 0.3) in decimals", () => {
    expect(asComparable(payback([-0.3, 0.1, 0.2]))).toEqual({ kind: "paysBack", periods: "2" });
    expect(paybackOfRow(new Float64Array([-0.3, 0.1, 0.2]), 0, 3)).toBe(2);
  });
});

describe("paybackPeriods and paybackOfRow (many rows, float64)", () => {
  it("property: every row's figure is the exact payback to 1e-12 of its size, and 'never' is Infinity", () => {
    fc.assert(
      fc.property(
        fc.array(
          flows.filter((f) => f.length >= 2),
          { minLength: 1, maxLength: 8 },
        ),
        fc.option(rates, { nil: undefined }),
        which,
        (series, rate, choice) => {
          const periods = Math.min(...series.map((s) => s.length));
          const rows = series.map((s) => s.slice(0, periods));
          const options = rate === undefined ? { which: choice } : { rate, which: choice };
          const found = paybackPeriods(new Float64Array(rows.flat()), periods, options);
          rows.forEach((row, i) => {
            const exact = payback(row, options);
            if (exact.kind === "never") expect(found[i]).toBe(Infinity);
            else expect(Math.abs(found[i]! - exact.periods.toNumber())).toBeLessThanOrEqual(1e-12 * periods);
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it("counts a first payback that falls back as never when asked, as a simulation does", () => {
    const row = new Float64Array([-100, 150, -100]);
    expect(paybackOfRow(row, 0, 3)).toBeCloseTo(2 / 3, 15);
    expect(paybackOfRow(row, 0, 3, undefined, { fallingBack: "never" })).toBe(Infinity);
    expect(paybackOfRow(row, 0, 3, undefined, { which: "final" })).toBe(Infinity);
  });

  it("names a value that is not a finite number and a matrix that is not whole rows", () => {
    expect(() => paybackPeriods(new Float64Array([-1, NaN, 2, 3]), 2)).toThrow(
      "rows[1][1]: is not a finite number",
    );
    expect(() => paybackPeriods(new Float64Array(5), 2)).toThrow("rows: hold 5 values");
    expect(() => paybackPeriods(new Float64Array(4), 2, { which: "last" as "final" })).toThrow("which:");
  });
});

describe("netPresentValueOfRow and netPresentValues (float64, compensated)", () => {
  const amounts = fc.oneof(
    fc.integer({ min: -1_000_000, max: 1_000_000 }),
    fc.integer({ min: -(2 ** 52), max: 2 ** 52 }),
    fc.double({ min: -1e9, max: 1e9, noNaN: true }),
  );
  const rows = fc.array(amounts, { minLength: 1, maxLength: 60 });

  it("property: the float64 NPV is within its stated error bound of the exact (decimal) NPV, and the bound is a few units in the last place of the flows", () => {
    fc.assert(
      fc.property(rows, rates, (values, rate) => {
        const factors = floatDiscountFactors(values.length - 1, rate);
        const bound = new Float64Array(1);
        const found = netPresentValueOfRow(new Float64Array(values), 0, values.length, factors, bound);
        const exact = netPresentValue(values, rate);
        expect(
          exact
            .minus(found)
            .abs()
            .lte(bound[0]! + halfUlp(found)),
        ).toBe(true);
        const size = values.reduce((s, v, t) => s + Math.abs(v * factors[t]!), 0);
        expect(bound[0]!).toBeLessThanOrEqual(7 * 2 ** -53 * size + values.length * Number.MIN_VALUE);
      }),
      { numRuns: 500 },
    );
  });

  it("property: netPresentValues gives each row's NPV, and recomputes in decimals a row whose bound exceeds the tolerance", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(amounts, { minLength: 5, maxLength: 5 }), { minLength: 1, maxLength: 6 }),
        rates,
        (series, rate) => {
          const matrix = new Float64Array(series.flat());
          const fast = netPresentValues(matrix, 5, rate);
          const exact = netPresentValues(matrix, 5, rate, undefined, { tolerance: 0 });
          series.forEach((row, i) => {
            const decimal = netPresentValue(row, rate);
            expect(
              decimal
                .minus(fast[i]!)
                .abs()
                .lte(0.005 + 2 * halfUlp(fast[i]!)),
            ).toBe(true);
            // Tolerance 0 sends every inexact row to decimals: the float64 nearest the exact figure.
            if (!decimal.minus(exact[i]!).isZero()) expect(exact[i]).toBe(decimal.toNumber());
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it("beats plain summation where terms cancel: 1e16, 1, −1e16 is 1, not 0", () => {
    const factors = new Float64Array([1, 1, 1]);
    expect(netPresentValueOfRow(new Float64Array([1e16, 1, -1e16]), 0, 3, factors)).toBe(1);
    expect(netPresentValues(new Float64Array([-100, 110, 121]), 3, 0.1)[0]).toBeCloseTo(100, 12);
  });
});
