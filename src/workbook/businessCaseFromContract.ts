import type {
  BaselineRow,
  BusinessCaseModel,
  BusinessCaseResult,
  CaseDefinition,
  Line,
  LineValue,
  Pool,
} from "../engine/businessCaseModel";
import { computeBusinessCaseWithDelays } from "../engine/delayedCases";
import { type Amount, Money } from "../engine/money";
import { contingencyCase } from "../engine/scenarios";
import { type ContractBeneficiaries, partnershipLines } from "./beneficiariesFromContract";
import type { BaselineInput, ContractInputs } from "./contractInputs";
import { ContractLookup } from "./contractLookup";
import { wantsValueSheet } from "./productSheets";
import { type OptimismBiasStep, optimismBiasStep } from "./optimismBiasStep";
import { applyDrivers } from "./driverLines";
import { modelDiscountRate } from "./priceBasis";

/** A case to compute with the start of the programme put back by whole years. */
export interface DelayedCase {
  name: string;
  delayYears: number;
}

export interface ContractBusinessCase {
  model: BusinessCaseModel;
  /** Scenarios with a delay, computed with every profile shifted (see `computeContractBusinessCase`). */
  delayedCases: DelayedCase[];
  /** Which cases are scenarios or contingencies derived from an input case, by name. */
  derivedCases: Map<string, { from: string; description: string }>;
  /** Present when the workbook asks who benefits (CBA_Beneficiaries or a Benefit class column). */
  beneficiaries?: ContractBeneficiaries;
  /** Present when optimism bias is applied: the documented step behind the `+ optimism bias` cases. */
  optimismBias?: OptimismBiasStep;
}

/**
 * Turns validated contract inputs into the engine's model. Call only when the contract has no
 * errors: names are assumed to resolve.
 *
 * @example
 * const { model } = businessCaseFromContract(reading.inputs);
 * model.cases.map((c) => c.name); // ["Best", "Worst", "Worst + contingency", …]
 */
