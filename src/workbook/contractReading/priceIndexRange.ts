import type { Money } from "../../engine/money";
import { cellText } from "../cellValueParsing";
import { type ContractProblem, inputError } from "../contractProblems";
import { column, numberColumn } from "../contractColumns";
import type { InputTable } from "../inputTable";
import type { ReadInputRangeDefinition } from "./inputRangeDefinition";
import { readNonNegativeNumber } from "./nonNegativeNumber";
import { financialYearStart } from "./priceBasisSettings";

/** CBA_PriceIndex: a price index by year (the GDP deflator or the user's own), for nominal amounts. */
export const priceIndexColumns = {
  year: column("year", "Year", "Financial year"),
  index: numberColumn("whole number", "index", "Index", "Price index", "Deflator"),
};

export const priceIndexRange: ReadInputRangeDefinition<"priceIndex"> = {
  name: "CBA_PriceIndex",
  key: "priceIndex",
  purpose: "Price index by year, to deflate nominal amounts before discounting",
  contents:
    "Optional, with `Prices` = `Nominal`: Year (`2025/26`, `2025` or `Year 0`) and Index (the GDP deflator or your own), covering year 0 to the horizon; or give the `Inflation` setting instead",
  instruction:
    "Optional price index by year (e.g. the GDP deflator), used when Prices is Nominal: Year (2025/26 or Year 0) and Index.",
  columns: priceIndexColumns,
  template: { sheet: "Settings", topLeft: "A27" },
  read: (table, { problems }) => readPriceIndex(table, problems),
};

/** A year of CBA_PriceIndex: a financial year (2025/26) or a period of the case ("Year 3"). */
export type PriceIndexYear = { kind: "financial"; start: number } | { kind: "period"; period: number };

export interface PriceIndexRowInput {
  year: PriceIndexYear;
  cell: string;
  index: Money;
  indexCell: string;
}

export interface PriceIndexInput {
  range: string;
  rows: PriceIndexRowInput[];
}

/**
 * CBA_PriceIndex: Year | Index, one row per year, e.g. the GDP deflator (any base: only the
 * ratios between years count). Years are financial years ("2025/26", 2025) or the case's periods
 * ("Year 0", "Year 1"). Coverage of the horizon is checked by `validatePriceBasis`.
 */
export function readPriceIndex(table: InputTable, problems: ContractProblem[]): PriceIndexInput {
  const result: PriceIndexInput = { range: table.name, rows: [] };
  const columns = table.requireColumns(
    { year: priceIndexColumns.year, index: priceIndexColumns.index },
    problems,
  );
  if (!columns) return result;
  for (const row of table.rows) {
    const cell = table.address(row.index, columns.year);
    const raw = table.cell(row, columns.year);
    const period = /^year\s*(\d{1,3})$/i.exec(cellText(raw));
    const start = period ? undefined : financialYearStart(raw);
    if (!period && start === undefined) {
      problems.push(
        inputError(
          table.name,
          cell,
          "Invalid year",
          `"${cellText(raw)}" is not a financial year such as 2025/26 or a period such as "Year 1"`,
        ),
      );
      continue;
    }
    const indexCell = table.address(row.index, columns.index);
    const index = readNonNegativeNumber(
      table,
      indexCell,
      table.cell(row, columns.index),
      {
        what: `the price index of ${cellText(raw)}`,
        negativeCheck: "Invalid index",
        negativeMessage: (found) =>
          `the price index of ${cellText(raw)} is ${found.toString()}: it must be above zero`,
      },
      problems,
    );
    if (index === undefined) continue;
    if (index.isZero()) {
      problems.push(
        inputError(
          table.name,
          indexCell,
          "Invalid index",
          `the price index of ${cellText(raw)} is 0: it must be above zero`,
        ),
      );
      continue;
    }
    result.rows.push({
      year: period ? { kind: "period", period: Number(period[1]) } : { kind: "financial", start: start! },
      cell,
      index,
      indexCell,
    });
  }
  return result;
}
