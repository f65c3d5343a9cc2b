import type { Money } from "../engine/money";

/** What a CBA_OptimismBias category's rate applies to. */
export type OptimismBiasAppliesTo = "capitalCosts" | "operatingCosts" | "benefits" | "duration";

/** One CBA_OptimismBias row, as typed, each value with its cell; blank optional cells are absent. */
export interface OptimismBiasCategoryInput {
  name: string;
  cell: string;
  /** As typed ("" when blank, as for a benefits category); resolved by `optimismBiasRates`. */
  projectTypeText: string;
  projectTypeCell: string;
  /** As typed: Capital costs, Operating costs, Benefits or Duration. */
  appliesToText: string;
  appliesToCell: string;
  /** The upper bound as typed, a fraction (2 for 200%; checked by the validator); absent = the Green Book's for the project type. */
  upperBound?: Money;
  upperBoundCell: string;
  /** Fraction of the upper bound mitigated as typed (checked to be 0..1 by the validator); 0 when blank. */
  mitigation: Money;
  mitigationCell: string;
  reason: string;
  reasonCell: string;
  /** A confidence grade, used in place of an upper bound; absent when blank. */
  grade?: Money;
  gradeCell: string;
}

export interface OptimismBiasInput {
  range: string;
  categories: OptimismBiasCategoryInput[];
}

/** CBA_ConfidenceGrades: the user's own grade table in place of the product's default. */
export interface ConfidenceGradeInput {
  grade: number;
  cell: string;
  /** Reduction as a fraction (0.15 for 15%). */
  reduction: Money;
  reductionCell: string;
}

export interface ConfidenceGradesInput {
  range: string;
  grades: ConfidenceGradeInput[];
}

/** The Optimism bias setting: Include (the default when CBA_OptimismBias is present) or Exclude. */
export interface OptimismBiasSetting {
  include: boolean;
  cell: string;
}
