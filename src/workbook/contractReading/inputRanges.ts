/**
 * Every input range of the contract, in reading order: the settings and the partners first (the
 * other readers use them), then the ranges that refer to them. The blank template, the task pane's
 * list of ranges and the README's contract table are all laid out from this list.
 */
import { baselineFteRange, baselineRange } from "./baselineRange";
import { beneficiariesRange } from "./beneficiariesRange";
import { confidenceGradesRange } from "./confidenceGradesRange";
import { driversRange } from "./driversRange";
import { fundingRange } from "./fundingRange";
import type { AnyReadInputRangeDefinition, InputRangeDefinition } from "./inputRangeDefinition";
import { lineFundingRange } from "./lineFundingRange";
import { linesRange } from "./linesRange";
import { optimismBiasRange } from "./optimismBiasRange";
import { partnersRange } from "./partnersRange";
import { poolsRange } from "./poolsRange";
import { priceIndexRange } from "./priceIndexRange";
import { profilesRange } from "./profilesRange";
import { publishedRange } from "./publishedRange";
import { risksRange } from "./risksRange";
import { scenariosRange } from "./scenariosRange";
import { settingsRange } from "./settingsRange";

/** The ranges `readContract` reads in its common loop, after the settings, in this order. */
export const rangesReadAfterSettings: readonly AnyReadInputRangeDefinition[] = [
  partnersRange,
  baselineRange,
  baselineFteRange,
  poolsRange,
  linesRange,
  profilesRange,
  scenariosRange,
  risksRange,
  publishedRange,
  beneficiariesRange,
  optimismBiasRange,
  confidenceGradesRange,
  driversRange,
  priceIndexRange,
  fundingRange,
  lineFundingRange,
];

/** Every range, as a user meets them: the order of the pane's list and the README's table. */
export const inputRanges: readonly InputRangeDefinition<InputRangeDefinition["key"] | "settings">[] = [
  partnersRange,
  baselineRange,
  baselineFteRange,
  poolsRange,
  linesRange,
  beneficiariesRange,
  profilesRange,
  settingsRange,
  scenariosRange,
  risksRange,
  publishedRange,
  driversRange,
  priceIndexRange,
  confidenceGradesRange,
  optimismBiasRange,
  fundingRange,
  lineFundingRange,
];
