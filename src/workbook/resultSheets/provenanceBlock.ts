import type { DiscountRate } from "../../engine/discounting";
import { type Amount, Money } from "../../engine/money";
import { cellAddress, parseCellAddress } from "../cellAddress";
import type { OwnedSheet, TableBlock } from "../workbookPort";

/** What produced a result sheet: the same on every sheet one refresh (or one simulation) writes. */
export interface Provenance {
  productVersion: string;
  /** `inputFingerprint` of the inputs the results were computed from. */
  inputFingerprint: string;
  /** When the refresh ran; written as UTC in ISO 8601. */
  refreshedAt: Date;
  /** The discount rate as the calculation used it; absent when nothing was discounted (no business case). */
  discountRate?: DiscountRate;
  /** The named schedule the rate comes from ("Green Book", "Green Book health"); absent for a typed rate. */
  discountScheduleName?: string;
  /** The random seed, when a simulation ran. */
  seed?: number;
}

/** Rows a chart takes below its anchor, with a margin: the adapters draw charts about 17 rows tall. */
const chartRows = 20;
/** Empty rows between the sheet's last block (or chart) and the provenance block. */
const gapRows = 2;

/**
 * The sheet's own name for its provenance block, e.g. `CBA_Out_Partners_Provenance`.
 *
 * @example
 * provenanceBlockName("CBA Checks"); // "CBA_Out_Checks_Provenance"
 */
export function provenanceBlockName(sheetName: string): string {
  return `CBA_Out_${sheetName.replace(/^CBA\s+/i, "").replace(/[^A-Za-z0-9]+/g, "_")}_Provenance`;
}

/**
 * The sheet with a "Provenance" block added under everything else on it (blocks and charts), so
 * it never overlaps what the sheet's own layout placed. Each row is one fact: product version,
 * input fingerprint, discount schedule, seed (only when a simulation ran) and refresh time.
 *
 * @example
 * const sheet = withProvenance(checksSheet(input), { productVersion: "0.1.0", inputFingerprint: "…", refreshedAt: new Date() });
 * sheet.blocks.at(-1)!.name; // "CBA_Out_Checks_Provenance"
 */
export function withProvenance(sheet: OwnedSheet, provenance: Provenance): OwnedSheet {
  let lastRow = 0;
  for (const block of sheet.blocks) {
    lastRow = Math.max(lastRow, parseCellAddress(block.topLeft).row + block.rows.length);
  }
  for (const chart of sheet.charts) {
    lastRow = Math.max(lastRow, parseCellAddress(chart.anchor).row + chartRows);
  }
  const headerRow = lastRow + gapRows + 2; // the title takes the row above the header
  const rows: [string, string][] = [
    ["Product version", provenance.productVersion],
    ["Input fingerprint", provenance.inputFingerprint],
    [
      "Discount schedule",
      provenance.discountRate === undefined
        ? "Not used"
        : `${provenance.discountScheduleName === undefined ? "" : `${provenance.discountScheduleName}: `}${discountScheduleText(provenance.discountRate)}`,
    ],
  ];
  if (provenance.seed !== undefined) rows.push(["Simulation seed", String(provenance.seed)]);
  rows.push(["Refreshed at (UTC)", provenance.refreshedAt.toISOString()]);
  const block: TableBlock = {
    name: provenanceBlockName(sheet.name),
    title: "Provenance",
    topLeft: cellAddress({ row: headerRow, column: 1 }),
    header: ["Item", "Value"],
    rows,
  };
  return { ...sheet, blocks: [...sheet.blocks, block] };
}

/**
 * A discount rate as a finance officer reads it: one rate, or a schedule as runs of years.
 *
 * @example
 * discountScheduleText(0.035); // "3.5% every year"
 * discountScheduleText(greenBookRates(40)); // "3.5% years 1–30; 3% years 31–40"
 */
export function discountScheduleText(rate: DiscountRate): string {
  if (!isSchedule(rate)) return `${percent(rate)} every year`;
  const runs: { from: number; to: number; rate: string }[] = [];
  rate.forEach((value, index) => {
    const text = percent(value);
    const last = runs.at(-1);
    if (last && last.rate === text) last.to = index + 1;
    else runs.push({ from: index + 1, to: index + 1, rate: text });
  });
  if (runs.length === 0) return "No discounted years";
  return runs
    .map((run) => `${run.rate} ${run.from === run.to ? `year ${run.from}` : `years ${run.from}–${run.to}`}`)
    .join("; ");
}

function isSchedule(rate: DiscountRate): rate is readonly Amount[] {
  return Array.isArray(rate);
}

function percent(value: Amount): string {
  return `${new Money(value).times(100).toString()}%`;
}
