/**
 * Sizes of Office.js requests, estimated before they are sent. Excel on the web refuses a request
 * over about 5 MB (and the whole of it: nothing in it runs), so a write whose cells add up to more
 * is cut into row slabs and packed into a bounded number of requests under a budget kept well
 * below that limit.
 */
import { cellAddress, parseCellAddress, rangeAddress } from "../cellAddress";
import { type BlockWrite, WorkbookWriteError } from "./writePlanLayout";

/** The limit Excel on the web puts on one request. */
export const excelWebRequestLimitBytes = 5 * 1024 * 1024;

/**
 * What the adapter lets one request carry: a fifth below the limit, for the part of Office.js's
 * own encoding (object paths, action ids) that the estimate leaves out.
 */
export const requestBudgetBytes = 4 * 1024 * 1024;

/** A generous allowance for one queued command's envelope: its object path, kind and arguments. */
export const commandOverheadBytes = 256;

/** Bytes of a JSON array row as Office.js sends it (with the comma that separates it). */
function rowBytes(row: readonly unknown[]): number {
  return JSON.stringify(row).length + 1;
}

/**
 * The estimated payload of writing these values and number formats: JSON of both plus two
 * command envelopes.
 *
 * @example
 * cellDataBytes([["Year", 2012]], [["@", "General"]]) // → 543
 */
export function cellDataBytes(
  values: readonly (readonly unknown[])[],
  formats: readonly (readonly unknown[])[],
): number {
  let total = 2 * commandOverheadBytes;
  for (const row of values) total += rowBytes(row);
  for (const row of formats) total += rowBytes(row);
  return total;
}

/** Some rows of a block: where they go, and the number formats and values for them. */
export interface BlockSlab {
  address: string;
  numberFormats: string[][];
  values: BlockWrite["values"];
  /** Written through `Range.formulas` (some cell is a formula) rather than `Range.values`. */
  hasFormulas?: boolean;
  bytes: number;
}

/**
 * A block's header and rows cut into slabs of whole rows, each within `budget` bytes; one slab
 * when the block fits. A single row over the budget cannot be sent at all and is refused.
 *
 * @example
 * blockSlabs(block, 4 * 1024 * 1024).length // → 1 for anything under about 4 MB
 */
export function blockSlabs(block: BlockWrite, budget: number): BlockSlab[] {
  const top = parseCellAddress(block.address.split(":")[0]!);
  const width = block.values[0]?.length ?? 0;
  const slabs: BlockSlab[] = [];
  let first = 0;
  let bytes = 2 * commandOverheadBytes;
  const close = (end: number): void => {
    slabs.push({
      address: rangeAddress(cellAddress({ row: top.row + first, column: top.column }), end - first, width),
      numberFormats: block.numberFormats.slice(first, end),
      values: block.values.slice(first, end),
      ...(block.hasFormulas ? { hasFormulas: true } : {}),
      bytes,
    });
  };
  block.values.forEach((row, index) => {
    const size = rowBytes(row) + rowBytes(block.numberFormats[index]!);
    if (2 * commandOverheadBytes + size > budget) {
      throw new WorkbookWriteError(
        `row ${index} of block '${block.name}' holds about ${size} bytes, more than Excel accepts in one request`,
      );
    }
    if (index > first && bytes + size > budget) {
      close(index);
      first = index;
      bytes = 2 * commandOverheadBytes;
    }
    bytes += size;
  });
  if (block.values.length > first) close(block.values.length);
  return slabs;
}

/**
 * Packs items into batches of at most `budget` bytes each, first fit: each item goes into the
 * first batch with room for it, so small items fill the space large slabs leave. Items keep their
 * order within a batch; an item is never split (the caller makes each one smaller than the budget).
 *
 * @example
 * packBatches([{ bytes: 3 }, { bytes: 6 }, { bytes: 3 }], 7).map((batch) => batch.map((item) => item.bytes))
 * // → [[3, 3], [6]]
 */
export function packBatches<Item extends { bytes: number }>(
  items: readonly Item[],
  budget: number,
): Item[][] {
  const batches: { items: Item[]; used: number }[] = [];
  for (const item of items) {
    let batch = batches.find((candidate) => candidate.used + item.bytes <= budget);
    if (!batch) {
      batch = { items: [], used: 0 };
      batches.push(batch);
    }
    batch.items.push(item);
    batch.used += item.bytes;
  }
  return batches.map((batch) => batch.items);
}
