import type { ContractInputs } from "./contractInputs";
import type { ContractProblem } from "./contractProblems";
import { readBeneficiaries } from "./contractReading/beneficiariesRange";
import { readBaseline } from "./contractReading/baselineRange";
import { readConfidenceGrades } from "./contractReading/confidenceGradesRange";
import { readLines } from "./contractReading/linesRange";
import { readOptimismBias } from "./contractReading/optimismBiasRange";
import { readDrivers } from "./contractReading/driversRange";
import { readPriceIndex } from "./contractReading/priceIndexRange";
import { dropAmountsDriversGive } from "./driverLines";
import { PartnerCodes } from "./contractReading/partnerCodes";
import { readPartners } from "./contractReading/partnersRange";
import { readPools } from "./contractReading/poolsRange";
import { readProfiles } from "./contractReading/profilesRange";
import { readPublished } from "./contractReading/publishedRange";
import { readRisks } from "./contractReading/risksRange";
import { readScenarios } from "./contractReading/scenariosRange";
import { readSettings } from "./contractReading/settingsRange";
import { beneficiariesRangeName, inputRangeNames, optimismBiasRangeNames } from "./inputContract";
import { InputTable } from "./inputTable";
import type { WorkbookSnapshot } from "./workbookPort";

// Each range's reading lives in contractReading/, one module per range; these stay importable here.
export { PartnerCodes } from "./contractReading/partnerCodes";
export { riskScaleMaximum } from "./contractReading/risksRange";

export interface ContractReading {
  inputs: ContractInputs;
  /** Problems found inside single ranges: missing columns, unreadable cells, totals that do not foot. */
  problems: ContractProblem[];
}

/**
 * Reads every contract range present in a snapshot. Checks what can be checked inside one range
 * (columns present, cells readable, baseline totals footing); references between ranges are
 * the validator's job. Never throws for bad input: everything wrong becomes a problem.
 *
 * @example
 * const { inputs, problems } = readContract(await port.read(allInputRangeNames));
 */
export function readContract(snapshot: WorkbookSnapshot): ContractReading {
  const problems: ContractProblem[] = [];
  const table = (name: string): InputTable | undefined => {
    const data = snapshot.ranges.get(name.toUpperCase());
    if (data === undefined) return undefined;
    const inputTable = new InputTable(name, data);
    inputTable.reportDuplicateHeaders(problems);
    return inputTable;
  };

  const tables = {
    partners: table(inputRangeNames.partners),
    baseline: table(inputRangeNames.baseline),
    baselineFte: table(inputRangeNames.baselineFte),
    pools: table(inputRangeNames.pools),
    lines: table(inputRangeNames.lines),
    profiles: table(inputRangeNames.profiles),
    settings: table(inputRangeNames.settings),
    scenarios: table(inputRangeNames.scenarios),
    risks: table(inputRangeNames.risks),
    published: table(inputRangeNames.published),
    beneficiaries: table(beneficiariesRangeName),
    optimismBias: table(optimismBiasRangeNames.optimismBias),
    confidenceGrades: table(optimismBiasRangeNames.confidenceGrades),
    drivers: table(inputRangeNames.drivers),
    priceIndex: table(inputRangeNames.priceIndex),
  };

  const settings = readSettings(tables.settings, problems);
  const partners = tables.partners && readPartners(tables.partners, problems);
  const codes = new PartnerCodes(partners);
  const inputs: ContractInputs = {
    settings,
    locations: Object.values(tables)
      .filter((t): t is InputTable => t !== undefined)
      .map((t) => ({ range: t.name, sheet: t.data.sheet })),
  };
  if (partners) inputs.partners = partners;
  if (tables.baseline) inputs.baseline = readBaseline(tables.baseline, codes, problems);
  if (tables.baselineFte) inputs.baselineFte = readBaseline(tables.baselineFte, codes, problems);
  if (tables.pools) inputs.pools = readPools(tables.pools, codes, problems);
  if (tables.lines) inputs.lines = readLines(tables.lines, problems, settings.cases);
  if (tables.profiles) inputs.profiles = readProfiles(tables.profiles, settings, problems);
  if (tables.scenarios) inputs.scenarios = readScenarios(tables.scenarios, problems);
  if (tables.risks) inputs.risks = readRisks(tables.risks, problems);
  if (tables.published) inputs.published = readPublished(tables.published, problems);
  if (tables.beneficiaries) inputs.beneficiaries = readBeneficiaries(tables.beneficiaries, problems);
  if (tables.optimismBias) inputs.optimismBias = readOptimismBias(tables.optimismBias, problems);
  if (tables.confidenceGrades)
    inputs.confidenceGrades = readConfidenceGrades(tables.confidenceGrades, problems);
  if (tables.drivers) inputs.drivers = readDrivers(tables.drivers, problems);
  dropAmountsDriversGive(inputs, problems);
  if (tables.priceIndex) inputs.priceIndex = readPriceIndex(tables.priceIndex, problems);
  return { inputs, problems };
}
