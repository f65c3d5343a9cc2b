import type { BusinessCaseModel, BusinessCaseResult } from "../../engine/businessCaseModel";
import type { Money } from "../../engine/money";
import type { RiskBands, RiskRegisterSummary } from "../../engine/riskRegister";
import type { RisksInput, SettingUsed } from "../contractInputs";
import type { ContractProblem } from "../contractProblems";
import { refreshedSheetNames, sameSheetName } from "../productSheets";
import type { PublishedCheckRow } from "../publishedFigures";
import type { ReconciliationRow } from "../resultReconciliation";
import type { ScenarioAnalysis } from "../scenarioAnalysis";
import type { CaseValue } from "../valueFromContract";
import type { CellUpdate, OwnedSheet, SheetInfo, WritePlan } from "../workbookPort";
import type { OptimismBiasStep } from "../optimismBiasStep";
import type { DriverTableRow } from "../driverLines";
import type { FundingResults } from "../fundingFromContract";
import { notComputedSheet } from "./checksSheet";
import { withPrintSettings } from "./printSettings";
import { type Provenance, withProvenance } from "./provenanceBlock";
import { refreshedResultSheets } from "./resultSheetRegistry";

export interface WritePlanInput {
  /** Sheets already in the workbook: product sheets no longer produced are emptied, not left stale. */
  existingSheets: readonly SheetInfo[];
  businessCase?: {
    model: BusinessCaseModel;
    result: BusinessCaseResult;
    derivedCases: ReadonlyMap<string, { from: string; description: string }>;
    /** Present when optimism bias is applied: fills the CBA Optimism Bias sheet. */
    optimismBias?: OptimismBiasStep;
  };
  /** Present when the workbook has CBA_Scenarios: fills the CBA Scenarios sheet. */
  scenarios?: ScenarioAnalysis;
  /** Present when the workbook asks who benefits: fills the CBA Value sheet. */
  value?: readonly CaseValue[];
  /** Present when the workbook has CBA_Funding: fills the CBA Funding sheet. */
  funding?: FundingResults;
  risks?: { input: RisksInput; summary: RiskRegisterSummary; bands: RiskBands; updates: CellUpdate[] };
  warnings: readonly ContractProblem[];
  reconciliation: readonly ReconciliationRow[];
  /** Published figures against the computation, for the CBA Checks sheet. */
  published?: readonly PublishedCheckRow[];
  settingsUsed: readonly SettingUsed[];
  roundingUnit: Money;
  /** The Discount rate cell of CBA_Settings (sheet-qualified), for NPV formulas that refer to it. */
  discountRateCell?: string;
  /** CBA_Drivers' values, shown in a table on the CBA Checks sheet; absent or empty = no table. */
  drivers?: readonly DriverTableRow[];
  /** When given, every sheet of the plan carries a provenance block (a refresh always gives it). */
  provenance?: Provenance;
}

/** Sheets printed on one page (the board summary); the others print one page wide. */
const onePageSheets = refreshedResultSheets
  .filter((sheet) => sheet.onePage === true)
  .map((sheet) => sheet.name);

/**
 * Everything a refresh writes, as data: the product's sheets in full and the Score and Band cells
 * of CBA_Risks. A pure function of the computed results, so it can be tested without a workbook.
 *
 * @example
 * const plan = buildWritePlan({ existingSheets: [], warnings: [], reconciliation: [], settingsUsed: [], roundingUnit: new Money(1) });
 * plan.sheets.map((s) => s.name); // ["CBA Checks"]
 */
export function buildWritePlan(input: WritePlanInput): WritePlan {
  const sheets: OwnedSheet[] = refreshedResultSheets.flatMap((definition) => definition.build(input) ?? []);
  for (const name of refreshedSheetNames) {
    const stale = input.existingSheets.find((s) => s.ownedByProduct && sameSheetName(s.name, name));
    if (stale && !sheets.some((s) => sameSheetName(s.name, name))) {
      sheets.push(
        notComputedSheet(
          stale.name,
          "The latest refresh found none of the inputs this sheet is computed from, so its earlier results were removed.",
        ),
      );
    }
  }
  const provenance = input.provenance;
  const stamped = provenance ? sheets.map((sheet) => withProvenance(sheet, provenance)) : sheets;
  return {
    // Print settings last, so the print area takes in the provenance block.
    sheets: stamped.map((sheet) =>
      withPrintSettings(sheet, { onePage: onePageSheets.some((name) => sameSheetName(sheet.name, name)) }),
    ),
    cellUpdates: input.risks?.updates ?? [],
  };
}
