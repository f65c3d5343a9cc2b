/**
 * Helpers for tests that work on real .xlsx files: build a workbook from input ranges, refresh it
 * through the ExcelJS adapter, and read results back with ExcelJS directly (not through the adapter
 * under test), so a test sees what Excel would open.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { addInputRanges } from "../../src/workbook/excelJs/inputRangesWriter";
import { ExcelJsWorkbook } from "../../src/workbook/excelJs/excelJsWorkbook";
import { type RefreshOptions, type RefreshReport, refreshWorkbook } from "../../src/workbook/refreshWorkbook";
import type { CellValue, InputRangeSpec, NoteSheetSpec } from "../../src/workbook/workbookPort";

export function temporaryFolder(): { path: (name: string) => string; remove: () => void } {
  const folder = mkdtempSync(join(tmpdir(), "cba-test-"));
  return {
    path: (name) => join(folder, name),
    remove: () => rmSync(folder, { recursive: true, force: true }),
  };
}

/** A temporary folder that is removed after all the tests of the file that calls this. */
export function temporaryFolderForThisFile(): { path: (name: string) => string } {
  const folder = temporaryFolder();
  afterAll(() => folder.remove());
  return folder;
}

export async function writeWorkbook(
  file: string,
  ranges: readonly InputRangeSpec[],
  notes: readonly NoteSheetSpec[] = [],
  extra?: (workbook: ExcelJS.Workbook) => void,
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  addInputRanges(workbook, ranges, notes);
  extra?.(workbook);
  await workbook.xlsx.writeFile(file);
}

/** Refreshes `input` and saves to `output` when something was written (as `cba run` does). */
export async function refreshFile(
  input: string,
  output: string,
  options: RefreshOptions = {},
): Promise<RefreshReport> {
  const port = await ExcelJsWorkbook.fromFile(input);
  const report = await refreshWorkbook(port, options);
  if (report.status === "written") await port.saveAs(output);
  return report;
}

export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

export interface TableContents {
  sheet: string;
  ref: string;
  header: string[];
  rows: CellValue[][];
  /** Number format of each data cell, same shape as rows. */
  formats: string[][];
}

function plain(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "object" && !(value instanceof Date)) {
    if ("result" in value) return plain(value.result as ExcelJS.CellValue);
    if ("richText" in value) return value.richText.map((part) => part.text).join("");
    return JSON.stringify(value);
  }
  return value instanceof Date ? value.toISOString() : value;
}

/** A cell's value; a formula's cached result from `cell.result` (`cell.value` drops a result of 0). */
function cellValue(cell: ExcelJS.Cell): CellValue {
  if (cell.type === ExcelJS.ValueType.Formula && cell.result !== undefined && cell.result !== null)
    return plain(cell.result as ExcelJS.CellValue);
  return plain(cell.value);
}

/** An Excel table's header and data rows, by table name. */
export function readTable(workbook: ExcelJS.Workbook, name: string): TableContents {
  for (const sheet of workbook.worksheets) {
    for (const entry of sheet.getTables() as unknown as { table: { name: string; tableRef: string } }[]) {
      if (entry.table.name !== name) continue;
      const [start, end] = entry.table.tableRef.split(":") as [string, string];
      const top = sheet.getCell(start);
      const bottom = sheet.getCell(end);
      const rowNumbers = Array.from(
        { length: Number(bottom.row) - Number(top.row) + 1 },
        (_, i) => Number(top.row) + i,
      );
      const columns = Array.from(
        { length: Number(bottom.col) - Number(top.col) + 1 },
        (_, i) => Number(top.col) + i,
      );
      const [headerRow, ...dataRows] = rowNumbers;
      return {
        sheet: sheet.name,
        ref: entry.table.tableRef,
        header: columns.map((c) => String(plain(sheet.getCell(headerRow!, c).value))),
        rows: dataRows.map((r) => columns.map((c) => cellValue(sheet.getCell(r, c)))),
        formats: dataRows.map((r) => columns.map((c) => sheet.getCell(r, c).numFmt ?? "")),
      };
    }
  }
  throw new Error(`No table named ${name}`);
}

/** Rows of a table as objects keyed by header. */
export function tableRecords(table: TableContents): Record<string, CellValue>[] {
  return table.rows.map((row) => Object.fromEntries(table.header.map((h, c) => [h, row[c] ?? null])));
}

/** Every non-empty cell of a sheet, by address: what a user sees, for before/after comparisons. */
export function sheetCells(workbook: ExcelJS.Workbook, name: string): Record<string, CellValue> {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`No sheet named ${name}`);
  const cells: Record<string, CellValue> = {};
  sheet.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      cells[cell.address] = cellValue(cell);
    }),
  );
  return cells;
}

export function sheetNames(workbook: ExcelJS.Workbook): string[] {
  return workbook.worksheets.map((sheet) => sheet.name);
}