export function businessCaseFromContract(inputs: ContractInputs): ContractBusinessCase {
  const lookup = new ContractLookup(inputs);
  const { settings } = inputs;
  const linesInput = inputs.lines!;
  const horizon = settings.horizonYears;

  const usedProfiles = new Map<string, Amount[]>();
  let lines: Line[] = linesInput.lines.map((input) => {
    const values: Record<string, LineValue> = {};
    for (const [name, { value }] of input.values) values[name] = value;
    const line: Line = {
      label: input.label,
      timing: input.timing,
      allocation: lookup.allocation(input)!,
      values,
    };
    if (input.kind !== undefined) line.kind = input.kind;
    const profile = input.profile === undefined ? undefined : lookup.profile(input.profile);
    if (profile) {
      line.profile = profile.name;
      // Up to the profile's last year within the horizon: after it, the engine carries a
      // recurring line's last fraction on and gives a one-off line nothing.
      const years = [...profile.fractions.keys()].filter((year) => year <= horizon);
      const length = years.length === 0 ? 1 : Math.max(...years) + 1;
      usedProfiles.set(
        profile.name,
        Array.from({ length }, (_, year) => profile.fractions.get(year)?.fraction ?? new Money(0)),
      );
    }
    return line;
  });

  applyDrivers(inputs, lines, usedProfiles, horizon);

  const pools: Pool[] = (inputs.pools?.pools ?? []).map((input) => {
    const pool: Pool = {
      name: input.name,
      basis: input.basis,
      serviceAreas: input.serviceAreas === "all" ? "all" : lookup.poolServiceAreas(input),
      partners: input.partners === "all" ? "all" : lookup.poolPartners(input),
    };
    if (input.shareDecimals !== undefined) pool.shareDecimals = input.shareDecimals;
    if (input.basis === "manual") {
      pool.manualWeights = Object.fromEntries(
        [...input.manualWeights].map(([code, { weight }]) => [code, weight]),
      );
    }
    return pool;
  });

  const cases: CaseDefinition[] = linesInput.cases.map((name) => ({ name }));
  const derivedCases = new Map<string, { from: string; description: string }>();
  const delayedCases: DelayedCase[] = [];
  // Optimism-bias cases are input cases of their own (each line adjusted at its own rate), before
  // the contingency and scenarios, which may be based on them.
  const optimism = optimismBiasStep(inputs, lines, settings.roundingUnit);
  if (optimism) {
    lines = optimism.lines;
    cases.push(...optimism.cases);
    for (const [name, derived] of optimism.derivedCases) derivedCases.set(name, derived);
  }
  const contingencyName = lookup.contingencyCaseName();
  if (settings.contingency && contingencyName !== undefined) {
    const from = lookup.contingencySourceCase()!;
    cases.push(contingencyCase(contingencyName, from, settings.contingency));
    derivedCases.set(contingencyName, {
      from,
      description: `${from} with costs +${percent(settings.contingency.onCosts)} and savings −${percent(settings.contingency.onSavings)}`,
    });
  }
  for (const scenario of inputs.scenarios?.scenarios ?? []) {
    const from = cases.find((c) => c.name.toLowerCase() === scenario.caseName.toLowerCase())!.name;
    cases.push({
      name: scenario.name,
      derivedFrom: from,
      costFactor: scenario.costFactor,
      savingFactor: scenario.savingFactor,
    });
    const parts = [
      `costs ×${scenario.costFactor.toString()}`,
      `savings ×${scenario.savingFactor.toString()}`,
    ];
    if (scenario.delayYears > 0) {
      delayedCases.push({ name: scenario.name, delayYears: scenario.delayYears });
      parts.push(`start delayed ${scenario.delayYears} year${scenario.delayYears === 1 ? "" : "s"}`);
    }
    derivedCases.set(scenario.name, { from, description: `${from} with ${parts.join(", ")}` });
  }

  // Who benefits: a line listed in CBA_Beneficiaries brings the partners only their shares.
  const shared = wantsValueSheet(inputs)
    ? partnershipLines(inputs, lookup, lines, settings.roundingUnit)
    : undefined;
  const model: BusinessCaseModel = {
    partners: (inputs.partners?.partners ?? []).map(({ code, name }) => ({ code, name })),
    baseline: baselineRows(inputs.baseline),
    pools,
    lines: shared?.lines ?? lines,
    profiles: Object.fromEntries(usedProfiles),
    cases,
    settings: {
      discountRate: modelDiscountRate(inputs),
      horizonYears: horizon,
      roundingUnit: settings.roundingUnit,
      unitLabel: settings.unitLabel,
    },
  };
  if (inputs.baselineFte) model.baselineFte = baselineRows(inputs.baselineFte);
  if (settings.firstFinancialYear !== undefined)
    model.settings.firstFinancialYear = settings.firstFinancialYear;
  const contract: ContractBusinessCase = { model, delayedCases, derivedCases };
  if (shared) contract.beneficiaries = shared.beneficiaries;
  if (optimism) contract.optimismBias = optimism.step;
  return contract;
}

function baselineRows(baseline: BaselineInput | undefined): BaselineRow[] {
  return (baseline?.rows ?? []).map((row) => ({
    serviceArea: row.serviceArea,
    amounts: Object.fromEntries(row.amounts),
  }));
}

function percent(fraction: Money): string {
  return `${fraction.times(100).toString()}%`;
}

/**
 * Computes the business case, including scenarios that delay the start: the engine's
 * `computeBusinessCaseWithDelays` with each delayed scenario's own delay (a scenario based on a
 * delayed scenario is delayed by both).
 *
 * @throws EngineError from the engine for model-level problems the validator could not foresee.
 */
export function computeContractBusinessCase(contract: ContractBusinessCase): BusinessCaseResult {
  const { model, delayedCases } = contract;
  return computeBusinessCaseWithDelays(
    model,
    new Map(delayedCases.map((c) => [c.name, c.delayYears] as const)),
  );
}
