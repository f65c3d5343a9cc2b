import type { TableBlock } from "./workbookPort";

/**
 * Widens `widths` (column number → width in characters) to fit a block placed from `firstColumn`:
 * the longest header or value, capped so that long notes wrap the view, not the sheet. Both result
 * writers (the ExcelJS model and the runner's own result package) size columns this way.
 *
 * @example
 * const widths = new Map<number, number>();
 * measureColumnWidths({ name: "CBA_Out_X", topLeft: "A1", header: ["Partner"], rows: [["HCC"]] }, 1, widths);
 * widths.get(1); // → 11 (header length + 3, + 1)
 */
export function measureColumnWidths(
  block: TableBlock,
  firstColumn: number,
  widths: Map<number, number>,
): void {
  block.header.forEach((header, c) => {
    let longest = header.length + 3;
    for (const row of block.rows) {
      const value = row[c];
      const length =
        typeof value === "number" ? 12 : value === null || value === undefined ? 0 : String(value).length;
      if (length > longest) longest = length;
    }
    const column = firstColumn + c;
    widths.set(column, Math.max(widths.get(column) ?? 8, Math.min(longest + 1, 60)));
  });
}
