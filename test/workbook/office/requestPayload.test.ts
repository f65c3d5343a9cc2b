import fc from "fast-check";
import {
  blockSlabs,
  cellDataBytes,
  commandOverheadBytes,
  packBatches,
} from "../../../src/workbook/office/requestPayload";
import { type BlockWrite, WorkbookWriteError } from "../../../src/workbook/office/writePlanLayout";

function block(values: BlockWrite["values"], topLeft = "B3"): BlockWrite {
  const width = values[0]!.length;
  const top = Number(topLeft.slice(1));
  const right = String.fromCharCode("B".charCodeAt(0) + width - 1);
  return {
    name: "CBA_Out_Test",
    asTable: true,
    address: `${topLeft}:${right}${top + values.length - 1}`,
    headerAddress: `${topLeft}:${right}${top}`,
    values,
    numberFormats: values.map((row) => row.map((value) => (typeof value === "string" ? "@" : "0.00"))),
    fills: [],
  };
}

const cell = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
);

describe("cellDataBytes", () => {
  it("counts the JSON of values and formats, a separator per row, and two command envelopes", () => {
    const values = [["Year", 2012]];
    const formats = [["@", "General"]];
    expect(cellDataBytes(values, formats)).toBe(
      JSON.stringify(values[0]).length + 1 + JSON.stringify(formats[0]).length + 1 + 2 * commandOverheadBytes,
    );
  });
});

describe("blockSlabs", () => {
  it("a block within the budget is one slab over the block's whole address", () => {
    const small = block([
      ["Partner", "Share"],
      ["HCC", 0.73],
    ]);
    const slabs = blockSlabs(small, 100_000);
    expect(slabs).toEqual([
      {
        address: small.address,
        values: small.values,
        numberFormats: small.numberFormats,
        bytes: cellDataBytes(small.values, small.numberFormats),
      },
    ]);
  });

  it("slabs cover every row exactly once, in order, at consecutive addresses, each within the budget", () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 4 })
          .chain((width) =>
            fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 60 }),
          ),
        fc.integer({ min: 1_000, max: 4_000 }),
        (rows, budget) => {
          const written = block(rows);
          const slabs = blockSlabs(written, budget);
          expect(slabs.flatMap((slab) => slab.values)).toEqual(rows);
          expect(slabs.flatMap((slab) => slab.numberFormats)).toEqual(written.numberFormats);
          let nextRow = 3;
          for (const slab of slabs) {
            expect(slab.bytes).toBeLessThanOrEqual(budget);
            expect(slab.bytes).toBe(cellDataBytes(slab.values, slab.numberFormats));
            const [first, last] = slab.address.split(":");
            expect(Number(first!.slice(1))).toBe(nextRow);
            nextRow += slab.values.length;
            expect(Number((last ?? first)!.replace(/^[A-Z]+/, ""))).toBe(nextRow - 1);
          }
        },
      ),
    );
  });

  it("refuses a single row too large for any request, naming the block", () => {
    const huge = block([["Note"], ["x".repeat(5_000)]]);
    expect(() => blockSlabs(huge, 4_000)).toThrow(WorkbookWriteError);
    expect(() => blockSlabs(huge, 4_000)).toThrow(/row 1 of block 'CBA_Out_Test'/);
  });
});

describe("packBatches", () => {
  it("puts every item in exactly one batch, keeps their order within a batch, and fills no batch past the budget", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 100 }), { maxLength: 80 }),
        fc.integer({ min: 100, max: 400 }),
        (sizes, budget) => {
          const items = sizes.map((bytes, index) => ({ bytes, index }));
          const batches = packBatches(items, budget);
          expect(
            batches
              .flat()
              .map((item) => item.index)
              .sort((a, b) => a - b),
          ).toEqual(items.map((item) => item.index));
          for (const batch of batches) {
            expect(batch.reduce((total, item) => total + item.bytes, 0)).toBeLessThanOrEqual(budget);
            const order = batch.map((item) => item.index);
            expect(order).toEqual([...order].sort((a, b) => a - b));
          }
          // First fit leaves no two neighbouring batches that would fit together in one.
          const used = batches.map((batch) => batch.reduce((total, item) => total + item.bytes, 0));
          const total = used.reduce((sum, bytes) => sum + bytes, 0);
          expect(batches.length).toBeLessThanOrEqual(2 * Math.ceil(total / budget));
        },
      ),
    );
  });
});
