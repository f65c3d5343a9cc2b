import type ExcelJS from "exceljs";
import { absoluteRange, parseCellAddress, quotedSheetName, rangeAddress } from "../cellAddress";
import type { CellValue } from "../workbookPort";

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
}

/** A sheet of plain text lines, e.g. notes on where a sample's figures come from. */
export interface NoteSheetSpec {
  name: string;
  lines: string[];
}

/**
 * Writes input ranges (and note sheets) into an ExcelJS workbook, creating sheets as needed, so
 * samples, tests and benchmarks build real contract workbooks the way a user would lay them out.
 *
 * @example
 * addInputRanges(workbook, [{ name: "CBA_Partners", sheet: "Partners", topLeft: "A1", header: ["Code", "Name"], rows: [["HCC", "Hampshire County Council"]], as: "table" }]);
 */
export function addInputRanges(
  workbook: ExcelJS.Workbook,
  ranges: readonly InputRangeSpec[],
  notes: readonly NoteSheetSpec[] = [],
): void {
  const sheet = (name: string) => workbook.getWorksheet(name) ?? workbook.addWorksheet(name);
  for (const note of notes) {
    const worksheet = sheet(note.name);
    note.lines.forEach((line, index) => {
      worksheet.getCell(index + 1, 1).value = line;
    });
    worksheet.getColumn(1).width = 110;
  }
  for (const range of ranges) {
    const worksheet = sheet(range.sheet);
    const top = parseCellAddress(range.topLeft);
    const rows = range.rows.map((row) => range.header.map((_, c) => row[c] ?? null));
    if (range.as === "table") {
      worksheet.addTable({
        name: range.name,
        ref: range.topLeft,
        headerRow: true,
        style: { theme: "TableStyleLight9", showRowStripes: true },
        columns: range.header.map((name) => ({ name, filterButton: true })),
        rows,
      });
    } else {
      [range.header as CellValue[], ...rows].forEach((row, r) =>
        row.forEach((value, c) => {
          worksheet.getCell(top.row + r, top.column + c).value = value;
        }),
      );
      range.header.forEach((_, c) => {
        worksheet.getCell(top.row, top.column + c).font = { bold: true };
      });
      const address = absoluteRange(rangeAddress(range.topLeft, rows.length + 1, range.header.length));
      workbook.definedNames.add(`${quotedSheetName(range.sheet)}!${address}`, range.name);
    }
    range.columnFormats?.forEach((format, c) => {
      if (format === null) return;
      for (let r = 0; r < rows.length; r++)
        worksheet.getCell(top.row + 1 + r, top.column + c).numFmt = format;
    });
    range.header.forEach((header, c) => {
      const column = worksheet.getColumn(top.column + c);
      const longest = Math.max(
        header.length,
        ...rows.map((row) => (row[c] === null ? 0 : String(row[c]).length)),
      );
      column.width = Math.max(column.width ?? 8, Math.min(longest + 3, 50));
    });
  }
}
