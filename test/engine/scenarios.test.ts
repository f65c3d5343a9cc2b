import fc from "fast-check";
import { computeBusinessCase, programme } from "../../src/engine/businessCase";
import { EngineError } from "../../src/engine/errors";
import { Money } from "../../src/engine/money";
import {
  computeScenarios,
  contingencyCase,
  scenarioModel,
  scenarioNetCashflow,
} from "../../src/engine/scenarios";
import { hampshireModel } from "../golden/hampshireModel";
import { type HampshireGolden, readGolden } from "../golden/sharedData";
import { line, numbers, twoPartnerModel } from "./monteCarlo/smallModels";

const amounts = (length: number) =>
  fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: length, maxLength: length });
const rows = fc.integer({ min: 1, max: 12 }).chain((length) => fc.tuple(amounts(length), amounts(length)));

describe("scenarioNetCashflow", () => {
  it("is benefits minus costs when nothing is changed", () => {
    expect(numbers(scenarioNetCashflow([100, 10, 0], [0, 60, 70]))).toEqual([-100, 50, 70]);
  });

  it("scales costs and benefits by their own factors", () => {
    // 0.8 × [0, 60, 70] − 1.2 × [100, 10, 0]
    expect(
      numbers(scenarioNetCashflow([100, 10, 0], [0, 60, 70], { costFactor: 1.2, savingFactor: 0.8 })),
    ).toEqual([-120, 36, 56]);
  });

  it("delays costs and benefits together and drops what passes the last period", () => {
    expect(numbers(scenarioNetCashflow([100, 0, 0, 0], [0, 60, 60, 60], { delay: 1 }))).toEqual([
      0, -100, 60, 60,
    ]);
    expect(numbers(scenarioNetCashflow([100, 0, 0, 0], [0, 60, 60, 60], { delay: 3 }))).toEqual([
      0, 0, 0, -100,
    ]);
    expect(numbers(scenarioNetCashflow([100, 0], [0, 60], { delay: 5 }))).toEqual([0, 0]);
  });

  it("applies factors and delay together", () => {
    expect(
      numbers(
        scenarioNetCashflow([100, 0, 0], [0, 50, 50], { costFactor: 1.1, savingFactor: 0.5, delay: 1 }),
      ),
    ).toEqual([0, -110, 25]);
  });

  it("never returns a negative zero", () => {
    const net = scenarioNetCashflow([0, 0], [0, 0], { costFactor: 2 });
    expect(net.every((v) => !v.isNegative())).toBe(true);
  });

  it("rejects rows of different lengths, negative factors and fractional delays, naming the argument", () => {
    expect(() => scenarioNetCashflow([1, 2], [1])).toThrow(
      expect.objectContaining({ kind: "invalidValue", subject: "benefits" }),
    );
    expect(() => scenarioNetCashflow([1], [1], { costFactor: -1 })).toThrow(
      expect.objectContaining({ kind: "invalidNumber", subject: "costFactor" }),
    );
    expect(() => scenarioNetCashflow([1], [1], { delay: 1.5 })).toThrow(
      expect.objectContaining({ kind: "invalidNumber", subject: "delay" }),
    );
    expect(() => scenarioNetCashflow([1], ["x"])).toThrow(EngineError);
  });

  it("property: delaying by d is the undelayed cashflow shifted d periods later with zeros in front, cut at the same length", () => {
    fc.assert(
      fc.property(rows, fc.integer({ min: 0, max: 14 }), ([costs, benefits], delay) => {
        const undelayed = numbers(scenarioNetCashflow(costs, benefits));
        const delayed = numbers(scenarioNetCashflow(costs, benefits, { delay }));
        const expected = undelayed.map((_, t) => (t < delay ? 0 : undelayed[t - delay]!));
        expect(delayed).toEqual(expected);
      }),
    );
  });

  it("property: each period is savingFactor × benefit − costFactor × cost", () => {
    fc.assert(
      fc.property(
        rows,
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 0, max: 300 }),
        ([costs, benefits], c, s) => {
          const net = scenarioNetCashflow(costs, benefits, { costFactor: c / 100, savingFactor: s / 100 });
          net.forEach((value, t) => {
            expect(
              value.eq(new Money(benefits[t]!).times(s / 100).minus(new Money(costs[t]!).times(c / 100))),
            ).toBe(true);
          });
        },
      ),
    );
  });
});

