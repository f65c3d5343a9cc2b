import { columnLetters, parseCellAddress } from "../cellAddress";
import { measureColumnWidths } from "../columnWidths";
import type { OwnedSheet, PageSetup } from "../workbookPort";

/**
 * The adapters draw a chart 600 pixels wide and 17 rows tall from its anchor (see addCharts.ts
 * and the Office.js default), so the print area reaches that far.
 */
const chartWidthPixels = 600;
const chartHeightRows = 17;
/** Excel's default column: 8.43 characters, 64 pixels. */
const defaultColumnPixels = 64;
/**
 * Rows of the default height (20 pixels) that one A4 landscape page holds at 100%, between
 * Excel's normal margins (0.75" top and bottom): 6.77" × 96 ÷ 20 = 32. Fitted to one page wide, a
 * wide sheet is scaled down and a page holds more rows, so rows ÷ 32 pages tall is never too few;
 * Excel prints no more pages than the rows need.
 */
const rowsPerPage = 32;

/**
 * The sheet with print settings: A4 landscape, fitted to one page wide (and, with
 * `onePage`, one page tall), printing from A1 to its last written cell or chart, with the rows
 * down to the first block's header frozen.
 *
 * @example
 * withPrintSettings(checksSheet(input)).pageSetup; // { orientation: "landscape", paperSize: "A4", fitToPagesWide: 1, fitToPagesTall: 1, printArea: "A1:F9", frozenRows: 2 }
 */
export function withPrintSettings(sheet: OwnedSheet, options: { onePage?: boolean } = {}): OwnedSheet {
  const widths = new Map<number, number>();
  let lastRow = 1;
  let lastColumn = 1;
  for (const block of sheet.blocks) {
    const top = parseCellAddress(block.topLeft);
    measureColumnWidths(block, top.column, widths);
    lastRow = Math.max(lastRow, top.row + block.rows.length);
    lastColumn = Math.max(lastColumn, top.column + block.header.length - 1);
  }
  const pixels = (column: number) => {
    const width = widths.get(column);
    return width === undefined ? defaultColumnPixels : Math.trunc(width * 7 + 5);
  };
  for (const chart of sheet.charts) {
    const anchor = parseCellAddress(chart.anchor);
    let column = anchor.column;
    for (let remaining = chartWidthPixels; remaining > 0; column++) remaining -= pixels(column);
    lastColumn = Math.max(lastColumn, column - 1);
    lastRow = Math.max(lastRow, anchor.row + chartHeightRows);
  }
  const first = sheet.blocks[0];
  const pageSetup: PageSetup = {
    orientation: "landscape",
    paperSize: "A4",
    fitToPagesWide: 1,
    fitToPagesTall: options.onePage ? 1 : Math.max(1, Math.ceil(lastRow / rowsPerPage)),
    printArea: `A1:${columnLetters(lastColumn)}${lastRow}`,
    frozenRows: first ? parseCellAddress(first.topLeft).row : 0,
  };
  return { ...sheet, pageSetup };
}
