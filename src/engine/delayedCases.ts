import { computeBusinessCase } from "./businessCase";
import type {
  BusinessCaseModel,
  BusinessCaseResult,
  CaseDefinition,
  LinePartsForCase,
} from "./businessCaseModel";
import { requireNumber, requireValue } from "./errors";
import { type Scenario, scenarioModel } from "./scenarios";

/**
 * Each case's delay in whole years: its own plus that of every case it derives from, so a
 * scenario based on a scenario delayed a year, itself delayed two, starts three years late.
 * Cases with no delay of their own or inherited are 0.
 *
 * @throws EngineError when a delay is not a whole number of years, 0 or more, names a case the
 * model does not have, or the cases derive from one another in a circle.
 * @example
 * composedDelays(
 *   [{ name: "Best" }, { name: "Late", derivedFrom: "Best" }, { name: "Later", derivedFrom: "Late" }],
 *   new Map([["Late", 1], ["Later", 2]]),
 * ); // Map { "Best" → 0, "Late" → 1, "Later" → 3 }
 */
export function composedDelays(
  cases: readonly CaseDefinition[],
  ownDelays: ReadonlyMap<string, number>,
): Map<string, number> {
  const definitions = new Map(cases.map((c) => [c.name, c] as const));
  for (const [name, delay] of ownDelays) {
    requireValue(definitions.has(name), `delay of case '${name}'`, "names a case the model does not have");
    requireNumber(
      Number.isInteger(delay) && delay >= 0,
      `delay of case '${name}'`,
      `must be a whole number of years, 0 or more (got ${String(delay)})`,
    );
  }
  const totals = new Map<string, number>();
  const totalOf = (name: string, visiting: Set<string>): number => {
    const known = totals.get(name);
    if (known !== undefined) return known;
    requireValue(!visiting.has(name), `case '${name}'`, "derives from itself through other cases");
    visiting.add(name);
    const from = definitions.get(name)?.derivedFrom;
    const total = (ownDelays.get(name) ?? 0) + (from === undefined ? 0 : totalOf(from, visiting));
    totals.set(name, total);
    return total;
  };
  for (const definition of cases) totalOf(definition.name, new Set());
  return totals;
}

/**
 * Computes a business case in which some derived cases (scenarios) start later. The model's case
 * definitions carry no delay, so each delayed case is computed by `scenarioModel` (every line's
 * profile starts that many years later, costs and benefits alike, cut off at the horizon) and its
 * results, case and line parts, are merged in under its own name. Delays compose along
 * `derivedFrom` (see `composedDelays`). Without delays this is `computeBusinessCase`.
 *
 * @param ownDelays whole years by case name; only derived cases may be delayed.
 * @throws EngineError for a bad delay (see `composedDelays`), a delay on an input case, a delay
 * beyond the horizon, or any model-level problem `computeBusinessCase` finds.
 * @example
 * computeBusinessCaseWithDelays(model, new Map([["Start a year late", 1]])).cases.map((c) => c.name);
 * // the model's cases in order, "Start a year late" computed one year later
 */
export function computeBusinessCaseWithDelays(
  model: BusinessCaseModel,
  ownDelays: ReadonlyMap<string, number>,
): BusinessCaseResult {
  const delays = composedDelays(model.cases, ownDelays);
  for (const definition of model.cases) {
    requireValue(
      definition.derivedFrom !== undefined || (delays.get(definition.name) ?? 0) === 0,
      `delay of case '${definition.name}'`,
      "only a case derived from another can be delayed",
    );
  }
  const result = computeBusinessCase({
    ...model,
    cases: model.cases.filter((c) => delays.get(c.name) === 0),
  });
  const merged = new Map(result.cases.map((c) => [c.name, c] as const));
  for (const definition of model.cases) {
    const delayYears = delays.get(definition.name)!;
    if (delayYears === 0 || definition.derivedFrom === undefined) continue;
    const scenario: Scenario = { name: definition.name, case: definition.derivedFrom, delayYears };
    if (definition.costFactor !== undefined) scenario.costFactor = definition.costFactor;
    if (definition.savingFactor !== undefined) scenario.savingFactor = definition.savingFactor;
    // Without itself, so the scenario's case keeps its own name in the variant.
    const others = { ...model, cases: model.cases.filter((c) => c.name !== definition.name) };
    const { model: adjusted, caseName } = scenarioModel(others, scenario);
    const variant = computeBusinessCase(adjusted);
    merged.set(definition.name, {
      ...variant.cases.find((c) => c.name === caseName)!,
      name: definition.name,
    });
    variant.lines.forEach((line, index) => {
      const entry = line.byCase[caseName];
      if (entry) (result.lines[index]!.byCase as Record<string, LinePartsForCase>)[definition.name] = entry;
    });
  }
  return { ...result, cases: model.cases.map((c) => merged.get(c.name)!) };
}
