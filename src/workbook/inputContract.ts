/**
 * The workbook contract: which named ranges (workbook-scoped names or Excel tables) the product
 * reads, the columns each must have, and the settings it understands. Headers and names match
 * case-insensitively; extra columns are kept in the workbook and ignored.
 */

export const inputRangeNames = {
  partners: "CBA_Partners",
  baseline: "CBA_Baseline",
  baselineFte: "CBA_BaselineFTE",
  pools: "CBA_Pools",
  lines: "CBA_Lines",
  profiles: "CBA_Profiles",
  settings: "CBA_Settings",
  scenarios: "CBA_Scenarios",
  risks: "CBA_Risks",
  published: "CBA_Published",
  drivers: "CBA_Drivers",
  priceIndex: "CBA_PriceIndex",
} as const;

/**
 * Who receives each benefit line (optional). Read by every refresh like the ranges above, but kept
 * out of `inputRangeNames`, whose list the task pane shows as the ranges a case is made of.
 */
export const beneficiariesRangeName = "CBA_Beneficiaries";

/**
 * How the case is funded (optional): the sources, and which source meets which cost line. Read by
 * every refresh; kept apart from `inputRangeNames`, the ranges the task pane lists and checks.
 */
export const fundingRangeNames = {
  funding: "CBA_Funding",
  lineFunding: "CBA_LineFunding",
} as const;

/**
 * The optimism-bias ranges: read with the others, but kept out of `inputRangeNames`, whose ranges
 * the task pane lists and a complete sample such as Hampshire's has.
 */
export const optimismBiasRangeNames = {
  optimismBias: "CBA_OptimismBias",
  confidenceGrades: "CBA_ConfidenceGrades",
} as const;

/** Every name a refresh asks the workbook for, in reading order. */
export const allInputRangeNames: readonly string[] = [
  ...Object.values(inputRangeNames),
  beneficiariesRangeName,
  ...Object.values(optimismBiasRangeNames),
  ...Object.values(fundingRangeNames),
];

/** A column the contract knows, with the headers accepted for it (compared after normalising). */
export interface ContractColumn {
  key: string;
  headers: readonly string[];
}

function column(key: string, ...headers: string[]): ContractColumn {
  return { key, headers };
}

/**
 * The headers a workbook written by this product uses for a range: each column's first accepted
 * header, in contract order (the samples and the blank template are laid out from these).
 */
export function canonicalHeaders(columns: Readonly<Record<string, ContractColumn>>): string[] {
  return Object.values(columns).map((c) => c.headers[0]!);
}

export const partnerColumns = {
  code: column("code", "Code", "Partner code", "Partner"),
  name: column("name", "Name", "Partner name"),
};

export const baselineColumns = {
  serviceArea: column("serviceArea", "Service area", "Service"),
  total: column("total", "Total"),
};

export const poolColumns = {
  pool: column("pool", "Pool", "Pool name"),
  basis: column("basis", "Basis", "Share basis"),
  serviceAreas: column("serviceAreas", "Service areas", "Service area"),
  partners: column("partners", "Partners", "Partner codes"),
  shareDecimals: column("shareDecimals", "Share decimals", "Decimals"),
};

export const lineColumns = {
  line: column("line", "Line", "Item", "Description"),
  timing: column("timing", "Timing"),
  allocation: column("allocation", "Allocation", "Allocated to", "Pool or partner"),
  profile: column("profile", "Profile", "Phasing"),
  kind: column("kind", "Kind", "Cost or benefit"),
  optimismBias: column("optimismBias", "Optimism bias", "Optimism bias category", "OB category"),
  benefitClass: column("benefitClass", "Benefit class", "Class of benefit"),
  expenditure: column("expenditure", "Expenditure", "Capital or revenue", "Expenditure type"),
};

/** CBA_Beneficiaries: who receives what share of a benefit line (see beneficiariesRange.ts). */
export const beneficiaryColumns = {
  line: column("line", "Line", "Benefit line"),
  beneficiary: column("beneficiary", "Beneficiary", "Body", "Who benefits"),
  share: column("share", "Share", "Share %", "Percentage"),
};

/** The input cases a line can carry, in the order results show them when the columns allow. */
export const lineCaseColumns = [
  column("Best", "Best", "Best case"),
  column("Base", "Base", "Base case", "Likely"),
  column("Worst", "Worst", "Worst case"),
] as const;

/** CBA_Drivers: a line's value in a case as unit cost × volume, net of additionality for benefits. */
export const driverColumns = {
  line: column("line", "Line", "Item"),
  case: column("case", "Case"),
  unitCost: column("unitCost", "Unit cost", "Cost per unit"),
  volume: column("volume", "Volume", "Quantity"),
  volumeUnit: column("volumeUnit", "Volume unit", "Unit of volume"),
  deadweight: column("deadweight", "Deadweight"),
  attribution: column("attribution", "Attribution"),
  dropOff: column("dropOff", "Drop-off", "Drop off", "Dropoff"),
};

/** CBA_PriceIndex: a price index by year (the GDP deflator or the user's own), for nominal amounts. */
export const priceIndexColumns = {
  year: column("year", "Year", "Financial year"),
  index: column("index", "Index", "Price index", "Deflator"),
};

export const profileColumns = {
  profile: column("profile", "Profile", "Profile name"),
};

export const settingColumns = {
  setting: column("setting", "Setting"),
  value: column("value", "Value"),
};

export const scenarioColumns = {
  scenario: column("scenario", "Scenario", "Scenario name"),
  case: column("case", "Case", "Based on", "From case"),
  costFactor: column("costFactor", "Cost factor", "Costs factor"),
  savingFactor: column("savingFactor", "Saving factor", "Savings factor", "Benefit factor"),
  delay: column("delay", "Delay", "Delay years"),
};

