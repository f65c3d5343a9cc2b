/**
 * Writes input sheets (the Hampshire example, the blank template) into the open workbook through
 * Office.js, laid out as the ExcelJS writer lays them out in an .xlsx: each range as an Excel
 * table or a defined name, headers bold, number formats per column, note sheets first.
 *
 * Two syncs whatever the size: the first learns what exists, so a clash is refused before
 * anything is written; the second sends every write.
 */
import { absoluteRange, parseCellAddress, quotedSheetName, rangeAddress } from "../cellAddress";
import { newInputSheetNames, refuseInputRangeClashes } from "../newInputSheets";
import type { CellValue, InputRangeSpec, NoteSheetSpec } from "../workbookPort";
import { textFormat } from "./writePlanLayout";

/**
 * Adds the ranges and note sheets on new sheets and activates the first of them.
 *
 * @example
 * await Excel.run((context) => addInputRanges(context, blankTemplateRanges(), [blankTemplateNotes]));
 */
export async function addInputRanges(
  context: Excel.RequestContext,
  ranges: readonly InputRangeSpec[],
  notes: readonly NoteSheetSpec[],
): Promise<void> {
  const workbook = context.workbook;
  const sheets = workbook.worksheets.load("items/name");
  const names = workbook.names.load("items/name");
  const tables = workbook.tables.load("items/name");
  await context.sync();

  refuseInputRangeClashes(ranges, notes, {
    sheets: sheets.items.map((sheet) => sheet.name),
    names: [...names.items, ...tables.items].map((item) => item.name),
  });
  const wanted = newInputSheetNames(ranges, notes);
  const added = new Map<string, Excel.Worksheet>();
  for (const name of wanted) added.set(name, workbook.worksheets.add(name));
  const sheet = (name: string) => added.get(name)!;

  for (const note of notes) {
    const target = sheet(note.name);
    if (note.lines.length === 0) continue;
    const range = target.getRange(rangeAddress("A1", note.lines.length, 1));
    range.numberFormat = note.lines.map(() => [textFormat]);
    range.values = note.lines.map((line) => [line]);
    target.getRange("A1").format.font.bold = true;
  }

  for (const spec of ranges) queueInputRange(workbook, sheet(spec.sheet), spec);

  const first = wanted[0];
  if (first !== undefined) sheet(first).activate();
  await context.sync();
}

function queueInputRange(workbook: Excel.Workbook, target: Excel.Worksheet, spec: InputRangeSpec): void {
  if (spec.instruction !== undefined) {
    const top = parseCellAddress(spec.topLeft);
    const above = target.getRange(`A${Math.max(1, top.row - 2)}`);
    above.numberFormat = [[textFormat]];
    above.values = [[spec.instruction]];
    above.format.font.bold = true;
  }
  const rows = spec.rows.map((row) => spec.header.map((_, column) => row[column] ?? null));
  const block = [spec.header as CellValue[], ...rows];
  const address = rangeAddress(spec.topLeft, block.length, spec.header.length);
  const range = target.getRange(address);
  // Text format for headers and strings, so Excel keeps "1-8" or "10, 15" as typed instead of
  // reading a date or a number; formats go before values for that reason.
  range.numberFormat = block.map((row, rowIndex) =>
    row.map((value, column) =>
      rowIndex === 0 || typeof value === "string" ? textFormat : (spec.columnFormats?.[column] ?? "General"),
    ),
  );
  range.values = block.map((row) => row.map((value) => (value === null ? "" : value)));
  target.getRange(rangeAddress(spec.topLeft, 1, spec.header.length)).format.font.bold = true;
  if (spec.as === "table") {
    const table = target.tables.add(range, true);
    table.name = spec.name;
  } else {
    workbook.names.add(spec.name, `=${quotedSheetName(spec.sheet)}!${absoluteRange(address)}`);
  }
  range.format.autofitColumns();
}
