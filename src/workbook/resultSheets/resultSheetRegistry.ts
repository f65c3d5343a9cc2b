/**
 * Every result sheet the product owns, defined once: its name, the refresh section that rewrites
 * it, the output names it reserves, when the inputs call for it and how it is built from the
 * results. The write plan, the refresh sections, the contract check and the refresh's reads all
 * derive their lists from here, so a new sheet is its own module plus one entry below.
 */
import type { ContractInputs } from "../contractInputs";
import { optimismBiasIncluded } from "../optimismBiasCategories";
import type { OwnedSheet } from "../workbookPort";
import { apportionmentBlockNames, apportionmentSheet, apportionmentSheetName } from "./apportionmentSheet";
import { type ChecksSheetInput, checkBlockNames, checksSheet, checksSheetName } from "./checksSheet";
import { driversBlockName, withDriversBlock } from "./driversBlock";
import { fundingOutputNames, fundingSheet, fundingSheetName } from "./fundingSheet";
import { optimismBiasBlockNames, optimismBiasSheet, optimismBiasSheetName } from "./optimismBiasSheet";
import { partnerBlockNames, partnersSheet, partnersSheetName } from "./partnersSheet";
import { riskBlockNames, risksSheet, risksSheetName } from "./risksSheet";
import { scenarioOutputNames, scenariosSheet, scenariosSheetName } from "./scenariosSheet";
import { summaryOutputNames, summarySheet, summarySheetName } from "./summarySheet";
import { valueBlockNames, valueSheet, valueSheetName } from "./valueSheet";
import type { WritePlanInput } from "./writePlan";

/** A part of the results a user can refresh on its own (see refreshSections.ts). */
export type ResultSheetSection = "apportionment" | "partners" | "risks";

/** What of the inputs decides which sheets a refresh fills. */
export type ResultSheetInputs = Pick<ContractInputs, "lines" | "risks" | "scenarios"> &
  Partial<Pick<ContractInputs, "beneficiaries" | "optimismBias" | "settings" | "funding" | "drivers">>;

/** A result sheet a refresh writes (or empties, once its inputs are gone). */
export interface RefreshedResultSheet {
  name: string;
  /**
   * The section whose refresh rewrites it; "every" for sheets rewritten with any section (the
   * checks report on the inputs as they are now, the summary shows figures of every section).
   */
  section: ResultSheetSection | "every";
  /** Filled for every full workbook (the Hampshire sample): one of `productSheetNames`. */
  inFullWorkbook: boolean;
  /**
   * Block names the sheet always gives: every refresh checks that no table or range outside the
   * product's sheets has one, whatever the inputs.
   */
  outputNames: readonly string[];
  /** Block names given only for some inputs: checked against this sheet only when `when` holds. */
  conditionalOutputNames?: { names: readonly string[]; when: (inputs: ResultSheetInputs) => boolean };
  /** Printed on one page (the board summary); otherwise one page wide. */
  onePage?: boolean;
  /** Whether a refresh of these inputs fills the sheet. */
  appliesTo: (inputs: ResultSheetInputs) => boolean;
  /** The sheet from the computed results; undefined when they lack what it shows. */
  build: (input: WritePlanInput) => OwnedSheet | undefined;
}

/** A sheet the product owns that no refresh writes or empties: only a simulation run writes it. */
export interface SimulationResultSheet {
  name: string;
}

const hasLines = (inputs: ResultSheetInputs) => inputs.lines !== undefined;

/** Whether the inputs ask who benefits (CBA_Beneficiaries, or a Benefit class column on CBA_Lines). */
export function wantsValueSheet(inputs: Pick<ContractInputs, "lines" | "beneficiaries">): boolean {
  return (
    inputs.lines !== undefined &&
    (inputs.beneficiaries !== undefined || inputs.lines.hasBenefitClassColumn === true)
  );
}

