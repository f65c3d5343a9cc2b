import { cellAddress, parseCellAddress } from "../cellAddress";
import type { TableBlock } from "../workbookPort";

/** Blocks stack down a sheet with this many empty rows between them. */
const gapRows = 2;

/**
 * Places blocks one under another, each with its title in the row above its header, so writers
 * describe what a sheet holds and the layout decides where.
 */
export class SheetLayout {
  private nextRow: number;
  private readonly column: number;

  constructor(firstRow = 1, firstColumn = "A") {
    this.nextRow = firstRow;
    this.column = parseCellAddress(`${firstColumn}1`).column;
  }

  /** Puts a block at the next free row; `minimumHeight` reserves room, e.g. for a chart beside it. */
  place(block: Omit<TableBlock, "topLeft">, minimumHeight = 0): TableBlock {
    const headerRow = this.nextRow + (block.title === undefined ? 0 : 1);
    const height = Math.max(headerRow - this.nextRow + 1 + block.rows.length, minimumHeight);
    this.nextRow += height + gapRows;
    return {
      ...block,
      header: uniqueHeaders(block.header),
      topLeft: cellAddress({ row: headerRow, column: this.column }),
    };
  }

  /** Leaves a line of text (a sheet's heading or a note) at the next free row. */
  skip(rows: number): number {
    const row = this.nextRow;
    this.nextRow += rows;
    return row;
  }
}

/** Excel tables need distinct, non-blank headers: a repeat gets " (2)", a blank "Column n". */
export function uniqueHeaders(headers: readonly string[]): string[] {
  const seen = new Set<string>();
  return headers.map((header, index) => {
    let name = header.trim() === "" ? `Column ${index + 1}` : header;
    for (let copy = 2; seen.has(name.toLowerCase()); copy++) name = `${header} (${copy})`;
    seen.add(name.toLowerCase());
    return name;
  });
}

/** Workbook names allow letters, digits and underscores: "CBA_Out_Payback_" + a partner code made safe. */
export function blockName(prefix: string, label: string, taken: Set<string>): string {
  const base = `${prefix}${label.replace(/[^A-Za-z0-9_]+/g, "_").replace(/^_+|_+$/g, "") || "Item"}`;
  let name = base;
  for (let copy = 2; taken.has(name.toLowerCase()); copy++) name = `${base}_${copy}`;
  taken.add(name.toLowerCase());
  return name;
}
