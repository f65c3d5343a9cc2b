import { Money } from "../../engine/money";
import { checkTotal } from "../../engine/reconciliation";
import { cellText, isBlank, readNumber } from "../cellValueParsing";
import type { BaselineInput } from "../contractInputs";
import { type ContractProblem, inputError } from "../contractProblems";
import { column, numberColumn } from "../contractColumns";
import type { InputTable } from "../inputTable";
import type { CellValue } from "../workbookPort";
import { readNonNegativeNumber } from "./nonNegativeNumber";
import { isTotalLabel } from "./totalRows";
import type { ReadInputRangeDefinition } from "./inputRangeDefinition";
import type { PartnerCodes } from "./partnerCodes";
import { partnersRange } from "./partnersRange";

export const baselineColumns = {
  serviceArea: column("serviceArea", "Service area", "Service"),
  total: numberColumn("amount", "total", "Total"),
};

export const baselineRange: ReadInputRangeDefinition<"baseline"> = {
  name: "CBA_Baseline",
  key: "baseline",
  purpose: "Baseline spend by service area and partner, the usual basis of shares",
  contents:
    "Service area, then one column per partner code, and an optional Total column and Total row that must foot",
  instruction:
    "One row per service area. Insert one column per partner, headed with its code, before Total; amounts in your unit.",
  columns: baselineColumns,
  template: { sheet: "Baseline" },
  read: (table, { codes, problems }) => readBaseline(table, codes, problems),
};

export const baselineFteRange: ReadInputRangeDefinition<"baselineFte"> = {
  name: "CBA_BaselineFTE",
  key: "baselineFte",
  purpose: "Baseline staff (FTE), for pools shared by headcount",
  contents: "Optional: the shape of `CBA_Baseline`, in staff (FTE), for pools with the FTE basis",
  instruction:
    "Optional: one row per service area, one column per partner code, in staff (FTE), for pools shared by headcount.",
  columns: baselineColumns,
  read: (table, { codes, problems }) => readBaseline(table, codes, problems),
};

/**
 * A baseline (CBA_Baseline, or CBA_BaselineFTE in the same shape): service areas down, one column
 * per partner code across, an optional "Total" column and "Total" row whose cells must equal the
 * sum of their parts. A numeric column whose header is not a partner code is reported as an
 * unknown code (it is most likely a typo or a partner missing from CBA_Partners); a text-only
 * column is an extra column and ignored.
 */
export function readBaseline(
  table: InputTable,
  codes: PartnerCodes,
  problems: ContractProblem[],
): BaselineInput {
  const result: BaselineInput = { range: table.name, rows: [], partnerColumns: new Map() };
  const columns = table.requireColumns({ serviceArea: baselineColumns.serviceArea }, problems);
  if (!columns) return result;
  const totalColumn = table.findColumn(baselineColumns.total);

  const partnerColumnIndex = new Map<string, number>();
  table.header.forEach((header, index) => {
    if (index === columns.serviceArea || index === totalColumn || header === "") return;
    const code = codes.resolve(header);
    if (code !== undefined) {
      partnerColumnIndex.set(code, index);
      result.partnerColumns.set(code, table.headerAddress(index));
      return;
    }
    const numeric = table.rows.some((row) => typeof table.cell(row, index) === "number");
    if (numeric && codes.known) {
      problems.push(
        inputError(
          table.name,
          table.headerAddress(index),
          "Unknown partner code",
          `column "${header}" holds amounts but "${header}" is not a partner code in ${partnersRange.name}`,
        ),
      );
    }
  });

  const totalRows: { row: (typeof table.rows)[number]; cell: string }[] = [];
  const seenAreas = new Set<string>();
  for (const row of table.rows) {
    const cell = table.address(row.index, columns.serviceArea);
    const serviceArea = cellText(table.cell(row, columns.serviceArea));
    if (isTotalLabel(serviceArea)) {
      totalRows.push({ row, cell });
      continue;
    }
    if (serviceArea === "") {
      problems.push(
        inputError(table.name, cell, "Missing service area", "this row has amounts but no service area"),
      );
      continue;
    }
    const key = serviceArea.toLowerCase();
    if (seenAreas.has(key)) {
      problems.push(inputError(table.name, cell, "Duplicate service area", `"${serviceArea}" appears twice`));
      continue;
    }
    seenAreas.add(key);
    const amounts = new Map<string, Money>();
    for (const [code, index] of partnerColumnIndex) {
      const amount = readBaselineAmount(table, row.index, index, table.cell(row, index), problems);
      if (amount !== undefined) amounts.set(code, amount);
    }
    result.rows.push({ serviceArea, cell, amounts });
    if (totalColumn !== undefined) {
      checkBaselineTotal(
        table,
        table.cell(row, totalColumn),
        table.address(row.index, totalColumn),
        [...amounts.values()],
        `the total of "${serviceArea}"`,
        problems,
      );
    }
  }

  for (const { row, cell } of totalRows) {
    if (totalRows.length > 1) {
      problems.push(
        inputError(table.name, cell, "Several total rows", "the baseline has more than one Total row"),
      );
      continue;
    }
    for (const [code, index] of partnerColumnIndex) {
      checkBaselineTotal(
        table,
        table.cell(row, index),
        table.address(row.index, index),
        result.rows.map((r) => r.amounts.get(code) ?? new Money(0)),
        `the total for ${code}`,
        problems,
      );
    }
    if (totalColumn !== undefined) {
      checkBaselineTotal(
        table,
        table.cell(row, totalColumn),
        table.address(row.index, totalColumn),
        result.rows.flatMap((r) => [...r.amounts.values()]),
        "the grand total",
        problems,
      );
    }
  }
  return result;
}

function readBaselineAmount(
  table: InputTable,
  rowIndex: number,
  columnIndex: number,
  value: CellValue,
  problems: ContractProblem[],
): Money | undefined {
  // A blank baseline cell means the partner spends nothing on that service.
  if (isBlank(value)) return new Money(0);
  return readNonNegativeNumber(
    table,
    table.address(rowIndex, columnIndex),
    value,
    {
      what: "the baseline amount",
      negativeCheck: "Negative baseline",
      negativeMessage: (found) => `a baseline cannot be negative (found ${found.toString()})`,
    },
    problems,
  );
}

function checkBaselineTotal(
  table: InputTable,
  value: CellValue,
  cell: string,
  parts: Money[],
  what: string,
  problems: ContractProblem[],
): void {
  if (isBlank(value)) return;
  const parsed = readNumber(value);
  if (!parsed.ok) {
    problems.push(inputError(table.name, cell, "Not a number", `${what} ${parsed.reason}`));
    return;
  }
  for (const finding of checkTotal(what, parsed.value, parts)) {
    problems.push(
      inputError(
        table.name,
        cell,
        "Total disagrees",
        `${what} shows ${finding.found.toString()} but its parts sum to ${finding.expected.toString()}`,
      ),
    );
  }
}
