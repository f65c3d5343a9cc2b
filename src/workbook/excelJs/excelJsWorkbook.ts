import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import {
  absoluteRange,
  cellAddress,
  parseCellAddress,
  parseSheetRange,
  quotedSheetName,
  rangeAddress,
} from "../cellAddress";
import { measureColumnWidths } from "../columnWidths";
import { formulaAt } from "../formulaCells";
import { allInputRangeNames } from "../inputContract";
import { newInputSheetNames, refuseInputRangeClashes } from "../newInputSheets";
import { sameSheetName } from "../productSheets";
import { checkWritePlan } from "../writePlanCheck";
import {
  type CellUpdate,
  type CellValue,
  type InputRangeSpec,
  type NamedRangeData,
  type NoteSheetSpec,
  type OwnedSheet,
  type PageSetup,
  ownedSheetMarkerPrefix,
  type SheetInfo,
  type TableBlock,
  type WorkbookPort,
  type WorkbookSnapshot,
  type WritePlan,
} from "../workbookPort";
import { addChartsToPackage } from "../xlsxPackage/addCharts";
import { chartsOfSheets } from "../xlsxPackage/chartSeries";
import { writeFileAtomically } from "../xlsxPackage/atomicFile";
import { graftResults } from "../xlsxPackage/graftResults";
import { resultSheetsPackage } from "../xlsxPackage/resultSheetsPackage";
import { definedNamesOfPackage, type PackageDefinedName } from "../xlsxPackage/packageNames";
import { zipArchive } from "../xlsxPackage/zipArchive";
import { addInputRanges as writeInputRanges } from "./inputRangesWriter";
import { TypedTextOnResultSheet, UnreadableNameError } from "./workbookFileErrors";

/**
 * The package with the chart parts of the sheets' ChartSpecs added (ExcelJS writes none); the
 * same bytes when no sheet asks for a chart.
 */
async function withCharts(bytes: Buffer, sheets: readonly OwnedSheet[]): Promise<Buffer> {
  if (!sheets.some((sheet) => sheet.charts.length > 0)) return bytes;
  const zip = await JSZip.loadAsync(bytes);
  await addChartsToPackage(zip, sheets);
  return zipArchive(zip);
}

/** A sheet's view as ExcelJS reads and writes it; its typings omit `tabSelected`. */
type SheetView = Partial<ExcelJS.WorksheetView> & { tabSelected?: boolean };

/** What ExcelJS keeps about a table, loaded from a file or added in memory. */
interface TableModel {
  name: string;
  displayName?: string;
  ref?: string;
  tableRef?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
  rows?: unknown[][];
  columns?: unknown[];
}

/** The file a workbook was opened from: its bytes, and its defined names as written. */
interface OpenedPackage {
  bytes: Buffer;
  names: PackageDefinedName[];
}

export interface ExcelJsWorkbookOptions {
  /**
   * Replace a result sheet even when a user typed on it outside the product's results (default
   * false: such a write is refused, naming the cells).
   */
  discardTypedText?: boolean;
  /**
   * Adds parts to the package of result sheets before it is grafted into the user's file (the
   * chart writer adds drawings and charts to product sheets here). Whatever a product sheet's
   * relationships reach is carried into the user's package.
   */
  addToResults?: (resultsPackage: Buffer, sheets: readonly OwnedSheet[]) => Promise<Buffer>;
}

const inputNames = new Set(allInputRangeNames.map((name) => name.toUpperCase()));

/** Excel counts days from 30 December 1899; whole days in UTC, never through local time. */
const excelEpochMs = Date.UTC(1899, 11, 30);
const msPerDay = 86_400_000;

