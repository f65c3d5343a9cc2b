/**
 * Writes a laid-out plan into the open workbook through Office.js.
 *
 * Result sheets that already exist are cleared and rewritten in place (contents, formats, their
 * tables, charts and the product's names on them), never deleted and re-added, so the sheet
 * object, its tab position and every user formula that refers to it (`='CBA Partners'!C5`) stay
 * alive. New result sheets are added at the end.
 *
 * One request carries the whole write when it fits Excel on the web's request limit: two syncs in
 * all (what exists; then everything). A larger write is assembled first on hidden staging sheets,
 * in as many requests as its size needs, and only when every one of them has been accepted does a
 * last, small request clear the result sheets and copy the staged cells in. If a staging request
 * fails, the staging sheets are removed and the result sheets are exactly as they were.
 */
import { parseCellAddress, parseSheetRange, rangeAddress } from "../cellAddress";
import {
  isProductBlockName,
  newMarkerNames,
  type OwnedSheetMarker,
  ownedSheetMarkers,
  ownedSheetSet,
  stagingSheetMarkerPrefix,
} from "./ownedSheetMarkers";
import {
  type BlockSlab,
  blockSlabs,
  cellDataBytes,
  commandOverheadBytes,
  packBatches,
} from "./requestPayload";
import {
  type BlockWrite,
  type PlanLayout,
  type SheetWrite,
  WorkbookWriteError,
  cellUpdateFormats,
  textFormat,
} from "./writePlanLayout";

/** What the writer may use of the host: each feature is guarded by the API set that brought it. */
export interface HostFeatures {
  /** `application.suspendApiCalculationUntilNextSync()` (ExcelApi 1.6). */
  suspendCalculation: boolean;
  /** `Range.copyFrom` (ExcelApi 1.9), which the staged write needs. */
  copyRanges: boolean;
}

export interface PlanWriterOptions {
  features: HostFeatures;
  /** Bytes one request may carry. */
  budgetBytes: number;
}

function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** Excel's error when a request exceeds its size limit (the whole request is refused). */
function isPayloadLimitError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && /PayloadSizeLimitExceeded/i.test(code);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** What the first, read-only request learned, and what the write will remove. */
interface WorkbookState {
  /** Result sheets of the plan that already exist (owned), by lower-cased name. */
  kept: Map<string, Excel.Worksheet>;
  namesToDelete: Excel.NamedItem[];
  /** Tables and charts on kept sheets: cleared with the sheet. */
  tablesToDelete: Excel.Table[];
  chartsToDelete: Excel.Chart[];
  /** Staging sheets (and their markers) left by a write that was cut off. */
  staleStaging: { marker: Excel.NamedItem; sheet: Excel.Worksheet | undefined }[];
  markers: OwnedSheetMarker[];
  sheetNames: string[];
  takenNames: Set<string>;
}

/** A piece of cell data for one sheet: a title, a slab of a block's rows, a header's bold, a fill. */
interface CellItem {
  sheet: string;
  bytes: number;
  queue: (target: Excel.Worksheet) => void;
}

