import fc from "fast-check";
import { computeBusinessCase, programme } from "../../src/engine/businessCase";
import type { BusinessCaseModel, Line } from "../../src/engine/businessCaseModel";
import { notQuantified } from "../../src/engine/businessCaseModel";
import { Money, sum } from "../../src/engine/money";

const line = (
  label: string,
  timing: Line["timing"],
  best: number | "N/A",
  allocation: Line["allocation"],
  profile?: string,
): Line => ({
  label,
  timing,
  allocation,
  values: { Best: best === "N/A" ? notQuantified : new Money(best) },
  ...(profile === undefined ? {} : { profile }),
});
const pool = (name: string): Line["allocation"] => ({ kind: "pool", pool: name });

/** Two partners sharing 60/40 by baseline; set-up 100 now, saving 50 a year from year 1. */
function smallCase(overrides: Partial<BusinessCaseModel> = {}): BusinessCaseModel {
  return {
    partners: [
      { code: "A", name: "Council A" },
      { code: "B", name: "Council B" },
    ],
    baseline: [{ serviceArea: "Finance", amounts: { A: 600, B: 400 } }],
    pools: [{ name: "Shared", basis: "baseline", serviceAreas: "all", partners: "all" }],
    lines: [line("Set-up", "oneOff", 100, pool("Shared")), line("Saving", "recurring", -50, pool("Shared"))],
    profiles: {},
    cases: [{ name: "Best" }],
    settings: { discountRate: 0, horizonYears: 5, roundingUnit: 1, unitLabel: "£'000" },
    ...overrides,
  };
}

const partner = (model: BusinessCaseModel, code: string, caseName = "Best") =>
  computeBusinessCase(model)
    .cases.find((c) => c.name === caseName)!
    .partners.find((p) => p.partner === code)!;
const numbers = (values: readonly Money[]) => values.map((v) => v.toNumber());