describe("computeScenarios", () => {
  const partnerOf = (result: ReturnType<typeof computeScenarios>[number], code: string) =>
    result.partners.find((p) => p.partner === code)!;

  it("with no factors and no delay gives exactly the case itself", () => {
    const model = twoPartnerModel();
    const [scenario] = computeScenarios(model, [{ name: "As planned", case: "Best" }]);
    const computed = computeBusinessCase(model).cases.find((c) => c.name === "Best")!;
    expect(scenario!.partners).toEqual(computed.partners);
  });

  it("raises costs by the cost factor: payback, NPV, net ROI and years to recover all follow", () => {
    // Best: set-up 100 → 120, so A (60%) pays 72 up front and saves 36 a year.
    const [scenario] = computeScenarios(twoPartnerModel(), [
      { name: "Costs +20%", case: "Best", costFactor: 1.2 },
    ]);
    const a = partnerOf(scenario!, "A");
    expect(numbers(a.netBenefit)).toEqual([-72, 36, 36, 36, 36, 36]);
    expect(a.payback).toEqual({ kind: "paysBack", periods: new Money(2) });
    expect(a.netPresentValue.toNumber()).toBe(108); // rate 0: 5 × 36 − 72
    expect(a.netReturnOnInvestment!.toNumber()).toBe(1.5); // (180 − 72) / 72
    expect(a.yearsToRecover!.toNumber()).toBe(2); // 72 / 36
    expect(scenario!.costFactor.toNumber()).toBe(1.2);
  });

  it("lowers savings by the saving factor", () => {
    const [scenario] = computeScenarios(twoPartnerModel(), [
      { name: "Benefits −50%", case: "Best", savingFactor: 0.5 },
    ]);
    const total = partnerOf(scenario!, programme);
    expect(numbers(total.netBenefit)).toEqual([-100, 30, 30, 30, 30, 30]);
    expect(total.payback.kind === "paysBack" && total.payback.periods.toFixed(4)).toBe("3.3333");
  });

  it("delays the whole programme a year: payback a year later, the last year's saving lost at the horizon", () => {
    const model = twoPartnerModel();
    const [scenario] = computeScenarios(model, [{ name: "Delayed a year", case: "Best", delayYears: 1 }]);
    const base = computeBusinessCase(model).cases.find((c) => c.name === "Best")!.partners[0]!;
    const a = partnerOf(scenario!, "A");
    expect(numbers(base.netBenefit)).toEqual([-60, 36, 36, 36, 36, 36]);
    expect(numbers(a.netBenefit)).toEqual([0, -60, 36, 36, 36, 36]);
    expect(base.payback.kind === "paysBack" && a.payback.kind === "paysBack").toBe(true);
    if (base.payback.kind === "paysBack" && a.payback.kind === "paysBack") {
      expect(a.payback.periods.minus(base.payback.periods).toNumber()).toBe(1);
    }
    expect(a.netPresentValue.toNumber()).toBe(base.netPresentValue.toNumber() - 36);
    // Timing does not change the set-up or the annual saving, so years to recover stays.
    expect(a.yearsToRecover).toEqual(base.yearsToRecover);
  });

  it("a delay as long as the horizon leaves only the set-up cost, in the last year: it never pays back", () => {
    const [scenario] = computeScenarios(twoPartnerModel(), [
      { name: "Five years late", case: "Best", delayYears: 5 },
    ]);
    const a = partnerOf(scenario!, "A");
    expect(numbers(a.netBenefit)).toEqual([0, 0, 0, 0, 0, -60]);
    expect(a.payback).toEqual({ kind: "never", horizon: 5 });
  });

  it("delays named profiles too, keeping a recurring ramp's run rate and ending a one-off spread", () => {
    const model = twoPartnerModel({
      profiles: { Spread: [0.5, 0.5], Ramp: [0, 0.5, 1] },
      lines: [
        line("Set-up", "oneOff", { Best: 100, Worst: 140 }, undefined, "Spread"),
        line("Saving", "recurring", { Best: -60, Worst: -40 }, undefined, "Ramp"),
      ],
    });
    const [scenario] = computeScenarios(model, [{ name: "Late", case: "Best", delayYears: 2 }]);
    // Set-up 50 + 50 in years 2–3; saving 0, 30, then 60 a year from year 2.
    expect(numbers(partnerOf(scenario!, programme).netBenefit)).toEqual([0, 0, -50, -50 + 30, 60, 60]);
  });

  it("reproduces a contingency case defined in the model (Hampshire worst case, costs +25%, benefits −25%)", () => {
    const model = hampshireModel(readGolden<HampshireGolden>("hampshire"));
    const withContingency = {
      ...model,
      cases: [
        ...model.cases,
        { name: "Contingency", derivedFrom: "Worst", costFactor: 1.25, savingFactor: 0.75 },
      ],
    };
    const contingency = computeBusinessCase(withContingency).cases.find((c) => c.name === "Contingency")!;
    const [scenario] = computeScenarios(model, [
      { name: "Contingency", case: "Worst", costFactor: "1.25", savingFactor: "0.75" },
    ]);
    expect(scenario!.partners).toEqual(contingency.partners);
  });

  it("starts from a derived case, carries lines that are not quantified, and leaves the model untouched", () => {
    const model = hampshireModel(readGolden<HampshireGolden>("hampshire"));
    const derived = {
      ...model,
      cases: [...model.cases, { name: "Stretched", derivedFrom: "Best", costFactor: 1.1 }],
    };
    const before = JSON.stringify(derived);
    const [scenario] = computeScenarios(derived, [
      { name: "Stretched and late", case: "Stretched", delayYears: 1 },
    ]);
    expect(JSON.stringify(derived)).toBe(before);
    const stretched = computeBusinessCase(derived).cases.find((c) => c.name === "Stretched")!;
    const total = partnerOf(scenario!, programme);
    expect(total.notQuantified).toContain("Estates");
    // One year later: year t of the scenario is year t − 1 of the stretched case.
    const stretchedTotal = stretched.partners.find((p) => p.partner === programme)!;
    expect(numbers(total.netBenefit)).toEqual([0, ...numbers(stretchedTotal.netBenefit).slice(0, -1)]);
  });

  it("keeps its own derived case clear of the model's case names", () => {
    const model = twoPartnerModel();
    const { model: adjusted, caseName } = scenarioModel(model, { name: "Best", case: "Best", costFactor: 2 });
    expect(caseName).not.toBe("Best");
    expect(adjusted.cases.map((c) => c.name)).toEqual(["Best", caseName]);
  });

  it("rejects an unknown case, a negative factor and a delay beyond the horizon, naming the scenario", () => {
    const model = twoPartnerModel();
    expect(() => computeScenarios(model, [{ name: "X", case: "Central" }])).toThrow(
      expect.objectContaining({ kind: "invalidValue", subject: "scenario 'X'" }),
    );
    expect(() => computeScenarios(model, [{ name: "X", case: "Best", savingFactor: -0.5 }])).toThrow(
      expect.objectContaining({ kind: "invalidNumber", subject: "scenario 'X' saving factor" }),
    );
    expect(() => computeScenarios(model, [{ name: "X", case: "Best", delayYears: 6 }])).toThrow(
      expect.objectContaining({ kind: "invalidNumber", subject: "scenario 'X' delay" }),
    );
    expect(() => computeScenarios(model, [{ name: "X", case: "Best", delayYears: 0.5 }])).toThrow(
      expect.objectContaining({ kind: "invalidNumber" }),
    );
  });

  it("property: a delay of d years moves every partner's net benefit d years later (row rule = model rule)", () => {
    const model = twoPartnerModel({
      settings: { discountRate: 0.035, horizonYears: 6, roundingUnit: 1, unitLabel: "£'000" },
    });
    const base = computeBusinessCase(model).cases.find((c) => c.name === "Worst")!;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 }), (delay) => {
        const [scenario] = computeScenarios(model, [{ name: "Late", case: "Worst", delayYears: delay }]);
        scenario!.partners.forEach((partner, p) => {
          const expected = scenarioNetCashflow(base.partners[p]!.costs, base.partners[p]!.benefits, {
            delay,
          });
          expect(numbers(partner.netBenefit)).toEqual(numbers(expected));
        });
      }),
      { numRuns: 20 },
    );
  });
});