export async function writePlan(
  context: Excel.RequestContext,
  layout: PlanLayout,
  options: PlanWriterOptions,
): Promise<void> {
  const workbook = context.workbook;
  const worksheets = workbook.worksheets.load("items/name, items/position, items/charts/items/name");
  const namedItems = workbook.names.load("items/name, items/type, items/formula");
  const tables = workbook.tables.load("items/name, items/worksheet/name");
  // Loading a missing sheet fails this read-only request, so nothing has been written yet.
  const updateRanges = layout.cellUpdates.map((update) =>
    workbook.worksheets.getItem(update.sheet).getRange(update.address).load("numberFormat"),
  );
  await context.sync();

  const state = workbookState(layout, worksheets.items, namedItems.items, tables.items);
  const updates = layout.cellUpdates.map((update, index) => ({
    update,
    formats: cellUpdateFormats(update.values, updateRanges[index]!.numberFormat, update.original.formulas),
  }));
  // Staged requests also carry the staging sheets' creation: room is kept for it.
  const stagingBudget = options.budgetBytes - 4 * commandOverheadBytes * (layout.sheets.length + 2);
  const items = cellItems(layout, stagingBudget);
  const dataBytes = items.reduce((total, item) => total + item.bytes, 0);
  const finishingBytes =
    updates.reduce((total, { update, formats }) => total + cellDataBytes(update.values, formats), 0) +
    commandOverheadBytes * objectCommandCount(layout, state);

  if (dataBytes + finishingBytes <= options.budgetBytes || !options.features.copyRanges) {
    // One request: everything lands together or, if Excel refuses it for its size, nothing does.
    suspendCalculation(context, options.features);
    const sheetFor = queuePreparation(workbook, layout, state, updates);
    for (const item of items) item.queue(sheetFor(item.sheet));
    queueObjects(workbook, layout, state, sheetFor);
    try {
      await context.sync();
    } catch (error) {
      if (!isPayloadLimitError(error)) throw error;
      const why = options.features.copyRanges
        ? "more than estimated"
        : "and this version of Excel cannot copy ranges (ExcelApi 1.9) to write them in parts";
      throw new WorkbookWriteError(
        `The results are too large for one request to Excel, ${why}, so nothing was written: ${messageOf(error)}`,
      );
    }
    return;
  }
  if (finishingBytes > options.budgetBytes) {
    throw new WorkbookWriteError(
      `The last request of this write, which puts the staged results in place and writes the risk scores back, would carry about ${finishingBytes} bytes, more than Excel accepts in one request; nothing was written`,
    );
  }
  await writeStaged(context, layout, state, updates, items, options.features, stagingBudget);
}

/** Checks what exists against the plan; throws before any write if the plan clashes with it. */
function workbookState(
  layout: PlanLayout,
  worksheets: Excel.Worksheet[],
  namedItems: Excel.NamedItem[],
  tables: Excel.Table[],
): WorkbookState {
  const sheetNames = worksheets.map((sheet) => sheet.name);
  const markers = ownedSheetMarkers(namedItems, sheetNames);
  const owned = ownedSheetSet(markers);
  const kept = new Map<string, Excel.Worksheet>();
  for (const sheet of layout.sheets) {
    const existing = worksheets.find((candidate) => sameName(candidate.name, sheet.name));
    if (!existing) continue;
    if (!owned.has(existing.name.toLowerCase())) {
      throw new WorkbookWriteError(
        `Sheet '${existing.name}' was not made by this add-in, so it is left alone; rename it and refresh again`,
      );
    }
    kept.set(sheet.name.toLowerCase(), existing);
  }
  const keptSheets = new Set(kept.keys());
  const tablesToDelete: Excel.Table[] = [];
  for (const table of tables) {
    const onKept = keptSheets.has(table.worksheet.name.toLowerCase());
    if (onKept) tablesToDelete.push(table);
    else if (layout.blockNames.has(table.name.toLowerCase())) {
      throw new WorkbookWriteError(
        `The table '${table.name}' on sheet '${table.worksheet.name}' has a name this add-in writes; rename it and refresh again`,
      );
    }
  }
  const chartsToDelete = worksheets
    .filter((sheet) => keptSheets.has(sheet.name.toLowerCase()))
    .flatMap((sheet) => sheet.charts.items);

  const stagingMarkers = ownedSheetMarkers(namedItems, sheetNames, stagingSheetMarkerPrefix);
  const staleStaging = stagingMarkers.map((marker) => ({
    marker: namedItems.find((item) => item.name === marker.name)!,
    sheet:
      marker.sheet === null || keptSheets.has(marker.sheet.toLowerCase())
        ? undefined
        : worksheets.find((sheet) => sameName(sheet.name, marker.sheet!)),
  }));
  const staleNames = new Set(staleStaging.map(({ marker }) => marker.name.toLowerCase()));
  const staleMarkers = new Set(
    markers.filter((marker) => marker.sheet === null).map((marker) => marker.name.toLowerCase()),
  );
  const namesToDelete = namedItems.filter((item) => {
    const key = item.name.toLowerCase();
    if (staleMarkers.has(key)) return true;
    if (staleNames.has(key)) return false;
    const target =
      item.type === "Range" ? parseSheetRange(String(item.formula).replace(/^=/, "")) : undefined;
    const onKept = target !== undefined && keptSheets.has(target.sheet.toLowerCase());
    // The product's names on a kept sheet go with its contents; the user's own names there stay.
    if (onKept && (layout.blockNames.has(key) || isProductBlockName(key))) return true;
    if (!layout.blockNames.has(key)) return false;
    if (item.type === "Error") return true;
    throw new WorkbookWriteError(
      `The name '${item.name}' already refers to ${String(item.formula)}; this add-in writes a block of that name, so rename it and refresh again`,
    );
  });
  const takenNames = new Set(namedItems.map((item) => item.name.toLowerCase()));
  for (const table of tables) takenNames.add(table.name.toLowerCase());
  return {
    kept,
    namesToDelete,
    tablesToDelete,
    chartsToDelete,
    staleStaging,
    markers,
    sheetNames,
    takenNames,
  };
}

