/**
 * The workbook port over the Excel JavaScript API (the add-in inside Excel).
 *
 * Every call is a fixed number of round trips whatever the size of the workbook or the plan:
 * `read` makes two `context.sync()` calls (what names, tables and sheets exist; then the values
 * of the ranges asked for), `write` makes two (what exists, and the current formats of cells to
 * update; then the whole plan in one batch), `addInputRanges` makes two (what exists; then every
 * sheet and range) and `select` one. Nothing syncs inside a loop. The one exception is a write
 * larger than Excel on the web accepts in one request (about 5 MB): it takes one more sync per
 * 4 MB of cells, staged on hidden sheets so that a refusal changes no result sheet.
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
import { isProductBlockName, ownedSheetMarkers, ownedSheetSet } from "./ownedSheetMarkers";
import { type HostFeatures, writePlan } from "./planWriter";
import { requestBudgetBytes } from "./requestPayload";
import { layOutPlan } from "./writePlanLayout";

/** `Excel.run` with a batch; injectable so tests can run the adapter against a simulated host. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface OfficeWorkbookOptions {
  /** Defaults to the global `Excel.run` that office.js defines. */
  run?: ExcelRun;
  /**
   * Whether the host has a requirement set, as `Office.context.requirements.isSetSupported`
   * answers (the default); where office.js is absent, nothing beyond ExcelApi 1.1 is assumed.
   */
  isSetSupported?: (name: string, version: string) => boolean;
  /** Bytes one request may carry (default a fifth below Excel on the web's 5 MB). */
  requestBudgetBytes?: number;
}

function officeIsSetSupported(name: string, version: string): boolean {
  if (typeof Office === "undefined") return false;
  return Office.context?.requirements?.isSetSupported(name, version) === true;
}

/** Excel gives blanks as ""; the port calls them null. */
function fromExcel(value: unknown): CellValue {
  if (value === "" || value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "string") return value;
  return String(value);
}

export class OfficeWorkbook implements WorkbookPort {
  private readonly run: ExcelRun;
  private readonly isSetSupported: (name: string, version: string) => boolean;
  private readonly budgetBytes: number;

  constructor(options: OfficeWorkbookOptions = {}) {
    this.run = options.run ?? ((batch) => Excel.run(batch));
    this.isSetSupported = options.isSetSupported ?? officeIsSetSupported;
    this.budgetBytes = options.requestBudgetBytes ?? requestBudgetBytes;
  }

  /**
   * Reads the names asked for and the list of sheets. The product's own output blocks on the
   * sheets it owns are located but their values not read back (`values` is empty): the next
   * write replaces them, and at 10,000 lines they alone would pass Excel on the web's 5 MB reply.
   */
  async read(names: readonly string[]): Promise<WorkbookSnapshot> {
    return this.run(async (context) => {
      const workbook = context.workbook;
      const namedItems = workbook.names.load("items/name, items/type, items/formula");
      const tables = workbook.tables.load("items/name, items/worksheet/name");
      const worksheets = workbook.worksheets.load("items/name");
      await context.sync();

      const sheetNames = worksheets.items.map((sheet) => sheet.name);
      const owned = ownedSheetSet(ownedSheetMarkers(namedItems.items, sheetNames));
      const ownOutput = (name: string, sheet: string): boolean =>
        isProductBlockName(name) && owned.has(sheet.toLowerCase());
      const namesByKey = new Map(namedItems.items.map((item) => [item.name.toUpperCase(), item]));
      const tablesByKey = new Map(tables.items.map((table) => [table.name.toUpperCase(), table]));
      const pending: { key: string; spelled: string; range: Excel.Range; withValues: boolean }[] = [];
      for (const key of new Set(names.map((name) => name.toUpperCase()))) {
        const item = namesByKey.get(key);
        // Only names that are a plain sheet range: a formula or a multi-area name has no one block to read.
        const target =
          item && item.type === "Range" ? parseSheetRange(String(item.formula).replace(/^=/, "")) : undefined;
        if (item && target) {
          const withValues = !ownOutput(item.name, target.sheet);
          const range = item.getRange().load(withValues ? "address, values" : "address");
          pending.push({ key, spelled: item.name, range, withValues });
          continue;
        }
        const table = tablesByKey.get(key);
        if (table) {
          const withValues = !ownOutput(table.name, table.worksheet.name);
          const range = table.getRange().load(withValues ? "address, values" : "address");
          pending.push({ key, spelled: table.name, range, withValues });
        }
      }
      await context.sync();

      const ranges = new Map<string, NamedRangeData>();
      for (const { key, spelled, range, withValues } of pending) {
        const where = parseSheetRange(range.address);
        if (!where) throw new Error(`Excel gave '${range.address}' as the address of '${spelled}'`);
        ranges.set(key, {
          name: spelled,
          sheet: where.sheet,
          topLeft: where.topLeft,
          values: withValues ? range.values.map((row) => row.map(fromExcel)) : [],
        });
      }
      const sheets: SheetInfo[] = sheetNames.map((name) => ({
        name,
        ownedByProduct: owned.has(name.toLowerCase()),
      }));
      return { ranges, sheets };
    });
  }

  /**
   * Checks the whole plan, then writes it (see planWriter.ts): result sheets that exist are
   * cleared and rewritten in place, so users' references to them survive; recalculation is held
   * while writing where the host allows it; a write too large for one request is staged first.
   */
  async write(plan: WritePlan): Promise<void> {
    const layout = layOutPlan(plan);
    const features: HostFeatures = {
      suspendCalculation: this.isSetSupported("ExcelApi", "1.6"),
      copyRanges: this.isSetSupported("ExcelApi", "1.9"),
      pageLayout: this.isSetSupported("ExcelApi", "1.9"),
    };
    await this.run((context) => writePlan(context, layout, { features, budgetBytes: this.budgetBytes }));
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
}
