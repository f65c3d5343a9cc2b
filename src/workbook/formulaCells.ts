import type { CellUpdate, TableBlock, WritePlan } from "./workbookPort";

/**
 * Live formulas in a write plan. Result cells that are simple functions of the inputs are written
 * as formulas with the computed value cached; a reader without Excel's recalculation (or without
 * the add-in) gets a values-only copy instead.
 */

/** The formula of a block cell (row and column index into `rows`), or undefined for a plain value. */
export function formulaAt(
  block: Pick<TableBlock, "formulas"> | Pick<CellUpdate, "formulas">,
  row: number,
  column: number,
): string | undefined {
  return block.formulas?.[row]?.[column] ?? undefined;
}

/**
 * The plan with every formula replaced by its cached value (`cba run --values-only`, the pane's
 * "values only" copy): nobody without the add-in or recalculation sees `#NAME?` or a stale cache.
 *
 * @example
 * withoutFormulas(plan).sheets[0].blocks[0].formulas; // undefined
 */
export function withoutFormulas(plan: WritePlan): WritePlan {
  return {
    sheets: plan.sheets.map((sheet) => ({
      ...sheet,
      blocks: sheet.blocks.map(({ formulas: _formulas, ...block }) => block),
    })),
    cellUpdates: plan.cellUpdates.map(({ formulas: _formulas, ...update }) => update),
  };
}

/** "'CBA Risks'!$D$5": a sheet-qualified absolute reference, quoted as Excel requires. */
export function sheetReference(sheet: string, address: string): string {
  const absolute = address.replace(/^\$?([A-Z]+)\$?(\d+)$/i, "$$$1$$$2");
  return `'${sheet.replace(/'/g, "''")}'!${absolute}`;
}
