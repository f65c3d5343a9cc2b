/**
 * The one interface between the product and a workbook. Two adapters implement it: Office.js
 * (the add-in, inside Excel) and ExcelJS (headless runs on .xlsx files, and tests).
 *
 * The port is shaped for batching: a refresh makes exactly one `read` and one `write`, each of
 * which an Office.js adapter serves with a small fixed number of `context.sync()` calls
 * whatever the size of the workbook. Everything is computed between the two, so a failure
 * can never leave a half-written sheet.
 */

/** A cell's value as both Excel and ExcelJS can give it; blanks are `null`. */
export type CellValue = string | number | boolean | null;

/** A named input range as found in the workbook: a workbook-scoped name or an Excel table. */
export interface NamedRangeData {
  /** The name as the workbook spells it (matching is case-insensitive). */
  name: string;
  /** Where the name points: sheet name and A1 address of the top-left cell (no `$`). */
  sheet: string;
  topLeft: string;
  /**
   * Cell values, header row first for tables. The Office.js adapter leaves this empty for the
   * product's own output blocks (`CBA_Out_…`) on sheets the product owns: they are only located
   * (for name clashes), and reading them back could pass Excel on the web's 5 MB reply limit.
   */
  values: CellValue[][];
}

export interface SheetInfo {
  name: string;
  /** True only for sheets this product created (see `ownedSheetMarkerName`). */
  ownedByProduct: boolean;
}

export interface WorkbookSnapshot {
  /** Keyed by the requested name in upper case; absent when the workbook has no such name. */
  ranges: Map<string, NamedRangeData>;
  sheets: SheetInfo[];
}

/** Excel number formats used by the result writers. */
export type NumberFormat = string;

/** A rectangular block written as an Excel table (or a plain range when `asTable` is false). */
export interface TableBlock {
  /** Workbook-scoped name given to the block so users can reference it, e.g. `CBA_Out_Shares`. */
  name: string;
  /** A1 address of the top-left cell of the header row. */
  topLeft: string;
  /** Optional title written one row above the header. */
  title?: string;
  header: string[];
  rows: CellValue[][];
  /** One format per column (`null` = General). */
  columnFormats?: (NumberFormat | null)[];
  /** Write as an Excel table (default true). */
  asTable?: boolean;
  /** Optional fill colours per cell (same shape as rows) as "#RRGGBB", e.g. a heat map coloured by band. */
  fills?: (string | null)[][];
  /**
   * Optional live formulas per cell (same shape as rows; `null` = a plain value): the cell is
   * written as the formula, in A1 style starting with "=", and the row's value is its cached
   * result, so Excel shows the figure before recalculating and keeps it in step with the inputs
   * after. A values-only copy (`withoutFormulas`) drops them.
   */
  formulas?: (string | null)[][];
}

export interface ChartSpec {
  /**
   * `scatterLines` plots X–Y points joined by lines: the block's first column is every series' X
   * values and each other column a series (a blank Y breaks the line); the other kinds take the
   * first column (or, by rows, the header) as categories.
   */
  kind: "line" | "columnClustered" | "barClustered" | "scatterLines";
  title: string;
  /** The block (by name) whose data the chart plots; series are its numeric columns or rows. */
  sourceBlock: string;
  seriesBy: "columns" | "rows";
  /** A1 address where the chart's top-left corner is placed. */
  anchor: string;
}

/**
 * A sheet the product owns: rewritten in full on every refresh (the Office.js adapter clears and
 * rewrites it in place, so users' references to its cells survive).
 */
export interface OwnedSheet {
  name: string;
  blocks: TableBlock[];
  charts: ChartSpec[];
}

/** A write into a user range's product-owned columns (e.g. `Score` and `Band` of `CBA_Risks`). */
export interface CellUpdate {
  sheet: string;
  topLeft: string;
  values: CellValue[][];
  /** Optional live formulas, as in `TableBlock.formulas`: `values` then holds their cached results. */
  formulas?: (string | null)[][];
}

export interface WritePlan {
  sheets: OwnedSheet[];
  cellUpdates: CellUpdate[];
}

/**
 * An input range to put into a workbook, header row first: as an Excel table of that name, or as
 * a plain range with a workbook-scoped defined name (the contract accepts both).
 */
export interface InputRangeSpec {
  name: string;
  sheet: string;
  topLeft: string;
  header: string[];
  rows: CellValue[][];
  as: "table" | "definedName";
  /** Optional number format per column (null = General). */
  columnFormats?: (string | null)[];
  /**
   * A line telling the user what goes in the range, written in bold in column A two rows above
   * it (row 1 at the highest); the range must start low enough to leave room for it.
   */
  instruction?: string;
}

/** A sheet of plain text lines, e.g. notes on where a sample's figures come from. */
export interface NoteSheetSpec {
  name: string;
  lines: string[];
}

export interface WorkbookPort {
  /** Reads the requested names and the list of sheets, in one batch. */
  read(names: readonly string[]): Promise<WorkbookSnapshot>;
  /**
   * Applies a whole plan in one batch. Owned sheets named in the plan are replaced; a sheet with
   * the same name that the product does not own is never touched (the caller checks first).
   */
  write(plan: WritePlan): Promise<void>;
  /**
   * Adds input ranges on new sheets, note sheets first, in one batch (the Hampshire example, the
   * blank template). Refuses, before writing anything, when a range name is already a name or
   * table of the workbook or one of the sheets already exists.
   */
  addInputRanges(ranges: readonly InputRangeSpec[], notes?: readonly NoteSheetSpec[]): Promise<void>;
  /** Makes `sheet` the active sheet and selects `address` (a cell or a range) on it. */
  select(sheet: string, address: string): Promise<void>;
}

/** The part of the port a refresh uses: one read, then one write. */
export type WorkbookReadWrite = Pick<WorkbookPort, "read" | "write">;

/**
 * Owned sheets are marked with a workbook-scoped name pointing at their A1 cell, so ownership
 * survives a save in Excel and in ExcelJS alike: `CBA_Owned_1`, `CBA_Owned_2`, …
 */
export const ownedSheetMarkerPrefix = "CBA_Owned_";
