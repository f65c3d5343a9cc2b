import { type LineValue, notQuantified, type Timing } from "../../engine/businessCaseModel";
import { cellText, describeCell, isBlank, isNotQuantifiedText, readNumber } from "../cellValueParsing";
import type { LineInput, LinesInput } from "../contractInputs";
import { type ContractProblem, inputError } from "../contractProblems";
import { lineCaseColumns, lineColumns } from "../inputContract";
import type { InputTable } from "../inputTable";
import type { CellValue } from "../workbookPort";

function readTiming(value: CellValue): Timing | undefined {
  const text = cellText(value)
    .toLowerCase()
    .replace(/[\s_-]+/g, "");
  if (text === "oneoff") return "oneOff";
  if (text === "recurring" || text === "annual") return "recurring";
  return undefined;
}

/**
 * CBA_Lines: one row per cost or saving line with its timing, the pool or partner it is
 * allocated to, an optional profile, and an amount per case (Best and Worst, Base if any line
 * carries one). "N/A" marks an amount as not quantified.
 */
export function readLines(table: InputTable, problems: ContractProblem[]): LinesInput {
  const result: LinesInput = { range: table.name, cases: [], lines: [] };
  const columns = table.requireColumns(
    {
      line: lineColumns.line,
      timing: lineColumns.timing,
      allocation: lineColumns.allocation,
      best: lineCaseColumns[0],
      worst: lineCaseColumns[2],
    },
    problems,
  );
  if (!columns) return result;
  const profileColumn = table.findColumn(lineColumns.profile);
  const caseColumns = lineCaseColumns
    .map((caseColumn) => ({ name: caseColumn.key, index: table.findColumn(caseColumn) }))
    .filter((c): c is { name: string; index: number } => c.index !== undefined)
    // The optional Base case counts only when some line carries it.
    .filter((c) => c.name !== "Base" || table.rows.some((row) => !isBlank(table.cell(row, c.index))))
    .sort((a, b) => a.index - b.index);
  result.cases = caseColumns.map((c) => c.name);

  for (const row of table.rows) {
    const cell = table.address(row.index, columns.line);
    const label = cellText(table.cell(row, columns.line));
    if (label === "") {
      problems.push(inputError(table.name, cell, "Missing line label", "this line has amounts but no label"));
      continue;
    }
    const timingCell = table.address(row.index, columns.timing);
    const timing = readTiming(table.cell(row, columns.timing));
    if (timing === undefined) {
      problems.push(
        inputError(
          table.name,
          timingCell,
          "Unknown timing",
          `line "${label}" has timing ${describeCell(table.cell(row, columns.timing))}; use One-off or Recurring`,
        ),
      );
    }
    const allocationCell = table.address(row.index, columns.allocation);
    const allocation = cellText(table.cell(row, columns.allocation));
    if (allocation === "") {
      problems.push(
        inputError(
          table.name,
          allocationCell,
          "Missing allocation",
          `line "${label}" names no pool or partner code`,
        ),
      );
    }
    const values = new Map<string, { value: LineValue; cell: string }>();
    for (const { name, index } of caseColumns) {
      const valueCell = table.address(row.index, index);
      const raw = table.cell(row, index);
      if (isNotQuantifiedText(raw)) {
        values.set(name, { value: notQuantified, cell: valueCell });
        continue;
      }
      if (isBlank(raw)) {
        problems.push(
          inputError(
            table.name,
            valueCell,
            "Missing amount",
            `line "${label}" has no ${name} amount: enter an amount, 0 or N/A`,
          ),
        );
        continue;
      }
      const parsed = readNumber(raw);
      if (!parsed.ok) {
        problems.push(
          inputError(
            table.name,
            valueCell,
            "Not a number",
            `the ${name} amount of line "${label}" ${parsed.reason}`,
          ),
        );
        continue;
      }
      values.set(name, { value: parsed.value, cell: valueCell });
    }
    const line: LineInput = {
      label,
      cell,
      timing: timing ?? "oneOff",
      allocation,
      allocationCell,
      values,
    };
    const profile = cellText(table.cell(row, profileColumn));
    if (profileColumn !== undefined && profile !== "") {
      line.profile = profile;
      line.profileCell = table.address(row.index, profileColumn);
    }
    result.lines.push(line);
  }
  return result;
}
