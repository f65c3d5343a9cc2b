import { computeBusinessCase, programme } from "../../src/engine/businessCase";
import { type MeasureValue, measureValue, type PublishedMeasure } from "../../src/engine/publishedMeasures";
import { line, twoPartnerModel } from "./monteCarlo/smallModels";

const valueOf = (measure: MeasureValue): number => {
  if (measure.kind !== "figure") throw new Error(`expected a figure, got: ${measure.reason}`);
  return measure.value.toNumber();
};

describe("measureValue", () => {
  // Best, rate 0, years 0..5: set-up 100 in year 0, saving 60 a year from year 1, shared 60 / 40.
  const result = computeBusinessCase(twoPartnerModel());
  const best = (measure: PublishedMeasure, partner = programme, savingPrintedNegative = false) =>
    measureValue(result, measure, { caseName: "Best", partner, discountRate: 0, savingPrintedNegative });

  it("gives each headline measure of the programme, hand-checked", () => {
    expect(valueOf(best({ kind: "setUp" }))).toBe(100);
    expect(valueOf(best({ kind: "netPresentValue" }))).toBe(200); // 5 × 60 − 100
    expect(valueOf(best({ kind: "netReturnOnInvestment" }))).toBe(2); // (300 − 100) / 100
    expect(valueOf(best({ kind: "benefitMultiple" }))).toBe(3); // 300 / 100
    expect(valueOf(best({ kind: "benefitCostRatio" }))).toBe(3); // at 0%, as the multiple
    // Cumulative −100, −40, +20: paid back 40 / 60 of the way through year 2.
    expect(valueOf(best({ kind: "payback" })).toFixed(4)).toBe((1 + 40 / 60).toFixed(4));
    expect(valueOf(best({ kind: "finalPayback" })).toFixed(4)).toBe((1 + 40 / 60).toFixed(4));
    expect(valueOf(best({ kind: "discountedPayback" })).toFixed(4)).toBe((1 + 40 / 60).toFixed(4));
    expect(valueOf(best({ kind: "yearsToRecover" })).toFixed(4)).toBe((100 / 60).toFixed(4));
  });

  it("gives an annual saving with the sign it is printed with", () => {
    // A's share of the saving: 0.6 × 60 = 36, in brackets (−36) as a table prints it.
    expect(valueOf(best({ kind: "annualSaving" }, "A"))).toBe(36);
    expect(valueOf(best({ kind: "annualSaving" }, "A", true))).toBe(-36);
  });

  it("sums a line's amounts for the programme and its parts for a partner, by label in any case", () => {
    expect(valueOf(best({ kind: "line", label: "set-up" }))).toBe(100);
    expect(valueOf(best({ kind: "line", label: "Set-up" }, "B"))).toBe(40); // 0.4 × 100
  });

  it("says why there is no figure: never paying back, no costs, a line not quantified", () => {
    const model = twoPartnerModel({
      lines: [
        line("Set-up", "oneOff", { Best: 1000, Worst: 0 }),
        line("Saving", "recurring", { Best: -60, Worst: "N/A" }),
      ],
    });
    const computed = computeBusinessCase(model);
    const of = (caseName: string, measure: PublishedMeasure) =>
      measureValue(computed, measure, { caseName, partner: programme, discountRate: 0 });
    // Best: 1000 against 5 × 60 = 300 never pays back within years 0..5.
    expect(of("Best", { kind: "payback" })).toEqual({
      kind: "none",
      reason: "the case does not pay back within 5 years",
    });
    expect(of("Best", { kind: "finalPayback" })).toEqual({
      kind: "none",
      reason: "the case does not end paid back within 5 years",
    });
    expect(of("Worst", { kind: "benefitMultiple" })).toEqual({
      kind: "none",
      reason: "the case has no costs, so no benefit multiple",
    });
    expect(of("Worst", { kind: "netReturnOnInvestment" })).toEqual({
      kind: "none",
      reason: "the case has no costs, so no net ROI",
    });
    expect(of("Worst", { kind: "line", label: "Saving" })).toEqual({
      kind: "none",
      reason: 'line "Saving" is not quantified (N/A) in the Worst case',
    });
  });

  it("names a case or partner the result does not have", () => {
    expect(() =>
      measureValue(result, { kind: "setUp" }, { caseName: "Central", partner: programme, discountRate: 0 }),
    ).toThrow(expect.objectContaining({ kind: "invalidValue", subject: "case" }));
    expect(() => best({ kind: "setUp" }, "Z")).toThrow(
      expect.objectContaining({ kind: "invalidValue", subject: "partner" }),
    );
  });
});