/** Recalculation waits until the request ends, so Excel does not recalculate after every command. */
function suspendCalculation(context: Excel.RequestContext, features: HostFeatures): void {
  if (features.suspendCalculation) context.application.suspendApiCalculationUntilNextSync();
}

/**
 * Queues what comes before the cells: the write-back into user ranges first (the likeliest to be
 * refused, by a protected sheet, so a refusal leaves every result sheet untouched), then removal
 * of stale objects, then the kept result sheets cleared and the new ones added.
 */
function queuePreparation(
  workbook: Excel.Workbook,
  layout: PlanLayout,
  state: WorkbookState,
  updates: { update: PlanLayout["cellUpdates"][number]; formats: (string | null)[][] }[],
): (name: string) => Excel.Worksheet {
  for (const { update, formats } of updates) {
    const range = workbook.worksheets.getItem(update.sheet).getRange(update.address);
    if (formats.some((row) => row.some((format) => format !== null))) range.numberFormat = formats;
    if (update.hasFormulas) range.formulas = update.values;
    else range.values = update.values;
  }
  for (const { marker, sheet } of state.staleStaging) {
    marker.delete();
    sheet?.delete();
  }
  for (const item of state.namesToDelete) item.delete();
  for (const table of state.tablesToDelete) table.delete();
  for (const chart of state.chartsToDelete) chart.delete();
  const sheets = new Map<string, Excel.Worksheet>();
  for (const sheet of layout.sheets) {
    const kept = state.kept.get(sheet.name.toLowerCase());
    if (kept) {
      kept.getRange().clear("All");
      sheets.set(sheet.name.toLowerCase(), kept);
    } else {
      sheets.set(sheet.name.toLowerCase(), workbook.worksheets.add(sheet.name));
    }
  }
  return (name) => sheets.get(name.toLowerCase())!;
}

