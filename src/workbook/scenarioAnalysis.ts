import type { BusinessCaseModel, BusinessCaseResult, PartnerCaseResult } from "../engine/businessCaseModel";
import type { CaseSelection } from "../engine/monteCarlo/lineEffects";
import { caseSwitchingValues, type PartnerSwitchingValues } from "../engine/switchingValue";
import { type TornadoResult, tornado } from "../engine/tornado";
import type { ContractBusinessCase } from "./businessCaseFromContract";
import { sensitivitySelection } from "./sensitivityCaseSelection";

/** A scenario's results beside those of the case it is applied to, partner by partner. */
export interface ScenarioComparison {
  name: string;
  /** The case the scenario is applied to (an input case, the contingency case or another scenario). */
  from: string;
  description: string;
  /** Per partner in model order, then the programme. */
  partners: { scenario: PartnerCaseResult; base: PartnerCaseResult }[];
}

export interface CaseSwitchingValues {
  case: string;
  /** Per partner in model order, then the programme. */
  partners: PartnerSwitchingValues[];
}

/** Everything the CBA Scenarios sheet shows, computed before anything is written. */
export interface ScenarioAnalysis {
  scenarios: ScenarioComparison[];
  /** For every case that is not a scenario: the input cases and the contingency case. */
  switchingValues: CaseSwitchingValues[];
  /** Absent when the input cases give no range to move each line over (see `sensitivityCases`). */
  tornado?: TornadoResult;
  /** The cases the tornado moved each line between, and held the others at. */
  tornadoCases?: CaseSelection;
}

/**
 * The cases that give each line's range for a tornado or a simulation: Best and Worst (Base the
 * most likely), or with named cases the first, middle and last (see `sensitivitySelection`).
 * Undefined when the input cases give no range.
 *
 * @example
 * sensitivityCases(model); // { bestCase: "Best", worstCase: "Worst" }
 */
export function sensitivityCases(model: BusinessCaseModel): CaseSelection | undefined {
  return sensitivitySelection(model.cases.filter((c) => c.derivedFrom === undefined).map((c) => c.name));
}

/**
 * The model with its input cases only: what a tornado or a simulation needs, without computing
 * the derived cases again (a delayed scenario would in any case be computed undelayed there).
 *
 * @example
 * inputCasesOnly(model).cases.map((c) => c.name); // ["Best", "Worst"]
 */
export function inputCasesOnly(model: BusinessCaseModel): BusinessCaseModel {
  return { ...model, cases: model.cases.filter((c) => c.derivedFrom === undefined) };
}

/**
 * Scenario comparisons, switching values and the tornado of a computed business case. Scenario
 * figures are those of the computed case (delays included, as `computeContractBusinessCase` gives
 * them); switching values are the engine's `caseSwitchingValues` of each computed case; the tornado is the engine's, on the
 * input cases.
 *
 * @throws EngineError from the engine, for model-level problems the validator could not foresee.
 * @example
 * analyseScenarios(contract, result, ["Benefits 20% lower"]).scenarios[0].partners.at(-1)?.scenario.netPresentValue
 */
export function analyseScenarios(
  contract: ContractBusinessCase,
  result: BusinessCaseResult,
  scenarioNames: readonly string[],
): ScenarioAnalysis {
  const { model, derivedCases } = contract;
  const casesByName = new Map(result.cases.map((c) => [c.name.toLowerCase(), c] as const));
  const definitions = new Map(model.cases.map((c) => [c.name.toLowerCase(), c] as const));
  const scenarioKeys = new Set(scenarioNames.map((name) => name.toLowerCase()));

  const scenarios: ScenarioComparison[] = [];
  for (const wanted of scenarioNames) {
    const definition = definitions.get(wanted.toLowerCase());
    const computed = casesByName.get(wanted.toLowerCase());
    const from = definition?.derivedFrom;
    const base = from === undefined ? undefined : casesByName.get(from.toLowerCase());
    if (!definition || !computed || from === undefined || !base) continue;
    scenarios.push({
      name: definition.name,
      from,
      description: derivedCases.get(definition.name)?.description ?? "",
      partners: computed.partners.map((scenario, index) => ({ scenario, base: base.partners[index]! })),
    });
  }

  const rate = model.settings.discountRate;
  const switchingValues: CaseSwitchingValues[] = result.cases
    .filter((c) => !scenarioKeys.has(c.name.toLowerCase()))
    .map((caseResult) => ({ case: caseResult.name, partners: caseSwitchingValues(caseResult, rate) }));

  const analysis: ScenarioAnalysis = { scenarios, switchingValues };
  const cases = sensitivityCases(model);
  if (cases) {
    analysis.tornado = tornado(inputCasesOnly(model), cases);
    analysis.tornadoCases = cases;
  }
  return analysis;
}