describe("computeBusinessCase", () => {
  it("phases one-off costs into year 0 and recurring savings from year 1 by default", () => {
    const a = partner(smallCase(), "A");
    expect(numbers(a.netBenefit)).toEqual([-60, 30, 30, 30, 30, 30]);
    expect(numbers(a.cumulativeNetBenefit)).toEqual([-60, -30, 0, 30, 60, 90]);
    expect(a.payback).toEqual({ kind: "paysBack", periods: new Money(2) });
    expect(a.yearsToRecover!.toNumber()).toBe(2);
    expect(a.netReturnOnInvestment!.toNumber()).toBe(1.5); // (150 − 60) / 60
  });

  it("applies named profiles: a one-off spread over two years, a saving ramping up", () => {
    const model = smallCase({
      profiles: { Spread: [0.5, 0.5], Ramp: [0, 0.5, 1] },
      lines: [
        line("Set-up", "oneOff", 100, pool("Shared"), "Spread"),
        line("Saving", "recurring", -50, pool("Shared"), "Ramp"),
      ],
    });
    expect(numbers(partner(model, "A").netBenefit)).toEqual([-30, -15, 30, 30, 30, 30]);
    expect(numbers(partner(model, programme).netBenefit)).toEqual([-50, -25, 50, 50, 50, 50]);
  });

  it("reports 'never' when the horizon ends in deficit", () => {
    const model = smallCase({
      settings: { discountRate: 0, horizonYears: 1, roundingUnit: 1, unitLabel: "£" },
    });
    expect(partner(model, "A").payback).toEqual({ kind: "never", horizon: 1 });
  });

  it("discounts at the case rate for NPV and discounted payback", () => {
    const model = smallCase({
      settings: { discountRate: 0.1, horizonYears: 5, roundingUnit: 1, unitLabel: "£" },
    });
    const a = partner(model, "A");
    const expected = [-60, 30, 30, 30, 30, 30].reduce((acc, cf, t) => acc + cf / 1.1 ** t, 0);
    expect(a.netPresentValue.toNumber()).toBeCloseTo(expected, 10);
    expect(a.discountedPayback.kind).toBe("paysBack");
    if (a.discountedPayback.kind === "paysBack")
      expect(a.discountedPayback.periods.toNumber()).toBeGreaterThan(2);
  });

  it("gives each partner's internal rate of return, which brings its NPV back to zero", () => {
    const a = partner(smallCase(), "A");
    expect(a.internalRateOfReturn.kind).toBe("found");
    if (a.internalRateOfReturn.kind !== "found") return;
    const rate = a.internalRateOfReturn.rate;
    const npv = numbers(a.netBenefit).reduce((acc, cf, t) => acc + cf / (1 + rate) ** t, 0);
    expect(Math.abs(npv)).toBeLessThan(1e-9);
    expect(rate).toBeGreaterThan(0.4); // −60 then 30 a year for five years: about 41%
  });

  it("derives a contingency case: costs +25%, savings −25%, rounded to the unit", () => {
    const model = smallCase({
      cases: [
        { name: "Best" },
        { name: "Contingency", derivedFrom: "Best", costFactor: 1.25, savingFactor: 0.75 },
      ],
    });
    const result = computeBusinessCase(model);
    const contingency = result.cases.find((c) => c.name === "Contingency")!;
    const total = contingency.partners.find((p) => p.partner === programme)!;
    expect(total.setUp.total.toNumber()).toBe(125);
    expect(total.annual.total.toNumber()).toBe(-38); // −37.5 rounds away from zero, as Excel's ROUND
  });

  it("scales one-off lines by the cost factor even when negative (a transfer between pools is not a saving)", () => {
    const model = smallCase({
      lines: [
        line("Set-up", "oneOff", 100, pool("Shared")),
        line("Transfer out", "oneOff", -20, pool("Shared")),
        line("Saving", "recurring", -50, pool("Shared")),
      ],
      cases: [{ name: "Best" }, { name: "Benefits lower", derivedFrom: "Best", savingFactor: 0.8 }],
    });
    const total = computeBusinessCase(model).cases[1]!.partners.find((p) => p.partner === programme)!;
    expect(total.setUp.total.toNumber()).toBe(80);
    expect(total.annual.total.toNumber()).toBe(-40);
    expect(numbers(total.costs)).toEqual([80, 0, 0, 0, 0, 0]);
  });

  it("carries 'not quantified' lines through instead of treating them as zero", () => {
    const model = smallCase({
      lines: [...smallCase().lines, line("Estates", "oneOff", "N/A", pool("Shared"))],
    });
    const result = computeBusinessCase(model);
    expect(result.lines[2]!.byCase["Best"]).toEqual({ amount: notQuantified });
    expect(partner(model, "B").notQuantified).toEqual(["Estates"]);
    expect(partner(model, programme).notQuantified).toEqual(["Estates"]);
  });

  it("labels years as financial years when the first year is given", () => {
    const model = smallCase({
      settings: {
        discountRate: 0,
        horizonYears: 2,
        roundingUnit: 1,
        unitLabel: "£",
        firstFinancialYear: 2099,
      },
    });
    expect(computeBusinessCase(model).years).toEqual(["2099/00", "2100/01", "2101/02"]);
  });

  it.each<[string, Partial<BusinessCaseModel>, string]>([
    [
      "an unknown pool",
      { lines: [line("ICT", "oneOff", 10, pool("Nowhere"))] },
      "line 'ICT': is allocated to pool 'Nowhere', which does not exist",
    ],
    [
      "an unknown partner",
      { lines: [line("ICT", "oneOff", 10, { kind: "partner", partner: "Z" })] },
      "line 'ICT': is allocated to partner 'Z', which is not in the partner list",
    ],
    [
      "an unknown profile",
      { lines: [line("ICT", "oneOff", 10, pool("Shared"), "Slow")] },
      "line 'ICT': uses profile 'Slow', which does not exist",
    ],
    [
      "a pool naming an unknown service area",
      { pools: [{ name: "Shared", basis: "baseline", serviceAreas: ["HR"], partners: "all" }] },
      "pool 'Shared': names service area 'HR', which is not in the baseline",
    ],
    [
      "a fractional amount",
      { lines: [line("ICT", "oneOff", 10.5, pool("Shared"))] },
      "line 'ICT': 10.5 is not a whole number of rounding units of 1",
    ],
    [
      "a horizon of zero",
      { settings: { discountRate: 0, horizonYears: 0, roundingUnit: 1, unitLabel: "£" } },
      "horizon: must be a whole number of years from 1 to 125",
    ],
    [
      "a case derived from nothing",
      { cases: [{ name: "Worse", derivedFrom: "Missing" }] },
      "case 'Worse': is derived from 'Missing', which is not a case",
    ],
  ])("rejects %s with a message naming it", (_, overrides, message) => {
    expect(() => computeBusinessCase(smallCase(overrides))).toThrow(message);
  });
});