/** The sheets of one refresh, in the order the plan holds them. */
export const resultSheetRegistry = {
  summary: {
    name: summarySheetName,
    section: "every",
    inFullWorkbook: true,
    outputNames: summaryOutputNames,
    onePage: true,
    appliesTo: hasLines,
    build: ({ businessCase, scenarios, risks }) =>
      businessCase &&
      summarySheet({
        model: businessCase.model,
        result: businessCase.result,
        scenarios,
        risks: risks?.summary,
      }),
  },
  apportionment: {
    name: apportionmentSheetName,
    section: "apportionment",
    inFullWorkbook: true,
    outputNames: Object.values(apportionmentBlockNames),
    appliesTo: hasLines,
    build: ({ businessCase }) => businessCase && apportionmentSheet(businessCase.model, businessCase.result),
  },
  partners: {
    name: partnersSheetName,
    section: "partners",
    inFullWorkbook: true,
    // The payback blocks' names are made per partner from the prefix.
    outputNames: Object.values(partnerBlockNames).filter((name) => name !== partnerBlockNames.paybackPrefix),
    appliesTo: hasLines,
    build: ({ businessCase, discountRateCell }) =>
      businessCase &&
      partnersSheet(businessCase.model, businessCase.result, businessCase.derivedCases, discountRateCell),
  },
  value: {
    name: valueSheetName,
    section: "partners",
    // Only for workbooks that ask who benefits, so others get exactly the sheets they always had.
    inFullWorkbook: false,
    outputNames: Object.values(valueBlockNames),
    appliesTo: wantsValueSheet,
    build: ({ businessCase, value }) => businessCase && value && valueSheet(businessCase.model, value),
  },
  scenarios: {
    name: scenariosSheetName,
    section: "partners",
    inFullWorkbook: true,
    outputNames: [],
    conditionalOutputNames: {
      names: scenarioOutputNames,
      when: (inputs) => inputs.lines !== undefined && inputs.scenarios !== undefined,
    },
    appliesTo: (inputs) => inputs.lines !== undefined && inputs.scenarios !== undefined,
    build: ({ businessCase, scenarios }) =>
      businessCase && scenarios && scenariosSheet(businessCase.model, scenarios),
  },
  optimismBias: {
    name: optimismBiasSheetName,
    section: "partners",
    inFullWorkbook: false,
    outputNames: Object.values(optimismBiasBlockNames),
    appliesTo: (inputs) => inputs.lines !== undefined && optimismBiasIncluded(inputs),
    build: ({ businessCase }) =>
      businessCase?.optimismBias &&
      optimismBiasSheet(businessCase.model, businessCase.result, businessCase.optimismBias),
  },
  funding: {
    name: fundingSheetName,
    section: "partners",
    inFullWorkbook: false,
    outputNames: [],
    conditionalOutputNames: {
      names: fundingOutputNames,
      when: (inputs) => inputs.lines !== undefined && inputs.funding !== undefined,
    },
    appliesTo: (inputs) => inputs.lines !== undefined && inputs.funding !== undefined,
    build: ({ businessCase, funding }) =>
      businessCase && funding && fundingSheet(businessCase.model, businessCase.result, funding),
  },
  risks: {
    name: risksSheetName,
    section: "risks",
    inFullWorkbook: true,
    outputNames: Object.values(riskBlockNames),
    appliesTo: (inputs) => inputs.risks !== undefined,
    build: ({ risks }) => risks && risksSheet(risks.input, risks.summary, risks.bands),
  },
  checks: {
    name: checksSheetName,
    section: "every",
    inFullWorkbook: true,
    outputNames: Object.values(checkBlockNames),
    conditionalOutputNames: { names: [driversBlockName], when: (inputs) => inputs.drivers !== undefined },
    appliesTo: () => true,
    build: (input) => {
      const checks: ChecksSheetInput = {
        warnings: input.warnings,
        reconciliation: input.reconciliation,
        settingsUsed: input.settingsUsed,
        roundingUnit: input.roundingUnit,
      };
      if (input.businessCase) checks.result = input.businessCase.result;
      if (input.published) checks.published = input.published;
      return withDriversBlock(checksSheet(checks), input.drivers ?? [], input.roundingUnit);
    },
  },
} satisfies Record<string, RefreshedResultSheet>;

/**
 * The Monte Carlo sheet: owned like the others and never a place for inputs, but a refresh
 * neither writes nor empties it (the task pane's simulation or `cba simulate` does). Its block
 * names depend on the partners, so `simulationOutputNames` gives them.
 */
export const simulationResultSheet: SimulationResultSheet = { name: "CBA Simulation" };

/** The refreshed sheets in plan order. */
export const refreshedResultSheets: readonly RefreshedResultSheet[] = Object.values(resultSheetRegistry);
