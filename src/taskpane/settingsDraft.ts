/**
 * The settings form as the user types it (text, percentages) and its conversion to stored values,
 * with one message per field that is wrong so the form can say exactly what to fix.
 */
import type { CaseSettingsValues } from "./workbookActions";

export interface SettingsDraft {
  discountBasis: "single" | "greenBook" | "greenBookHealth";
  /** Percent, e.g. "3.5". */
  discountRatePercent: string;
  horizonYears: string;
  roundingUnit: string;
  /** Upper score of each band but the last, e.g. "10, 15". */
  riskBandThresholds: string;
  /** One label per band, lowest first, e.g. "Low, Medium, High". */
  riskBandLabels: string;
  /** Percent, e.g. "25". */
  contingencyCostIncreasePercent: string;
  contingencySavingDecreasePercent: string;
}

export type SettingsField = Exclude<keyof SettingsDraft, "discountBasis">;

export type SettingsCheck =
  { ok: true; values: CaseSettingsValues } | { ok: false; errors: Partial<Record<SettingsField, string>> };

/** The form filled in from stored settings. */
export function draftFromSettings(settings: CaseSettingsValues): SettingsDraft {
  return {
    discountBasis: typeof settings.discountRate === "number" ? "single" : settings.discountRate,
    discountRatePercent:
      typeof settings.discountRate === "number" ? percentText(settings.discountRate) : "3.5",
    horizonYears: String(settings.horizonYears),
    roundingUnit: String(settings.roundingUnit),
    riskBandThresholds: settings.riskBands.thresholds.join(", "),
    riskBandLabels: settings.riskBands.labels.join(", "),
    contingencyCostIncreasePercent: percentText(settings.contingency.costIncrease),
    contingencySavingDecreasePercent: percentText(settings.contingency.savingDecrease),
  };
}

/** Checks every field and converts the form to stored settings; lists every wrong field at once. */
export function settingsFromDraft(draft: SettingsDraft): SettingsCheck {
  const errors: Partial<Record<SettingsField, string>> = {};

  let discountRate: CaseSettingsValues["discountRate"] =
    draft.discountBasis === "single" ? 0 : draft.discountBasis;
  if (draft.discountBasis === "single") {
    const percent = parseNumber(draft.discountRatePercent);
    if (percent === null)
      errors.discountRatePercent = "Enter the discount rate as a percentage, for example 3.5.";
    else if (percent < 0 || percent >= 100)
      errors.discountRatePercent = "The discount rate must be from 0% up to (not including) 100%.";
    else discountRate = fractionFromPercent(percent);
  }

  const horizon = parseNumber(draft.horizonYears);
  if (horizon === null || !Number.isInteger(horizon) || horizon < 1 || horizon > 125) {
    errors.horizonYears = "The horizon must be a whole number of years from 1 to 125.";
  }

  const unit = parseNumber(draft.roundingUnit);
  if (unit === null || unit <= 0)
    errors.roundingUnit = "The rounding unit must be a number above 0, for example 1 or 0.01.";

  const thresholds = splitList(draft.riskBandThresholds).map(parseNumber);
  const labels = splitList(draft.riskBandLabels);
  if (thresholds.some((t) => t === null || !Number.isInteger(t))) {
    errors.riskBandThresholds =
      "Band limits must be whole-number scores separated by commas, for example 10, 15.";
  } else if (thresholds.some((t, i) => i > 0 && (t as number) <= (thresholds[i - 1] as number))) {
    errors.riskBandThresholds = "Band limits must rise from left to right, for example 10, 15.";
  } else if (thresholds.some((t) => (t as number) < 1 || (t as number) > 25)) {
    errors.riskBandThresholds = "Band limits must be scores between 1 and 25.";
  }
  if (labels.length === 0) {
    errors.riskBandLabels = "Give each band a label, lowest first, for example Low, Medium, High.";
  } else if (labels.length !== thresholds.length + 1) {
    errors.riskBandLabels = `With ${thresholds.length} band ${thresholds.length === 1 ? "limit" : "limits"} there must be ${thresholds.length + 1} labels (one more than the limits); found ${labels.length}.`;
  } else if (new Set(labels.map((l) => l.toLowerCase())).size !== labels.length) {
    errors.riskBandLabels = "Each band needs a different label.";
  }

  const costIncrease = parseNumber(draft.contingencyCostIncreasePercent);
  if (costIncrease === null || costIncrease < 0 || costIncrease > 100) {
    errors.contingencyCostIncreasePercent =
      "The cost increase must be a percentage from 0 to 100, for example 25.";
  }
  const savingDecrease = parseNumber(draft.contingencySavingDecreasePercent);
  if (savingDecrease === null || savingDecrease < 0 || savingDecrease > 100) {
    errors.contingencySavingDecreasePercent =
      "The saving decrease must be a percentage from 0 to 100, for example 25.";
  }

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    values: {
      discountRate,
      horizonYears: horizon as number,
      roundingUnit: unit as number,
      riskBands: { thresholds: thresholds as number[], labels },
      contingency: {
        costIncrease: fractionFromPercent(costIncrease as number),
        savingDecrease: fractionFromPercent(savingDecrease as number),
      },
    },
  };
}

/** Accepts "3.5", " 3.5 ", "3.5%" and "1,000"; anything else is null. */
function parseNumber(text: string): number | null {
  const cleaned = text.trim().replace(/%$/, "").replace(/,/g, "").trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(cleaned)) return null;
  return Number(cleaned);
}

function splitList(text: string): string[] {
  return text
    .split(/[,;]/)
    .map((part) => part.trim())
    .filter((part) => part !== "");
}

/** Percent to fraction without binary noise: 3.5 → 0.035 (not 0.034999…). */
function fractionFromPercent(percent: number): number {
  return Number((percent / 100).toPrecision(12));
}

function percentText(fraction: number): string {
  return String(Number((fraction * 100).toPrecision(12)));
}
