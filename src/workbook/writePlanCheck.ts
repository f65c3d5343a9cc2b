/**
 * The one check of a write plan's shape, made by both adapters before they write anything, so a
 * malformed plan fails the same way in Excel (Office.js) and in a file (ExcelJS): rows as wide as
 * the header, formats, fills and formulas of the same shape, finite numbers, addresses on the
 * worksheet, blocks that do not overlap, charts that plot a block of the plan.
 */
import { parseCellAddress } from "./cellAddress";
import { isMarkerName } from "./office/ownedSheetMarkers";
import type { CellValue, PageSetup, TableBlock, WritePlan } from "./workbookPort";

/** A plan the adapter cannot write, or a clash with what the workbook already holds. */
export class WorkbookWriteError extends Error {
  override readonly name = "WorkbookWriteError";
}

const lastRow = 1_048_576;
const lastColumn = 16_384;

/** Where a block sits on its sheet, title row included (a table always has a data row). */
interface Footprint {
  name: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function checkValue(value: CellValue, where: string): void {
  if (typeof value === "number" && !Number.isFinite(value)) {
    throw new WorkbookWriteError(`${where} holds ${value}, which Excel cannot store`);
  }
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

/** A cell address of the plan, parsed; a clear error naming where it is when it is none. */
function planPosition(address: string, where: string): { row: number; column: number } {
  try {
    return parseCellAddress(address);
  } catch {
    throw new WorkbookWriteError(`${where}: "${address}" is not a cell address`);
  }
}

function checkBlock(block: TableBlock, sheet: string): Footprint {
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
  const start = planPosition(block.topLeft, where);
  const titleRow = block.title === undefined ? start.row : start.row - 1;
  if (titleRow < 1) throw new WorkbookWriteError(`${where}: its title would fall above row 1`);
  const bottom = start.row + block.rows.length;
  const right = start.column + width - 1;
  if (bottom > lastRow || right > lastColumn) throw new WorkbookWriteError(`${where} runs off the worksheet`);
  const asTable = block.asTable !== false;
  const tableBottom = asTable && block.rows.length === 0 ? bottom + 1 : bottom;
  return { name: block.name, top: titleRow, left: start.column, bottom: tableBottom, right };
}

function checkPageSetup(setup: PageSetup, sheet: string): void {
  const where = `the print settings of sheet '${sheet}'`;
  const [from, to, ...rest] = setup.printArea.split(":");
  if (from === undefined || to === undefined || rest.length > 0)
    throw new WorkbookWriteError(`${where}: print area "${setup.printArea}" is not a range`);
  planPosition(from, where);
  planPosition(to, where);
  const counts = [setup.fitToPagesWide, setup.fitToPagesTall, setup.frozenRows];
  if (counts.some((count) => !Number.isInteger(count) || count < 0))
    throw new WorkbookWriteError(`${where}: pages and frozen rows must be whole numbers`);
}

function overlap(a: Footprint, b: Footprint): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/**
 * Throws a `WorkbookWriteError` naming the first thing wrong with the plan; returns quietly for a
 * plan both adapters can write.
 *
 * @example
 * checkWritePlan({ sheets: [{ name: "CBA Checks", charts: [], blocks: [{ name: "CBA_Out_Checks",
 *   topLeft: "A2", header: ["Check", "Result"], rows: [["Totals foot"]] }] }], cellUpdates: [] });
 * // throws: block 'CBA_Out_Checks' on sheet 'CBA Checks': row 1 has 1 cells for 2 headers
 */
export function checkWritePlan(plan: WritePlan): void {
  const sheetNames = new Set<string>();
  const blockNames = new Set<string>();
  for (const sheet of plan.sheets) {
    const key = sheet.name.toLowerCase();
    if (sheet.name.trim() === "") throw new WorkbookWriteError("a sheet in the plan has no name");
    if (sheetNames.has(key)) throw new WorkbookWriteError(`sheet '${sheet.name}' appears twice in the plan`);
    sheetNames.add(key);
    const footprints: Footprint[] = [];
    for (const block of sheet.blocks) {
      const blockKey = block.name.toLowerCase();
      if (blockNames.has(blockKey)) throw new WorkbookWriteError(`block name '${block.name}' is used twice`);
      blockNames.add(blockKey);
      const footprint = checkBlock(block, sheet.name);
      const clash = footprints.find((other) => overlap(other, footprint));
      if (clash) {
        throw new WorkbookWriteError(
          `blocks '${clash.name}' and '${block.name}' overlap on sheet '${sheet.name}'`,
        );
      }
      footprints.push(footprint);
    }
    if (sheet.pageSetup) checkPageSetup(sheet.pageSetup, sheet.name);
  }
  for (const sheet of plan.sheets) {
    for (const chart of sheet.charts) {
      if (!blockNames.has(chart.sourceBlock.toLowerCase())) {
        throw new WorkbookWriteError(
          `chart '${chart.title}' plots block '${chart.sourceBlock}', which the plan lacks`,
        );
      }
      planPosition(chart.anchor, `chart '${chart.title}'`);
    }
  }
  for (const update of plan.cellUpdates) {
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
    planPosition(update.topLeft, where);
  }
}
