/**
 * What a CBA_OptimismBias category means: its project type and application read, its upper bound
 * (typed, from a confidence grade, or the Green Book's) and the rate it applies. Shared by the
 * validator, which reports every problem, and the model builder, which uses the result, so both
 * agree.
 */
import { EngineError } from "../engine/errors";
import { Money } from "../engine/money";
import {
  type ConfidenceGrade,
  confidenceGradeRate,
  defaultConfidenceGrades,
  greenBookOptimismBias,
  mitigatedRate,
  type OptimismBiasDirection,
  type OptimismBiasProjectType,
  optimismBiasRate,
  readProjectType,
} from "../engine/optimismBias";
import type { ContractInputs } from "./contractInputs";
import { type ContractProblem, inputError, inputWarning } from "./contractProblems";
import type { OptimismBiasAppliesTo, OptimismBiasCategoryInput } from "./optimismBiasInputs";

/** A category with everything resolved, ready to apply. */
export interface ResolvedOptimismBiasCategory {
  input: OptimismBiasCategoryInput;
  appliesTo: OptimismBiasAppliesTo;
  projectType?: OptimismBiasProjectType;
  upperBound: Money;
  /** Where the upper bound came from, for the CBA Optimism Bias sheet. */
  upperBoundSource: "workbook" | "greenBook" | "grade";
  mitigation: Money;
  /** upper bound × (1 − mitigation). */
  rate: Money;
  /** Costs and durations go up, benefits down. */
  direction: OptimismBiasDirection;
}

export const appliesToNames: Readonly<Record<OptimismBiasAppliesTo, string>> = {
  capitalCosts: "Capital costs",
  operatingCosts: "Operating costs",
  benefits: "Benefits",
  duration: "Duration",
};

/** "Capital costs", "capital", "CAPEX"; "Operating costs", "revenue", "OPEX"; "Benefits", "savings"; "Duration". */
function readAppliesTo(text: string): OptimismBiasAppliesTo | undefined {
  const key = text.toLowerCase().replace(/[^a-z]/g, "");
  if (["capitalcosts", "capitalcost", "capital", "capex", "capitalexpenditure"].includes(key))
    return "capitalCosts";
  if (["operatingcosts", "operatingcost", "operating", "opex", "revenue", "revenuecosts"].includes(key))
    return "operatingCosts";
  if (["benefits", "benefit", "savings", "saving"].includes(key)) return "benefits";
  if (["duration", "worksduration", "time"].includes(key)) return "duration";
  return undefined;
}

/** The grade table in force: CBA_ConfidenceGrades when it lists grades, else the product's illustrative default. */
export function confidenceGradesInForce(inputs: Pick<ContractInputs, "confidenceGrades">): ConfidenceGrade[] {
  if (!inputs.confidenceGrades || inputs.confidenceGrades.grades.length === 0)
    return [...defaultConfidenceGrades];
  return inputs.confidenceGrades.grades.map(({ grade, reduction }) => ({
    grade,
    evidence: "Your own grade (CBA_ConfidenceGrades)",
    rate: reduction,
  }));
}

/**
 * Optimism bias is applied when CBA_OptimismBias has a category, unless the setting says Exclude
 * (an empty range, as in the blank template, changes nothing).
 */
export function optimismBiasIncluded(
  inputs: Pick<ContractInputs, "optimismBias"> & Partial<Pick<ContractInputs, "settings">>,
): boolean {
  return (
    (inputs.optimismBias?.categories.length ?? 0) > 0 && inputs.settings?.optimismBias?.include !== false
  );
}

export function optimismBiasCaseName(inputCase: string): string {
  return `${inputCase} + optimism bias`;
}

/** The cases optimism bias adds, one per input case, when it is included. */
export function optimismBiasCaseNames(
  inputs: Pick<ContractInputs, "optimismBias" | "settings" | "lines">,
): string[] {
  return optimismBiasIncluded(inputs) ? (inputs.lines?.cases ?? []).map(optimismBiasCaseName) : [];
}

