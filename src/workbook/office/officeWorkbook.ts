/**
 * The workbook port over the Excel JavaScript API (the add-in inside Excel).
 *
 * Every call is a fixed number of round trips whatever the size of the workbook or the plan:
 * `read` makes two `context.sync()` calls (what names, tables and sheets exist; then the values
 * of the ranges asked for), `write` makes two (what exists, and the current formats of cells to
 * update; then the whole plan in one batch), `addInputRanges` makes two (what exists; then every
 * sheet and range) and `select` one. Nothing syncs inside a loop.
 */
import { parseSheetRange } from "../cellAddress";
import type {
  CellValue,
  InputRangeSpec,
  NamedRangeData,
  NoteSheetSpec,
  SheetInfo,
  WorkbookPort,
  WorkbookSnapshot,
  WritePlan,
} from "../workbookPort";
import { addInputRanges } from "./inputRangesWriter";
import { newMarkerNames, ownedSheetMarkers, ownedSheetSet } from "./ownedSheetMarkers";
import {
  type BlockWrite,
  type PlanLayout,
  WorkbookWriteError,
  cellUpdateFormats,
  layOutPlan,
  textFormat,
} from "./writePlanLayout";

/** `Excel.run` with a batch; injectable so tests can run the adapter against a simulated host. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface OfficeWorkbookOptions {
  /** Defaults to the global `Excel.run` that office.js defines. */
  run?: ExcelRun;
}

/** Excel gives blanks as ""; the port calls them null. */
function fromExcel(value: unknown): CellValue {
  if (value === "" || value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "string") return value;
  return String(value);
}

