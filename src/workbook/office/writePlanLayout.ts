/**
 * Turns a WritePlan into the exact cells, formats and objects the Office.js adapter queues,
 * checking the plan first (`checkWritePlan`, as the ExcelJS adapter does) so a malformed plan
 * fails before anything reaches Excel.
 *
 * Strings are written into cells formatted as Text ("@"): Excel reads a string written through
 * `Range.values` as if typed, so "2012/11" would become a date and "(5)" the number −5.
 */
import { formulaAt } from "../formulaCells";
import { cellAddress, parseCellAddress, rangeAddress } from "../cellAddress";
import type { CellUpdate, ChartSpec, PageSetup, TableBlock, WritePlan } from "../workbookPort";
import { checkWritePlan, WorkbookWriteError } from "../writePlanCheck";
import { type FillRegion, fillRegions } from "./fillRegions";

export { WorkbookWriteError };

/** Excel's number format for text: keeps a string exactly as given. */
export const textFormat = "@";

/** A value as `Range.values` accepts it; "" clears a cell. */
export type ExcelInput = string | number | boolean;

export interface BlockWrite {
  name: string;
  asTable: boolean;
  title?: { address: string; text: string };
  /** Header row and data rows. */
  address: string;
  headerAddress: string;
  /** Header and rows; a formula cell holds its formula ("=…"), which `Range.formulas` takes. */
  values: ExcelInput[][];
  numberFormats: string[][];
  fills: { address: string; colour: string }[];
  /** True when some cell is a formula: the cells go in through `Range.formulas`, not `values`. */
  hasFormulas?: boolean;
}

export interface ChartWrite {
  chartType: "Line" | "ColumnClustered" | "BarClustered" | "XYScatterLines";
  seriesBy: "Columns" | "Rows";
  title: string;
  anchor: string;
  /** The source block's sheet and address (header and data rows). */
  sourceSheet: string;
  sourceAddress: string;
}

export interface SheetWrite {
  name: string;
  blocks: BlockWrite[];
  charts: ChartWrite[];
  /** The plan's print settings, checked: a print area that is a range on the sheet. */
  pageSetup?: PageSetup;
}

export interface CellUpdateWrite {
  sheet: string;
  address: string;
  /** A formula cell holds its formula ("=…"), written through `Range.formulas`. */
  values: ExcelInput[][];
  hasFormulas?: boolean;
  original: CellUpdate;
}

export interface PlanLayout {
  sheets: SheetWrite[];
  cellUpdates: CellUpdateWrite[];
  /** Every block name in the plan, lower-cased. */
  blockNames: Set<string>;
}

const chartTypes: Record<ChartSpec["kind"], ChartWrite["chartType"]> = {
  line: "Line",
  columnClustered: "ColumnClustered",
  barClustered: "BarClustered",
  scatterLines: "XYScatterLines",
};

function anyFormula(formulas: (string | null)[][] | undefined): boolean {
  return formulas?.some((row) => row.some((formula) => formula !== null)) ?? false;
}

function layOutBlock(block: TableBlock): BlockWrite {
  const width = block.header.length;
  const start = parseCellAddress(block.topLeft);
  const titleRow = block.title === undefined ? start.row : start.row - 1;
  const formats = block.columnFormats ?? [];
  const values: ExcelInput[][] = [block.header.map((header) => header)];
  const numberFormats: string[][] = [block.header.map(() => textFormat)];
  block.rows.forEach((row, r) => {
    values.push(row.map((value, column) => formulaAt(block, r, column) ?? value ?? ""));
    // A formula in a Text cell would stay text, so formula cells take the column's format.
    numberFormats.push(
      row.map((value, column) =>
        typeof value === "string" && formulaAt(block, r, column) === undefined
          ? textFormat
          : (formats[column] ?? "General"),
      ),
    );
  });
  const topLeft = cellAddress(start);
  const fills = fillRegions(block.fills ?? []).map((region: FillRegion) => ({
    address: rangeAddress(
      cellAddress({ row: start.row + 1 + region.row, column: start.column + region.column }),
      region.rowCount,
      region.columnCount,
    ),
    colour: region.colour,
  }));
  const write: BlockWrite = {
    name: block.name,
    asTable: block.asTable !== false,
    address: rangeAddress(topLeft, block.rows.length + 1, width),
    headerAddress: rangeAddress(topLeft, 1, width),
    values,
    numberFormats,
    fills,
    ...(anyFormula(block.formulas) ? { hasFormulas: true } : {}),
  };
  if (block.title !== undefined) {
    write.title = { address: cellAddress({ row: titleRow, column: start.column }), text: block.title };
  }
  return write;
}