/**
 * Resolves one category, adding every problem with it (each naming its cell) to `problems`;
 * returns undefined when any is an error.
 */
export function resolveCategory(
  range: string,
  category: OptimismBiasCategoryInput,
  grades: readonly ConfidenceGrade[],
  problems: ContractProblem[],
): ResolvedOptimismBiasCategory | undefined {
  const errors: ContractProblem[] = [];
  const error = (cell: string, check: string, message: string) =>
    errors.push(inputError(range, cell, check, message));
  const name = `category "${category.name}"`;

  const appliesTo = readAppliesTo(category.appliesToText);
  if (appliesTo === undefined)
    error(
      category.appliesToCell,
      "Unknown application",
      `${name} applies to "${category.appliesToText}"; use Capital costs, Operating costs, Benefits or Duration`,
    );

  let projectType: OptimismBiasProjectType | undefined;
  if (category.projectTypeText !== "") {
    try {
      projectType = readProjectType(category.projectTypeText);
    } catch (thrown) {
      if (!(thrown instanceof EngineError)) throw thrown;
      error(
        category.projectTypeCell,
        "Unknown project type",
        `${name} has project type "${category.projectTypeText}", which is not one of the Green Book's: ${Object.values(
          greenBookOptimismBias,
        )
          .map((g) => g.name)
          .join(", ")} (blank for a benefits category)`,
      );
    }
  }
  if (projectType === "outsourcing" && appliesTo === "capitalCosts")
    error(
      category.projectTypeCell,
      "Outsourcing on capital",
      `${name} is Outsourcing applied to Capital costs, but the Green Book's outsourcing figure (41%) is for operating costs: apply it to Operating costs, or choose another project type`,
    );
  if (projectType !== undefined && appliesTo === "benefits")
    problems.push(
      inputWarning(
        range,
        category.projectTypeCell,
        "Project type not used",
        `${name} applies to Benefits, for which the Green Book table has no figures; its project type is not used`,
      ),
    );

  if (category.upperBound !== undefined && category.grade !== undefined)
    error(
      category.gradeCell,
      "Upper bound and grade",
      `${name} gives both an upper bound and a confidence grade; give one of them`,
    );

  let upperBound: Money | undefined;
  let upperBoundSource: ResolvedOptimismBiasCategory["upperBoundSource"] = "workbook";
  if (category.upperBound !== undefined) {
    if (category.upperBound.isNegative())
      error(
        category.upperBoundCell,
        "Negative upper bound",
        `the upper bound of ${name} is ${category.upperBound.toString()}: optimism bias cannot be negative`,
      );
    else if (category.upperBound.gt(100))
      error(
        category.upperBoundCell,
        "Upper bound out of range",
        `the upper bound of ${name} is ${category.upperBound.toString()} (${category.upperBound.times(100).toString()}%): give it as a fraction, 24% as 0.24 or "24%"`,
      );
    else {
      upperBound = category.upperBound;
      if (upperBound.gt(2))
        problems.push(
          inputWarning(
            range,
            category.upperBoundCell,
            "Upper bound above the table",
            `the upper bound of ${name} is ${upperBound.times(100).toString()}%, above the Green Book's highest (200%); if you meant ${upperBound.toString()}%, type "${upperBound.toString()}%"`,
          ),
        );
    }
  } else if (category.grade !== undefined) {
    upperBoundSource = "grade";
    const known = grades.find((g) => category.grade!.eq(g.grade));
    if (known === undefined)
      error(
        category.gradeCell,
        "Unknown grade",
        `${name} has confidence grade ${category.grade.toString()}, which is not in the grade table (grades ${grades.map((g) => g.grade).join(", ")})`,
      );
    else upperBound = confidenceGradeRate(known.grade, grades);
  } else if (appliesTo !== undefined) {
    upperBoundSource = "greenBook";
    upperBound = greenBookUpperBound(name, category, appliesTo, projectType, error);
  }

  const mitigation = category.mitigation;
  if (mitigation.isNegative() || mitigation.gt(1))
    error(
      category.mitigationCell,
      "Mitigation out of range",
      `the mitigation of ${name} is ${mitigation.toString()}: give the fraction of the upper bound mitigated, from 0 to 1 (40% as 0.4 or "40%")`,
    );
  else if (!mitigation.isZero() && category.reason.trim() === "")
    error(
      category.reasonCell,
      "Mitigation without a reason",
      `${name} is ${mitigation.times(100).toString()}% mitigated but gives no reason: say what evidence or risk management justifies it`,
    );

  problems.push(...errors);
  if (errors.length > 0 || appliesTo === undefined || upperBound === undefined) return undefined;
  const rate = mitigatedRate(upperBound, mitigation);
  if (appliesTo === "benefits" && rate.gt(1)) {
    problems.push(
      inputError(
        range,
        category.upperBoundCell,
        "Benefits reduced below zero",
        `${name} would reduce benefits by ${rate.times(100).toString()}%, more than all of them`,
      ),
    );
    return undefined;
  }
  const resolved: ResolvedOptimismBiasCategory = {
    input: category,
    appliesTo,
    upperBound,
    upperBoundSource,
    mitigation,
    rate,
    direction: appliesTo === "benefits" ? "benefit" : "cost",
  };
  if (projectType !== undefined) resolved.projectType = projectType;
  return resolved;
}