function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** A sheet name not used in the workbook, for an owned sheet while its replacement is added. */
function temporarySheetName(taken: Set<string>): string {
  for (let number = 1; ; number += 1) {
    const name = `CBA replaced ${number}`;
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

export class OfficeWorkbook implements WorkbookPort {
  private readonly run: ExcelRun;

  constructor(options: OfficeWorkbookOptions = {}) {
    this.run = options.run ?? ((batch) => Excel.run(batch));
  }

  async read(names: readonly string[]): Promise<WorkbookSnapshot> {
    return this.run(async (context) => {
      const workbook = context.workbook;
      const namedItems = workbook.names.load("items/name, items/type, items/formula");
      const tables = workbook.tables.load("items/name");
      const worksheets = workbook.worksheets.load("items/name");
      await context.sync();

      const namesByKey = new Map(namedItems.items.map((item) => [item.name.toUpperCase(), item]));
      const tablesByKey = new Map(tables.items.map((table) => [table.name.toUpperCase(), table]));
      const pending: { key: string; spelled: string; range: Excel.Range }[] = [];
      for (const key of new Set(names.map((name) => name.toUpperCase()))) {
        const item = namesByKey.get(key);
        // Only names that are a plain sheet range: a formula or a multi-area name has no one block to read.
        if (item && item.type === "Range" && parseSheetRange(String(item.formula).replace(/^=/, ""))) {
          pending.push({ key, spelled: item.name, range: item.getRange().load("address, values") });
          continue;
        }
        const table = tablesByKey.get(key);
        if (table)
          pending.push({ key, spelled: table.name, range: table.getRange().load("address, values") });
      }
      await context.sync();

      const ranges = new Map<string, NamedRangeData>();
      for (const { key, spelled, range } of pending) {
        const where = parseSheetRange(range.address);
        if (!where) throw new Error(`Excel gave '${range.address}' as the address of '${spelled}'`);
        ranges.set(key, {
          name: spelled,
          sheet: where.sheet,
          topLeft: where.topLeft,
          values: range.values.map((row) => row.map(fromExcel)),
        });
      }
      const sheetNames = worksheets.items.map((sheet) => sheet.name);
      const owned = ownedSheetSet(ownedSheetMarkers(namedItems.items, sheetNames));
      const sheets: SheetInfo[] = sheetNames.map((name) => ({
        name,
        ownedByProduct: owned.has(name.toLowerCase()),
      }));
      return { ranges, sheets };
    });
  }

  async write(plan: WritePlan): Promise<void> {
    const layout = layOutPlan(plan);
    await this.run(async (context) => {
      const workbook = context.workbook;
      const worksheets = workbook.worksheets.load("items/name, items/position");
      const namedItems = workbook.names.load("items/name, items/type, items/formula");
      const tables = workbook.tables.load("items/name, items/worksheet/name");
      // Loading a missing sheet fails this read-only batch, so nothing has been written yet.
      const updateRanges = layout.cellUpdates.map((update) =>
        workbook.worksheets.getItem(update.sheet).getRange(update.address).load("numberFormat"),
      );
      await context.sync();

      const sheetNames = worksheets.items.map((sheet) => sheet.name);
      const markers = ownedSheetMarkers(namedItems.items, sheetNames);
      const owned = ownedSheetSet(markers);
      const replaced = new Map<string, Excel.Worksheet>();
      for (const sheet of layout.sheets) {
        const existing = worksheets.items.find((candidate) => sameName(candidate.name, sheet.name));
        if (!existing) continue;
        if (!owned.has(existing.name.toLowerCase())) {
          throw new WorkbookWriteError(
            `Sheet '${existing.name}' was not made by this add-in, so it is left alone; rename it and refresh again`,
          );
        }
        replaced.set(sheet.name.toLowerCase(), existing);
      }
      const namesToDelete = this.namesToDelete(layout, namedItems.items, tables.items, replaced, markers);

      // 1. Clear the names that would clash or point at sheets about to go.
      for (const item of namesToDelete) item.delete();
      // 2. Replace owned sheets where they stand (renamed aside, new one in its place, old one
      //    deleted, so the workbook never runs out of visible sheets), then add the new ones.
      const taken = new Set(sheetNames.map((name) => name.toLowerCase()));
      for (const sheet of layout.sheets) taken.add(sheet.name.toLowerCase());
      const newSheets = new Map<string, Excel.Worksheet>();
      for (const sheet of layout.sheets) {
        const old = replaced.get(sheet.name.toLowerCase());
        if (!old) continue;
        const position = old.position;
        old.name = temporarySheetName(taken);
        const added = workbook.worksheets.add(sheet.name);
        added.position = position;
        old.delete();
        newSheets.set(sheet.name.toLowerCase(), added);
      }
      for (const sheet of layout.sheets) {
        if (!newSheets.has(sheet.name.toLowerCase())) {
          newSheets.set(sheet.name.toLowerCase(), workbook.worksheets.add(sheet.name));
        }
      }
      const sheetFor = (name: string): Excel.Worksheet => newSheets.get(name.toLowerCase())!;
      // 3. Blocks, then charts over them, then the ownership markers.
      for (const sheet of layout.sheets) {
        for (const block of sheet.blocks) this.queueBlock(workbook, sheetFor(sheet.name), block);
      }
      for (const sheet of layout.sheets) {
        for (const chart of sheet.charts) {
          const source = sheetFor(chart.sourceSheet).getRange(chart.sourceAddress);
          const added = sheetFor(sheet.name).charts.add(chart.chartType, source, chart.seriesBy);
          added.title.text = chart.title;
          added.setPosition(chart.anchor);
        }
      }
      const keptNumbers = markers.flatMap((marker) =>
        marker.number !== null && !namesToDelete.some((item) => sameName(item.name, marker.name))
          ? [marker.number]
          : [],
      );
      const markerNames = newMarkerNames(layout.sheets.length, keptNumbers);
      layout.sheets.forEach((sheet, index) => {
        workbook.names.add(markerNames[index]!, sheetFor(sheet.name).getRange("A1"));
      });
      // 4. The product's columns in user ranges.
      layout.cellUpdates.forEach((update, index) => {
        const range = workbook.worksheets.getItem(update.sheet).getRange(update.address);
        const formats = cellUpdateFormats(update.values, updateRanges[index]!.numberFormat);
        if (formats.some((row) => row.some((format) => format !== null))) range.numberFormat = formats;
        range.values = update.values;
      });
      await context.sync();
    });
  }

  async addInputRanges(
    ranges: readonly InputRangeSpec[],
    notes: readonly NoteSheetSpec[] = [],
  ): Promise<void> {
    await this.run((context) => addInputRanges(context, ranges, notes));
  }

  /** Activates the sheet first: selecting on an inactive sheet fails in Excel. */
  async select(sheet: string, address: string): Promise<void> {
    await this.run(async (context) => {
      const worksheet = context.workbook.worksheets.getItem(sheet);
      worksheet.activate();
      worksheet.getRange(address).select();
      await context.sync();
    });
  }

  /** Names to remove before writing; throws if a block name belongs to something of the user's. */
  private namesToDelete(
    layout: PlanLayout,
    namedItems: Excel.NamedItem[],
    tables: Excel.Table[],
    replaced: Map<string, Excel.Worksheet>,
    markers: ReturnType<typeof ownedSheetMarkers>,
  ): Excel.NamedItem[] {
    const replacedSheets = new Set([...replaced.values()].map((sheet) => sheet.name.toLowerCase()));
    for (const table of tables) {
      if (
        layout.blockNames.has(table.name.toLowerCase()) &&
        !replacedSheets.has(table.worksheet.name.toLowerCase())
      ) {
        throw new WorkbookWriteError(
          `The table '${table.name}' on sheet '${table.worksheet.name}' has a name this add-in writes; rename it and refresh again`,
        );
      }
    }
    const staleMarkers = new Set(
      markers
        .filter((marker) => marker.sheet === null || replacedSheets.has(marker.sheet.toLowerCase()))
        .map((marker) => marker.name.toLowerCase()),
    );
    return namedItems.filter((item) => {
      const key = item.name.toLowerCase();
      if (staleMarkers.has(key)) return true;
      if (!layout.blockNames.has(key)) return false;
      const target =
        item.type === "Range" ? parseSheetRange(String(item.formula).replace(/^=/, "")) : undefined;
      const broken = item.type === "Error";
      if (broken || (target && replacedSheets.has(target.sheet.toLowerCase()))) return true;
      throw new WorkbookWriteError(
        `The name '${item.name}' already refers to ${String(item.formula)}; this add-in writes a block of that name, so rename it and refresh again`,
      );
    });
  }

  private queueBlock(workbook: Excel.Workbook, sheet: Excel.Worksheet, block: BlockWrite): void {
    if (block.title) {
      const title = sheet.getRange(block.title.address);
      title.numberFormat = [[textFormat]];
      title.values = [[block.title.text]];
      title.format.font.bold = true;
    }
    const range = sheet.getRange(block.address);
    // Formats first: a string must land in a Text cell to stay a string.
    range.numberFormat = block.numberFormats;
    range.values = block.values;
    if (block.asTable) {
      const table = sheet.tables.add(range, true);
      table.name = block.name;
    } else {
      workbook.names.add(block.name, range);
      sheet.getRange(block.headerAddress).format.font.bold = true;
    }
    for (const fill of block.fills) sheet.getRange(fill.address).format.fill.color = fill.colour;
    range.format.autofitColumns();
  }
}
