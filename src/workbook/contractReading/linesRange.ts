import type { BenefitClass } from "../../engine/beneficiaries";
import { type LineKind, type LineValue, notQuantified, type Timing } from "../../engine/businessCaseModel";
import type { Money } from "../../engine/money";
import { cellText, describeCell, isBlank, isNotQuantifiedText, readNumber } from "../cellValueParsing";
import type { LineInput, LinesInput } from "../contractInputs";
import { type ContractProblem, inputError } from "../contractProblems";
import { type ContractColumn, column, matchesColumn, numberColumn } from "../contractColumns";
import type { InputTable } from "../inputTable";
import type { CellValue } from "../workbookPort";
import { readExpenditure } from "./fundingRange";
import type { ReadInputRangeDefinition } from "./inputRangeDefinition";
import { settingsRange } from "./settingsRange";
import { isSubtotalLabel, isTotalLabel } from "./totalRows";

export const lineColumns = {
  line: column("line", "Line", "Item", "Description"),
  timing: column("timing", "Timing"),
  allocation: column("allocation", "Allocation", "Allocated to", "Pool or partner"),
  profile: column("profile", "Profile", "Phasing"),
  kind: column("kind", "Kind", "Cost or benefit"),
  optimismBias: column("optimismBias", "Optimism bias", "Optimism bias category", "OB category"),
  benefitClass: column("benefitClass", "Benefit class", "Class of benefit"),
  expenditure: column("expenditure", "Expenditure", "Capital or revenue", "Expenditure type"),
};

/** The input cases a line can carry, in the order results show them when the columns allow. */
export const lineCaseColumns = [
  numberColumn("amount", "Best", "Best", "Best case"),
  numberColumn("amount", "Base", "Base", "Base case", "Likely"),
  numberColumn("amount", "Worst", "Worst", "Worst case"),
] as const;

export const linesRange: ReadInputRangeDefinition<"lines"> = {
  name: "CBA_Lines",
  key: "lines",
  purpose: "Cost and saving lines, one column per case (Best, Worst, or the Cases setting's)",
  contents:
    'Line, Timing (One-off or Recurring), Allocation (a pool or a partner code), at least one of Best, Base, Worst (or, with the `Cases` setting, one column per named case), optional Profile, optional Kind (Cost or Benefit; blank = one-off lines are costs, recurring lines by sign), optional Expenditure (Capital or Revenue; blank = by timing), optional Benefit class (benefit lines only: Fiscal cashable, Fiscal non-cashable, Economic, Social; `Cashable` and `Non-cashable` accepted; blank = fiscal cashable), optional Optimism bias (the line\'s `CBA_OptimismBias` category; blank = none); costs positive, savings negative; `N/A` = not quantified; a "Total" / "Sub-total" / "Grand total" row is checked against the lines above it and left out',
  instruction:
    "Costs positive, savings negative. Timing: One-off or Recurring. Allocation: a pool or a partner's code. N/A = not quantified. Optional Kind column: Cost or Benefit. Optional Benefit class column: Fiscal cashable, Fiscal non-cashable, Economic or Social.",
  alwaysRequired: true,
  columns: lineColumns,
  template: {
    sheet: "Lines",
    header: ["Line", "Timing", "Allocation", "Best", "Worst", "Profile"],
    otherColumnsKind: "amount",
  },
  read: (table, { problems, settings }) => readLines(table, problems, settings.cases),
};

/** A named case's column: headed by the case's own name. */
const namedCaseColumn = (name: string): ContractColumn => ({ key: name, headers: [name] });

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
 * The Benefit class column: the Green Book classes, by their names or the short forms finance
 * officers use ("Cashable", "Non-cashable"); blank = unclassed.
 */
function readBenefitClass(value: CellValue): BenefitClass | "blank" | undefined {
  const text = cellText(value)
    .toLowerCase()
    .replace(/[\s_-]+/g, "");
  if (text === "") return "blank";
  if (text === "fiscalcashable" || text === "cashable") return "fiscalCashable";
  if (text === "fiscalnoncashable" || text === "noncashable") return "fiscalNonCashable";
  if (text === "economic") return "economic";
  if (text === "social") return "social";
  return undefined;
}

/**
 * CBA_Lines: one row per cost or saving line with its timing, the pool or partner it is
 * allocated to, an optional profile, an optional kind (Cost or Benefit), and an amount per case
 * (at least one of Best, Base and Worst). "N/A" marks an amount as not quantified. A total row
 * ("Total", "Sub-total", "Grand total") is kept aside as a printed figure to check, not a line.
 * With the Cases setting (`namedCases`) the amount columns are the cases it names, in its order.
 */
