import type { Money } from "../../engine/money";
import { cellAddress, parseCellAddress } from "../cellAddress";
import type { DriverTableRow } from "../driverLines";
import type { OwnedSheet, TableBlock } from "../workbookPort";
import { amountFormat, quantityFormat } from "./numberFormats";

/** The drivers table's block name on the CBA Checks sheet. */
export const driversBlockName = "CBA_Out_Drivers";

/** Empty rows between the sheet's last block and the drivers table. */
const gapRows = 2;

/**
 * The CBA Checks sheet with a "Unit cost × volume" table under its blocks: one row per line and
 * case that CBA_Drivers gives, with the unit cost, volume, the gross amount, the additionality
 * applied and the value the line takes (what the results use). Unchanged without drivers.
 *
 * @example
 * withDriversBlock(checksSheet(input), [], new Money(1)).blocks.length; // as checksSheet's
 */
export function withDriversBlock(
  sheet: OwnedSheet,
  rows: readonly DriverTableRow[],
  roundingUnit: Money,
): OwnedSheet {
  if (rows.length === 0) return sheet;
  let lastRow = 0;
  for (const block of sheet.blocks) {
    lastRow = Math.max(lastRow, parseCellAddress(block.topLeft).row + block.rows.length);
  }
  const amount = amountFormat(roundingUnit);
  const fraction = (value: Money | null) => (value === null ? null : value.toNumber());
  const block: TableBlock = {
    name: driversBlockName,
    title:
      "Unit cost × volume (CBA_Drivers): each line's value in each case, replacing any amount typed in CBA_Lines; benefits net of deadweight and attribution, drop-off applied to each year after the first",
    topLeft: cellAddress({ row: lastRow + gapRows + 2, column: 1 }),
    header: [
      "Line",
      "Case",
      "Unit cost",
      "Volume",
      "Volume unit",
      "Unit cost × volume",
      "Deadweight",
      "Attribution",
      "Drop-off a year",
      "Value used",
      "Driver cell",
    ],
    rows: rows.map((row) => [
      row.line,
      row.caseName,
      row.unitCost.toNumber(),
      row.volume.toNumber(),
      row.volumeUnit === "" ? null : row.volumeUnit,
      row.gross.toNumber(),
      fraction(row.deadweight),
      fraction(row.attribution),
      fraction(row.dropOff),
      row.value.toNumber(),
      row.cell,
    ]),
    columnFormats: [
      null,
      null,
      "#,##0.00;(#,##0.00)",
      quantityFormat(rows.map((r) => r.volume)),
      null,
      amount,
      "0%",
      "0%",
      "0%",
      amount,
      null,
    ],
  };
  return { ...sheet, blocks: [...sheet.blocks, block] };
}
