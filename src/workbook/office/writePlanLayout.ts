/**
 * Turns a WritePlan into the exact cells, formats and objects the Office.js adapter queues,
 * checking the plan first so a malformed plan fails before anything reaches Excel.
 *
 * Strings are written into cells formatted as Text ("@"): Excel reads a string written through
 * `Range.values` as if typed, so "2012/11" would become a date and "(5)" the number −5.
 */
import { formulaAt } from "../formulaCells";
import { cellAddress, parseCellAddress, rangeAddress } from "../cellAddress";
import type { CellUpdate, CellValue, ChartSpec, TableBlock, WritePlan } from "../workbookPort";
import { type FillRegion, fillRegions } from "./fillRegions";
import { isMarkerName } from "./ownedSheetMarkers";

/** A plan the adapter cannot write, or a clash with what the workbook already holds. */
export class WorkbookWriteError extends Error {
  override readonly name = "WorkbookWriteError";
}

/** Excel's number format for text: keeps a string exactly as given. */
export const textFormat = "@";

const lastRow = 1_048_576;
const lastColumn = 16_384;

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

function checkValue(value: CellValue, where: string): void {
  if (typeof value === "number" && !Number.isFinite(value)) {
    throw new WorkbookWriteError(`${where} holds ${value}, which Excel cannot store`);
  }
}

function anyFormula(formulas: (string | null)[][] | undefined): boolean {
  return formulas?.some((row) => row.some((formula) => formula !== null)) ?? false;
}

/** Formulas, when given, have the shape of the values and each starts with "=". */
function checkFormulas(
  formulas: (string | null)[][] | undefined,
  rowCount: number,
  width: number,
  where: string,
): void {
  if (!formulas) return;
  if (formulas.length !== rowCount || formulas.some((row) => row.length !== width))
    throw new WorkbookWriteError(`${where}: formulas must have the shape of the rows`);
  for (const row of formulas)
    for (const formula of row)
      if (formula !== null && !formula.startsWith("="))
        throw new WorkbookWriteError(`${where}: the formula "${formula}" does not start with "="`);
}

function position(address: string, where: string): { row: number; column: number } {
  try {
    return parseCellAddress(address);
  } catch {
    throw new WorkbookWriteError(`${where}: "${address}" is not a cell address`);
  }
}

interface Footprint {
  name: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function layOutBlock(block: TableBlock, sheet: string): { write: BlockWrite; footprint: Footprint } {
  const where = `block '${block.name}' on sheet '${sheet}'`;
  const width = block.header.length;
  if (width === 0) throw new WorkbookWriteError(`${where} has no columns`);
  if (isMarkerName(block.name))
    throw new WorkbookWriteError(`${where} uses the prefix kept for ownership markers`);
  block.rows.forEach((row, index) => {
    if (row.length !== width) {
      throw new WorkbookWriteError(`${where}: row ${index + 1} has ${row.length} cells for ${width} headers`);
    }
    row.forEach((value, column) => checkValue(value, `${where}, row ${index + 1}, column ${column + 1}`));
  });
  if (block.columnFormats && block.columnFormats.length !== width) {
    throw new WorkbookWriteError(
      `${where} has ${block.columnFormats.length} column formats for ${width} columns`,
    );
  }
  if (block.fills) {
    const sameShape =
      block.fills.length === block.rows.length && block.fills.every((row) => row.length === width);
    if (!sameShape) throw new WorkbookWriteError(`${where}: fills must have the shape of the rows`);
  }
  checkFormulas(block.formulas, block.rows.length, width, where);
  const start = position(block.topLeft, where);
  const titleRow = block.title === undefined ? start.row : start.row - 1;
  if (titleRow < 1) throw new WorkbookWriteError(`${where}: its title would fall above row 1`);
  const bottom = start.row + block.rows.length;
  const right = start.column + width - 1;
  if (bottom > lastRow || right > lastColumn) throw new WorkbookWriteError(`${where} runs off the worksheet`);

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
  // A table always has a data row, so a header-only table takes the row below as well.
  const tableBottom = write.asTable && block.rows.length === 0 ? bottom + 1 : bottom;
  return {
    write,
    footprint: { name: block.name, top: titleRow, left: start.column, bottom: tableBottom, right },
  };
}

function overlap(a: Footprint, b: Footprint): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
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
  const sheetNames = new Set<string>();
  const blockNames = new Set<string>();
  const blocksByName = new Map<string, { sheet: string; write: BlockWrite }>();
  const sheets: SheetWrite[] = plan.sheets.map((sheet) => {
    const key = sheet.name.toLowerCase();
    if (sheet.name.trim() === "") throw new WorkbookWriteError("a sheet in the plan has no name");
    if (sheetNames.has(key)) throw new WorkbookWriteError(`sheet '${sheet.name}' appears twice in the plan`);
    sheetNames.add(key);
    const footprints: Footprint[] = [];
    const blocks = sheet.blocks.map((block) => {
      const blockKey = block.name.toLowerCase();
      if (blockNames.has(blockKey)) throw new WorkbookWriteError(`block name '${block.name}' is used twice`);
      blockNames.add(blockKey);
      const { write, footprint } = layOutBlock(block, sheet.name);
      const clash = footprints.find((other) => overlap(other, footprint));
      if (clash) {
        throw new WorkbookWriteError(
          `blocks '${clash.name}' and '${block.name}' overlap on sheet '${sheet.name}'`,
        );
      }
      footprints.push(footprint);
      blocksByName.set(blockKey, { sheet: sheet.name, write });
      return write;
    });
    return { name: sheet.name, blocks, charts: [] };
  });
  plan.sheets.forEach((sheet, index) => {
    sheets[index]!.charts = sheet.charts.map((chart) => {
      const source = blocksByName.get(chart.sourceBlock.toLowerCase());
      if (!source) {
        throw new WorkbookWriteError(
          `chart '${chart.title}' plots block '${chart.sourceBlock}', which the plan lacks`,
        );
      }
      const anchor = cellAddress(position(chart.anchor, `chart '${chart.title}'`));
      return {
        chartType: chartTypes[chart.kind],
        seriesBy: chart.seriesBy === "rows" ? "Rows" : "Columns",
        title: chart.title,
        anchor,
        sourceSheet: source.sheet,
        sourceAddress: source.write.address,
      };
    });
  });
  const cellUpdates = plan.cellUpdates.map((update) => {
    const where = `update of ${update.sheet}!${update.topLeft}`;
    const width = update.values[0]?.length ?? 0;
    if (width === 0 || update.values.some((row) => row.length !== width)) {
      throw new WorkbookWriteError(`${where}: values must be a non-empty rectangle`);
    }
    if (sheetNames.has(update.sheet.toLowerCase())) {
      throw new WorkbookWriteError(`${where}: the sheet is rewritten by the same plan`);
    }
    update.values.forEach((row) => row.forEach((value) => checkValue(value, where)));
    checkFormulas(update.formulas, update.values.length, width, where);
    const start = cellAddress(position(update.topLeft, where));
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
