import { readNumber, readWholeNumber } from "../cellValueParsing";
import type { ConfidenceGradesInput } from "../optimismBiasInputs";
import { type ContractProblem, inputError } from "../contractProblems";
import { defaultConfidenceGrades } from "../../engine/optimismBias";
import { column, numberColumn } from "../contractColumns";
import type { InputTable } from "../inputTable";
import type { ReadInputRangeDefinition } from "./inputRangeDefinition";

/** CBA_ConfidenceGrades: the user's data-confidence grades and the reduction each applies. */
export const confidenceGradeColumns = {
  grade: column("grade", "Grade", "Confidence grade"),
  reduction: numberColumn("fraction", "reduction", "Reduction", "Optimism bias", "Rate"),
};

export const confidenceGradesRange: ReadInputRangeDefinition<"confidenceGrades"> = {
  name: "CBA_ConfidenceGrades",
  key: "confidenceGrades",
  purpose: "Confidence grades: the optimism bias each grade of evidence applies",
  contents:
    "Optional: Grade, Reduction: replaces the product's illustrative default grades (1 0%, 2 5%, 3 10%, 4 15%, 5 25%, 6 40%), which are not a published table; edit them to your evidence",
  instruction:
    "Optional: optimism bias per confidence grade. These reductions are the product's ILLUSTRATIVE default, not a published table: edit them to your own evidence.",
  columns: confidenceGradeColumns,
  extension: true,
  template: {
    sheet: "Settings",
    topLeft: "A33",
    rows: defaultConfidenceGrades.map((grade) => [grade.grade, grade.rate.toNumber()]),
  },
  read: (table, { problems }) => readConfidenceGrades(table, problems),
};

/**
 * CBA_ConfidenceGrades: the user's data-confidence grade table (Grade | Reduction), in place of
 * the product's illustrative default. Grades are whole numbers, each once; a reduction is a
 * fraction from 0 to 1 (15% or 0.15). A range with no grades leaves the default in force.
 */
export function readConfidenceGrades(table: InputTable, problems: ContractProblem[]): ConfidenceGradesInput {
  const result: ConfidenceGradesInput = { range: table.name, grades: [] };
  const columns = table.requireColumns(
    { grade: confidenceGradeColumns.grade, reduction: confidenceGradeColumns.reduction },
    problems,
  );
  if (!columns) return result;
  for (const row of table.rows) {
    const cell = table.address(row.index, columns.grade);
    const grade = readWholeNumber(table.cell(row, columns.grade), 0, 1000);
    if (!grade.ok) {
      problems.push(inputError(table.name, cell, "Invalid grade", `the grade ${grade.reason}`));
      continue;
    }
    if (result.grades.some((g) => g.grade === grade.value)) {
      problems.push(inputError(table.name, cell, "Duplicate grade", `grade ${grade.value} appears twice`));
      continue;
    }
    const reductionCell = table.address(row.index, columns.reduction);
    const reduction = readNumber(table.cell(row, columns.reduction));
    if (!reduction.ok) {
      problems.push(
        inputError(
          table.name,
          reductionCell,
          "Not a number",
          `the reduction of grade ${grade.value} ${reduction.reason}`,
        ),
      );
      continue;
    }
    if (reduction.value.isNegative() || reduction.value.gt(1)) {
      problems.push(
        inputError(
          table.name,
          reductionCell,
          "Reduction out of range",
          `the reduction of grade ${grade.value} is ${reduction.value.toString()}: give a fraction from 0 to 1 (15% as 0.15 or "15%")`,
        ),
      );
      continue;
    }
    result.grades.push({ grade: grade.value, cell, reduction: reduction.value, reductionCell });
  }
  return result;
}