describe("business case properties", () => {
  const partnersArbitrary = fc.uniqueArray(fc.integer({ min: 1, max: 100_000 }), {
    minLength: 2,
    maxLength: 6,
  });
  const linesArbitrary = fc.array(
    fc.record({
      amount: fc.integer({ min: -5000, max: 5000 }),
      timing: fc.constantFrom("oneOff" as const, "recurring" as const),
    }),
    { minLength: 1, maxLength: 8 },
  );
  const build = (
    bases: number[],
    lines: { amount: number; timing: Line["timing"] }[],
    order: number[],
  ): BusinessCaseModel =>
    smallCase({
      partners: order.map((i) => ({ code: `P${i}`, name: `Partner ${i}` })),
      baseline: [{ serviceArea: "Finance", amounts: Object.fromEntries(bases.map((b, i) => [`P${i}`, b])) }],
      lines: lines.map((l, i) => line(`Line ${i}`, l.timing, l.amount, pool("Shared"))),
    });

  it("results do not depend on the order in which partners are listed", () => {
    fc.assert(
      fc.property(partnersArbitrary, linesArbitrary, (bases, lines) => {
        const forward = bases.map((_, i) => i);
        const a = computeBusinessCase(build(bases, lines, forward)).cases[0]!.partners;
        const b = computeBusinessCase(build(bases, lines, [...forward].reverse())).cases[0]!.partners;
        for (const result of a) {
          const same = b.find((p) => p.partner === result.partner)!;
          expect(numbers(same.netBenefit)).toEqual(numbers(result.netBenefit));
          expect(same.setUp.total.equals(result.setUp.total)).toBe(true);
        }
      }),
    );
  });

  it("partner set-up and annual totals add up to the programme's, which equal the lines' totals", () => {
    fc.assert(
      fc.property(partnersArbitrary, linesArbitrary, (bases, lines) => {
        const results = computeBusinessCase(
          build(
            bases,
            lines,
            bases.map((_, i) => i),
          ),
        ).cases[0]!.partners;
        const total = results.find((p) => p.partner === programme)!;
        const partners = results.filter((p) => p.partner !== programme);
        const oneOff = lines.filter((l) => l.timing === "oneOff").reduce((acc, l) => acc + l.amount, 0);
        const recurring = lines.filter((l) => l.timing === "recurring").reduce((acc, l) => acc + l.amount, 0);
        expect(sum(partners.map((p) => p.setUp.total)).toNumber()).toBe(oneOff);
        expect(total.setUp.total.toNumber()).toBe(oneOff);
        expect(sum(partners.map((p) => p.annual.total)).toNumber()).toBe(recurring);
      }),
    );
  });
});

describe("first and final payback of a case that falls back below zero", () => {
  // Set-up 100 now, saving 50 a year, an exit cost of 200 in year 4: cumulative −100, −50, 0, 50, −100, −50.
  const fallsBack = () =>
    smallCase({
      profiles: { Exit: [0, 0, 0, 0, 1] },
      lines: [
        line("Set-up", "oneOff", 100, pool("Shared")),
        line("Saving", "recurring", -50, pool("Shared")),
        line("Exit", "oneOff", 200, pool("Shared"), "Exit"),
      ],
    });

  it("gives the first crossing, marked as falling back, and no final payback", () => {
    const whole = partner(fallsBack(), programme);
    expect(numbers(whole.cumulativeNetBenefit)).toEqual([-100, -50, 0, 50, -100, -50]);
    expect(whole.payback).toEqual({ kind: "paysBack", periods: new Money(2), fallsBack: true });
    expect(whole.finalPayback).toEqual({ kind: "never", horizon: 5 });
    expect(whole.finalDiscountedPayback.kind).toBe("never");
  });

  it("first and final payback agree for a case that stays paid back", () => {
    const a = partner(smallCase(), "A");
    expect(a.finalPayback).toEqual(a.payback);
    expect(a.finalDiscountedPayback).toEqual(a.discountedPayback);
  });
});
