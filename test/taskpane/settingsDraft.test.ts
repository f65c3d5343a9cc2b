import fc from "fast-check";
import { draftFromSettings, settingsFromDraft } from "../../src/taskpane/settingsDraft";
import type { CaseSettingsValues } from "../../src/taskpane/workbookActions";

const hampshire: CaseSettingsValues = {
  discountRate: 0.035,
  horizonYears: 10,
  roundingUnit: 1,
  riskBands: { thresholds: [10, 15], labels: ["Low", "Medium", "High"] },
  contingency: { costIncrease: 0.25, savingDecrease: 0.25 },
};

describe("the settings form", () => {
  test("offers the Green Book health schedule, which survives a trip through the form", () => {
    const health: CaseSettingsValues = { ...hampshire, discountRate: "greenBookHealth" };
    const draft = draftFromSettings(health);
    expect(draft.discountBasis).toBe("greenBookHealth");
    expect(settingsFromDraft(draft)).toEqual({ ok: true, values: health });
  });

  test("shows rates as percentages and lists as comma-separated text", () => {
    expect(draftFromSettings(hampshire)).toEqual({
      discountBasis: "single",
      discountRatePercent: "3.5",
      horizonYears: "10",
      roundingUnit: "1",
      riskBandThresholds: "10, 15",
      riskBandLabels: "Low, Medium, High",
      contingencyCostIncreasePercent: "25",
      contingencySavingDecreasePercent: "25",
    });
  });

  test("any valid settings survive a trip through the form unchanged", () => {
    const settings = fc.record({
      discountRate: fc.oneof(
        fc.constant("greenBook" as const),
        fc.integer({ min: 0, max: 2000 }).map((basisPoints) => basisPoints / 10000),
      ),
      horizonYears: fc.integer({ min: 1, max: 125 }),
      roundingUnit: fc.constantFrom(0.01, 1, 1000),
      riskBands: fc
        .uniqueArray(fc.integer({ min: 1, max: 25 }), { minLength: 0, maxLength: 4 })
        .map((limits) => {
          const thresholds = [...limits].sort((a, b) => a - b);
          return { thresholds, labels: [...thresholds, 26].map((t) => `Band up to ${t}`) };
        }),
      contingency: fc.record({
        costIncrease: fc.integer({ min: 0, max: 100 }).map((p) => p / 100),
        savingDecrease: fc.integer({ min: 0, max: 100 }).map((p) => p / 100),
      }),
    });
    fc.assert(
      fc.property(settings, (values) => {
        expect(settingsFromDraft(draftFromSettings(values))).toEqual({ ok: true, values });
      }),
    );
  });

  test("accepts a percent sign and spaces", () => {
    const check = settingsFromDraft({ ...draftFromSettings(hampshire), discountRatePercent: " 6 % " });
    expect(check.ok && check.values.discountRate).toBe(0.06);
  });

  test("names each wrong field with what would be right", () => {
    const check = settingsFromDraft({
      ...draftFromSettings(hampshire),
      discountRatePercent: "abc",
      horizonYears: "2.5",
      riskBandThresholds: "15, 10",
      contingencySavingDecreasePercent: "150",
    });
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(Object.keys(check.errors).sort()).toEqual([
      "contingencySavingDecreasePercent",
      "discountRatePercent",
      "horizonYears",
      "riskBandThresholds",
    ]);
    expect(check.errors.riskBandThresholds).toMatch(/rise from left to right/);
  });

  test("ignores the single rate when the Green Book schedule is chosen", () => {
    const check = settingsFromDraft({
      ...draftFromSettings(hampshire),
      discountBasis: "greenBook",
      discountRatePercent: "",
    });
    expect(check).toEqual({ ok: true, values: { ...hampshire, discountRate: "greenBook" } });
  });

  test("refuses duplicate band labels", () => {
    const check = settingsFromDraft({ ...draftFromSettings(hampshire), riskBandLabels: "Low, low, High" });
    expect(check.ok ? "" : check.errors.riskBandLabels).toMatch(/different label/);
  });
});
