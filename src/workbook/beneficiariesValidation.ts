import { notQuantified } from "../engine/businessCaseModel";
import { Money, sum } from "../engine/money";
import { beneficiariesByLine, isBenefitLine, linesNamed } from "./beneficiaryLines";
import type { ContractInputs } from "./contractInputs";
import type { ContractLookup } from "./contractLookup";
import { type ContractProblem, inputError, inputWarning } from "./contractProblems";
import { inputRangeNames } from "./inputContract";

/** Shares entered as formulas (=1/3 three times) may miss 100% by a rounding error, no more. */
const shareTolerance = new Money("1e-9");

/**
 * Checks CBA_Beneficiaries against CBA_Lines and the Benefit class column: every row names one
 * benefit line; a line's beneficiaries are distinct and their shares add up to exactly 100%
 * (the reconciliation of benefit shares); only benefit lines carry a class. Each problem names the
 * cell at fault.
 *
 * @example
 * problems.push(...validateBeneficiaries(inputs, new ContractLookup(inputs)));
 */
export function validateBeneficiaries(inputs: ContractInputs, lookup: ContractLookup): ContractProblem[] {
  const problems: ContractProblem[] = [];
  const lines = inputs.lines;
  const table = inputs.beneficiaries;
  if (!lines) {
    if (table)
      problems.push(
        inputWarning(
          table.range,
          undefined,
          "Beneficiaries without lines",
          `beneficiaries share out the benefit lines of ${inputRangeNames.lines}, which the workbook lacks; they are ignored`,
        ),
      );
    return problems;
  }
  for (const line of lines.lines) {
    if (line.benefitClass !== undefined && !isBenefitLine(line)) {
      problems.push(
        inputError(
          lines.range,
          line.benefitClassCell,
          "Class on a cost line",
          `line "${line.label}" is a cost, so it has no benefit class: clear the cell, or set its Kind to Benefit if it is one`,
        ),
      );
    }
  }
  if (!table) return problems;

  for (const row of table.rows) {
    const named = linesNamed(inputs, row.line);
    if (named.length === 0) {
      problems.push(
        inputError(
          table.range,
          row.lineCell,
          "Unknown line",
          `"${row.line}" is not a line of ${lines.range}`,
        ),
      );
    } else if (named.length > 1) {
      problems.push(
        inputError(
          table.range,
          row.lineCell,
          "Ambiguous line",
          `${named.length} lines of ${lines.range} are labelled "${row.line}": give them distinct labels so each share names one line`,
        ),
      );
    }
  }

  for (const { lineIndex, rows } of beneficiariesByLine(inputs, lookup)) {
    const line = lines.lines[lineIndex]!;
    if (!isBenefitLine(line)) {
      problems.push(
        inputError(
          table.range,
          rows[0]!.row.lineCell,
          "Beneficiaries of a cost line",
          `line "${line.label}" is a cost, and only benefits are shared out between beneficiaries (${lines.range} ${line.cell}); set its Kind to Benefit if it is one`,
        ),
      );
      continue;
    }
    // A pooled line's amounts are checked with the pool; a line shared between beneficiaries is
    // split in whole rounding units whatever its allocation, so its amounts must be whole units too.
    if (lookup.pool(line.allocation) === undefined) {
      const unit = inputs.settings.roundingUnit;
      for (const [name, { value, cell }] of line.values) {
        if (value === notQuantified || value.div(unit).isInteger()) continue;
        problems.push(
          inputError(
            lines.range,
            cell,
            "Not a whole rounding unit",
            `the ${name} amount of line "${line.label}" (${value.toString()}) is not a whole number of rounding units (${unit.toString()}), so its beneficiaries' parts could not add up to it exactly; round it or change the rounding unit`,
          ),
        );
      }
    }
    const seen = new Set<string>();
    for (const { row, beneficiary } of rows) {
      const key = beneficiary.toLowerCase();
      if (seen.has(key)) {
        problems.push(
          inputError(
            table.range,
            row.beneficiaryCell,
            "Repeated beneficiary",
            `line "${line.label}" names ${beneficiary} more than once: give each beneficiary one row with its whole share`,
          ),
        );
      }
      seen.add(key);
    }
    const total = sum(rows.map((r) => r.row.share));
    if (total.minus(1).abs().gt(shareTolerance)) {
      const cells = rows.map((r) => r.row.shareCell);
      problems.push(
        inputError(
          table.range,
          cells[0],
          "Shares do not add up",
          `the beneficiaries' shares of line "${line.label}" add up to ${total.times(100).toSignificantDigits(10).toString()}%, not 100% (${cells.join(", ")})`,
        ),
      );
    }
  }
  return problems;
}
