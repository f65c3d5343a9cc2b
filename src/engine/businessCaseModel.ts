import type { Shares } from "./shares";
import type { DiscountRate } from "./discounting";
import type { IrrResult } from "./irr";
import type { PaybackResult } from "./payback";
import type { Amount, Money } from "./money";

/**
 * The whole business case as the engine sees it, independent of where it came from (a workbook's
 * named ranges, a test, the task pane). Amounts follow the documents' convention: costs positive,
 * savings negative, in the case's unit (often £'000).
 */
export interface BusinessCaseModel {
  partners: readonly Partner[];
  /** Baseline spend per service area and partner, the usual basis of shares. */
  baseline: readonly BaselineRow[];
  /** Optional FTE baseline of the same shape, for pools shared by headcount. */
  baselineFte?: readonly BaselineRow[];
  pools: readonly Pool[];
  lines: readonly Line[];
  /** Named year profiles: fraction of the line's amount in year 0, 1, 2, … */
  profiles: Readonly<Record<string, readonly Amount[]>>;
  /** The cases to compute, input cases first; derived cases refer to an input case. */
  cases: readonly CaseDefinition[];
  settings: CaseSettings;
}

export interface Partner {
  /** Short code used everywhere else in the model, e.g. "HCC". */
  code: string;
  name: string;
}

export interface BaselineRow {
  serviceArea: string;
  /** Amount per partner code; a partner with no entry has 0. */
  amounts: Readonly<Record<string, Amount>>;
}

export type ShareBasis = "baseline" | "fte" | "equal" | "manual";

/** A group of partners sharing costs and savings in set proportions. */
export interface Pool {
  name: string;
  basis: ShareBasis;
  /** Service areas whose baseline forms the bases; "all" for every area. */
  serviceAreas: readonly string[] | "all";
  /** Partner codes in the pool; "all" for every partner. */
  partners: readonly string[] | "all";
  /** Decimals of a percent the applied shares are rounded to (0 = whole percent); omitted = exact. */
  shareDecimals?: number;
  /** Weights per partner code, for the "manual" basis. */
  manualWeights?: Readonly<Record<string, Amount>>;
}

export type Timing = "oneOff" | "recurring";

/**
 * Whether a line is a cost or a benefit, independent of its sign and timing. A capital receipt or
 * a one-year benefit is a one-off benefit: it scales with a case's saving factor and counts as a
 * benefit in ROI and benefit–cost ratios. Amounts keep the documents' sign convention either way.
 */
export type LineKind = "cost" | "benefit";

/** Where a line's amount goes: split across a pool, or directly to one partner. */
export type Allocation = { kind: "pool"; pool: string } | { kind: "partner"; partner: string };

/** "Not quantified" (the documents' N/A) is not zero: it is carried through and reported. */
export const notQuantified = "notQuantified" as const;
export type LineValue = Money | typeof notQuantified;

export interface Line {
  label: string;
  timing: Timing;
  allocation: Allocation;
  /** Value per input case name (e.g. "Best", "Worst", "Base"); a missing case counts as not quantified. */
  values: Readonly<Record<string, LineValue | undefined>>;
  /**
   * Name of a profile in `profiles`. Default: one-off lines fall wholly in year 0; recurring lines
   * run at their full annual amount from year 1.
   */
  profile?: string;
  /**
   * Cost or benefit, whatever the sign. Omitted: one-off lines are costs (a negative one-off
   * reduces costs) and recurring lines are costs when positive, savings when negative.
   */
  kind?: LineKind;
}

/**
 * A case is either an input column (values read from the lines) or derived from one by factors,
 * e.g. a contingency "costs +25%, benefits −25%" = { derivedFrom: "Worst", costFactor: 1.25,
 * savingFactor: 0.75 }.
 */
export interface CaseDefinition {
  name: string;
  derivedFrom?: string;
  costFactor?: Amount;
  savingFactor?: Amount;
}

export interface CaseSettings {
  /** One rate, or per-period rates r1..rn (e.g. the Green Book schedule). */
  discountRate: DiscountRate;
  /** Years after year 0: cashflows run from year 0 (now) to year `horizonYears`. */
  horizonYears: number;
  /** Rounding unit of apportioned parts, in the case's unit (1 = £1k when amounts are £'000). */
  roundingUnit: Amount;
  /** Label of the unit for display, e.g. "£'000". */
  unitLabel: string;
  /** Calendar year in which year 0's financial year starts: 2012 gives "2012/13". */
  firstFinancialYear?: number;
}

// ---------------------------------------------------------------------------------------------
// Results

export interface PoolResult {
  pool: string;
  partners: string[];
  bases: Money[];
  shares: Shares;
}

export interface LinePartsForCase {
  amount: LineValue;
  /** Part per partner code (only partners the line reaches); absent when not quantified. */
  parts?: Readonly<Record<string, Money>>;
}

export interface LineResult {
  label: string;
  timing: Timing;
  allocation: Allocation;
  byCase: Readonly<Record<string, LinePartsForCase>>;
}

export interface SplitTotal {
  apportioned: Money;
  direct: Money;
  total: Money;
}

export interface PartnerCaseResult {
  /** Partner code, or "Programme" for the whole programme. */
  partner: string;
  /** One-off set-up, document convention (costs positive). */
  setUp: SplitTotal;
  /** Full annual recurring net position, document convention (savings negative). */
  annual: SplitTotal;
  /** Labels of lines reaching this partner that are not quantified in this case. */
  notQuantified: string[];
  /** Net benefit by year, savings minus costs (positive = better off), years 0..horizon. */
  netBenefit: Money[];
  cumulativeNetBenefit: Money[];
  /** Costs and benefits by year as positive amounts, for ROI and benefit–cost ratios. */
  costs: Money[];
  benefits: Money[];
  /** First payback: the first climb to ≥ 0, marked `fallsBack` when the case ends below zero. */
  payback: PaybackResult;
  /** Final payback: the last climb to ≥ 0; "never" when the case ends below zero. */
  finalPayback: PaybackResult;
  discountedPayback: PaybackResult;
  finalDiscountedPayback: PaybackResult;
  netPresentValue: Money;
  /** Internal rate of return of the net benefit, nearest 10% when there are several. */
  internalRateOfReturn: IrrResult;
  /** (Σ benefits − Σ costs) / Σ costs over the horizon, undiscounted; null when there are no costs. */
  netReturnOnInvestment: Money | null;
  /** One-off set-up ÷ full annual saving (Hampshire's "return on investment"); 0 when the set-up is itself a saving; null without an annual saving. */
  yearsToRecover: Money | null;
}

export interface CaseResult {
  name: string;
  /** Per partner in model order, then the programme. */
  partners: PartnerCaseResult[];
}

export interface BusinessCaseResult {
  pools: PoolResult[];
  lines: LineResult[];
  cases: CaseResult[];
  /** Year labels for 0..horizon: "2012/13", … or "Year 0", … */
  years: string[];
}
