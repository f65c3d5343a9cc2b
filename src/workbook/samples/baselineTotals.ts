import type { CellValue } from "../workbookPort";

/**
 * A sample's baseline rows with a Total column and a Total row, as business cases print them.
 *
 * @example
 * withTotals([["ICT", 2, 3]]); // [["ICT", 2, 3, 5], ["Total", 2, 3, 5]]
 */
export function withTotals(rows: readonly [string, ...number[]][]): CellValue[][] {
  const sum = (amounts: readonly number[]) => amounts.reduce((total, amount) => total + amount, 0);
  const body = rows.map(([area, ...amounts]) => [area, ...amounts, sum(amounts)]);
  const width = rows[0] === undefined ? 0 : rows[0].length - 1;
  const totals = Array.from({ length: width }, (_, index) =>
    sum(rows.map(([, ...amounts]) => amounts[index]!)),
  );
  return [...body, ["Total", ...totals, sum(totals)]];
}