/** The table's upper bound for what the category applies to, or an error saying why there is none. */
function greenBookUpperBound(
  name: string,
  category: OptimismBiasCategoryInput,
  appliesTo: OptimismBiasAppliesTo,
  projectType: OptimismBiasProjectType | undefined,
  error: (cell: string, check: string, message: string) => void,
): Money | undefined {
  if (appliesTo === "benefits") {
    error(
      category.upperBoundCell,
      "No upper bound",
      `${name} applies to Benefits, for which the Green Book table has no figures: give an upper bound or a confidence grade`,
    );
    return undefined;
  }
  if (projectType === undefined) {
    if (category.projectTypeText === "")
      error(
        category.projectTypeCell,
        "No upper bound",
        `${name} has no project type, upper bound or confidence grade: give one, so the rate is known`,
      );
    return undefined;
  }
  const guideline = greenBookOptimismBias[projectType];
  if (appliesTo === "duration") {
    if (guideline.duration === undefined) {
      error(
        category.upperBoundCell,
        "No upper bound",
        `the Green Book gives no duration figure for ${guideline.name.toLowerCase()}: give an upper bound for ${name}`,
      );
      return undefined;
    }
    return optimismBiasRate(projectType, "upper", "duration");
  }
  const wanted = appliesTo === "capitalCosts" ? "capital" : "operating";
  if (guideline.costsUplifted !== wanted) {
    // Outsourcing on capital is reported on its own; here, a capital-only type on operating costs.
    if (wanted === "operating")
      error(
        category.upperBoundCell,
        "No upper bound",
        `the Green Book's figure for ${guideline.name.toLowerCase()} is for capital costs, not operating costs: give an upper bound for ${name}`,
      );
    return undefined;
  }
  return optimismBiasRate(projectType, "upper", "cost");
}

/** Every category resolved by name (lower case); categories with errors are left out. */
export function resolveCategories(
  inputs: Pick<ContractInputs, "optimismBias" | "confidenceGrades">,
  problems: ContractProblem[],
): Map<string, ResolvedOptimismBiasCategory> {
  const resolved = new Map<string, ResolvedOptimismBiasCategory>();
  if (!inputs.optimismBias) return resolved;
  const grades = confidenceGradesInForce(inputs);
  for (const category of inputs.optimismBias.categories) {
    const found = resolveCategory(inputs.optimismBias.range, category, grades, problems);
    if (found) resolved.set(category.name.toLowerCase(), found);
  }
  return resolved;
}
