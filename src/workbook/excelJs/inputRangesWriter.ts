import type ExcelJS from "exceljs";
import { absoluteRange, parseCellAddress, quotedSheetName, rangeAddress } from "../cellAddress";
import type { CellValue, InputRangeSpec, NoteSheetSpec } from "../workbookPort";

/**
 * Writes input ranges (and note sheets) into an ExcelJS workbook, creating sheets as needed, so
 * samples, tests and benchmarks build real contract workbooks the way a user would lay them out.
 * Ranges may share a sheet, or go onto one that exists; `ExcelJsWorkbook.addInputRanges` is the
 * port's stricter form, which refuses sheets and names already there.
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
    if (range.instruction !== undefined) {
      const instruction = worksheet.getCell(Math.max(1, top.row - 2), 1);
      instruction.value = range.instruction;
      instruction.font = { bold: true };
    }
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
