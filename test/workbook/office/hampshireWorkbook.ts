import { cellAddress, parseCellAddress } from "../../../src/workbook/cellAddress";
import { inputRangeNames } from "../../../src/workbook/inputContract";
import { hampshireSampleNotes, hampshireSampleRanges } from "../../../src/workbook/samples/hampshireSample";
import type { CellValue } from "../../../src/workbook/workbookPort";
import type { WorkbookDescription } from "../../simulatedExcel";

/**
 * The Hampshire sample as a simulated Excel workbook, with CBA_Lines cut or grown to `lineCount`
 * lines (grown lines repeat the published ones under numbered labels).
 */
export function hampshireWorkbook(lineCount: number): WorkbookDescription {
  const sheets: Record<string, Record<string, CellValue>> = {};
  const description: WorkbookDescription = { sheets, names: {}, tables: {} };
  sheets[hampshireSampleNotes.name] = Object.fromEntries(
    hampshireSampleNotes.lines.map((line, index) => [`A${index + 1}`, line]),
  );
  for (const spec of hampshireSampleRanges()) {
    let rows = spec.rows;
    if (spec.name === inputRangeNames.lines) {
      rows = Array.from({ length: lineCount }, (_, index) => {
        const published = spec.rows[index % spec.rows.length]!;
        const copy = Math.floor(index / spec.rows.length);
        return copy === 0 ? published : [`${String(published[0])} (${copy + 1})`, ...published.slice(1)];
      });
    }
    const cells = (sheets[spec.sheet] ??= {});
    const top = parseCellAddress(spec.topLeft);
    [spec.header, ...rows].forEach((row, rowOffset) =>
      row.forEach((value, columnOffset) => {
        cells[cellAddress({ row: top.row + rowOffset, column: top.column + columnOffset })] = value;
      }),
    );
    const bottomRight = cellAddress({
      row: top.row + rows.length,
      column: top.column + spec.header.length - 1,
    });
    const reference = `'${spec.sheet}'!${spec.topLeft}:${bottomRight}`;
    if (spec.as === "table") description.tables![spec.name] = reference;
    else description.names![spec.name] = reference;
  }
  return description;
}
