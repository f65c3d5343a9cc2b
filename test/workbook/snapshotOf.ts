import type { CellValue, WorkbookSnapshot } from "../../src/workbook/workbookPort";

/** A snapshot of ranges each at A1 of its sheet, header first: data row n is sheet row n + 1. */
export function snapshotOf(
  ranges: Record<string, { sheet: string; values: CellValue[][] }>,
): WorkbookSnapshot {
  return {
    ranges: new Map(
      Object.entries(ranges).map(([name, r]) => [
        name.toUpperCase(),
        { name, sheet: r.sheet, topLeft: "A1", values: r.values },
      ]),
    ),
    sheets: [...new Set(Object.values(ranges).map((r) => r.sheet))].map((name) => ({
      name,
      ownedByProduct: false,
    })),
  };
}
