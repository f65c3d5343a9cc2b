import type { BusinessCaseModel, BusinessCaseResult } from "../engine/businessCaseModel";
import { EngineError } from "../engine/errors";
import {
  type RiskRegisterOptions,
  type RiskRegisterSummary,
  scoreRegister,
  standardRiskScale,
} from "../engine/riskRegister";
import { businessCaseFromContract, computeContractBusinessCase } from "./businessCaseFromContract";
import type { ContractSettings } from "./contractInputs";
import { driverTableRows } from "./driverLines";
import { discountScheduleLabel } from "./priceBasis";
import { type ContractProblem, hasErrors, inputError } from "./contractProblems";
import { readContract } from "./contractReader";
import { outputNameProblems, validateContract } from "./contractValidator";
import { allInputRangeNames } from "./inputContract";
import type { OptimismBiasStep } from "./optimismBiasStep";
import { refreshOutputNames, sheetOutputNameProblems } from "./outputNames";
import { withoutFormulas } from "./formulaCells";
import { inputFingerprint } from "./inputFingerprint";
import { productVersion } from "./productVersion";
import { computeFunding, type FundingResults, fundingReconciliation } from "./fundingFromContract";
import { checkPublished, type PublishedCheckRow } from "./publishedFigures";
import { reconcileResults, type ReconciliationRow } from "./resultReconciliation";
import { riskWriteBack } from "./resultSheets/risksSheet";
import { analyseScenarios, type ScenarioAnalysis } from "./scenarioAnalysis";
import { type CaseValue, contractValue } from "./valueFromContract";
import { reconcileValue } from "./valueReconciliation";
import { buildWritePlan, type WritePlanInput } from "./resultSheets/writePlan";
import type { WorkbookReadWrite, WritePlan } from "./workbookPort";

export interface RefreshOptions {
  /** Check and compute but write nothing (default false). */
  dryRun?: boolean;
  /** The clock stamped on the results (default the current time); tests pass a fixed one. */
  now?: () => Date;
  /** Write every live formula as its cached value (default false): a copy for readers without the add-in. */
  valuesOnly?: boolean;
}

export interface RefreshReport {
  /** "invalid": errors found, nothing written; "written": results written; "checked": a dry run. */
  status: "invalid" | "written" | "checked";
  /** All errors (when invalid) and every warning. */
  problems: ContractProblem[];
  plan?: WritePlan;
  businessCase?: {
    model: BusinessCaseModel;
    result: BusinessCaseResult;
    derivedCases: ReadonlyMap<string, { from: string; description: string }>;
    optimismBias?: OptimismBiasStep;
  };
  risks?: RiskRegisterSummary;
  /** Self-consistency of the results: the product re-adding its own figures. */
  reconciliation?: ReconciliationRow[];
  /** Published figures (CBA_Published, total rows of CBA_Lines) against the computation. */
  published?: PublishedCheckRow[];
  /** Scenario comparisons, switching values and tornado: present when the workbook has CBA_Scenarios. */
  scenarios?: ScenarioAnalysis;
  /** Who pays versus who benefits per input case: present when the workbook asks (CBA Value). */
  value?: CaseValue[];
  /** Funding per input case: present when the workbook has CBA_Funding (and CBA_Lines). */
  funding?: FundingResults;
  /** The settings in force (workbook values and defaults), e.g. the seed for a simulation. */
  settings?: ContractSettings;
  /** `inputFingerprint` of the inputs as read: the pane compares it with the workbook's now. */
  inputFingerprint: string;
  /** When the refresh read the inputs (also on an invalid refresh). */
  refreshedAt: Date;
}

/**
 * One refresh: read the contract's ranges (one read), check the whole contract, compute the
 * business case, its scenarios and sensitivity (when the workbook has CBA_Scenarios) and the risk
 * register, plan every sheet and write it (one write). Everything is
 * computed before the first write, and on any error nothing is written.
 *
 * @example
 * const report = await refreshWorkbook(await ExcelJsWorkbook.fromFile("case.xlsx"));
 * if (report.status === "invalid") report.problems.forEach((p) => console.log(describeProblem(p)));
 */
