import { readNumber, readWholeNumber } from "../cellValueParsing";
import type { ConfidenceGradesInput } from "../optimismBiasInputs";
import { type ContractProblem, inputError } from "../contractProblems";
import { confidenceGradeColumns } from "../inputContract";
import type { InputTable } from "../inputTable";

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