describe("contingencyCase", () => {
  it("raises costs and cuts savings by the contingency's fractions", () => {
    // Costs +25% → × 1.25; savings −10% → × 0.9.
    const definition = contingencyCase("Worst + contingency", "Worst", { onCosts: 0.25, onSavings: 0.1 });
    expect(definition.name).toBe("Worst + contingency");
    expect(definition.derivedFrom).toBe("Worst");
    expect(new Money(definition.costFactor!).toString()).toBe("1.25");
    expect(new Money(definition.savingFactor!).toString()).toBe("0.9");
  });

  it("computes as a scenario with the same factors does", () => {
    // Worst: set-up 140 × 1.25 = 175, saving 40 × 0.9 = 36 a year: programme NPV 5 × 36 − 175 = 5.
    const definition = contingencyCase("Contingency", "Worst", { onCosts: 0.25, onSavings: 0.1 });
    const model = twoPartnerModel({ cases: [{ name: "Best" }, { name: "Worst" }, definition] });
    const computed = computeBusinessCase(model).cases.find((c) => c.name === "Contingency")!;
    const [scenario] = computeScenarios(twoPartnerModel(), [
      { name: "Same", case: "Worst", costFactor: 1.25, savingFactor: 0.9 },
    ]);
    expect(computed.partners).toEqual(scenario!.partners);
    expect(computed.partners.at(-1)!.netPresentValue.toNumber()).toBe(5);
  });

  it("names a contingency that is not a number", () => {
    expect(() => contingencyCase("C", "Worst", { onCosts: "x", onSavings: 0 })).toThrow(EngineError);
  });
});
