import { computeBusinessCase } from "./businessCase";
import type { BusinessCaseModel, CaseDefinition, Line, PartnerCaseResult } from "./businessCaseModel";
import { readAmounts } from "./discounting";
import { EngineError, requireValue } from "./errors";
import { type Amount, Money, toMoney } from "./money";

/** Factors and delay of a scenario on a pair of cost and benefit rows. */
export interface ScenarioAdjustment {
  /** Multiplies every cost (default 1; 1.2 = costs 20% higher). */
  costFactor?: Amount;
  /** Multiplies every benefit (default 1; 0.8 = benefits 20% lower). */
  savingFactor?: Amount;
  /** Whole periods to delay everything by (default 0); what falls past the last period is lost. */
  delay?: number;
}

/**
 * Net cashflow of a scenario: savingFactor × benefits − costFactor × costs in each period, with
 * the whole programme delayed by `delay` periods (zeros first) and cut off at the same length. A
 * delay shifts costs and benefits alike, the only reading that reproduces published "delayed start"
 * rows. Costs and benefits are positive amounts, period 0 first.
 *
 * @example
 * scenarioNetCashflow([100, 0, 0], [0, 60, 60], { costFactor: 1.2 }).map(String) // → ["-120", "60", "60"]
 * scenarioNetCashflow([100, 0, 0], [0, 60, 60], { delay: 1 }).map(String) // → ["0", "-100", "60"]
 */
export function scenarioNetCashflow(
  costs: readonly Amount[],
  benefits: readonly Amount[],
  options: ScenarioAdjustment = {},
): Money[] {
  const costValues = readAmounts(costs, "costs");
  const benefitValues = readAmounts(benefits, "benefits");
  if (costValues.length !== benefitValues.length) {
    throw new EngineError(
      "invalidValue",
      "benefits",
      `cover ${benefitValues.length} periods but costs cover ${costValues.length}: give both for the same periods`,
    );
  }
  const costFactor = readFactor(options.costFactor, "costFactor");
  const savingFactor = readFactor(options.savingFactor, "savingFactor");
  const delay = readDelay(options.delay, "delay");
  return costValues.map((_, t) => {
    if (t < delay) return new Money(0);
    const net = benefitValues[t - delay]!.times(savingFactor).minus(costValues[t - delay]!.times(costFactor));
    return net.isZero() ? new Money(0) : net;
  });
}

/**
 * A contingency case: `from` with costs raised and savings cut by the given fractions, e.g.
 * costs +25% and savings −25% of the Worst case give factors 1.25 and 0.75.
 *
 * @example
 * contingencyCase("Worst + contingency", "Worst", { onCosts: 0.25, onSavings: 0.25 });
 * // { name: "Worst + contingency", derivedFrom: "Worst", costFactor: 1.25, savingFactor: 0.75 }
 */
export function contingencyCase(
  name: string,
  from: string,
  contingency: { onCosts: Amount; onSavings: Amount },
): CaseDefinition {
  const onCosts = toMoney(contingency.onCosts, `contingency '${name}' on costs`);
  const onSavings = toMoney(contingency.onSavings, `contingency '${name}' on savings`);
  return {
    name,
    derivedFrom: from,
    costFactor: new Money(1).plus(onCosts),
    savingFactor: new Money(1).minus(onSavings),
  };
}

/** A "what if" on one case of a business case. */
export interface Scenario {
  /** e.g. "Start delayed a year", "Costs 20% higher". */
  name: string;
  /** The case it starts from: an input case or a derived one (e.g. "Worst", "Contingency"). */
  case: string;
  /** Multiplies every cost line (positive values); default 1. */
  costFactor?: Amount;
  /** Multiplies every saving line (negative values); default 1. */
  savingFactor?: Amount;
  /** Whole years to delay the programme by, from 0 to the horizon; default 0. */
  delayYears?: number;
}

export interface ScenarioResult {
  name: string;
  case: string;
  costFactor: Money;
  savingFactor: Money;
  delayYears: number;
  /** Per partner in model order, then the programme: payback, NPV, net ROI, years to recover, … */
  partners: PartnerCaseResult[];
}

/**
 * Runs scenarios on a business case. Each scenario is computed as the business case itself would
 * compute it: factors become a case derived from the scenario's case (so, like a contingency case,
 * every line is scaled by its sign and rounded to the rounding unit, then apportioned), and a delay
 * puts that many years of zeros in front of every line's profile, so set-up costs and savings
 * slide later together and whatever passes the horizon drops off. Every figure per partner then
 * comes from `computeBusinessCase`, so a scenario of "Worst, costs × 1.25, savings × 0.75" agrees
 * to the pound with a contingency case defined that way.
 *
 * @example
 * computeScenarios(model, [{ name: "Delayed a year", case: "Best", delayYears: 1 }])[0]
 *   .partners.at(-1)?.payback // → one year later than the Best case's, or "never" if it slips past the horizon
 */
