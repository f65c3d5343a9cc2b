import type { DiscountRate } from "../../engine/discounting";
import { type Amount, Money } from "../../engine/money";
import { columnLetters, parseCellAddress, parseSheetRange } from "../cellAddress";
import { sheetReference } from "../formulaCells";
import type { TableBlock } from "../workbookPort";

/**
 * The CBA Partners cashflow table's live formulas: net benefit = benefits − costs, the cumulative
 * position, and NPV in the appraisal convention (year 0 undiscounted): `=D9+NPV(rate,E9:N9)`,
 * Excel's NPV discounting its first value by one period. Plain Excel functions only.
 */

/** Where the formulas find the discount rate: the CBA_Settings cell, else the rate itself. */
export interface DiscountRateSource {
  rate: DiscountRate;
  /** The sheet-qualified Discount rate cell of CBA_Settings, when the workbook gives one rate there. */
  cell?: string;
}

/**
 * The rate as a formula operand: a reference to the settings cell, or the number; undefined when
 * the schedule changes from year to year (Green Book after year 30, health), which Excel's NPV
 * cannot take — the NPV is then a value, as the sheet's title says.
 */
export function discountRateOperand(source: DiscountRateSource, years: number): string | undefined {
  const { rate } = source;
  if (!isSchedule(rate)) {
    const cell = source.cell === undefined ? undefined : parseSheetRange(source.cell);
    return cell ? sheetReference(cell.sheet, cell.topLeft) : new Money(rate).toString();
  }
  const used = rate.slice(0, Math.max(years - 1, 0)).map((r) => new Money(r));
  if (used.length === 0) return "0";
  return used.every((r) => r.eq(used[0]!)) ? used[0]!.toString() : undefined;
}

function isSchedule(rate: DiscountRate): rate is readonly Amount[] {
  return Array.isArray(rate);
}

/** Letters of a block's columns and the row numbers of its data rows. */
function grid(block: TableBlock) {
  const top = parseCellAddress(block.topLeft);
  return {
    column: (index: number) => columnLetters(top.column + index),
    row: (index: number) => top.row + 1 + index,
  };
}

/**
 * Formulas for the cashflow block, whose rows come in fours per partner and case (Costs, Benefits,
 * Net benefit, Cumulative net benefit) after `leading` label columns.
 */
export function cashflowFormulas(block: TableBlock, leading: number): (string | null)[][] {
  const { column, row } = grid(block);
  const years = block.header.length - leading;
  return block.rows.map((_, index) => {
    const measure = index % 4;
    const labels = Array.from({ length: leading }, () => null);
    if (measure < 2) return [...labels, ...Array.from({ length: years }, () => null)];
    const first = index - measure;
    return [
      ...labels,
      ...Array.from({ length: years }, (_, year) => {
        const at = (r: number) => `${column(leading + year)}${row(r)}`;
        if (measure === 2) return `=${at(first + 1)}-${at(first)}`;
        return year === 0
          ? `=${at(first + 2)}`
          : `=${`${column(leading + year - 1)}${row(index)}`}+${at(first + 2)}`;
      }),
    ];
  });
}

/** `=D9+NPV(rate,E9:N9)` for the net benefit row `netRow` of the cashflow block. */
export function netPresentValueFormula(
  cashflows: TableBlock,
  leading: number,
  netRow: number,
  rate: string,
): string {
  const { column, row } = grid(cashflows);
  const years = cashflows.header.length - leading;
  const first = `${column(leading)}${row(netRow)}`;
  if (years === 1) return `=${first}`;
  return `=${first}+NPV(${rate},${column(leading + 1)}${row(netRow)}:${column(leading + years - 1)}${row(netRow)})`;
}
