import fc from "fast-check";
import { fillRegions } from "../../../src/workbook/office/fillRegions";
import { newMarkerNames, ownedSheetMarkers } from "../../../src/workbook/office/ownedSheetMarkers";

describe("fillRegions", () => {
  it("every coloured cell lies in exactly one region of its colour, and no blank cell in any", () => {
    const grid = fc.integer({ min: 1, max: 6 }).chain((width) =>
      fc.array(
        fc.array(fc.constantFrom("#FF0000", "#00FF00", null), { minLength: width, maxLength: width }),
        {
          maxLength: 8,
        },
      ),
    );
    fc.assert(
      fc.property(grid, (fills) => {
        const covered = fills.map((row) => row.map((): string[] => []));
        for (const region of fillRegions(fills)) {
          for (let row = region.row; row < region.row + region.rowCount; row += 1) {
            for (let column = region.column; column < region.column + region.columnCount; column += 1) {
              covered[row]![column]!.push(region.colour);
            }
          }
        }
        fills.forEach((row, rowIndex) =>
          row.forEach((colour, column) =>
            expect(covered[rowIndex]![column]).toEqual(colour === null ? [] : [colour]),
          ),
        );
      }),
    );
  });

  it("a column of one colour down many rows is a single region", () => {
    const fills = Array.from({ length: 1000 }, () => [null, "#C6EFCE"]);
    expect(fillRegions(fills)).toEqual([
      { row: 0, column: 1, rowCount: 1000, columnCount: 1, colour: "#C6EFCE" },
    ]);
  });
});

describe("ownedSheetMarkers", () => {
  const sheets = ["Inputs", "CBA Partners", "CBA Risks"];

  it("reads the sheet a marker points at, quoted or not, in the workbook's spelling", () => {
    const markers = ownedSheetMarkers(
      [
        { name: "CBA_Owned_1", type: "Range", formula: "='CBA Partners'!$A$1" },
        { name: "cba_owned_7", type: "Range", formula: "='cba risks'!A1" },
        { name: "CBA_Lines", type: "Range", formula: "=Inputs!$A$1" },
      ],
      sheets,
    );
    expect(markers).toEqual([
      { name: "CBA_Owned_1", number: 1, sheet: "CBA Partners" },
      { name: "cba_owned_7", number: 7, sheet: "CBA Risks" },
    ]);
  });

  it("a marker not pointing at A1 of an existing sheet marks nothing", () => {
    const markers = ownedSheetMarkers(
      [
        { name: "CBA_Owned_1", type: "Range", formula: "=Inputs!$A$2" },
        { name: "CBA_Owned_2", type: "Error", formula: "=#REF!$A$1" },
        { name: "CBA_Owned_3", type: "Range", formula: "=Gone!$A$1" },
        { name: "CBA_Owned_x", type: "Range", formula: "=Inputs!$A$1" },
      ],
      sheets,
    );
    expect(markers.map((marker) => [marker.number, marker.sheet])).toEqual([
      [1, null],
      [2, null],
      [3, null],
      [null, "Inputs"],
    ]);
  });

  it("new markers take the smallest numbers not in use", () => {
    expect(newMarkerNames(3, [2, 4])).toEqual(["CBA_Owned_1", "CBA_Owned_3", "CBA_Owned_5"]);
  });
});
