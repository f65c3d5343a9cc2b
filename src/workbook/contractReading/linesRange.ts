import { type LineKind, type LineValue, notQuantified, type Timing } from "../../engine/businessCaseModel";
import type { Money } from "../../engine/money";
import { cellText, describeCell, isBlank, isNotQuantifiedText, readNumber } from "../cellValueParsing";
import type { LineInput, LinesInput } from "../contractInputs";
import { type ContractProblem, inputError } from "../contractProblems";
import { lineCaseColumns, lineColumns } from "../inputContract";
import type { InputTable } from "../inputTable";
import type { CellValue } from "../workbookPort";
import { isSubtotalLabel, isTotalLabel } from "./totalRows";

function readTiming(value: CellValue): Timing | undefined {
  const text = cellText(value)
    .toLowerCase()
    .replace(/[\s_-]+/g, "");
  if (text === "oneoff") return "oneOff";
  if (text === "recurring" || text === "annual") return "recurring";
  return undefined;
}

/** The Kind column: Cost or Benefit (Saving and Income read as Benefit); blank = by timing and sign. */
function readKind(value: CellValue): LineKind | "blank" | undefined {
  const text = cellText(value).toLowerCase();
  if (text === "") return "blank";
  if (text === "cost" || text === "costs") return "cost";
  if (["benefit", "benefits", "saving", "savings", "income", "receipt"].includes(text)) return "benefit";
  return undefined;
}

/**
 * CBA_Lines: one row per cost or saving line with its timing, the pool or partner it is
 * allocated to, an optional profile, an optional kind (Cost or Benefit), and an amount per case
 * (at least one of Best, Base and Worst). "N/A" marks an amount as not quantified. A total row
 * ("Total", "Sub-total", "Grand total") is kept aside as a printed figure to check, not a line.
 */
export function readLines(table: InputTable, problems: ContractProblem[]): LinesInput {
  const result: LinesInput = { range: table.name, cases: [], lines: [], totalRows: [] };
  const columns = table.requireColumns(
    {
      line: lineColumns.line,
      timing: lineColumns.timing,
      allocation: lineColumns.allocation,
    },
    problems,
  );
  const profileColumn = table.findColumn(lineColumns.profile);
  const kindColumn = table.findColumn(lineColumns.kind);
  const optimismBiasColumn = table.findColumn(lineColumns.optimismBias);
  const caseColumns = lineCaseColumns
    .map((caseColumn) => ({ name: caseColumn.key, index: table.findColumn(caseColumn) }))
    .filter((c): c is { name: string; index: number } => c.index !== undefined)
    // The optional Base case counts only when some line carries it, or when it is the only case.
    .filter(
      (c, _, all) =>
        c.name !== "Base" || all.length === 1 || table.rows.some((row) => !isBlank(table.cell(row, c.index))),
    )
    .sort((a, b) => a.index - b.index);
  if (caseColumns.length === 0) {
    problems.push(
      inputError(
        table.name,
        table.headerAddress(0),
        "Missing column",
        `has no amount column in its header row: give at least one of ${lineCaseColumns.map((c) => `"${c.headers[0]}"`).join(", ")} (found: ${table.header.filter((h) => h !== "").join(", ") || "no headers"})`,
      ),
    );
  }
  if (!columns || caseColumns.length === 0) return result;
  result.cases = caseColumns.map((c) => c.name);

  let sinceSubtotal = 0;
  let sinceTotal = 0;
  for (const row of table.rows) {
    const cell = table.address(row.index, columns.line);
    const label = cellText(table.cell(row, columns.line));
    if (isTotalLabel(label)) {
      const values = new Map<string, { value: Money; cell: string }>();
      for (const { name, index } of caseColumns) {
        const raw = table.cell(row, index);
        if (isBlank(raw) || isNotQuantifiedText(raw)) continue;
        const valueCell = table.address(row.index, index);
        const parsed = readNumber(raw);
        if (!parsed.ok) {
          problems.push(
            inputError(
              table.name,
              valueCell,
              "Not a number",
              `the ${name} figure of "${label}" ${parsed.reason}`,
            ),
          );
          continue;
        }
        values.set(name, { value: parsed.value, cell: valueCell });
      }
      const from = isSubtotalLabel(label) ? sinceSubtotal : sinceTotal;
      result.totalRows.push({ label, cell, values, from, to: result.lines.length });
      sinceSubtotal = result.lines.length;
      if (!isSubtotalLabel(label)) sinceTotal = result.lines.length;
      continue;
    }
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
    if (kindColumn !== undefined) {
      const kindCell = table.address(row.index, kindColumn);
      const kind = readKind(table.cell(row, kindColumn));
      if (kind === undefined) {
        problems.push(
          inputError(
            table.name,
            kindCell,
            "Unknown kind",
            `line "${label}" has kind ${describeCell(table.cell(row, kindColumn))}; use Cost or Benefit, or leave it blank to go by timing and sign`,
          ),
        );
      } else if (kind !== "blank") {
        line.kind = kind;
        line.kindCell = kindCell;
      }
    }
    const category = cellText(table.cell(row, optimismBiasColumn));
    if (optimismBiasColumn !== undefined && category !== "") {
      line.optimismBias = category;
      line.optimismBiasCell = table.address(row.index, optimismBiasColumn);
    }
    result.lines.push(line);
  }
  return result;
}
