import type { CaseDefinition, Line } from "../engine/businessCaseModel";
import type { Amount } from "../engine/money";
import type { ConfidenceGrade } from "../engine/optimismBias";
import {
  type LineOptimismBias,
  type OptimismBiasCase,
  withOptimismBiasCases,
} from "../engine/optimismBiasCases";
import type { ContractInputs } from "./contractInputs";
import {
  confidenceGradesInForce,
  optimismBiasCaseName,
  optimismBiasIncluded,
  type ResolvedOptimismBiasCategory,
  resolveCategories,
} from "./optimismBiasCategories";

/** The optimism-bias step of a business case, kept for the CBA Optimism Bias sheet. */
export interface OptimismBiasStep {
  /** Every category of CBA_OptimismBias, resolved, in range order (Duration ones included). */
  categories: ResolvedOptimismBiasCategory[];
  /** The category of each line of the model, in line order; undefined for a line without one. */
  lineCategories: (ResolvedOptimismBiasCategory | undefined)[];
  /** Per input case, the case with optimism bias: each line before and after. */
  cases: OptimismBiasCase[];
  grades: ConfidenceGrade[];
  gradesSource: "default" | "workbook";
}

/**
 * Adds a `<case> + optimism bias` case per input case when CBA_OptimismBias is present and the
 * Optimism bias setting is not Exclude: the lines' values adjusted by the engine, line by line, at
 * the rate of their category. Duration categories change no amount (they are reported on the
 * sheet). Call only when the contract has no errors.
 *
 * @example
 * const step = optimismBiasStep(inputs, lines, settings.roundingUnit);
 * step?.cases.map((c) => c.name); // ["Best + optimism bias", "Worst + optimism bias"]
 */
export function optimismBiasStep(
  inputs: ContractInputs,
  lines: readonly Line[],
  roundingUnit: Amount,
):
  | {
      lines: Line[];
      cases: CaseDefinition[];
      derivedCases: Map<string, { from: string; description: string }>;
      step: OptimismBiasStep;
    }
  | undefined {
  if (!optimismBiasIncluded(inputs) || !inputs.lines) return undefined;
  // The validator has reported these already; here only the resolved categories matter.
  const resolved = resolveCategories(inputs, []);
  const lineCategories = inputs.lines.lines.map((line) =>
    line.optimismBias === undefined ? undefined : resolved.get(line.optimismBias.toLowerCase()),
  );
  const biases = lineCategories.map((category): LineOptimismBias | undefined => {
    if (category === undefined || category.appliesTo === "duration") return undefined;
    const bias: LineOptimismBias = {
      upperBound: category.upperBound,
      mitigation: category.mitigation,
      direction: category.direction,
      category: category.input.name,
    };
    if (category.input.reason !== "") bias.mitigationReason = category.input.reason;
    return bias;
  });
  const wanted = inputs.lines.cases.map((from) => ({ from, name: optimismBiasCaseName(from) }));
  const adjusted = withOptimismBiasCases(lines, biases, wanted, roundingUnit);
  const derivedCases = new Map(
    wanted.map(({ from, name }) => [
      name,
      {
        from,
        description: `${from} with optimism bias line by line: costs uplifted, benefits reduced by each line's category rate (see CBA Optimism Bias)`,
      },
    ]),
  );
  return {
    lines: adjusted.lines,
    cases: adjusted.cases,
    derivedCases,
    step: {
      categories: inputs.optimismBias!.categories.flatMap((c) => resolved.get(c.name.toLowerCase()) ?? []),
      lineCategories,
      cases: adjusted.records,
      grades: confidenceGradesInForce(inputs),
      gradesSource: (inputs.confidenceGrades?.grades.length ?? 0) > 0 ? "workbook" : "default",
    },
  };
}