/**
 * The workbook port over an ExcelJS workbook: headless runs on .xlsx files, and tests.
 *
 * Reads workbook-scoped defined names and Excel tables (a table's totals row is left out: it is a
 * formula of the rows above). Writes owned sheets as Excel tables named after their blocks (a
 * table's name is itself a name users can reference, so no second defined name is added), plain
 * blocks with a defined name covering header and rows, and the CellUpdates into user cells
 * without touching their formatting.
 *
 * ExcelJS cannot write charts, so the adapter remembers the owned sheets it wrote and saving adds
 * their ChartSpecs' chart parts to the result sheets' package (`addChartsToPackage`) before it is
 * grafted, plotting the same source blocks the Office.js adapter charts. A selection
 * is saved as the sheet Excel opens on and its active cell (the top-left cell of a range).
 *
 * @example
 * const port = await ExcelJsWorkbook.fromFile("case.xlsx");
 * await refreshWorkbook(port);
 * await port.saveAs("case-results.xlsx");
 */
export class ExcelJsWorkbook implements WorkbookPort {
  /** The product sheets written so far, by lower-cased name, as planned (the last plan of a sheet wins). */
  private readonly writtenSheets = new Map<string, OwnedSheet>();
  private readonly writtenUpdates: CellUpdate[] = [];
  /** Set when something other than results was changed, which a graft cannot carry. */
  private changedBeyondResults = false;
  /** Owned sheets of the file as it was opened, lower-cased. */
  private readonly ownedAtOpening: Set<string>;

  constructor(
    readonly workbook: ExcelJS.Workbook,
    private readonly source?: OpenedPackage,
    private readonly options: ExcelJsWorkbookOptions = {},
  ) {
    this.ownedAtOpening = this.ownedSheetNames();
  }

  /**
   * Opens a workbook file. Saving it again grafts only the product's parts into the original
   * package, so everything of the user's stays exactly as it was (see `graftResults`).
   */
  static async fromFile(path: string, options: ExcelJsWorkbookOptions = {}): Promise<ExcelJsWorkbook> {
    const bytes = await readFile(path);
    return ExcelJsWorkbook.fromBuffer(bytes, options);
  }

  static async fromBuffer(bytes: Buffer, options: ExcelJsWorkbookOptions = {}): Promise<ExcelJsWorkbook> {
    const { names, withoutNames } = await definedNamesOfPackage(bytes);
    const workbook = new ExcelJS.Workbook();
    // ExcelJS is given the package without its names: it would drop or garble some, and it
    // expands a name sized for growth into a million cells. The adapter reads them itself.
    await workbook.xlsx.load(withoutNames as unknown as ExcelJS.Buffer);
    return new ExcelJsWorkbook(workbook, { bytes, names }, options);
  }

  /** The workbook as it would be saved. */
  async toBuffer(): Promise<Buffer> {
    if (!this.source || this.changedBeyondResults) {
      // A full save through ExcelJS (new input sheets were added): the names it was not given
      // go back in, as far as ExcelJS can hold them (sheet ranges, workbook-scoped).
      if (this.source) {
        const present = new Set(this.workbook.definedNames.model.map((entry) => entry.name.toUpperCase()));
        const restored = this.source.names
          .filter((entry) => !entry.sheetScoped && !present.has(entry.name.toUpperCase()))
          .filter((entry) => parseSheetRange(entry.reference) !== undefined)
          .map((entry) => ({ name: entry.name, ranges: [entry.reference] }));
        this.workbook.definedNames.model = [...this.workbook.definedNames.model, ...restored];
      }
      return withCharts(Buffer.from(await this.workbook.xlsx.writeBuffer()), [
        ...this.writtenSheets.values(),
      ]);
    }
    if (this.writtenSheets.size === 0 && this.writtenUpdates.length === 0) return this.source.bytes;
    const sheets = [...this.writtenSheets.values()];
    const results = resultSheetsPackage(sheets);
    // The results' package stays in memory up to the graft; only a caller's hook gets its bytes.
    await addChartsToPackage(results.zip, sheets);
    const productPackage = this.options.addToResults
      ? await this.options.addToResults(
          await results.zip.generateAsync({ type: "nodebuffer", compression: "STORE" }),
          sheets,
        )
      : results.zip;
    return graftResults(this.source.bytes, {
      productPackage,
      names: results.names,
      printAreas: results.printAreas,
      sheets: sheets.map((sheet) => sheet.name),
      replacedSheets: sheets
        .map((sheet) => sheet.name)
        .filter((name) => this.ownedAtOpening.has(name.toLowerCase())),
      cellUpdates: this.writtenUpdates.flatMap((update) => {
        const start = parseCellAddress(update.topLeft);
        const sheet = this.findSheet(update.sheet)?.name ?? update.sheet;
        return update.values.flatMap((row, r) =>
          row.map((value, c) => {
            const cell = { sheet, row: start.row + r, column: start.column + c, value };
            const formula = formulaAt(update, r, c);
            return formula === undefined ? cell : { ...cell, formula };
          }),
        );
      }),
    });
  }

