/**
 * The workbook contract's names, gathered from the range definitions in `contractReading/` (each
 * range's name, columns and reader live in its own module there). Headers and names match
 * case-insensitively; extra columns are kept in the workbook and ignored.
 */
import { baselineColumns, baselineFteRange, baselineRange } from "./contractReading/baselineRange";
import { beneficiariesRange, beneficiaryColumns } from "./contractReading/beneficiariesRange";
import { confidenceGradeColumns, confidenceGradesRange } from "./contractReading/confidenceGradesRange";
import { driverColumns, driversRange } from "./contractReading/driversRange";
import { fundingColumns, fundingRange } from "./contractReading/fundingRange";
import { inputRanges } from "./contractReading/inputRanges";
import { lineFundingColumns, lineFundingRange } from "./contractReading/lineFundingRange";
import { lineCaseColumns, lineColumns, linesRange } from "./contractReading/linesRange";
import { optimismBiasColumns, optimismBiasRange } from "./contractReading/optimismBiasRange";
import { partnerColumns, partnersRange } from "./contractReading/partnersRange";
import { poolColumns, poolsRange } from "./contractReading/poolsRange";
import { priceIndexColumns, priceIndexRange } from "./contractReading/priceIndexRange";
import { profileColumns, profilesRange } from "./contractReading/profilesRange";
import { publishedColumns, publishedRange } from "./contractReading/publishedRange";
import { riskColumns, risksRange } from "./contractReading/risksRange";
import { scenarioColumns, scenariosRange } from "./contractReading/scenariosRange";
import {
  type SettingKey,
  settingColumns,
  settingDefaults,
  settingKeys,
  settingsRange,
} from "./contractReading/settingsRange";

export { type ContractColumn, canonicalHeaders, matchesColumn, normaliseHeader } from "./contractColumns";
export {
  baselineColumns,
  beneficiaryColumns,
  confidenceGradeColumns,
  driverColumns,
  fundingColumns,
  lineCaseColumns,
  lineColumns,
  lineFundingColumns,
  optimismBiasColumns,
  partnerColumns,
  poolColumns,
  priceIndexColumns,
  profileColumns,
  publishedColumns,
  riskColumns,
  scenarioColumns,
  settingColumns,
  settingDefaults,
  settingKeys,
  type SettingKey,
};

/** The ranges a complete case such as the Hampshire sample has, by their short names. */
export const inputRangeNames = {
  partners: partnersRange.name,
  baseline: baselineRange.name,
  baselineFte: baselineFteRange.name,
  pools: poolsRange.name,
  lines: linesRange.name,
  profiles: profilesRange.name,
  settings: settingsRange.name,
  scenarios: scenariosRange.name,
  risks: risksRange.name,
  published: publishedRange.name,
  drivers: driversRange.name,
  priceIndex: priceIndexRange.name,
} as const;

/** Who receives each benefit line (optional). */
export const beneficiariesRangeName = beneficiariesRange.name;

/** How the case is funded (optional): the sources, and which source meets which cost line. */
export const fundingRangeNames = {
  funding: fundingRange.name,
  lineFunding: lineFundingRange.name,
} as const;

/** The optimism-bias ranges (optional). */
export const optimismBiasRangeNames = {
  optimismBias: optimismBiasRange.name,
  confidenceGrades: confidenceGradesRange.name,
} as const;

/** Every name a refresh asks the workbook for. */
export const allInputRangeNames: readonly string[] = inputRanges.map((range) => range.name);
