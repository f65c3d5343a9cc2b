import fc from "fast-check";
import { computeBusinessCase, programme } from "../../src/engine/businessCase";
import { Money } from "../../src/engine/money";
import { netPresentValue } from "../../src/engine/npv";
import { payback } from "../../src/engine/payback";
import { scenarioNetCashflow } from "../../src/engine/scenarios";
import {
  type SwitchingValueResult,
  caseSwitchingValues,
  delayToLosePayback,
  switchingValue,
  switchingValues,
} from "../../src/engine/switchingValue";
import { hampshireModel } from "../golden/hampshireModel";
import { type HampshireGolden, readGolden } from "../golden/sharedData";
import { twoPartnerModel } from "./monteCarlo/smallModels";

const changeOf = (result: SwitchingValueResult): Money => {
  if (result.kind !== "switches") throw new Error(`expected a switching value, got: ${result.reason}`);
  return result.change;
};

/** NPV after applying a switching value's change to its driver. */
const npvAfter = (
  costs: readonly Money[] | number[],
  benefits: readonly Money[] | number[],
  rate: number,
  result: SwitchingValueResult,
  driver: "benefits" | "costs",
) => {
  const factor = changeOf(result).plus(1);
  const adjusted = scenarioNetCashflow(
    costs,
    benefits,
    driver === "benefits" ? { savingFactor: factor } : { costFactor: factor },
  );
  return netPresentValue(adjusted, rate);
};

describe("switchingValue", () => {
  it("finds how far benefits can fall and costs can rise (hand-checked at 3.5%)", () => {
    // PV(benefits) = 207 / 1.035 = 200 against costs of 100: benefits can halve, costs can double.
    expect(changeOf(switchingValue([100, 0], [0, 207], { rate: 0.035 })).toNumber()).toBe(-0.5);
    expect(changeOf(switchingValue([100, 0], [0, 207], { rate: 0.035, driver: "costs" })).toNumber()).toBe(1);
  });

  it("uses the Green Book 3.5% when no rate is given", () => {
    expect(switchingValue([100, 0], [0, 207])).toEqual(switchingValue([100, 0], [0, 207], { rate: "0.035" }));
  });

  it("gives a rise in benefits (positive) or a fall in costs (negative) for a case that is under water", () => {
    expect(changeOf(switchingValue([100], [80], { rate: 0 })).toNumber()).toBe(0.25);
    expect(changeOf(switchingValue([100], [80], { rate: 0, driver: "costs" })).toNumber()).toBe(-0.2);
  });

  it("gives no switching value when the driver has no present value or would have to turn negative", () => {
    expect(switchingValue([100, 0], [0, 0]).kind).toBe("none");
    expect(switchingValue([0, 0], [0, 50], { driver: "costs" }).kind).toBe("none");
    // Costs entered negative (savings): only negative benefits would balance them.
    expect(switchingValue([-100, 0], [0, 50], { rate: 0 })).toEqual({
      kind: "none",
      reason: "the NPV would only reach zero with negative benefits",
    });
  });

  it("accepts a per-period schedule of rates", () => {
    const result = switchingValue([100, 0, 0], [0, 60, 60], { rate: [0.1, 0.2] });
    expect(npvAfter([100, 0, 0], [0, 60, 60], 0, result, "benefits").toNumber()).not.toBe(0);
    const adjusted = scenarioNetCashflow([100, 0, 0], [0, 60, 60], {
      savingFactor: changeOf(result).plus(1),
    });
    expect(netPresentValue(adjusted, [0.1, 0.2]).abs().lt("1e-30")).toBe(true);
  });

  it("rejects an unknown driver and rows of different lengths", () => {
    expect(() => switchingValue([1], [1], { driver: "savings" as "costs" })).toThrow(
      expect.objectContaining({ kind: "invalidValue", subject: "driver" }),
    );
    expect(() => switchingValue([1, 2], [1])).toThrow(
      expect.objectContaining({ kind: "invalidValue", subject: "benefits" }),
    );
  });

  const cashflows = fc.integer({ min: 1, max: 10 }).chain((length) =>
    fc.tuple(
      fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: length, maxLength: length }),
      fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: length, maxLength: length }),
      fc.integer({ min: 0, max: 150 }).map((r) => r / 1000),
    ),
  );

  it("property: applying the switching value to benefits brings NPV to zero", () => {
    fc.assert(
      fc.property(cashflows, ([costs, benefits, rate]) => {
        const result = switchingValue(costs, benefits, { rate });
        fc.pre(result.kind === "switches");
        expect(npvAfter(costs, benefits, rate, result, "benefits").abs().lt("1e-30")).toBe(true);
      }),
    );
  });

  it("property: applying the switching value to costs brings NPV to zero", () => {
    fc.assert(
      fc.property(cashflows, ([costs, benefits, rate]) => {
        const result = switchingValue(costs, benefits, { rate, driver: "costs" });
        fc.pre(result.kind === "switches");
        expect(npvAfter(costs, benefits, rate, result, "costs").abs().lt("1e-30")).toBe(true);
      }),
    );
  });

  it("property: a case with positive NPV can lose benefits (change < 0) and bear higher costs (change > 0)", () => {
    fc.assert(
      fc.property(cashflows, ([costs, benefits, rate]) => {
        const npv = netPresentValue(scenarioNetCashflow(costs, benefits), rate);
        fc.pre(npv.gt(0) && costs.some((c) => c > 0));
        expect(changeOf(switchingValue(costs, benefits, { rate })).isNegative()).toBe(true);
        expect(changeOf(switchingValue(costs, benefits, { rate, driver: "costs" })).gt(0)).toBe(true);
      }),
    );
  });
});

