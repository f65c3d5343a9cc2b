/**
 * Groups per-cell fill colours into as few rectangles as possible, so colouring a heat map or a
 * banded column costs one Office.js command per rectangle rather than one per cell.
 */

/** A rectangle of one colour, in cells counted from the top-left of the grid given (0-based). */
export interface FillRegion {
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
  colour: string;
}

/**
 * Runs of one colour along each row, merged downwards while the next row repeats the same run.
 * `null` cells are left unfilled.
 *
 * @example
 * fillRegions([["#FF0000", "#FF0000"], ["#FF0000", "#FF0000"]])
 * // → [{ row: 0, column: 0, rowCount: 2, columnCount: 2, colour: "#FF0000" }]
 */
export function fillRegions(fills: readonly (readonly (string | null)[])[]): FillRegion[] {
  const regions: FillRegion[] = [];
  let open = new Map<string, FillRegion>();
  fills.forEach((rowColours, row) => {
    const stillOpen = new Map<string, FillRegion>();
    let column = 0;
    while (column < rowColours.length) {
      const colour = rowColours[column] ?? null;
      let end = column + 1;
      while (end < rowColours.length && rowColours[end] === colour) end += 1;
      if (colour !== null) {
        const key = `${colour}|${column}|${end}`;
        const above = open.get(key);
        if (above) {
          above.rowCount += 1;
          stillOpen.set(key, above);
        } else {
          const region = { row, column, rowCount: 1, columnCount: end - column, colour };
          regions.push(region);
          stillOpen.set(key, region);
        }
      }
      column = end;
    }
    open = stillOpen;
  });
  return regions;
}
