import { discountFactors, greenBookRates } from "../../src/engine/discounting";
import { greenBookHealthRates } from "../../src/engine/healthDiscounting";
import { Money } from "../../src/engine/money";
import { expectEngineError } from "./expectEngineError";

describe("greenBookHealthRates", () => {
  it("is 1.5% for years 1–30, 1.286% for 31–75 and 1.071% for 76–125", () => {
    const rates = greenBookHealthRates(125).map(String);
    expect(new Set(rates.slice(0, 30))).toEqual(new Set(["0.015"]));
    expect(new Set(rates.slice(30, 75))).toEqual(new Set(["0.01286"]));
    expect(new Set(rates.slice(75, 125))).toEqual(new Set(["0.01071"]));
  });

  it("rounded to two decimals of a percent, is the Green Book's published 1.50%, 1.29% and 1.07%", () => {
    const published = greenBookHealthRates(125).map((rate) => rate.times(100).toDecimalPlaces(2).toFixed(2));
    expect([published[0], published[30], published[75]]).toEqual(["1.50", "1.29", "1.07"]);
  });

  it("falls in the same proportion as the standard schedule (health = standard × 1.5 / 3.5, to three decimals of a percent)", () => {
    const health = greenBookHealthRates(125);
    greenBookRates(125).forEach((standard, t) => {
      expect(health[t]!.minus(standard.times(1.5).div(3.5)).abs().lte("0.000005")).toBe(true);
    });
  });

  it("is a schedule discountFactors applies cumulatively", () => {
    const factors = discountFactors(31, greenBookHealthRates(31));
    const expected = new Money(1).div(new Money("1.015").pow(30).times("1.01286"));
    expect(factors[31]!.minus(expected).abs().lt("1e-30")).toBe(true);
  });

  it("refuses more than 125 periods and periods that are not whole numbers from 0", () => {
    expect(greenBookHealthRates(0)).toEqual([]);
    expectEngineError(() => greenBookHealthRates(126), "invalidNumber", "periods");
    expectEngineError(() => greenBookHealthRates(-1), "invalidNumber", "periods");
    expectEngineError(() => greenBookHealthRates(1.5), "invalidNumber", "periods");
  });
});
