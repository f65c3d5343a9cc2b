import { Money } from "../../engine/money";
import { cellText, isBlank, readNumber } from "../cellValueParsing";
import { type ContractProblem, inputError } from "../contractProblems";
import { column, numberColumn } from "../contractColumns";
import type { InputRow, InputTable } from "../inputTable";
import type { OptimismBiasCategoryInput, OptimismBiasInput } from "../optimismBiasInputs";
import type { ReadInputRangeDefinition } from "./inputRangeDefinition";
import { readRowName } from "./rowNames";

/** CBA_OptimismBias: one row per optimism-bias category the lines name. */
export const optimismBiasColumns = {
  category: column("category", "Category", "Optimism bias category"),
  projectType: column("projectType", "Project type"),
  appliesTo: column("appliesTo", "Applies to"),
  upperBound: numberColumn("fraction", "upperBound", "Upper bound", "Upper bound %"),
  mitigation: numberColumn("fraction", "mitigation", "Mitigation", "Mitigation %", "Mitigated"),
  reason: column("reason", "Reason", "Mitigation reason", "Evidence"),
  grade: column("grade", "Confidence grade", "Grade"),
};

export const optimismBiasRange: ReadInputRangeDefinition<"optimismBias"> = {
  name: "CBA_OptimismBias",
  key: "optimismBias",
  purpose: "Optimism bias: the uplift on costs (or cut to benefits) of each category lines name",
  contents:
    "Optional: Category (the name lines use in their Optimism bias column), Project type (Standard buildings, Non-standard buildings, Standard civil engineering, Non-standard civil engineering, Equipment/development, Outsourcing; blank for benefits), Applies to (Capital costs, Operating costs, Benefits, Duration), Upper bound (blank = the Green Book's), Mitigation (0 to 1), Reason (needed with any mitigation), Confidence grade (instead of an upper bound)",
  instruction:
    "Optional optimism bias: one row per category named in the Lines' Optimism bias column. Project type: a Green Book type (blank for benefits). Applies to: Capital costs, Operating costs, Benefits or Duration. Blank upper bound = the Green Book's. Mitigation 0-1 needs a reason.",
  columns: optimismBiasColumns,
  extension: true,
  // Below the grades, since its table grows downwards as rows are typed.
  template: { sheet: "Settings", topLeft: "A43" },
  read: (table, { problems }) => readOptimismBias(table, problems),
};

/**
 * CBA_OptimismBias: one row per optimism-bias category the lines name (Category, Project type,
 * Applies to, optional Upper bound, Mitigation, Reason, optional Confidence grade). Only what one
 * cell can tell is checked here (a name, a number); what the values mean together — a known
 * project type, a bound in range, a reason for mitigation — is `optimismBiasValidation`'s job.
 */
export function readOptimismBias(table: InputTable, problems: ContractProblem[]): OptimismBiasInput {
  const result: OptimismBiasInput = { range: table.name, categories: [] };
  const columns = table.requireColumns(
    { category: optimismBiasColumns.category, appliesTo: optimismBiasColumns.appliesTo },
    problems,
  );
  if (!columns) return result;
  const optional = {
    projectType: table.findColumn(optimismBiasColumns.projectType),
    upperBound: table.findColumn(optimismBiasColumns.upperBound),
    mitigation: table.findColumn(optimismBiasColumns.mitigation),
    reason: table.findColumn(optimismBiasColumns.reason),
    grade: table.findColumn(optimismBiasColumns.grade),
  };
  const seen = new Set<string>();
  for (const row of table.rows) {
    const named = readRowName(table, row, columns.category, "category", problems, seen);
    if (named === undefined) continue;
    const { name, cell } = named;
    // A missing optional column's values are blank; its "cell" is the category's, to point somewhere.
    const at = (index: number | undefined) => (index === undefined ? cell : table.address(row.index, index));
    const number = (index: number | undefined, what: string): Money | undefined | "bad" =>
      readOptionalNumber(table, row, index, `the ${what} of category "${name}"`, problems);
    const upperBound = number(optional.upperBound, "upper bound");
    const mitigation = number(optional.mitigation, "mitigation");
    const grade = number(optional.grade, "confidence grade");
    if (upperBound === "bad" || mitigation === "bad" || grade === "bad") continue;
    const category: OptimismBiasCategoryInput = {
      name,
      cell,
      projectTypeText: cellText(table.cell(row, optional.projectType)),
      projectTypeCell: at(optional.projectType),
      appliesToText: cellText(table.cell(row, columns.appliesTo)),
      appliesToCell: table.address(row.index, columns.appliesTo),
      upperBoundCell: at(optional.upperBound),
      mitigation: mitigation ?? new Money(0),
      mitigationCell: at(optional.mitigation),
      reason: cellText(table.cell(row, optional.reason)),
      reasonCell: at(optional.reason),
      gradeCell: at(optional.grade),
    };
    if (upperBound !== undefined) category.upperBound = upperBound;
    if (grade !== undefined) category.grade = grade;
    result.categories.push(category);
  }
  return result;
}

/** A blank cell is undefined; an unreadable one is reported and "bad". */
function readOptionalNumber(
  table: InputTable,
  row: InputRow,
  index: number | undefined,
  what: string,
  problems: ContractProblem[],
): Money | undefined | "bad" {
  const value = table.cell(row, index);
  if (index === undefined || isBlank(value)) return undefined;
  const parsed = readNumber(value);
  if (parsed.ok) return parsed.value;
  problems.push(
    inputError(table.name, table.address(row.index, index), "Not a number", `${what} ${parsed.reason}`),
  );
  return "bad";
}