/**
 * Checks a plan and lays it out cell by cell.
 *
 * @example
 * layOutPlan({ sheets: [{ name: "CBA Checks", blocks: [{ name: "CBA_Out_Checks", topLeft: "A2",
 *   title: "Checks", header: ["Check", "Result"], rows: [["Totals foot", "OK"]] }], charts: [] }],
 *   cellUpdates: [] }).sheets[0].blocks[0].address // → "A2:B3"
 */
export function layOutPlan(plan: WritePlan): PlanLayout {
  checkWritePlan(plan);
  const blockNames = new Set<string>();
  const blocksByName = new Map<string, { sheet: string; write: BlockWrite }>();
  const sheets: SheetWrite[] = plan.sheets.map((sheet) => {
    const blocks = sheet.blocks.map((block) => {
      const write = layOutBlock(block);
      blockNames.add(block.name.toLowerCase());
      blocksByName.set(block.name.toLowerCase(), { sheet: sheet.name, write });
      return write;
    });
    const write: SheetWrite = { name: sheet.name, blocks, charts: [] };
    if (sheet.pageSetup) write.pageSetup = sheet.pageSetup;
    return write;
  });
  plan.sheets.forEach((sheet, index) => {
    sheets[index]!.charts = sheet.charts.map((chart) => {
      // The check made sure every chart's source block is in the plan.
      const source = blocksByName.get(chart.sourceBlock.toLowerCase())!;
      return {
        chartType: chartTypes[chart.kind],
        seriesBy: chart.seriesBy === "rows" ? "Rows" : "Columns",
        title: chart.title,
        anchor: cellAddress(parseCellAddress(chart.anchor)),
        sourceSheet: source.sheet,
        sourceAddress: source.write.address,
      };
    });
  });
  const cellUpdates = plan.cellUpdates.map((update) => {
    const width = update.values[0]!.length;
    const start = cellAddress(parseCellAddress(update.topLeft));
    return {
      sheet: update.sheet,
      address: rangeAddress(start, update.values.length, width),
      // null means blank: "" clears the cell (a null would leave the old value in place).
      values: update.values.map((row, r) => row.map((value, c) => formulaAt(update, r, c) ?? value ?? "")),
      ...(anyFormula(update.formulas) ? { hasFormulas: true } : {}),
      original: update,
    };
  });
  return { sheets, cellUpdates, blockNames };
}

/**
 * Number formats for a cell update, given the cells' current formats: strings go in as Text,
 * and a number or boolean landing on a Text cell resets it to General (Excel would otherwise
 * store the number as text). Other cells keep the user's format (`null` = unchanged).
 *
 * @example
 * cellUpdateFormats([[12, "High"]], [["@", "General"]]) // → [["General", "@"]]
 */
export function cellUpdateFormats(
  values: readonly (readonly ExcelInput[])[],
  currentFormats: readonly (readonly unknown[])[],
  formulas?: readonly (readonly (string | null)[])[],
): (string | null)[][] {
  return values.map((row, rowIndex) =>
    row.map((value, column) => {
      const current = currentFormats[rowIndex]?.[column];
      // A formula typed into a Text cell stays text: the cell goes back to General.
      if (formulas?.[rowIndex]?.[column]) return current === textFormat ? "General" : null;
      if (value === "") return null;
      if (typeof value === "string") return current === textFormat ? null : textFormat;
      return current === textFormat ? "General" : null;
    }),
  );
}
