import { cellText, isBlank, readNumber } from "../cellValueParsing";
import { type ContractProblem, inputError } from "../contractProblems";
import type { LineFundingInput, LineFundingRowInput } from "../fundingInputs";
import { column, numberColumn } from "../contractColumns";
import type { InputTable } from "../inputTable";
import type { ReadInputRangeDefinition } from "./inputRangeDefinition";

/** CBA_LineFunding: one row per line and source, with an amount or a percent of the line. */
export const lineFundingColumns = {
  line: column("line", "Line", "Cost line"),
  source: column("source", "Source", "Funding source"),
  amount: numberColumn("amount", "amount", "Amount"),
  percent: numberColumn("fraction", "percent", "Percent", "Percentage", "%"),
};

export const lineFundingRange: ReadInputRangeDefinition<"lineFunding"> = {
  name: "CBA_LineFunding",
  key: "lineFunding",
  purpose: "Which funding source meets which cost line, by amount or percent",
  contents:
    "Optional: Line, Source, and one of Amount (the same in every case) or Percent (of the line's cost in each case)",
  instruction:
    "Optional: which source meets which cost line, by Amount (the same in every case) or Percent of the line's cost (scales with the case), one of the two.",
  columns: lineFundingColumns,
  extension: true,
  template: { sheet: "Line funding" },
  read: (table, { problems }) => (table.rows.length > 0 ? readLineFunding(table, problems) : undefined),
};

/**
 * CBA_LineFunding: one row per cost line and funding source, with either an Amount (the same in
 * every input case) or a Percent of the line's cost (which scales with the case), never both.
 * Whether the line and source exist is the validator's check.
 */
export function readLineFunding(table: InputTable, problems: ContractProblem[]): LineFundingInput {
  const result: LineFundingInput = { range: table.name, rows: [], rejected: 0 };
  const columns = table.requireColumns(
    { line: lineFundingColumns.line, source: lineFundingColumns.source },
    problems,
  );
  const amountColumn = table.findColumn(lineFundingColumns.amount);
  const percentColumn = table.findColumn(lineFundingColumns.percent);
  if (amountColumn === undefined && percentColumn === undefined) {
    problems.push(
      inputError(
        table.name,
        table.headerAddress(0),
        "Missing column",
        'has neither an "Amount" nor a "Percent" column to say how much each source meets',
      ),
    );
    return result;
  }
  if (!columns) return result;
  const seen = new Set<string>();
  for (const row of table.rows) {
    const lineCell = table.address(row.index, columns.line);
    const sourceCell = table.address(row.index, columns.source);
    const line = cellText(table.cell(row, columns.line));
    const source = cellText(table.cell(row, columns.source));
    if (line === "") {
      problems.push(inputError(table.name, lineCell, "Missing line", "this row names no cost line"));
      result.rejected++;
      continue;
    }
    if (source === "") {
      problems.push(
        inputError(table.name, sourceCell, "Missing source", `the funding of line "${line}" names no source`),
      );
      result.rejected++;
      continue;
    }
    const key = `${line.toLowerCase()}\u0000${source.toLowerCase()}`;
    if (seen.has(key)) {
      problems.push(
        inputError(
          table.name,
          lineCell,
          "Duplicate line funding",
          `line "${line}" is funded by "${source}" twice; give each line and source one row`,
        ),
      );
      result.rejected++;
      continue;
    }
    seen.add(key);
    const amountRaw = table.cell(row, amountColumn);
    const percentRaw = table.cell(row, percentColumn);
    const hasAmount = amountColumn !== undefined && !isBlank(amountRaw);
    const hasPercent = percentColumn !== undefined && !isBlank(percentRaw);
    const amountCell = amountColumn === undefined ? lineCell : table.address(row.index, amountColumn);
    const percentCell = percentColumn === undefined ? lineCell : table.address(row.index, percentColumn);
    if (hasAmount === hasPercent) {
      problems.push(
        inputError(
          table.name,
          hasAmount ? percentCell : amountColumn !== undefined ? amountCell : percentCell,
          hasAmount ? "Amount and percent" : "No amount or percent",
          hasAmount
            ? `line "${line}" from "${source}" gives both an amount and a percent; give one of them`
            : `line "${line}" from "${source}" gives neither an amount nor a percent; give one of them`,
        ),
      );
      result.rejected++;
      continue;
    }
    const valueCell = hasAmount ? amountCell : percentCell;
    const parsed = readNumber(hasAmount ? amountRaw : percentRaw);
    if (!parsed.ok) {
      problems.push(
        inputError(
          table.name,
          valueCell,
          "Not a number",
          `the ${hasAmount ? "amount" : "percent"} of line "${line}" from "${source}" ${parsed.reason}`,
        ),
      );
      result.rejected++;
      continue;
    }
    if (parsed.value.isNegative() && !parsed.value.isZero()) {
      problems.push(
        inputError(
          table.name,
          valueCell,
          hasAmount ? "Negative amount" : "Percent out of range",
          `the ${hasAmount ? "amount" : "percent"} of line "${line}" from "${source}" is ${parsed.value.toString()}; it cannot be negative`,
        ),
      );
      result.rejected++;
      continue;
    }
    if (!hasAmount && parsed.value.gt(1)) {
      problems.push(
        inputError(
          table.name,
          valueCell,
          "Percent out of range",
          `the percent of line "${line}" from "${source}" is ${parsed.value.toString()}; give a fraction from 0 to 1 (e.g. 0.6 or 60%)`,
        ),
      );
      result.rejected++;
      continue;
    }
    const entry: LineFundingRowInput = { line, lineCell, source, sourceCell, valueCell };
    if (hasAmount) entry.amount = parsed.value;
    else entry.percent = parsed.value;
    result.rows.push(entry);
  }
  return result;
}