export async function refreshWorkbook(
  port: WorkbookReadWrite,
  options: RefreshOptions = {},
): Promise<RefreshReport> {
  const snapshot = await port.read([...allInputRangeNames, ...refreshOutputNames]);
  const stamp = {
    inputFingerprint: inputFingerprint(snapshot),
    refreshedAt: (options.now ?? (() => new Date()))(),
  };
  const { inputs, problems: readProblems } = readContract(snapshot);
  const problems = [
    ...readProblems,
    ...validateContract(inputs, snapshot.sheets),
    ...outputNameProblems(snapshot),
    ...sheetOutputNameProblems(snapshot, inputs),
  ];
  if (hasErrors(problems)) return { status: "invalid", problems, ...stamp };

  const report: RefreshReport = {
    status: options.dryRun ? "checked" : "written",
    problems,
    settings: inputs.settings,
    ...stamp,
  };
  try {
    if (inputs.lines) {
      const contract = businessCaseFromContract(inputs);
      const result = computeContractBusinessCase(contract);
      report.businessCase = { model: contract.model, result, derivedCases: contract.derivedCases };
      if (contract.optimismBias) report.businessCase.optimismBias = contract.optimismBias;
      report.reconciliation = reconcileResults(contract.model, result);
      report.published = checkPublished(inputs, contract.model, result);
      if (contract.beneficiaries)
        report.value = contractValue(
          contract.model,
          result,
          contract.beneficiaries,
          inputs.lines.lines.map((line) => line.label),
        );
      if (report.value) report.reconciliation.push(...reconcileValue(report.value));
      if (inputs.funding) {
        report.funding = computeFunding(inputs, contract.model, result);
        report.reconciliation.push(...fundingReconciliation(report.funding, inputs.settings.roundingUnit));
      }
      if (inputs.scenarios) {
        const names = inputs.scenarios.scenarios.map((scenario) => scenario.name);
        report.scenarios = analyseScenarios(contract, result, names);
      }
    }
    let risks: WritePlanInput["risks"];
    if (inputs.risks) {
      const options: RiskRegisterOptions = { scale: standardRiskScale, bands: inputs.settings.riskBands };
      if (inputs.settings.achievabilityFactors !== undefined)
        options.achievabilityFactors = inputs.settings.achievabilityFactors;
      const summary = scoreRegister(
        inputs.risks.risks.map(({ key, likelihood, impact, factors }) => ({
          name: key,
          likelihood,
          impact,
          factors,
        })),
        options,
      );
      const writeBack = riskWriteBack(inputs.risks, summary, inputs.settings.riskBands);
      problems.push(...writeBack.warnings);
      report.risks = summary;
      risks = { input: inputs.risks, summary, bands: inputs.settings.riskBands, updates: writeBack.updates };
    }
    const planInput: WritePlanInput = {
      existingSheets: snapshot.sheets,
      warnings: problems.filter((p) => p.severity === "warning"),
      reconciliation: report.reconciliation ?? [],
      settingsUsed: inputs.settings.used,
      roundingUnit: inputs.settings.roundingUnit,
      provenance: { productVersion, ...stamp },
    };
    if (report.businessCase) {
      planInput.businessCase = report.businessCase;
      planInput.provenance!.discountRate = report.businessCase.model.settings.discountRate;
      const scheduleName = discountScheduleLabel(inputs);
      if (scheduleName !== undefined) planInput.provenance!.discountScheduleName = scheduleName;
    }
    const discountRateCell = inputs.settings.cells.get("discountRate");
    if (inputs.settings.discountRate.kind === "single" && discountRateCell !== undefined)
      planInput.discountRateCell = discountRateCell;
    if (report.published) planInput.published = report.published;
    if (report.businessCase && inputs.drivers) planInput.drivers = driverTableRows(inputs);
    if (report.scenarios) planInput.scenarios = report.scenarios;
    if (report.value) planInput.value = report.value;
    if (report.funding) planInput.funding = report.funding;
    if (risks) planInput.risks = risks;
    report.plan = buildWritePlan(planInput);
    if (options.valuesOnly) report.plan = withoutFormulas(report.plan);
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    // The validator should have caught this; report it like any other input problem, write nothing.
    problems.push(inputError(error.subject, undefined, "Calculation failed", error.problem));
    return { status: "invalid", problems, ...stamp };
  }
  if (!options.dryRun) await port.write(report.plan);
  return report;
}
