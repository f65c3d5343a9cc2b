import type { BenefitClass } from "../engine/beneficiaries";
import type { LineKind, LineValue, ShareBasis, Timing } from "../engine/businessCaseModel";
import type { Money } from "../engine/money";
import type { ExpenditureType } from "../engine/funding";
import type { PublishedMeasure } from "../engine/publishedMeasures";
import type { RiskBands } from "../engine/riskRegister";
import type { ConfidenceGradesInput, OptimismBiasInput, OptimismBiasSetting } from "./optimismBiasInputs";
import type { DriversInput } from "./contractReading/driversRange";
import type { PriceBasisSetting } from "./contractReading/priceBasisSettings";
import type { PriceIndexInput } from "./contractReading/priceIndexRange";
import type { FundingInput, LineFundingInput } from "./fundingInputs";
import type { CellValue } from "./workbookPort";

/**
 * The workbook's inputs as read from the contract's named ranges, each value kept with the
 * sheet-qualified address of the cell it came from so that every later problem can point at it.
 * A range absent from the workbook is `undefined` here.
 */
export interface ContractInputs {
  partners?: PartnersInput;
  baseline?: BaselineInput;
  baselineFte?: BaselineInput;
  pools?: PoolsInput;
  lines?: LinesInput;
  profiles?: ProfilesInput;
  settings: ContractSettings;
  scenarios?: ScenariosInput;
  risks?: RisksInput;
  published?: PublishedInput;
  beneficiaries?: BeneficiariesInput;
  optimismBias?: OptimismBiasInput;
  confidenceGrades?: ConfidenceGradesInput;
  drivers?: DriversInput;
  priceIndex?: PriceIndexInput;
  funding?: FundingInput;
  lineFunding?: LineFundingInput;
  /** Where each input range found sits, by contract name: used to protect it from result sheets. */
  locations: { range: string; sheet: string }[];
}

export interface PartnerInput {
  code: string;
  name: string;
  cell: string;
}

export interface PartnersInput {
  range: string;
  partners: PartnerInput[];
}

export interface BaselineRowInput {
  serviceArea: string;
  cell: string;
  /** Amount per partner code; blank cells read as 0. */
  amounts: Map<string, Money>;
}

export interface BaselineInput {
  range: string;
  rows: BaselineRowInput[];
  /** Partner codes that have a column, with the header cell. */
  partnerColumns: Map<string, string>;
}

export interface PoolInput {
  name: string;
  cell: string;
  basis: ShareBasis;
  basisCell: string;
  serviceAreas: string[] | "all";
  serviceAreasCell: string;
  /** Partner codes as typed (resolved against CBA_Partners by the validator). */
  partners: string[] | "all";
  partnersCell: string;
  shareDecimals?: number;
  /** Manual weights per partner code, with their cells; a blank weight is absent. */
  manualWeights: Map<string, { weight: Money; cell: string }>;
  /** Cells of the manual weight columns per partner code, blank or not. */
  manualWeightCells: Map<string, string>;
}

export interface PoolsInput {
  range: string;
  pools: PoolInput[];
}

export interface LineInput {
  label: string;
  cell: string;
  timing: Timing;
  /** Pool name or partner code as typed. */
  allocation: string;
  allocationCell: string;
  /** Value per input case (Best, Worst, Base) with its cell. */
  values: Map<string, { value: LineValue; cell: string }>;
  profile?: string;
  profileCell?: string;
  /** Cost or Benefit from the optional Kind column; absent = by timing and sign. */
  kind?: LineKind;
  kindCell?: string;
  /** From the optional Benefit class column; absent = unclassed (counts as fiscal cashable). */
  benefitClass?: BenefitClass;
  benefitClassCell?: string;
  /** The CBA_OptimismBias category named in the optional Optimism bias column; absent = none. */
  optimismBias?: string;
  optimismBiasCell?: string;
  /** Cells of the cases left blank (an error unless a CBA_Drivers row gives the value), by case. */
  blankCells?: Map<string, string>;
  /** Capital or Revenue from the optional Expenditure column; absent = not stated. */
  expenditure?: ExpenditureType;
  expenditureCell?: string;
}

/**
 * A total row pasted among the lines ("Total", "Sub-total", "Grand total"): a printed figure per
 * case, checked against the lines it covers and left out of the computation.
 */
export interface LinesTotalRow {
  label: string;
  cell: string;
  /** Printed figure per case with its cell; blank and N/A cells are absent. */
  values: Map<string, { value: Money; cell: string }>;
  /** The lines it covers: `lines[from]` up to, not including, `lines[to]`. */
  from: number;
  to: number;
}