  /** Saves atomically: a temporary file beside the target, renamed over it only once complete. */
  async saveAs(path: string): Promise<void> {
    await writeFileAtomically(path, await this.toBuffer());
  }

  async read(names: readonly string[]): Promise<WorkbookSnapshot> {
    const wanted = new Set(names.map((name) => name.toUpperCase()));
    const ranges = new Map<string, NamedRangeData>();
    for (const { name, reference } of this.definedNames()) {
      const key = name.toUpperCase();
      if (!wanted.has(key) || ranges.has(key)) continue;
      const range = parseSheetRange(reference);
      const sheet = range && this.findSheet(range.sheet);
      if (!range || !sheet) {
        // A result sheet's own name left broken (its sheet deleted) is the product's to rewrite.
        if (!inputNames.has(key)) continue;
        throw new UnreadableNameError(name, reference, range && `the sheet "${range.sheet}" does not exist`);
      }
      ranges.set(key, {
        name,
        sheet: sheet.name,
        topLeft: range.topLeft,
        values: readValues(sheet, range.topLeft, range.bottomRight),
      });
    }
    for (const sheet of this.workbook.worksheets) {
      for (const table of tablesOf(sheet)) {
        // Formulas refer to a table by its display name.
        const tableName = table.displayName ?? table.name;
        const key = tableName.toUpperCase();
        if (!wanted.has(key) || ranges.has(key)) continue;
        const [topLeft, bottomRight] = tableExtent(table);
        ranges.set(key, {
          name: tableName,
          sheet: sheet.name,
          topLeft,
          values: readValues(sheet, topLeft, bottomRight),
        });
      }
    }
    const owned = this.ownedSheetNames();
    const sheets: SheetInfo[] = this.workbook.worksheets.map((sheet) => ({
      name: sheet.name,
      ownedByProduct: owned.has(sheet.name.toLowerCase()) || this.writtenSheets.has(sheet.name.toLowerCase()),
    }));
    for (const sheet of this.writtenSheets.values())
      if (!this.findSheet(sheet.name)) sheets.push({ name: sheet.name, ownedByProduct: true });
    return { ranges, sheets };
  }

