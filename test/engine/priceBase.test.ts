import fc from "fast-check";
import { Money } from "../../src/engine/money";
import { greenBookRates } from "../../src/engine/discounting";
import { netPresentValue } from "../../src/engine/npv";
import {
  nominalDiscountRates,
  nominalToReal,
  priceIndexFromInflation,
  realNetPresentValue,
  realToNominal,
} from "../../src/engine/priceBase";
import { expectEngineError } from "./expectEngineError";

describe("real and nominal prices", () => {
  it("inflates real amounts by the index relative to the base year", () => {
    expect(realToNominal([100, 100, 100], [100, 102, 104.04]).map(String)).toEqual(["100", "102", "104.04"]);
    // Prices of year 1 as the base: year 0 is deflated, year 2 inflated.
    expect(realToNominal([102, 102, 102], [100, 102, 104.04], 1).map(String)).toEqual([
      "100",
      "102",
      "104.04",
    ]);
  });

  it("deflates nominal amounts to the base year's prices", () => {
    expect(nominalToReal([100, 102, 104.04], [100, 102, 104.04]).map(String)).toEqual(["100", "100", "100"]);
  });

  it("builds an index from inflation rates, year 0 being the base", () => {
    expect(priceIndexFromInflation([0, 0.02, 0.02]).map(String)).toEqual(["1", "1.02", "1.0404"]);
    expectEngineError(() => priceIndexFromInflation([0, -1]), "invalidNumber", "rates[1]");
  });

  it("refuses a short index, an index value of zero or less, and a base year outside the index", () => {
    expectEngineError(() => realToNominal([1, 2, 3], [1, 1]), "invalidValue", "index");
    expectEngineError(() => realToNominal([1, 2], [1, 0]), "invalidNumber", "index[1]");
    expectEngineError(() => nominalToReal([1, 2], [1, 1], 2), "invalidNumber", "baseYear");
  });

  it("property: converting to nominal and back to real gives the amounts again (to 1e-25)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 50, max: 400 })), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.nat(),
        (rows, base) => {
          const amounts = rows.map(([a]) => a);
          const index = rows.map(([, i]) => new Money(i).div(3));
          const baseYear = base % rows.length;
          const back = nominalToReal(realToNominal(amounts, index, baseYear), index, baseYear);
          back.forEach((b, t) => expect(b.minus(amounts[t]!).abs().lt("1e-25")).toBe(true));
        },
      ),
    );
  });

  it("discounts cash figures in real terms: deflated first, then at the real rate", () => {
    // 105.06 cash in year 1 at 2% inflation is 103 in year-0 prices; at 3% real that is worth 100 now.
    expect(realNetPresentValue([-100, 105.06], [100, 102], 0.03).abs().lt("1e-30")).toBe(true);
    const cash = [-500, 120, 130, 140];
    const index = priceIndexFromInflation([0, 0.02, 0.025, 0.03]);
    expect(
      realNetPresentValue(cash, index, greenBookRates(3)).equals(
        netPresentValue(nominalToReal(cash, index), greenBookRates(3)),
      ),
    ).toBe(true);
  });
});

describe("nominalDiscountRates", () => {
  it("combines the real rate with the index's change: 1.035 × 1.02 − 1 = 5.57%", () => {
    expect(nominalDiscountRates([0.035, 0.035], [1, 1.02, 1.0404]).map(String)).toEqual(["0.0557", "0.0557"]);
  });

  it("discounting cash at these rates equals deflating the cash and discounting at the real rates", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 12 }),
        fc.array(fc.integer({ min: -5, max: 10 }), { minLength: 12, maxLength: 12 }),
        (cash, inflationPercents) => {
          const index = priceIndexFromInflation(inflationPercents.slice(0, cash.length).map((p) => p / 100));
          const real = cash.slice(1).map(() => 0.035);
          const viaRates = netPresentValue(cash, nominalDiscountRates(real, index));
          const viaDeflating = netPresentValue(nominalToReal(cash, index), real);
          expect(viaRates.minus(viaDeflating).abs().lt(1e-20)).toBe(true);
        },
      ),
    );
  });

  it("refuses an index shorter than the periods or not above zero, naming it", () => {
    expect(() => nominalDiscountRates([0.035, 0.035], [1, 1.02])).toThrow(/index.*needs 3 values/);
    expect(() => nominalDiscountRates([0.035], [1, 0])).toThrow(/index\[1\].*above zero/);
  });
});
