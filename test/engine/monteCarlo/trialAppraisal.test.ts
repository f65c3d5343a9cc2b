import fc from "fast-check";
import { discountFactors } from "../../../src/engine/discounting";
import { trialNetPresentValue, trialPayback } from "../../../src/engine/monteCarlo/trialAppraisal";
import { netPresentValue } from "../../../src/engine/npv";
import { payback } from "../../../src/engine/payback";

const asTrial = (values: readonly number[]) => new Float64Array(values);
const factorsAt = (rate: number, periods: number) =>
  Float64Array.from(discountFactors(periods - 1, rate), (f) => f.toNumber());
/** The engine's first payback, counted as "never" when the case falls back below zero by the end. */
const decimalPayback = (values: readonly number[], rate?: number): number => {
  const result = payback(values, rate === undefined ? {} : { rate });
  return result.kind === "never" || result.fallsBack ? Infinity : result.periods.toNumber();
};

const cashflows = fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 15 });
const rates = fc.integer({ min: 0, max: 120 }).map((r) => r / 1000);

describe("trialPayback", () => {
  it("interpolates inside the crossing period, gives 0 when never negative and Infinity when it ends negative", () => {
    expect(trialPayback(asTrial([-100, 60, 60]), 0, 3)).toBeCloseTo(1 + 40 / 60, 12);
    expect(trialPayback(asTrial([-100, 50, 50]), 0, 3)).toBe(2);
    expect(trialPayback(asTrial([0, 10, 10]), 0, 3)).toBe(0);
    expect(trialPayback(asTrial([-100, 40, 40]), 0, 3)).toBe(Infinity);
    // A delayed start: leading zeros do not count as paid back.
    expect(trialPayback(asTrial([0, -100, 60, 60]), 0, 4)).toBeCloseTo(2 + 40 / 60, 12);
  });

  it("reads one partner's row out of a longer array", () => {
    expect(trialPayback(asTrial([9, 9, -100, 60, 60]), 2, 3)).toBeCloseTo(1 + 40 / 60, 12);
  });

  it("counts a crossing exact in decimals as exact though floats miss it by a hair", () => {
    // 0.1 + 0.2 − 0.3 is 5.5e−17 in floating point, not 0.
    expect(trialPayback(asTrial([-0.3, 0.1, 0.2]), 0, 3)).toBe(decimalPayback([-0.3, 0.1, 0.2]));
  });

  it("property: agrees with the engine's decimal payback (first crossing)", () => {
    fc.assert(
      fc.property(cashflows, (values) => {
        const expected = decimalPayback(values);
        const actual = trialPayback(asTrial(values), 0, values.length);
        if (expected === Infinity) expect(actual).toBe(Infinity);
        else expect(actual).toBeCloseTo(expected, 9);
      }),
      { numRuns: 500 },
    );
  });

  it("property: agrees with the engine's discounted payback", () => {
    fc.assert(
      fc.property(cashflows, rates, (values, rate) => {
        const expected = decimalPayback(values, rate);
        const actual = trialPayback(asTrial(values), 0, values.length, factorsAt(rate, values.length));
        if (expected === Infinity) expect(actual).toBe(Infinity);
        else expect(actual).toBeCloseTo(expected, 9);
      }),
      { numRuns: 300 },
    );
  });
});

describe("trialNetPresentValue", () => {
  it("property: agrees with the engine's decimal NPV", () => {
    fc.assert(
      fc.property(cashflows, rates, (values, rate) => {
        const expected = netPresentValue(values, rate).toNumber();
        const actual = trialNetPresentValue(
          asTrial(values),
          0,
          values.length,
          factorsAt(rate, values.length),
        );
        expect(Math.abs(actual - expected)).toBeLessThan(1e-9);
      }),
    );
  });
});
