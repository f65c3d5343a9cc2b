/** The input-range definitions: one per range, each complete, and read by the contract's reader. */
import { canonicalHeaders, matchesColumn } from "../../src/workbook/contractColumns";
import { inputRanges, rangesReadAfterSettings } from "../../src/workbook/contractReading/inputRanges";
import { settingsRange } from "../../src/workbook/contractReading/settingsRange";
import { readContract } from "../../src/workbook/contractReader";
import { allInputRangeNames } from "../../src/workbook/inputContract";
import type { NamedRangeData, WorkbookSnapshot } from "../../src/workbook/workbookPort";

describe("the input-range definitions", () => {
  test("define each range once, each with a purpose, its contents and an instruction", () => {
    const names = inputRanges.map((range) => range.name.toUpperCase());
    expect(new Set(names).size).toBe(names.length);
    expect(allInputRangeNames).toEqual(inputRanges.map((range) => range.name));
    for (const range of inputRanges) {
      expect({
        name: range.name,
        purpose: range.purpose,
        contents: range.contents,
        instruction: range.instruction,
      }).toEqual({
        name: expect.stringMatching(/^CBA_[A-Za-z]+$/),
        purpose: expect.stringMatching(/\w{3}/),
        contents: expect.stringMatching(/\w{3}/),
        instruction: expect.stringMatching(/\w{3}/),
      });
    }
  });

  test("every range but the settings is read by the common loop, once", () => {
    expect(rangesReadAfterSettings.map((range) => range.name).sort()).toEqual(
      inputRanges
        .filter((range) => range !== settingsRange)
        .map((range) => range.name)
        .sort(),
    );
  });

  test("no column's accepted header is also accepted by another column of the same range", () => {
    for (const range of inputRanges) {
      const columns = Object.values(range.columns);
      for (const column of columns)
        for (const header of column.headers) {
          const takers = columns.filter((other) => matchesColumn(header, other)).map((other) => other.key);
          expect({ range: range.name, header, takers }).toEqual({
            range: range.name,
            header,
            takers: [column.key],
          });
        }
    }
  });

  test("each range's reader finds its key in the inputs when the workbook has it with its own headers", () => {
    const at = (name: string, values: NamedRangeData["values"]): NamedRangeData => ({
      name,
      sheet: "Inputs",
      topLeft: "A1",
      values,
    });
    for (const range of rangesReadAfterSettings) {
      const header = canonicalHeaders(range.columns);
      // One row of text in every column: enough for each reader to return its range (with problems).
      const row = header.map((_, index) => (index === 0 ? "Row 1" : "x"));
      const snapshot: WorkbookSnapshot = {
        ranges: new Map([[range.name.toUpperCase(), at(range.name, [header, row])]]),
        sheets: [{ name: "Inputs", ownedByProduct: false }],
      };
      const { inputs } = readContract(snapshot);
      expect({ range: range.name, read: inputs[range.key] !== undefined }).toEqual({
        range: range.name,
        read: true,
      });
      expect(inputs.locations).toEqual([{ range: range.name, sheet: "Inputs" }]);
    }
  });
});