/** Tables and names over the blocks, column widths, charts, and a marker for each new sheet. */
function queueObjects(
  workbook: Excel.Workbook,
  layout: PlanLayout,
  state: WorkbookState,
  sheetFor: (name: string) => Excel.Worksheet,
): void {
  for (const sheet of layout.sheets) {
    for (const block of sheet.blocks) {
      const target = sheetFor(sheet.name);
      const range = target.getRange(block.address);
      if (block.asTable) {
        const table = target.tables.add(range, true);
        table.name = block.name;
      } else {
        workbook.names.add(block.name, range);
      }
      range.format.autofitColumns();
    }
  }
  for (const sheet of layout.sheets) {
    for (const chart of sheet.charts) {
      const source = sheetFor(chart.sourceSheet).getRange(chart.sourceAddress);
      const added = sheetFor(sheet.name).charts.add(chart.chartType, source, chart.seriesBy);
      added.title.text = chart.title;
      added.setPosition(chart.anchor);
    }
  }
  const added = layout.sheets.filter((sheet) => !state.kept.has(sheet.name.toLowerCase()));
  const deleted = new Set(state.namesToDelete.map((item) => item.name.toLowerCase()));
  const keptNumbers = state.markers.flatMap((marker) =>
    marker.number !== null && !deleted.has(marker.name.toLowerCase()) ? [marker.number] : [],
  );
  const markerNames = newMarkerNames(added.length, keptNumbers);
  added.forEach((sheet, index) => {
    workbook.names.add(markerNames[index]!, sheetFor(sheet.name).getRange("A1"));
  });
}

/** Commands besides the cell data, counted generously, so the last request's size is known. */
function objectCommandCount(layout: PlanLayout, state: WorkbookState): number {
  const blocks = layout.sheets.reduce((total, sheet) => total + sheet.blocks.length, 0);
  const charts = layout.sheets.reduce((total, sheet) => total + sheet.charts.length, 0);
  const removals =
    state.namesToDelete.length +
    state.tablesToDelete.length +
    state.chartsToDelete.length +
    2 * state.staleStaging.length;
  return 8 + 6 * layout.sheets.length + 4 * blocks + 5 * charts + removals + 3 * layout.cellUpdates.length;
}

/** The cells of every block as items of known size, blocks over `budgetBytes` cut into slabs of rows. */
function cellItems(layout: PlanLayout, budgetBytes: number): CellItem[] {
  const items: CellItem[] = [];
  for (const sheet of layout.sheets) {
    for (const block of sheet.blocks) {
      if (block.title) {
        const title = block.title;
        items.push({
          sheet: sheet.name,
          bytes: 4 * commandOverheadBytes + 2 * JSON.stringify(title.text).length,
          queue: (target) => {
            const cell = target.getRange(title.address);
            cell.numberFormat = [[textFormat]];
            cell.values = [[title.text]];
            cell.format.font.bold = true;
          },
        });
      }
      // Formats first in each slab: a string must land in a Text cell to stay a string.
      for (const slab of blockSlabs(block, budgetBytes)) {
        items.push({ sheet: sheet.name, bytes: slab.bytes, queue: (target) => queueSlab(target, slab) });
      }
      items.push(...decorationItems(sheet.name, block));
    }
  }
  return items;
}

function queueSlab(target: Excel.Worksheet, slab: BlockSlab): void {
  const range = target.getRange(slab.address);
  range.numberFormat = slab.numberFormats;
  if (slab.hasFormulas) range.formulas = slab.values;
  else range.values = slab.values;
}

/** A plain block's bold header and the block's fills (a table's header has the table's style). */
function decorationItems(sheet: string, block: BlockWrite): CellItem[] {
  const items: CellItem[] = [];
  if (!block.asTable) {
    items.push({
      sheet,
      bytes: 3 * commandOverheadBytes,
      queue: (target) => {
        target.getRange(block.headerAddress).format.font.bold = true;
      },
    });
  }
  for (const fill of block.fills) {
    items.push({
      sheet,
      bytes: 3 * commandOverheadBytes,
      queue: (target) => {
        target.getRange(fill.address).format.fill.color = fill.colour;
      },
    });
  }
  return items;
}

/** The used area of a sheet's blocks, from A1: what a staged sheet's copy takes in. */
function usedArea(sheet: SheetWrite): string {
  let rows = 1;
  let columns = 1;
  for (const block of sheet.blocks) {
    const bottomRight = parseCellAddress(block.address.split(":").at(-1)!);
    rows = Math.max(rows, bottomRight.row);
    columns = Math.max(columns, bottomRight.column);
  }
  return rangeAddress("A1", rows, columns);
}

