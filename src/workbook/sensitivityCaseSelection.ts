import type { CaseSelection } from "../engine/monteCarlo/lineEffects";
import { lineCaseColumns } from "./inputContract";

/**
 * Which input cases a tornado and a Monte Carlo simulation move each line between.
 *
 * - With Best and Worst among the input cases: Best and Worst, with Base as the most likely value
 *   when there is one (the behaviour before named cases, unchanged).
 * - With named cases (the Cases setting) that are not just Best / Base / Worst: the FIRST named
 *   case is the low end ("best"), the LAST the high end ("worst"), and with an odd number of three
 *   or more the MIDDLE one is the most likely value ("Low, Central, High" → Low / Central / High;
 *   with an even number the simulation peaks at the midpoint of the two ends).
 * - Otherwise (one case, or Best or Worst alone): undefined, no range to move lines over.
 *
 * @example
 * sensitivitySelection(["Low", "Central", "High"]); // { bestCase: "Low", baseCase: "Central", worstCase: "High" }
 * sensitivitySelection(["Best", "Worst"]); // { bestCase: "Best", worstCase: "Worst" }
 */
export function sensitivitySelection(inputCases: readonly string[]): CaseSelection | undefined {
  const names = new Set(inputCases);
  if (names.has("Best") && names.has("Worst")) {
    const selection: CaseSelection = { bestCase: "Best", worstCase: "Worst" };
    if (names.has("Base")) selection.baseCase = "Base";
    return selection;
  }
  const defaults = new Set<string>(lineCaseColumns.map((c) => c.key));
  if (inputCases.length < 2 || inputCases.every((name) => defaults.has(name))) return undefined;
  const selection: CaseSelection = {
    bestCase: inputCases[0]!,
    worstCase: inputCases[inputCases.length - 1]!,
  };
  if (inputCases.length >= 3 && inputCases.length % 2 === 1) {
    selection.baseCase = inputCases[(inputCases.length - 1) / 2]!;
  }
  return selection;
}
