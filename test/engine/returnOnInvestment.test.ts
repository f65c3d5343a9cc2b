import fc from "fast-check";
import { greenBookRates } from "../../src/engine/discounting";
import { EngineError } from "../../src/engine/errors";
import { Money, sum } from "../../src/engine/money";
import { presentValues } from "../../src/engine/npv";
import {
  benefitCostRatio,
  benefitMultiple,
  netReturnOnInvestment,
  yearsToRecover,
} from "../../src/engine/returnOnInvestment";
import { type HampshireGolden, readGolden } from "../golden/sharedData";
import { expectEngineError } from "./expectEngineError";

const golden = readGolden<HampshireGolden>("hampshire");

describe("yearsToRecover (Hampshire's 'return on investment', in years)", () => {
  // ../shared/golden/hampshire.json: per-organisation set-up and annual totals (£'000, savings
  // negative) and the published ratios, best and worst. The ratios are printed to 2–3 decimals, so
  // each is compared at the number of decimals it was published with.
  it.each(Object.entries(golden.return_on_investment_years.ratios_best_worst))(
    "reproduces the published ratios for %s from its set-up cost and annual saving",
    (organisation, published) => {
      const row =
        golden.per_organisation[organisation === "Total programme" ? organisation : `${organisation} total`]!;
      const [setUpBest, setUpWorst, annualBest, annualWorst] = row as [number, number, number, number];
      [
        [yearsToRecover(setUpBest, annualBest), published[0]],
        [yearsToRecover(setUpWorst, annualWorst), published[1]],
      ].forEach(([ratio, expected]) => {
        const decimals = String(expected).split(".")[1]?.length ?? 0;
        expect((ratio as Money).toFixed(decimals)).toBe((expected as number).toFixed(decimals));
      });
    },
  );

  it("uses the size of the saving, whichever sign convention it comes in", () => {
    expect(yearsToRecover(1858, -1804).eq(yearsToRecover(1858, 1804))).toBe(true);
    expect(yearsToRecover(0, -100).isZero()).toBe(true);
  });

  it("refuses a zero saving (noResult) and a negative set-up cost (invalidNumber)", () => {
    expectEngineError(() => yearsToRecover(1858, 0), "noResult", "annualSaving");
    expectEngineError(() => yearsToRecover(-10, -100), "invalidNumber", "setUpCost");
    expectEngineError(() => yearsToRecover("n/a", -100), "invalidValue", "setUpCost");
    expectEngineError(() => yearsToRecover(100, NaN), "invalidNumber", "annualSaving");
  });
});

describe("netReturnOnInvestment and benefitMultiple", () => {
  it("net ROI is (Σ benefits − Σ costs) / Σ costs; the benefit multiple is Σ benefits / Σ costs", () => {
    // Costs 100 + 50 = 150, benefits 450: net ROI (450 − 150) / 150 = 2 (200%), multiple 3.
    expect(netReturnOnInvestment([100, 50, 0], [0, 150, 300]).toString()).toBe("2");
    expect(benefitMultiple([100, 50, 0], [0, 150, 300]).toString()).toBe("3");
  });

  it("property: the net ROI is always the benefit multiple minus one", () => {
    const row = fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 15 });
    fc.assert(
      fc.property(row, row, (costs, benefits) => {
        const n = Math.min(costs.length, benefits.length);
        const [c, b] = [costs.slice(0, n), benefits.slice(0, n)];
        fc.pre(c.some((x) => x > 0));
        expect(netReturnOnInvestment(c, b).minus(benefitMultiple(c, b).minus(1)).abs().lt(1e-35)).toBe(true);
      }),
    );
  });

  it("takes present values of both lines when given a rate", () => {
    // 100 now, 220 in year 2 at 10%: PV 181.818…, so ROI (181.8 − 100) / 100.
    const expected = new Money(220).div("1.21").minus(100).div(100);
    expect(netReturnOnInvestment([100, 0, 0], [0, 0, 220], 0.1).minus(expected).abs().lt(1e-35)).toBe(true);
  });

  it("refuses costs totalling zero (noResult), a negative total (invalidNumber) and mismatched lengths (invalidValue)", () => {
    expectEngineError(() => netReturnOnInvestment([0, 0], [10, 10]), "noResult", "costs");
    expectEngineError(() => benefitMultiple([100, -100], [10, 10]), "noResult", "costs");
    expectEngineError(() => netReturnOnInvestment([-100, 0], [10, 10]), "invalidNumber", "costs");
    expectEngineError(() => netReturnOnInvestment([100, 0], [10, 10, 10]), "invalidValue", "benefits");
    expectEngineError(() => benefitMultiple([100, "lots"], [10, 10]), "invalidValue", "costs[1]");
    expectEngineError(() => benefitMultiple([100, 0], [10, Infinity]), "invalidNumber", "benefits[1]");
    expectEngineError(() => netReturnOnInvestment([], []), "invalidValue", "costs");
  });
});

describe("benefitCostRatio (Green Book PV(benefits) / PV(costs))", () => {
  it("is PV(benefits) / PV(costs) at the given rate", () => {
    expect(benefitCostRatio([100, 0], [0, 110], 0.1).toString()).toBe("1");
  });

  it("discounts at the Green Book schedule by default: 3.5% for cases of up to 30 years", () => {
    expect(benefitCostRatio([1000, 0], [0, 1035]).toString()).toBe("1");
    const costs = [1000, ...Array.from({ length: 30 }, () => 0)];
    const benefits = [0, ...Array.from({ length: 30 }, () => 100)];
    expect(benefitCostRatio(costs, benefits).eq(benefitCostRatio(costs, benefits, 0.035))).toBe(true);
  });

  it("uses 3.0% from year 31 by default, as the Green Book schedule does", () => {
    const costs = [1000, ...Array.from({ length: 40 }, () => 0)];
    const benefits = [0, ...Array.from({ length: 40 }, () => 100)];
    const expected = sum(presentValues(benefits, greenBookRates(40))).div(1000);
    expect(benefitCostRatio(costs, benefits).eq(expected)).toBe(true);
    expect(benefitCostRatio(costs, benefits).gt(benefitCostRatio(costs, benefits, 0.035))).toBe(true);
  });

  it("refuses bad input with a typed error naming the argument", () => {
    expectEngineError(() => benefitCostRatio([0, 0], [0, 110]), "noResult", "costs");
    expectEngineError(() => benefitCostRatio([100, 0], [0, 110], -1), "invalidNumber", "rate");
    expectEngineError(() => benefitCostRatio([100], [0, 110], 0.1), "invalidValue", "benefits");
    expectEngineError(
      () =>
        benefitCostRatio(
          Array.from({ length: 200 }, () => 1),
          Array.from({ length: 200 }, () => 1),
        ),
      "invalidNumber",
      "costs",
    );
  });

  it("property: whatever the ROI family is given, it answers a finite decimal or throws an EngineError", () => {
    const messy = fc.array(fc.oneof(fc.double(), fc.string(), fc.constant(null), fc.integer()), {
      maxLength: 5,
    });
    fc.assert(
      fc.property(messy, messy, (costs, benefits) => {
        for (const calculate of [netReturnOnInvestment, benefitMultiple, benefitCostRatio]) {
          try {
            expect(calculate(costs as number[], benefits as number[]).isFinite()).toBe(true);
          } catch (error) {
            expect(error).toBeInstanceOf(EngineError);
          }
        }
      }),
    );
  });
});