/** Sheet names for staging, unused in the workbook. */
function stagingSheetNames(count: number, state: WorkbookState, layout: PlanLayout): string[] {
  const taken = new Set(state.sheetNames.map((name) => name.toLowerCase()));
  for (const sheet of layout.sheets) taken.add(sheet.name.toLowerCase());
  const names: string[] = [];
  for (let number = 1; names.length < count; number += 1) {
    const name = `CBA staging ${number}`;
    if (!taken.has(name.toLowerCase())) names.push(name);
  }
  return names;
}

async function writeStaged(
  context: Excel.RequestContext,
  layout: PlanLayout,
  state: WorkbookState,
  updates: { update: PlanLayout["cellUpdates"][number]; formats: (string | null)[][] }[],
  items: CellItem[],
  features: HostFeatures,
  stagingBudget: number,
): Promise<void> {
  const workbook = context.workbook;
  const sheetNames = stagingSheetNames(layout.sheets.length, state, layout);
  const takenNumbers = [...state.takenNames].flatMap((name) => {
    const match = new RegExp(`^${stagingSheetMarkerPrefix.toLowerCase()}([0-9]+)$`).exec(name);
    return match ? [Number(match[1])] : [];
  });
  const markerNames = newMarkerNames(layout.sheets.length, takenNumbers, stagingSheetMarkerPrefix).filter(
    (name) => !layout.blockNames.has(name.toLowerCase()),
  );
  const stagingFor = new Map<string, Excel.Worksheet>();
  const batches = packBatches(items, stagingBudget);

  try {
    for (const [index, batch] of batches.entries()) {
      suspendCalculation(context, features);
      if (index === 0) {
        layout.sheets.forEach((sheet, sheetIndex) => {
          const staging = workbook.worksheets.add(sheetNames[sheetIndex]!);
          staging.visibility = "Hidden";
          workbook.names.add(markerNames[sheetIndex]!, staging.getRange("A1"));
          stagingFor.set(sheet.name.toLowerCase(), staging);
        });
      }
      for (const item of batch) item.queue(stagingFor.get(item.sheet.toLowerCase())!);
      await context.sync();
    }
  } catch (error) {
    await removeStaging(context, sheetNames, markerNames);
    throw new WorkbookWriteError(
      `Excel refused part of a large write (${messageOf(error)}); the result sheets were left as they were`,
    );
  }

  // Every staged request was accepted: the last, small one puts the results in place.
  suspendCalculation(context, features);
  const sheetFor = queuePreparation(workbook, layout, state, updates);
  for (const sheet of layout.sheets) {
    const area = usedArea(sheet);
    sheetFor(sheet.name).getRange(area).copyFrom(stagingFor.get(sheet.name.toLowerCase())!.getRange(area));
  }
  queueObjects(workbook, layout, state, sheetFor);
  layout.sheets.forEach((sheet, index) => {
    workbook.names.getItem(markerNames[index]!).delete();
    stagingFor.get(sheet.name.toLowerCase())!.delete();
  });
  await context.sync();
}

/** Best effort: a staging sheet that cannot be removed now is removed by the next write. */
async function removeStaging(
  context: Excel.RequestContext,
  sheetNames: string[],
  markerNames: string[],
): Promise<void> {
  try {
    const sheets = sheetNames.map((name) => context.workbook.worksheets.getItemOrNullObject(name));
    const markers = markerNames.map((name) => context.workbook.names.getItemOrNullObject(name));
    await context.sync();
    for (const marker of markers) if (!marker.isNullObject) marker.delete();
    for (const sheet of sheets) if (!sheet.isNullObject) sheet.delete();
    await context.sync();
  } catch {
    // Left for the next write, which finds the staging markers.
  }
}