export interface LinesInput {
  range: string;
  /** Input cases the lines carry, in column order (e.g. Best, Worst). */
  cases: string[];
  lines: LineInput[];
  /** Total rows found among the lines, in row order. */
  totalRows: LinesTotalRow[];
  /** Whether CBA_Lines has a Benefit class column (it asks for the CBA Value sheet). */
  hasBenefitClassColumn?: boolean;
}

export interface ProfileInput {
  name: string;
  cell: string;
  /** Fraction per year index (0 = now); years whose cell is blank are absent. */
  fractions: Map<number, { fraction: Money; cell: string }>;
  /** Cell per year index, blank or not, for coverage messages. */
  yearCells: Map<number, string>;
}

export interface ProfilesInput {
  range: string;
  /** Year index of each year column found. */
  years: number[];
  profiles: ProfileInput[];
}

export type DiscountRateSetting =
  | { kind: "single"; rate: Money }
  | { kind: "greenBook" }
  /** The Green Book health schedule: 1.5% to year 30, 1.286% to 75, 1.071% to 125. */
  | { kind: "greenBookHealth" };

export interface SettingUsed {
  setting: string;
  value: string;
  source: "workbook" | "default";
  cell?: string;
}

export interface ContractSettings {
  discountRate: DiscountRateSetting;
  horizonYears: number;
  firstFinancialYear?: number;
  unitLabel: string;
  roundingUnit: Money;
  riskBands: RiskBands;
  /** A contingency case derived from an input case: costs up, savings down by these fractions. */
  contingency?: { onCosts: Money; onSavings: Money; caseName?: string; cell: string };
  seed?: number;
  achievabilityFactors?: number;
  /** The Optimism bias setting when given (absent = Include when CBA_OptimismBias is present). */
  optimismBias?: OptimismBiasSetting;
  /** Prices, Price base year and Inflation, when any is given; absent = real prices as before. */
  priceBasis?: PriceBasisSetting;
  /** The Cases setting: the names of CBA_Lines' value columns, in order; absent = Best / Base / Worst. */
  cases?: { names: string[]; cell: string };
  /** Every setting in force, for the CBA Checks sheet. */
  used: SettingUsed[];
  /** Value cell of each setting given in the workbook. */
  cells: Map<string, string>;
}

export interface ScenarioInput {
  name: string;
  cell: string;
  caseName: string;
  caseCell: string;
  costFactor: Money;
  savingFactor: Money;
  delayYears: number;
  delayCell: string;
}

export interface ScenariosInput {
  range: string;
  scenarios: ScenarioInput[];
}

export interface RiskInput {
  /** Unique name used for scoring: the ID, else the risk text, else the row. */
  key: string;
  id: string;
  category: string;
  risk: string;
  likelihood: number;
  impact: number;
  factors: number[];
  cell: string;
  /** The likelihood and impact cells (sheet and unqualified addresses): live score formulas refer to them. */
  ratingCells: { sheet: string; likelihood: string; impact: string };
  /** Where the product writes the score and band back (sheet and unqualified address). */
  scoreTarget?: { sheet: string; address: string; previous: CellValue };
  bandTarget?: { sheet: string; address: string; previous: CellValue };
}

export interface RisksInput {
  range: string;
  risks: RiskInput[];
}

/** What a published figure claims to summarise; the engine computes it (`measureValue`). */
export type { PublishedMeasure };

export interface PublishedFigureInput {
  figure: string;
  cell: string;
  measure: PublishedMeasure;
  /** The "What it summarises" text as typed, for the Checks sheet. */
  measureText: string;
  measureCell: string;
  /** Case name as typed; absent = the only input case. */
  caseName?: string;
  caseCell: string;
  /** Partner code as typed; absent = the whole programme. */
  partner?: string;
  partnerCell: string;
  value: Money;
  valueCell: string;
  /** The rounding of the print; absent = the decimals the value is typed to. */
  printedTo?: Money;
}

export interface PublishedInput {
  range: string;
  figures: PublishedFigureInput[];
}

/** One row of CBA_Beneficiaries: a share of a benefit line going to one body. */
export interface BeneficiaryRowInput {
  /** The line's label as typed (resolved against CBA_Lines by the validator). */
  line: string;
  lineCell: string;
  /** "Partnership", a partner code, or any other body, as typed. */
  beneficiary: string;
  beneficiaryCell: string;
  /** A fraction: 16% and 0.16 both read as 0.16. */
  share: Money;
  shareCell: string;
}

export interface BeneficiariesInput {
  range: string;
  rows: BeneficiaryRowInput[];
}