export function readLines(
  table: InputTable,
  problems: ContractProblem[],
  namedCases?: { names: readonly string[]; cell: string },
): LinesInput {
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
  const expenditureColumn = table.findColumn(lineColumns.expenditure);
  const benefitClassColumn = table.findColumn(lineColumns.benefitClass);
  const optimismBiasColumn = table.findColumn(lineColumns.optimismBias);
  const caseColumns =
    namedCases === undefined ? defaultCaseColumns(table) : namedCaseColumns(table, namedCases, problems);
  if (caseColumns.length === 0 && namedCases === undefined) {
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
  if (benefitClassColumn !== undefined) result.hasBenefitClassColumn = true;

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
    const blankCells = new Map<string, string>();
    for (const { name, index } of caseColumns) {
      const valueCell = table.address(row.index, index);
      const raw = table.cell(row, index);
      if (isNotQuantifiedText(raw)) {
        values.set(name, { value: notQuantified, cell: valueCell });
        continue;
      }
      if (isBlank(raw)) {
        blankCells.set(name, valueCell);
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
    if (blankCells.size > 0) line.blankCells = blankCells;
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
    if (benefitClassColumn !== undefined) {
      const benefitClassCell = table.address(row.index, benefitClassColumn);
      const benefitClass = readBenefitClass(table.cell(row, benefitClassColumn));
      if (benefitClass === undefined) {
        problems.push(
          inputError(
            table.name,
            benefitClassCell,
            "Unknown benefit class",
            `line "${label}" has benefit class ${describeCell(table.cell(row, benefitClassColumn))}; use Fiscal cashable, Fiscal non-cashable, Economic or Social, or leave it blank (counts as fiscal cashable)`,
          ),
        );
      } else if (benefitClass !== "blank") {
        line.benefitClass = benefitClass;
        line.benefitClassCell = benefitClassCell;
      }
    }
    const category = cellText(table.cell(row, optimismBiasColumn));
    if (optimismBiasColumn !== undefined && category !== "") {
      line.optimismBias = category;
      line.optimismBiasCell = table.address(row.index, optimismBiasColumn);
    }
    if (expenditureColumn !== undefined) {
      const expenditureCell = table.address(row.index, expenditureColumn);
      const expenditure = readExpenditure(table.cell(row, expenditureColumn));
      if (expenditure === undefined) {
        problems.push(
          inputError(
            table.name,
            expenditureCell,
            "Unknown expenditure",
            `line "${label}" has expenditure ${describeCell(table.cell(row, expenditureColumn))}; use Capital or Revenue, or leave it blank`,
          ),
        );
      } else if (expenditure !== "blank") {
        line.expenditure = expenditure;
        line.expenditureCell = expenditureCell;
      }
    }
    result.lines.push(line);
  }
  return result;
}

interface CaseColumn {
  name: string;
  index: number;
}

/** Without the Cases setting: the Best, Base and Worst columns found, in column order. */
function defaultCaseColumns(table: InputTable): CaseColumn[] {
  return (
    lineCaseColumns
      .map((caseColumn) => ({ name: caseColumn.key, index: table.findColumn(caseColumn) }))
      .filter((c): c is CaseColumn => c.index !== undefined)
      // The optional Base case counts only when some line carries it, or when it is the only case.
      .filter(
        (c, _, all) =>
          c.name !== "Base" ||
          all.length === 1 ||
          table.rows.some((row) => !isBlank(table.cell(row, c.index))),
      )
      .sort((a, b) => a.index - b.index)
  );
}

/**
 * With the Cases setting: one column per named case, headed by its name, in the setting's order.
 * A named case with no column (or one named like a column the lines already have) is an error.
 */
function namedCaseColumns(
  table: InputTable,
  namedCases: { names: readonly string[]; cell: string },
  problems: ContractProblem[],
): CaseColumn[] {
  const found: CaseColumn[] = [];
  for (const name of namedCases.names) {
    const clash = Object.values(lineColumns).find((c) => matchesColumn(name, c));
    if (clash !== undefined) {
      problems.push(
        inputError(
          settingsRange.name,
          namedCases.cell,
          "Case named like a column",
          `the case "${name}" has the name of ${table.name}'s ${clash.headers[0]} column; rename the case`,
        ),
      );
      continue;
    }
    const index = table.findColumn(namedCaseColumn(name));
    if (index === undefined) {
      problems.push(
        inputError(
          table.name,
          table.headerAddress(0),
          "Missing case column",
          `the Cases setting (${namedCases.cell}) names the case "${name}", but ${table.name} has no column headed "${name}" (found: ${table.header.filter((h) => h !== "").join(", ") || "no headers"})`,
        ),
      );
      continue;
    }
    found.push({ name, index });
  }
  return found;
}