/** CBA_Published: figures a document prints, each with the calculation it claims to summarise. */
export const publishedColumns = {
  figure: column("figure", "Figure", "Published figure", "Description"),
  summarises: column("summarises", "What it summarises", "Summarises", "Measure"),
  case: column("case", "Case"),
  partner: column("partner", "Partner", "Partner code"),
  value: column("value", "Published value", "Value", "Published"),
  printedTo: column("printedTo", "Printed to", "Rounding", "Precision"),
};

/** CBA_OptimismBias: one row per optimism-bias category the lines name. */
export const optimismBiasColumns = {
  category: column("category", "Category", "Optimism bias category"),
  projectType: column("projectType", "Project type"),
  appliesTo: column("appliesTo", "Applies to"),
  upperBound: column("upperBound", "Upper bound", "Upper bound %"),
  mitigation: column("mitigation", "Mitigation", "Mitigation %", "Mitigated"),
  reason: column("reason", "Reason", "Mitigation reason", "Evidence"),
  grade: column("grade", "Confidence grade", "Grade"),
};

/** CBA_ConfidenceGrades: the user's data-confidence grades and the reduction each applies. */
export const confidenceGradeColumns = {
  grade: column("grade", "Grade", "Confidence grade"),
  reduction: column("reduction", "Reduction", "Optimism bias", "Rate"),
};

export const riskColumns = {
  id: column("id", "ID", "Ref", "Reference"),
  category: column("category", "Category"),
  risk: column("risk", "Risk", "Description"),
  likelihood: column("likelihood", "Likelihood", "L"),
  impact: column("impact", "Impact", "I"),
  factors: column("factors", "Factors", "Achievability factors"),
  owner: column("owner", "Owner"),
  mitigation: column("mitigation", "Mitigation"),
  score: column("score", "Score"),
  band: column("band", "Band"),
};

/** CBA_Funding: one row per funding source. */
export const fundingColumns = {
  source: column("source", "Source", "Funding source"),
  kind: column("kind", "Kind", "Source kind", "Type"),
  partner: column("partner", "Partner", "Partner code"),
  amount: column("amount", "Amount", "Amount available", "Amount awarded"),
  pumpPrimingLimit: column("pumpPrimingLimit", "Pump-priming limit", "Pump priming limit", "Pump-priming"),
  restrictedTo: column("restrictedTo", "Restricted to", "Restriction"),
  award: column("award", "Award", "Fallback award", "Awarded fraction"),
  rate: column("rate", "Interest rate", "Rate"),
  term: column("term", "Term", "Term years"),
  repayment: column("repayment", "Repayment", "Repayment method"),
};

/** CBA_LineFunding: one row per line and source, with an amount or a percent of the line. */
export const lineFundingColumns = {
  line: column("line", "Line", "Cost line"),
  source: column("source", "Source", "Funding source"),
  amount: column("amount", "Amount"),
  percent: column("percent", "Percent", "Percentage", "%"),
};

/** Settings the contract understands, each with the labels accepted in the Setting column. */
export const settingKeys = {
  discountRate: column("discountRate", "Discount rate"),
  horizonYears: column("horizonYears", "Horizon", "Horizon years", "Appraisal period"),
  firstFinancialYear: column("firstFinancialYear", "First financial year", "First year"),
  unitLabel: column("unitLabel", "Unit label", "Unit"),
  roundingUnit: column("roundingUnit", "Rounding unit"),
  riskBandThresholds: column("riskBandThresholds", "Risk band thresholds", "Risk thresholds"),
  riskBandLabels: column("riskBandLabels", "Risk band labels", "Risk bands"),
  contingencyOnCosts: column("contingencyOnCosts", "Contingency on costs", "Contingency cost increase"),
  contingencyOnSavings: column(
    "contingencyOnSavings",
    "Contingency on savings",
    "Contingency saving reduction",
    "Contingency on benefits",
  ),
  contingencyCase: column("contingencyCase", "Contingency case"),
  /** Names the value columns of CBA_Lines ("Low, Central, High"); absent = Best / Base / Worst. */
  cases: column("cases", "Cases", "Case names"),
  /** Real (default) or Nominal: whether CBA_Lines' amounts are in constant prices or cash. */
  prices: column("prices", "Prices", "Price basis"),
  priceBaseYear: column("priceBaseYear", "Price base year", "Base year"),
  inflation: column("inflation", "Inflation", "Inflation rate"),
  seed: column("seed", "Seed", "Random seed"),
  achievabilityFactors: column(
    "achievabilityFactors",
    "Achievability factors",
    "Number of achievability factors",
  ),
  optimismBias: column("optimismBias", "Optimism bias"),
};

export type SettingKey = keyof typeof settingKeys;

/**
 * Defaults used when a setting is absent: the Treasury Green Book standard rate, a ten-year
 * appraisal, penny rounding (safe for any amount given to 2 decimals) and Hampshire's risk bands.
 */
export const settingDefaults = {
  discountRate: "0.035",
  horizonYears: 10,
  roundingUnit: "0.01",
  unitLabel: "£",
  riskBandThresholds: [10, 15],
  riskBandLabels: ["Low", "Medium", "High"],
} as const;

/** Headers compare after lower-casing, dropping bracketed notes and punctuation: "Delay (years)" ≡ "delay". */
export function normaliseHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/\([^)]*\)/g, " ")
    .replace(/[^a-z0-9%£&]+/g, " ")
    .trim();
}

export function matchesColumn(header: string, contractColumn: ContractColumn): boolean {
  const normalised = normaliseHeader(header);
  return (
    normalised !== "" && contractColumn.headers.some((accepted) => normaliseHeader(accepted) === normalised)
  );
}
