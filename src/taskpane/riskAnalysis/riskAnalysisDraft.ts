/**
 * The panel's run settings as typed, and their checks. Kept as text so a half-typed number stays
 * on screen as typed; checked only when the user runs the simulation.
 */
import type { DistributionShape } from "../../engine/monteCarlo/distributions";
import { largestSeed, type SamplingMethod } from "../../engine/monteCarlo/sampling";
import { largestTrialCount } from "../../engine/monteCarlo/simulation";

export interface RiskAnalysisDraft {
  trials: string;
  /** Blank: the seed stored in CBA_Settings, or 1 when there is none. */
  seed: string;
  sampling: SamplingMethod;
  distribution: DistributionShape;
}

export type RiskAnalysisField = "trials" | "seed";

export interface RiskAnalysisRunSettings {
  trials: number;
  /** Absent when left blank. */
  seed?: number;
  sampling: SamplingMethod;
  distribution: DistributionShape;
}

export const initialRiskAnalysisDraft: RiskAnalysisDraft = {
  trials: "10,000",
  seed: "",
  sampling: "latinHypercube",
  distribution: "triangular",
};

/**
 * Checks the draft: trials a whole number from 1 to 100,000, the seed blank or a whole number from
 * 0 to 4,294,967,295. Thousands separators and surrounding spaces are accepted.
 *
 * @example
 * runSettingsFromDraft({ ...initialRiskAnalysisDraft, trials: "2,000" }); // { ok: true, values: { trials: 2000, … } }
 */
export function runSettingsFromDraft(
  draft: RiskAnalysisDraft,
):
  | { ok: true; values: RiskAnalysisRunSettings }
  | { ok: false; errors: Partial<Record<RiskAnalysisField, string>> } {
  const errors: Partial<Record<RiskAnalysisField, string>> = {};
  const trials = wholeNumber(draft.trials, 1, largestTrialCount);
  if (trials === undefined)
    errors.trials = `Trials must be a whole number from 1 to ${largestTrialCount.toLocaleString("en-GB")}.`;
  const seedText = draft.seed.trim();
  const seed = seedText === "" ? undefined : wholeNumber(seedText, 0, largestSeed);
  if (seedText !== "" && seed === undefined)
    errors.seed = `The seed must be blank or a whole number from 0 to ${largestSeed.toLocaleString("en-GB")}.`;
  if (trials === undefined || errors.seed !== undefined) return { ok: false, errors };
  const values: RiskAnalysisRunSettings = {
    trials,
    sampling: draft.sampling,
    distribution: draft.distribution,
  };
  if (seed !== undefined) values.seed = seed;
  return { ok: true, values };
}

function wholeNumber(text: string, low: number, high: number): number | undefined {
  const digits = text.trim().replace(/,(?=\d{3}(?:,|$))/g, "");
  if (!/^\d+$/.test(digits)) return undefined;
  const value = Number(digits);
  return Number.isSafeInteger(value) && value >= low && value <= high ? value : undefined;
}
