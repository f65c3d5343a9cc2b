/**
 * Writes input sheets (the Hampshire example, the blank template) into the open workbook through
 * Office.js, laid out as the headless sample writer lays them out in an .xlsx: each range as an
 * Excel table or a defined name, headers bold, number formats per column, note sheets first.
 *
 * One `Excel.run`, two syncs: the first learns what exists, so a clash is refused before anything is
 * written; the second sends every write.
 */
import { absoluteRange, parseCellAddress, quotedSheetName, rangeAddress } from "../workbook/cellAddress";
import type { InputRangeSpec, NoteSheetSpec } from "../workbook/excelJs/inputRangesWriter";
import type { CellValue } from "../workbook/workbookPort";

export type ExcelBatchRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface InputSheetsContent {
  ranges: readonly InputRangeSpec[];
  /** Note sheets (e.g. "About", "Start here"), placed before the input sheets. */
  notes: readonly NoteSheetSpec[];
  /** Lines written above a range on its sheet, by range name; the range must leave room for them. */
  instructions?: Readonly<Record<string, string>>;
}

/** Text format, so Excel keeps "1-8" or "10, 15" as typed instead of reading a date or a number. */
const textFormat = "@";

export async function insertInputSheets(
  content: InputSheetsContent,
  run: ExcelBatchRunner = (batch) => Excel.run(batch),
): Promise<void> {
  await run(async (context) => {
    const workbook = context.workbook;
    const sheets = workbook.worksheets.load("items/name");
    const names = workbook.names.load("items/name");
    const tables = workbook.tables.load("items/name");
    await context.sync();

    const taken = (list: { name: string }[], name: string) =>
      list.some((item) => item.name.toLowerCase() === name.toLowerCase());
    const clashes = content.ranges
      .map((range) => range.name)
      .filter((name) => taken(names.items, name) || taken(tables.items, name));
    if (clashes.length > 0) {
      throw new Error(
        `This workbook already has ${clashes.join(", ")}. Insert the inputs into a workbook without business case ranges, or delete those first.`,
      );
    }
    const wanted = [...new Set([...content.notes.map((n) => n.name), ...content.ranges.map((r) => r.sheet)])];
    const existing = wanted.filter((name) => taken(sheets.items, name));
    if (existing.length > 0) {
      throw new Error(
        `This workbook already has ${existing.length === 1 ? "a sheet" : "sheets"} named ${existing
          .map((name) => `'${name}'`)
          .join(", ")}. Rename ${existing.length === 1 ? "it" : "them"} and try again; nothing was changed.`,
      );
    }

    const added = new Map<string, Excel.Worksheet>();
    for (const name of wanted) added.set(name, workbook.worksheets.add(name));
    const sheet = (name: string) => added.get(name)!;

    for (const note of content.notes) {
      const target = sheet(note.name);
      if (note.lines.length === 0) continue;
      const range = target.getRange(rangeAddress("A1", note.lines.length, 1));
      range.numberFormat = note.lines.map(() => [textFormat]);
      range.values = note.lines.map((line) => [line]);
      target.getRange("A1").format.font.bold = true;
    }

    for (const spec of content.ranges) {
      const target = sheet(spec.sheet);
      const instruction = content.instructions?.[spec.name];
      if (instruction !== undefined) {
        const top = parseCellAddress(spec.topLeft);
        const above = rangeAddress(`A${Math.max(1, top.row - 2)}`, 1, 1);
        target.getRange(above).numberFormat = [[textFormat]];
        target.getRange(above).values = [[instruction]];
        target.getRange(above).format.font.bold = true;
      }
      const rows = spec.rows.map((row) => spec.header.map((_, column) => row[column] ?? null));
      const block = [spec.header as CellValue[], ...rows];
      const address = rangeAddress(spec.topLeft, block.length, spec.header.length);
      const range = target.getRange(address);
      range.numberFormat = block.map((row, rowIndex) =>
        row.map((value, column) =>
          rowIndex === 0 || typeof value === "string"
            ? textFormat
            : (spec.columnFormats?.[column] ?? "General"),
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

    const first = content.notes[0]?.name ?? content.ranges[0]?.sheet;
    if (first !== undefined) sheet(first).activate();
    await context.sync();
  });
}