  async write(plan: WritePlan): Promise<void> {
    // The same check as the Office.js adapter's: a malformed plan fails here, before anything is written.
    checkWritePlan(plan);
    const owned = this.ownedSheetNames();
    for (const sheet of plan.sheets) {
      const existing = this.findSheet(sheet.name);
      if (existing && !owned.has(existing.name.toLowerCase())) {
        throw new Error(
          `The sheet "${existing.name}" was not created by this product and is never overwritten`,
        );
      }
    }
    this.checkBlockNamesFree(plan);
    // The charts are added on saving; a plan whose charts cannot be laid out fails here, unwritten.
    if (plan.sheets.some((sheet) => sheet.charts.length > 0)) chartsOfSheets(plan.sheets);
    for (const update of plan.cellUpdates) {
      if (!this.findSheet(update.sheet))
        throw new Error(`The sheet "${update.sheet}" to update does not exist`);
    }
    if (!this.options.discardTypedText) {
      for (const sheet of plan.sheets) {
        const existing = this.findSheet(sheet.name);
        const typed = existing ? this.typedCells(existing) : [];
        if (typed.length > 0) throw new TypedTextOnResultSheet(existing!.name, typed);
      }
    }
    for (const sheet of plan.sheets) this.writtenSheets.set(sheet.name.toLowerCase(), sheet);
    this.writtenUpdates.push(...plan.cellUpdates);
    // A workbook opened from a file keeps its model as read: the results are held as planned and
    // grafted into the file on saving, so they are built once, in a package of their own.
    if (this.source) return;
    let names = this.workbook.definedNames.model;
    for (const sheet of plan.sheets) {
      const existing = this.findSheet(sheet.name);
      let orderNo: number | undefined;
      if (existing) {
        orderNo = sheetOrder(existing).orderNo;
        names = names.filter(
          (n) => !n.ranges.every((r) => sameSheetName(parseSheetRange(r)?.sheet ?? "", existing.name)),
        );
        this.workbook.removeWorksheet(existing.id);
      }
      const worksheet = this.workbook.addWorksheet(sheet.name);
      // Keep the sheet's place among the tabs: ExcelJS orders sheets by orderNo.
      if (orderNo !== undefined) sheetOrder(worksheet).orderNo = orderNo;
      names.push({
        name: nextMarkerName([...names, ...this.sourceNames()]),
        ranges: [`${quotedSheetName(sheet.name)}!$A$1`],
      });
      names.push(...writeOwnedSheet(worksheet, sheet));
      this.writtenSheets.set(sheet.name.toLowerCase(), sheet);
    }
    this.workbook.definedNames.model = names;
    for (const update of plan.cellUpdates) this.applyUpdate(update);
  }

  async addInputRanges(
    ranges: readonly InputRangeSpec[],
    notes: readonly NoteSheetSpec[] = [],
  ): Promise<void> {
    refuseInputRangeClashes(ranges, notes, {
      sheets: this.workbook.worksheets.map((sheet) => sheet.name),
      names: [
        ...this.definedNames().map((item) => item.name),
        ...this.workbook.worksheets.flatMap((sheet) =>
          tablesOf(sheet).map((table) => table.displayName ?? table.name),
        ),
      ],
    });
    writeInputRanges(this.workbook, ranges, notes);
    // New input sheets are the user's from now on; only a full save of the workbook writes them.
    this.changedBeyondResults = true;
    const first = newInputSheetNames(ranges, notes)[0];
    if (first !== undefined) await this.select(first, "A1");
  }

  /**
   * The sheet becomes the one Excel opens on, and the range's top-left cell its active cell: a
   * file keeps one active cell per sheet, not a selected range.
   */
  async select(sheet: string, address: string): Promise<void> {
    const target = this.findSheet(sheet);
    if (!target) throw new Error(`The sheet "${sheet}" to select does not exist`);
    const activeCell = cellAddress(parseCellAddress(address.split(":")[0] ?? address));
    const worksheets = this.workbook.worksheets;
    // A sheet or workbook read from a file without views has none (null). Only one tab may be
    // marked selected, or Excel opens with the sheets grouped.
    const viewsOf = (worksheet: ExcelJS.Worksheet) => (worksheet.views ?? []) as SheetView[];
    for (const other of worksheets) {
      if (other !== target) other.views = viewsOf(other).map((view) => ({ ...view, tabSelected: false }));
    }
    const [view, ...otherViews] = viewsOf(target);
    // ExcelJS writes a view's active cell only when the view has a state.
    const selected: SheetView = { state: "normal", ...view, activeCell, tabSelected: true };
    target.views = [selected, ...otherViews];
    const index = worksheets.indexOf(target);
    const [bookView, ...otherBookViews] = this.workbook.views ?? [];
    this.workbook.views = [
      {
        x: 0,
        y: 0,
        width: 12000,
        height: 24000,
        visibility: "visible",
        ...bookView,
        firstSheet: Math.min(bookView?.firstSheet ?? 0, index),
        activeTab: index,
      },
      ...otherBookViews,
    ];
  }