describe("delayToLosePayback", () => {
  it("finds the first delay at which payback slips past the horizon (hand-checked)", () => {
    // On time 1.67; a year late 2.67; two years late the cumulative ends at −40.
    const result = delayToLosePayback([100, 0, 0, 0], [0, 60, 60, 60]);
    expect(result.kind).toBe("failsAt");
    if (result.kind === "failsAt") {
      expect(result.delay).toBe(2);
      expect(result.paybackOnTime).toEqual(payback([-100, 60, 60, 60]));
    }
  });

  it("says when a case never pays back, or pays back whatever the delay", () => {
    expect(delayToLosePayback([100, 0], [0, 50])).toEqual({ kind: "neverPaysBack", horizon: 1 });
    expect(delayToLosePayback([0, 0, 0], [0, 50, 50])).toEqual({ kind: "alwaysPaysBack" });
  });

  it("uses discounted payback when a rate is given, which can fail sooner", () => {
    // Undiscounted it just pays back on time (cumulative 0 at the end); discounted it does not.
    expect(delayToLosePayback([100, 0, 0], [0, 50, 50]).kind).toBe("failsAt");
    expect(delayToLosePayback([100, 0, 0], [0, 50, 50], { rate: 0.035 }).kind).toBe("neverPaysBack");
  });

  it("property: one year less than the delay found still pays back, and the delay found does not", () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 10 })
          .chain((length) =>
            fc.tuple(
              fc.array(fc.integer({ min: 0, max: 500 }), { minLength: length, maxLength: length }),
              fc.array(fc.integer({ min: 0, max: 500 }), { minLength: length, maxLength: length }),
            ),
          ),
        ([costs, benefits]) => {
          const result = delayToLosePayback(costs, benefits);
          fc.pre(result.kind === "failsAt");
          if (result.kind !== "failsAt") return;
          expect(
            payback(scenarioNetCashflow(costs, benefits, { delay: result.delay }), { which: "final" }).kind,
          ).toBe("never");
          expect(
            payback(scenarioNetCashflow(costs, benefits, { delay: result.delay - 1 }), { which: "final" })
              .kind,
          ).toBe("paysBack");
        },
      ),
    );
  });
});

describe("switchingValues of a business case", () => {
  it("gives each partner's and the programme's switching values at the model's discount rate", () => {
    // Best case, rate 0: A pays 60 and saves 36 a year for 5 years (NPV 120): benefits can fall by
    // 120 / 180, costs can rise by 120 / 60.
    const values = switchingValues(twoPartnerModel(), { case: "Best" });
    expect(values.map((v) => v.partner)).toEqual(["A", "B", programme]);
    const a = values[0]!;
    expect(a.netPresentValue.toNumber()).toBe(120);
    expect(changeOf(a.benefits).toFixed(6)).toBe((-120 / 180).toFixed(6));
    expect(changeOf(a.costs).toNumber()).toBe(2);
    // Payback 1.67 on time; three years late the cumulative is −60 + 2 × 36 ≥ 0; four years late it is not.
    expect(a.paybackDelay).toMatchObject({ kind: "failsAt", delay: 4 });
  });

  it("every Hampshire partner's switching values bring its NPV to zero in both cases", () => {
    const model = hampshireModel(readGolden<HampshireGolden>("hampshire"));
    const result = computeBusinessCase(model);
    for (const caseName of ["Best", "Worst"]) {
      const partners = result.cases.find((c) => c.name === caseName)!.partners;
      switchingValues(model, { case: caseName }).forEach((values, p) => {
        const { costs, benefits } = partners[p]!;
        expect(npvAfter(costs, benefits, 0.035, values.benefits, "benefits").abs().lt("1e-30")).toBe(true);
        expect(npvAfter(costs, benefits, 0.035, values.costs, "costs").abs().lt("1e-30")).toBe(true);
      });
    }
  });

  it("gives, for a case already computed, what switchingValues gives for the model", () => {
    // Worst case, rate 0: A pays 0.6 × 140 = 84 and saves 0.6 × 40 = 24 a year for 5 years, so
    // NPV 120 − 84 = 36: benefits can fall by 36 / 120 = 0.3, costs can rise by 36 / 84.
    const model = twoPartnerModel();
    const worst = computeBusinessCase(model).cases.find((c) => c.name === "Worst")!;
    const values = caseSwitchingValues(worst, model.settings.discountRate);
    expect(values).toEqual(switchingValues(model, { case: "Worst" }));
    expect(values[0]!.netPresentValue.toNumber()).toBe(36);
    expect(changeOf(values[0]!.benefits).toNumber()).toBe(-0.3);
    expect(changeOf(values[0]!.costs).toFixed(6)).toBe((36 / 84).toFixed(6));
  });

  it("names an unknown case", () => {
    expect(() => switchingValues(twoPartnerModel(), { case: "Central" })).toThrow(
      expect.objectContaining({ kind: "invalidValue", subject: "case" }),
    );
  });
});