export function computeScenarios(model: BusinessCaseModel, scenarios: readonly Scenario[]): ScenarioResult[] {
  requireValue(Array.isArray(scenarios), "scenarios", "must be a list of scenarios");
  return scenarios.map((scenario) => {
    const {
      model: adjusted,
      caseName,
      costFactor,
      savingFactor,
      delayYears,
    } = scenarioModel(model, scenario);
    const result = computeBusinessCase(adjusted);
    return {
      name: scenario.name,
      case: scenario.case,
      costFactor,
      savingFactor,
      delayYears,
      partners: result.cases.find((c) => c.name === caseName)!.partners,
    };
  });
}

/**
 * The business case model a scenario stands for, and the name of the case in it that holds the
 * scenario: the scenario's case (and the cases it derives from) plus, when there are factors, one
 * derived case; with a delay, every line on a profile that starts that many years later.
 *
 * @example
 * scenarioModel(model, { name: "Costs +20%", case: "Worst", costFactor: 1.2 }).caseName // → "Costs +20%"
 */
export function scenarioModel(
  model: BusinessCaseModel,
  scenario: Scenario,
): {
  model: BusinessCaseModel;
  caseName: string;
  costFactor: Money;
  savingFactor: Money;
  delayYears: number;
} {
  const subject = `scenario '${String(scenario?.name)}'`;
  requireValue(typeof scenario === "object" && scenario !== null, "scenario", "must give a name and a case");
  requireValue(typeof scenario.name === "string" && scenario.name.trim() !== "", "scenario", "needs a name");
  const costFactor = readFactor(scenario.costFactor, `${subject} cost factor`);
  const savingFactor = readFactor(scenario.savingFactor, `${subject} saving factor`);
  const delayYears = readDelay(scenario.delayYears, `${subject} delay`);
  const horizon = model.settings.horizonYears;
  if (delayYears > horizon) {
    throw new EngineError(
      "invalidNumber",
      `${subject} delay`,
      `is ${delayYears} years, beyond the ${horizon}-year horizon: nothing of the programme would be left`,
    );
  }
  const definitions = new Map(model.cases.map((c) => [c.name, c] as const));
  if (!definitions.has(scenario.case)) {
    throw new EngineError(
      "invalidValue",
      subject,
      `starts from case '${scenario.case}', which is not one of the model's cases (${[...definitions.keys()].join(", ")})`,
    );
  }
  // Only the scenario's case and the cases it is derived from need computing.
  const needed = new Set<string>();
  for (let name: string | undefined = scenario.case; name !== undefined && !needed.has(name);) {
    needed.add(name);
    name = definitions.get(name)?.derivedFrom;
  }
  const cases: CaseDefinition[] = model.cases.filter((c) => needed.has(c.name));
  let caseName = scenario.case;
  if (!costFactor.eq(1) || !savingFactor.eq(1)) {
    caseName = unusedName(scenario.name, new Set(model.cases.map((c) => c.name)));
    cases.push({ name: caseName, derivedFrom: scenario.case, costFactor, savingFactor });
  }
  let lines = model.lines;
  let profiles = model.profiles;
  if (delayYears > 0) {
    const delayed: Record<string, readonly Amount[]> = { ...model.profiles };
    const taken = new Set(Object.keys(model.profiles));
    const nameFor = new Map<string, string>();
    lines = model.lines.map((line): Line => {
      const key =
        line.profile === undefined ? `\u0000default ${line.timing}` : `\u0000profile ${line.profile}`;
      let name = nameFor.get(key);
      if (name === undefined) {
        name = unusedName(`${line.profile ?? `default ${line.timing}`} delayed ${delayYears}`, taken);
        taken.add(name);
        nameFor.set(key, name);
        delayed[name] = [...Array.from({ length: delayYears }, () => 0), ...profileOf(line, model.profiles)];
      }
      return { ...line, profile: name };
    });
    profiles = delayed;
  }
  return { model: { ...model, cases, lines, profiles }, caseName, costFactor, savingFactor, delayYears };
}

/** A line's profile as the business case reads it: its own, or the default for its timing. */
function profileOf(line: Line, profiles: BusinessCaseModel["profiles"]): readonly Amount[] {
  if (line.profile !== undefined) {
    const profile = profiles[line.profile];
    requireValue(
      profile !== undefined,
      `line '${line.label}'`,
      `uses profile '${line.profile}', which does not exist`,
    );
    return profile;
  }
  // One-off lines fall wholly in year 0; recurring lines run at their full amount from year 1.
  return line.timing === "oneOff" ? [1] : [0, 1];
}

function unusedName(wanted: string, taken: ReadonlySet<string>): string {
  if (!taken.has(wanted)) return wanted;
  for (let n = 2; ; n++) if (!taken.has(`${wanted} (${n})`)) return `${wanted} (${n})`;
}

function readFactor(value: Amount | undefined, subject: string): Money {
  if (value === undefined) return new Money(1);
  const factor = toMoney(value, subject);
  if (factor.isNegative() && !factor.isZero()) {
    throw new EngineError(
      "invalidNumber",
      subject,
      `is ${factor.toString()}: a factor cannot be negative (1 = unchanged)`,
    );
  }
  return factor;
}

function readDelay(value: number | undefined, subject: string): number {
  if (value === undefined) return 0;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
    throw new EngineError(
      "invalidNumber",
      subject,
      `must be a whole number of periods, 0 or more (got ${String(value)})`,
    );
  }
  return value;
}