  /**
   * Table and range names are one namespace in Excel: a block name already used by a table or a
   * name outside the sheets being replaced would corrupt the file, so refuse before changing anything.
   */
  private checkBlockNamesFree(plan: WritePlan): void {
    const replaced = (sheet: string) => plan.sheets.some((s) => sameSheetName(s.name, sheet));
    const taken = new Map<string, string>();
    for (const sheet of this.workbook.worksheets) {
      if (replaced(sheet.name)) continue;
      for (const table of tablesOf(sheet))
        taken.set((table.displayName ?? table.name).toLowerCase(), sheet.name);
    }
    for (const { name, reference } of this.definedNames()) {
      const sheet = parseSheetRange(reference)?.sheet;
      if (sheet !== undefined && !replaced(sheet)) taken.set(name.toLowerCase(), sheet);
    }
    for (const sheet of plan.sheets) {
      for (const block of sheet.blocks) {
        const holder = taken.get(block.name.toLowerCase());
        if (holder !== undefined) {
          throw new Error(
            `The name "${block.name}" is already used on sheet "${holder}"; rename it and refresh again`,
          );
        }
      }
    }
  }

  private applyUpdate(update: CellUpdate): void {
    const sheet = this.findSheet(update.sheet);
    if (!sheet) throw new Error(`The sheet "${update.sheet}" to update does not exist`);
    const start = parseCellAddress(update.topLeft);
    update.values.forEach((row, r) =>
      row.forEach((value, c) => {
        sheet.getCell(start.row + r, start.column + c).value = excelJsCellValue(
          value,
          formulaAt(update, r, c),
        );
      }),
    );
  }

  /**
   * Cells of a product sheet holding something the product did not write there: outside every
   * table and named block of the sheet and the title line above each. A user's note typed on a
   * result sheet would be lost when the sheet is replaced.
   */
  private typedCells(sheet: ExcelJS.Worksheet): { address: string; text: string }[] {
    const areas: { top: number; left: number; bottom: number; right: number }[] = [];
    const add = (topLeft: string, bottomRight: string) => {
      const start = parseCellAddress(topLeft);
      const end = parseCellAddress(bottomRight);
      // One row above: the block's title.
      areas.push({ top: start.row - 1, left: start.column, bottom: end.row, right: end.column });
    };
    for (const table of tablesOf(sheet)) {
      const reference = table.tableRef ?? table.ref;
      if (reference === undefined) continue;
      const [topLeft, bottomRight = topLeft] = reference.split(":") as [string, string?];
      add(topLeft, bottomRight);
    }
    for (const { reference } of this.definedNames()) {
      const range = parseSheetRange(reference);
      if (range && sameSheetName(range.sheet, sheet.name)) add(range.topLeft, range.bottomRight);
    }
    const typed: { address: string; text: string }[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        const value = cellValueOf(cell);
        if (value === null || value === "") return;
        const inside = areas.some(
          (a) => rowNumber >= a.top && rowNumber <= a.bottom && column >= a.left && column <= a.right,
        );
        if (!inside) typed.push({ address: cellAddress({ row: rowNumber, column }), text: String(value) });
      });
    });
    return typed;
  }

  /** The names of the opened file, as it wrote them. */
  private sourceNames(): PackageDefinedName[] {
    return this.source?.names ?? [];
  }

  /** Workbook-level names and where they point: as the file wrote them, then any added since. */
  private definedNames(): { name: string; reference: string }[] {
    const fromFile = this.sourceNames();
    const seen = new Set(fromFile.map((entry) => entry.name.toUpperCase()));
    const added = this.workbook.definedNames.model
      .filter((entry) => !seen.has(entry.name.toUpperCase()) && entry.ranges[0] !== undefined)
      .map((entry) => ({ name: entry.name, reference: entry.ranges[0]! }));
    // Sheet-scoped names come after workbook-scoped ones of the same spelling, which win.
    const ordered = [...fromFile].sort((a, b) => Number(a.sheetScoped) - Number(b.sheetScoped));
    return [...ordered, ...added];
  }

  private findSheet(name: string): ExcelJS.Worksheet | undefined {
    return this.workbook.worksheets.find((sheet) => sameSheetName(sheet.name, name));
  }

  /** Lower-cased names of sheets carrying an ownership marker on their A1 cell. */
  private ownedSheetNames(): Set<string> {
    const owned = new Set<string>();
    for (const { name, reference: text } of this.definedNames()) {
      if (!name.toUpperCase().startsWith(ownedSheetMarkerPrefix.toUpperCase())) continue;
      const reference = parseSheetRange(text);
      if (reference && reference.topLeft === "A1" && reference.bottomRight === "A1")
        owned.add(reference.sheet.toLowerCase());
    }
    return owned;
  }
}

