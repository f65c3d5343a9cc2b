import fc from "fast-check";
import {
  absoluteRange,
  columnLetters,
  columnNumber,
  offsetAddress,
  parseSheetRange,
  rangeAddress,
  sheetAddress,
} from "../../src/workbook/cellAddress";

describe("cell addresses", () => {
  test("column letters and numbers: known points", () => {
    expect([1, 26, 27, 52, 53, 702, 703, 16384].map(columnLetters)).toEqual([
      "A",
      "Z",
      "AA",
      "AZ",
      "BA",
      "ZZ",
      "AAA",
      "XFD",
    ]);
    expect(columnNumber("xfd")).toBe(16384);
  });

  test("turning any column number into letters and back gives the same number", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 16384 }),
        (column) => columnNumber(columnLetters(column)) === column,
      ),
    );
  });

  test("offsetting by rows and columns then back again returns to the start", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        (row, column, down, across) => {
          const start = `${columnLetters(column)}${row}`;
          return offsetAddress(offsetAddress(start, down, across), -down, -across) === start;
        },
      ),
    );
  });

  test("ranges, absolute references and sheet-qualified addresses", () => {
    expect(rangeAddress("B2", 3, 4)).toBe("B2:E4");
    expect(rangeAddress("B2", 1, 1)).toBe("B2");
    expect(absoluteRange("B2:E4")).toBe("$B$2:$E$4");
    expect(sheetAddress("Lines", "D7")).toBe("Lines!D7");
    expect(sheetAddress("CBA Partners", "A1")).toBe("'CBA Partners'!A1");
    expect(sheetAddress("Bob's", "A1")).toBe("'Bob''s'!A1");
  });

  test("parsing sheet references, quoted or not; anything else is not a range", () => {
    expect(parseSheetRange("'CBA Partners'!$A$1:$C$4")).toEqual({
      sheet: "CBA Partners",
      topLeft: "A1",
      bottomRight: "C4",
    });
    expect(parseSheetRange("Inputs!B2")).toEqual({ sheet: "Inputs", topLeft: "B2", bottomRight: "B2" });
    expect(parseSheetRange("'Bob''s'!A1")).toMatchObject({ sheet: "Bob's" });
    expect(parseSheetRange("#REF!$A$1")).toMatchObject({ sheet: "#REF" });
    expect(parseSheetRange("0.035")).toBeUndefined();
  });
});
