import { cellText, describeCell, isBlank, readNumber } from "../cellValueParsing";
import type { BeneficiariesInput } from "../contractInputs";
import { type ContractProblem, inputError } from "../contractProblems";
import { column, numberColumn } from "../contractColumns";
import type { InputTable } from "../inputTable";
import type { ReadInputRangeDefinition } from "./inputRangeDefinition";

/** CBA_Beneficiaries: who receives what share of a benefit line. */
export const beneficiaryColumns = {
  line: column("line", "Line", "Benefit line"),
  beneficiary: column("beneficiary", "Beneficiary", "Body", "Who benefits"),
  share: numberColumn("fraction", "share", "Share", "Share %", "Percentage"),
};

export const beneficiariesRange: ReadInputRangeDefinition<"beneficiaries"> = {
  name: "CBA_Beneficiaries",
  key: "beneficiaries",
  purpose: "Who receives each benefit line: the partnership, a partner, or a body outside it",
  contents:
    "Optional: Line (a benefit line of `CBA_Lines`), Beneficiary (`Partnership`, a partner code, or any other body such as NHS or Police), Share (16% or 0.16); one row per line and beneficiary, each line's shares adding up to exactly 100%; lines not listed are 100% Partnership",
  instruction:
    "Optional: who receives a benefit line. One row per line and beneficiary (Partnership, a partner's code, or another body such as NHS); each line's shares add up to 100%. Lines not listed go 100% to the Partnership.",
  columns: beneficiaryColumns,
  extension: true,
  template: { sheet: "Beneficiaries" },
  read: (table, { problems }) => readBeneficiaries(table, problems),
};

/**
 * CBA_Beneficiaries: one row per benefit line and beneficiary, with the beneficiary's share of the
 * line (16% or 0.16). The beneficiary is "Partnership" (the partners, split as the line is
 * allocated), a partner's code (that partner alone) or any other body (NHS, DWP, Police…). Lines,
 * repeats and whether a line's shares add up to 100% are the validator's to check.
 */
export function readBeneficiaries(table: InputTable, problems: ContractProblem[]): BeneficiariesInput {
  const result: BeneficiariesInput = { range: table.name, rows: [] };
  const columns = table.requireColumns(beneficiaryColumns, problems);
  if (!columns) return result;
  for (const row of table.rows) {
    const lineCell = table.address(row.index, columns.line);
    const beneficiaryCell = table.address(row.index, columns.beneficiary);
    const shareCell = table.address(row.index, columns.share);
    const line = cellText(table.cell(row, columns.line));
    const beneficiary = cellText(table.cell(row, columns.beneficiary));
    const raw = table.cell(row, columns.share);
    let usable = true;
    if (line === "") {
      problems.push(
        inputError(
          table.name,
          lineCell,
          "Missing line",
          "this beneficiary's share names no line of CBA_Lines",
        ),
      );
      usable = false;
    }
    if (beneficiary === "") {
      problems.push(
        inputError(
          table.name,
          beneficiaryCell,
          "Missing beneficiary",
          `a share of line "${line}" names no beneficiary: give Partnership, a partner code or the body's name`,
        ),
      );
      usable = false;
    }
    const parsed = isBlank(raw)
      ? { ok: false as const, reason: "is blank: give the share, e.g. 16%" }
      : readNumber(raw);
    if (!parsed.ok) {
      problems.push(
        inputError(
          table.name,
          shareCell,
          "Not a share",
          `the share of ${beneficiary || "a beneficiary"} in line "${line}" ${parsed.reason}`,
        ),
      );
      continue;
    }
    if (parsed.value.isNegative() && !parsed.value.isZero()) {
      problems.push(
        inputError(
          table.name,
          shareCell,
          "Negative share",
          `the share of ${beneficiary || "a beneficiary"} in line "${line}" is ${describeCell(raw)}: a share cannot be negative`,
        ),
      );
      continue;
    }
    if (!usable) continue;
    result.rows.push({ line, lineCell, beneficiary, beneficiaryCell, share: parsed.value, shareCell });
  }
  return result;
}
