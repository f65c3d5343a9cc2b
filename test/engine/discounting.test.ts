import fc from "fast-check";
import {
  discountFactors,
  greenBookRates,
  greenBookStandardRate,
  ratesForPeriods,
  readAmounts,
} from "../../src/engine/discounting";
import { Money } from "../../src/engine/money";
import { expectEngineError } from "./expectEngineError";

/** 1 / (1 + r)^t by decimal.js's power, a different route from the engine's repeated division. */
function powerFactor(rate: string, t: number): Money {
  return new Money(1).div(new Money(1).plus(rate).pow(t));
}

describe("greenBookRates", () => {
  // HM Treasury, The Green Book (2022), Annex A6, the declining long-term discount rate:
  // 3.5% for years 0–30, 3.0% for 31–75, 2.5% for 76–125.
  it("gives 3.5% for years 1–30, 3.0% for 31–75 and 2.5% for 76–125", () => {
    const rates = greenBookRates(125).map(String);
    expect(rates).toHaveLength(125);
    rates.forEach((rate, index) => {
      const year = index + 1;
      expect([year, rate]).toEqual([year, year <= 30 ? "0.035" : year <= 75 ? "0.03" : "0.025"]);
    });
    expect(greenBookStandardRate.toString()).toBe("0.035");
  });

  it("refuses more than 125 years, naming periods", () => {
    expectEngineError(() => greenBookRates(126), "invalidNumber", "periods");
    expectEngineError(() => greenBookRates(-1), "invalidNumber", "periods");
    expectEngineError(() => greenBookRates(2.5), "invalidNumber", "periods");
    expect(greenBookRates(0)).toEqual([]);
  });
});

describe("discountFactors", () => {
  it("gives periods + 1 factors starting with 1 for now", () => {
    const factors = discountFactors(3, 0.1);
    expect(factors).toHaveLength(4);
    expect(factors[0]!.toString()).toBe("1");
    factors.forEach((factor, t) => expect(factor.minus(powerFactor("0.1", t)).abs().lt(1e-35)).toBe(true));
  });

  it("applies a per-period schedule cumulatively: period t is divided by (1 + r1)…(1 + r_t)", () => {
    const factors = discountFactors(3, [0.1, 0.2, 0.3]);
    // 1.1 × 1.2 × 1.3 = 1.716
    expect(factors[3]!.minus(new Money(1).div("1.716")).abs().lt(1e-35)).toBe(true);
    expect(factors[2]!.minus(new Money(1).div("1.32")).abs().lt(1e-35)).toBe(true);
  });

  it("discounts year 31 of the Green Book schedule by 1.035^30 × 1.03, and year 76 by 1.035^30 × 1.03^45 × 1.025", () => {
    const factors = discountFactors(76, greenBookRates(76));
    const year30 = powerFactor("0.035", 30);
    expect(factors[30]!.minus(year30).abs().lt(1e-35)).toBe(true);
    expect(factors[31]!.minus(year30.div("1.03")).abs().lt(1e-35)).toBe(true);
    const year75 = year30.times(powerFactor("0.03", 45));
    expect(factors[76]!.minus(year75.div("1.025")).abs().lt(1e-35)).toBe(true);
  });

  it("ignores the extra rates of a schedule longer than needed", () => {
    expect(discountFactors(2, [0.1, 0.2, 0.9]).map(String)).toEqual(
      discountFactors(2, [0.1, 0.2]).map(String),
    );
  });

  it("property: a schedule repeating one rate gives the same factors as the rate itself", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: -50, max: 300 }),
        (periods, basisPoints) => {
          const rate = new Money(basisPoints).div(1000);
          const schedule = Array.from({ length: periods }, () => rate);
          const fromSchedule = discountFactors(periods, schedule).map(String);
          expect(fromSchedule).toEqual(discountFactors(periods, rate).map(String));
        },
      ),
    );
  });

  it("property: at a positive rate each factor is smaller than the one before", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 500 }),
        (periods, basisPoints) => {
          const factors = discountFactors(periods, new Money(basisPoints).div(10000));
          for (let t = 1; t < factors.length; t++) expect(factors[t]!.lt(factors[t - 1]!)).toBe(true);
        },
      ),
    );
  });

  it("refuses bad rates and periods with a typed error naming the argument", () => {
    expectEngineError(() => discountFactors(3, -1), "invalidNumber", "rate");
    expectEngineError(() => discountFactors(3, -1.5), "invalidNumber", "rate");
    expectEngineError(() => discountFactors(3, "ten percent"), "invalidValue", "rate");
    expectEngineError(() => discountFactors(3, NaN), "invalidNumber", "rate");
    expectEngineError(() => discountFactors(3, [0.1, 0.1]), "invalidNumber", "rate");
    expectEngineError(() => discountFactors(3, [0.1, "x", 0.1]), "invalidValue", "rate[2]");
    expectEngineError(() => discountFactors(-1, 0.1), "invalidNumber", "periods");
    expectEngineError(() => discountFactors(1.5, 0.1), "invalidNumber", "periods");
    expectEngineError(() => discountFactors("3" as unknown as number, 0.1), "invalidValue", "periods");
  });
});

describe("ratesForPeriods and readAmounts", () => {
  it("repeats one rate or takes the first entries of a schedule", () => {
    expect(ratesForPeriods(3, "0.035").map(String)).toEqual(["0.035", "0.035", "0.035"]);
    expect(ratesForPeriods(1, [0.02, 0.03]).map(String)).toEqual(["0.02"]);
  });

  it("names the bad entry of a row by its period", () => {
    expect(readAmounts([1, "2", new Money(3)], "costs").map(String)).toEqual(["1", "2", "3"]);
    expectEngineError(() => readAmounts([1, 2, "n/a"], "costs"), "invalidValue", "costs[2]");
    expectEngineError(() => readAmounts([], "costs"), "invalidValue", "costs");
    expectEngineError(() => readAmounts("1,2" as unknown as number[], "costs"), "invalidValue", "costs");
  });
});