/** ExcelJS keeps a sheet's tab position in `orderNo`, which its typings omit. */
function sheetOrder(sheet: ExcelJS.Worksheet): { orderNo: number } {
  return sheet as unknown as { orderNo: number };
}

function tablesOf(sheet: ExcelJS.Worksheet): TableModel[] {
  return (sheet.getTables() as unknown as { table: TableModel }[])
    .map((t) => t.table)
    .filter((t) => t !== undefined);
}

/** Top-left and bottom-right of a table's header and data rows (not its totals row). */
function tableExtent(table: TableModel): [string, string] {
  const reference = table.tableRef ?? table.ref ?? "A1";
  const [topLeft, bottomRight = topLeft] = reference.split(":") as [string, string?];
  if (!table.totalsRow) return [topLeft, bottomRight];
  const lastDataRow = parseCellAddress(bottomRight).row - 1;
  return [topLeft, `${bottomRight.replace(/\d+$/, "")}${lastDataRow}`];
}

/**
 * The values of a range, cut at the sheet's last used row and column: a name sized for growth
 * (`$A$1:$F$1048576`) reads only the rows in use.
 */
function readValues(sheet: ExcelJS.Worksheet, topLeft: string, bottomRight: string): CellValue[][] {
  const start = parseCellAddress(topLeft);
  const given = parseCellAddress(bottomRight);
  const end = {
    row: Math.max(start.row, Math.min(given.row, sheet.rowCount)),
    column: Math.max(start.column, Math.min(given.column, sheet.columnCount)),
  };
  const values: CellValue[][] = [];
  for (let row = start.row; row <= end.row; row++) {
    const excelRow = sheet.findRow(row);
    const cells: CellValue[] = [];
    for (let column = start.column; column <= end.column; column++) {
      cells.push(cellValueOf(excelRow?.findCell(column)));
    }
    values.push(cells);
  }
  return values;
}

/**
 * A cell's value for the port. A formula's cached result comes from `cell.result`: ExcelJS's
 * `cell.value` leaves out a result of 0, FALSE or "", which would read as a formula never calculated.
 */
export function cellValueOf(cell: ExcelJS.Cell | undefined): CellValue {
  if (cell === undefined) return null;
  if (cell.type === ExcelJS.ValueType.Formula) {
    const result = cell.result as ExcelJS.CellValue | undefined;
    if (result !== undefined && result !== null) return toCellValue(result);
  }
  return toCellValue(cell.value);
}

/** ExcelJS's cell values (formulas, rich text, hyperlinks, dates, errors) as the port's plain values. */
export function toCellValue(value: ExcelJS.CellValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return (value.getTime() - excelEpochMs) / msPerDay;
  if (typeof value === "object") {
    if ("error" in value) return String(value.error);
    if ("richText" in value) return value.richText.map((part) => part.text).join("");
    if ("formula" in value || "sharedFormula" in value) {
      const { result, formula, sharedFormula } = value as {
        result?: ExcelJS.CellValue;
        formula?: string;
        sharedFormula?: string;
      };
      // A formula saved without its calculated value (written by a library, never opened in Excel)
      // is kept as its "=…" text, so the readers can say so instead of reading a blank or a zero.
      if (result === undefined || result === null) return `=${String(formula ?? sharedFormula ?? "")}`;
      return toCellValue(result);
    }
    if ("text" in value) return String((value as { text: unknown }).text);
  }
  return null;
}

