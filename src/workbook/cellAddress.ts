/**
 * A1-style cell addresses: the language a finance officer uses to find a cell, so every problem
 * and every output block is located with them.
 */

/** A cell position, both 1-based as in Excel (row 1, column 1 = A1). */
export interface CellPosition {
  row: number;
  column: number;
}

/** Column number → letters: 1 → "A", 27 → "AA". */
export function columnLetters(column: number): string {
  if (!Number.isInteger(column) || column < 1)
    throw new RangeError(`column ${column} is not a column number`);
  let letters = "";
  let rest = column;
  while (rest > 0) {
    const digit = (rest - 1) % 26;
    letters = String.fromCharCode(65 + digit) + letters;
    rest = Math.floor((rest - 1) / 26);
  }
  return letters;
}

/** Letters → column number: "A" → 1, "AA" → 27. */
export function columnNumber(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) throw new RangeError(`"${letters}" is not a column`);
  return [...letters.toUpperCase()].reduce((total, letter) => total * 26 + letter.charCodeAt(0) - 64, 0);
}

/** "B7" or "$B$7" → { row: 7, column: 2 }. */
export function parseCellAddress(address: string): CellPosition {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!match) throw new RangeError(`"${address}" is not a cell address`);
  return { row: Number(match[2]), column: columnNumber(match[1]!) };
}

/** { row: 7, column: 2 } → "B7". */
export function cellAddress(position: CellPosition): string {
  return `${columnLetters(position.column)}${position.row}`;
}

/** The address `rows` below and `columns` to the right of `topLeft`. */
export function offsetAddress(topLeft: string, rows: number, columns: number): string {
  const start = parseCellAddress(topLeft);
  return cellAddress({ row: start.row + rows, column: start.column + columns });
}

/** "B2" with 3 rows and 4 columns → "B2:E4"; a single cell stays "B2". */
export function rangeAddress(topLeft: string, rows: number, columns: number): string {
  const bottomRight = offsetAddress(topLeft, Math.max(rows, 1) - 1, Math.max(columns, 1) - 1);
  return bottomRight === topLeft.replace(/\$/g, "")
    ? bottomRight
    : `${topLeft.replace(/\$/g, "")}:${bottomRight}`;
}

/** Absolute form of a range for defined names: "B2:E4" → "$B$2:$E$4". */
export function absoluteRange(range: string): string {
  return range
    .split(":")
    .map((address) => {
      const { row, column } = parseCellAddress(address);
      return `$${columnLetters(column)}$${row}`;
    })
    .join(":");
}

/**
 * A sheet name as a formula or a message writes it: quoted when it has anything but letters,
 * digits and underscores ("'CBA Partners'"), with inner quotes doubled.
 */
export function quotedSheetName(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** "Lines", "D7" → "Lines!D7"; "CBA Partners", "A1" → "'CBA Partners'!A1". */
export function sheetAddress(sheet: string, address: string): string {
  return `${quotedSheetName(sheet)}!${address}`;
}

/**
 * Splits "'CBA Partners'!$A$1:$C$4" into the sheet and the range without `$`.
 * Returns undefined for references that are not a plain sheet range (constants, formulas, #REF!).
 */
export function parseSheetRange(
  reference: string,
): { sheet: string; topLeft: string; bottomRight: string } | undefined {
  const match =
    /^(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(
      reference.trim(),
    );
  if (!match) return undefined;
  const sheet = match[1] !== undefined ? match[1].replace(/''/g, "'") : match[2]!;
  const topLeft = `${match[3]!.toUpperCase()}${match[4]}`;
  const bottomRight = match[5] !== undefined ? `${match[5].toUpperCase()}${match[6]}` : topLeft;
  return { sheet, topLeft, bottomRight };
}
