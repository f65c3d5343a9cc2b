import { offsetAddress, sheetAddress } from "./cellAddress";
import { cellText, isBlank } from "./cellValueParsing";
import { type ContractProblem, inputError } from "./contractProblems";
import { type ContractColumn, matchesColumn } from "./contractColumns";
import type { CellValue, NamedRangeData } from "./workbookPort";

/** A data row of an input range: its cells and where each one is. */
export interface InputRow {
  /** Position in the range's values (the header is 0). */
  index: number;
  cells: readonly CellValue[];
}

/**
 * An input range read as a table: the header row first, data rows below, blank rows skipped.
 * Every cell can be named by its sheet-qualified address for problem reports.
 */
export class InputTable {
  readonly header: string[];
  readonly rows: InputRow[];

  constructor(
    /** The contract's name for the range, e.g. "CBA_Lines". */
    readonly name: string,
    readonly data: NamedRangeData,
  ) {
    const width = data.values.reduce((widest, row) => Math.max(widest, row.length), 0);
    this.header = Array.from({ length: width }, (_, column) => cellText(data.values[0]?.[column] ?? null));
    this.rows = data.values
      .map((cells, index) => ({ index, cells }))
      .filter(({ index, cells }) => index > 0 && cells.some((cell) => !isBlank(cell)));
  }

  /** Sheet-qualified address of a cell, by row index in the values and column index. */
  address(rowIndex: number, columnIndex: number): string {
    return sheetAddress(this.data.sheet, offsetAddress(this.data.topLeft, rowIndex, columnIndex));
  }

  headerAddress(columnIndex: number): string {
    return this.address(0, columnIndex);
  }

  /** Index of the first column whose header matches, or undefined. */
  findColumn(contractColumn: ContractColumn): number | undefined {
    const index = this.header.findIndex((header) => matchesColumn(header, contractColumn));
    return index === -1 ? undefined : index;
  }

  /**
   * Finds required columns, reporting each one missing (at the header row) into `problems`.
   * Returns undefined when any is missing, so the caller skips the range's rows.
   */
  requireColumns<K extends string>(
    columns: Record<K, ContractColumn>,
    problems: ContractProblem[],
  ): Record<K, number> | undefined {
    const found = {} as Record<K, number>;
    let complete = true;
    for (const key of Object.keys(columns) as K[]) {
      const index = this.findColumn(columns[key]);
      if (index === undefined) {
        complete = false;
        problems.push(
          inputError(
            this.name,
            this.headerAddress(0),
            "Missing column",
            `has no "${columns[key].headers[0]}" column in its header row (found: ${this.header.filter((h) => h !== "").join(", ") || "no headers"})`,
          ),
        );
      } else {
        found[key] = index;
      }
    }
    return complete ? found : undefined;
  }

  /** Reports headers used twice, which would make a column ambiguous. */
  reportDuplicateHeaders(problems: ContractProblem[]): void {
    const seen = new Map<string, number>();
    this.header.forEach((header, index) => {
      const key = header.trim().toLowerCase();
      if (key === "") return;
      if (seen.has(key)) {
        problems.push(
          inputError(
            this.name,
            this.headerAddress(index),
            "Duplicate column",
            `the header "${header}" appears twice`,
          ),
        );
      } else {
        seen.set(key, index);
      }
    });
  }

  cell(row: InputRow, columnIndex: number | undefined): CellValue {
    return columnIndex === undefined ? null : (row.cells[columnIndex] ?? null);
  }
}