function nextMarkerName(names: readonly { name: string }[]): string {
  const taken = new Set(names.map((n) => n.name.toUpperCase()));
  let index = 1;
  while (taken.has(`${ownedSheetMarkerPrefix}${index}`.toUpperCase())) index++;
  return `${ownedSheetMarkerPrefix}${index}`;
}

/** A port value as ExcelJS writes it: a live formula (without its "=") keeps the value as its cached result. */
function excelJsCellValue(value: CellValue, formula: string | undefined): ExcelJS.CellValue {
  if (formula === undefined) return value;
  return { formula: formula.replace(/^=/, ""), result: value ?? undefined } as ExcelJS.CellFormulaValue;
}

/** Writes one owned sheet's blocks; returns the defined names its plain blocks need. */
function writeOwnedSheet(
  worksheet: ExcelJS.Worksheet,
  sheet: OwnedSheet,
): { name: string; ranges: string[] }[] {
  const names: { name: string; ranges: string[] }[] = [];
  const widths = new Map<number, number>();
  for (const block of sheet.blocks) {
    const top = parseCellAddress(block.topLeft);
    if (block.title !== undefined && top.row > 1) {
      const title = worksheet.getCell(top.row - 1, top.column);
      title.value = block.title;
      title.font = { bold: true, size: 12 };
    }
    const rows = block.rows.map((row, r) =>
      block.header.map((_, c) => excelJsCellValue(row[c] ?? null, formulaAt(block, r, c))),
    );
    if (block.asTable !== false && rows.length > 0) {
      worksheet.addTable({
        name: block.name,
        ref: block.topLeft,
        headerRow: true,
        totalsRow: false,
        style: { theme: "TableStyleMedium2", showRowStripes: true },
        columns: block.header.map((name) => ({ name, filterButton: true })),
        rows,
      });
    } else {
      block.header.forEach((header, c) => {
        const cell = worksheet.getCell(top.row, top.column + c);
        cell.value = header;
        cell.font = { bold: true };
      });
      rows.forEach((row, r) =>
        row.forEach((value, c) => {
          worksheet.getCell(top.row + 1 + r, top.column + c).value = value;
        }),
      );
      const range = rangeAddress(block.topLeft, rows.length + 1, block.header.length);
      names.push({
        name: block.name,
        ranges: [`${quotedSheetName(worksheet.name)}!${absoluteRange(range)}`],
      });
    }
    formatBlock(worksheet, block, top);
    measureColumnWidths(block, top.column, widths);
  }
  for (const [column, width] of widths) worksheet.getColumn(column).width = width;
  if (sheet.pageSetup) applyPageSetup(worksheet, sheet.pageSetup);
  return names;
}

/** Print settings and frozen rows; ExcelJS writes the print area as the sheet's `_xlnm.Print_Area`. */
function applyPageSetup(worksheet: ExcelJS.Worksheet, setup: PageSetup): void {
  worksheet.pageSetup = {
    ...worksheet.pageSetup,
    orientation: setup.orientation,
    paperSize: 9, // A4 in the OOXML paper size list
    fitToPage: true,
    fitToWidth: setup.fitToPagesWide,
    fitToHeight: setup.fitToPagesTall,
    printArea: setup.printArea,
  };
  if (setup.frozenRows > 0) {
    worksheet.views = [
      { state: "frozen", xSplit: 0, ySplit: setup.frozenRows, topLeftCell: `A${setup.frozenRows + 1}` },
    ];
  }
}

function formatBlock(
  worksheet: ExcelJS.Worksheet,
  block: TableBlock,
  top: { row: number; column: number },
): void {
  block.columnFormats?.forEach((format, c) => {
    if (format === null) return;
    for (let r = 0; r < block.rows.length; r++)
      worksheet.getCell(top.row + 1 + r, top.column + c).numFmt = format;
  });
  block.fills?.forEach((row, r) =>
    row.forEach((colour, c) => {
      if (colour === null) return;
      worksheet.getCell(top.row + 1 + r, top.column + c).fill = {
        type: "pattern",
        pattern: "solid",
        fgColor: { argb: `FF${colour.replace(/^#/, "").toUpperCase()}` },
      };
    }),
  );
}
