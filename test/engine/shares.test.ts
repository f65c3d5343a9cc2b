import fc from "fast-check";
import type { BaselineRow } from "../../src/engine/businessCaseModel";
import { EngineError } from "../../src/engine/errors";
import { Money, sum } from "../../src/engine/money";
import { basesFromBaseline, sharesFromBases, sharesFromTable } from "../../src/engine/shares";

const numbers = (shares: readonly Money[]) => shares.map((s) => s.toNumber());

describe("sharesFromBases", () => {
  it("keeps exact shares when no rounding is asked for", () => {
    const shares = sharesFromBases([1, 1, 2]);
    expect(numbers(shares.raw)).toEqual([0.25, 0.25, 0.5]);
    expect(numbers(shares.applied)).toEqual([0.25, 0.25, 0.5]);
  });

  it("rounds to whole percent with largest remainder so the shares still sum to 100%", () => {
    // 1/3 each: 33 + 33 + 33 = 99, the leftover 1% goes to the first of the equal remainders.
    expect(numbers(sharesFromBases([1, 1, 1], { decimals: 0 }).applied)).toEqual([0.34, 0.33, 0.33]);
    // Ties in remainder go to the larger base: 2/3 → 66.67 wins over 1/3 → 33.33 only if its remainder is larger.
    expect(numbers(sharesFromBases([2, 1], { decimals: 0 }).applied)).toEqual([0.67, 0.33]);
  });

  it("rounds to decimals of a percent", () => {
    expect(numbers(sharesFromBases([1, 1, 1], { decimals: 1 }).applied)).toEqual([0.334, 0.333, 0.333]);
  });

  it("takes the column totals of a table", () => {
    expect(
      numbers(
        sharesFromTable([
          [1, 0],
          [1, 2],
        ]).applied,
      ),
    ).toEqual([0.5, 0.5]);
  });

  it.each([
    [[], "bases: needs at least one partner's base"],
    [[1, -1], "bases[2]: is negative; a base cannot be below zero"],
    [[0, 0], "bases: are all zero, so no partner has a share"],
    [[1, "abc"], 'bases[2]: is not a number (got the text "abc")'],
    [[1, Number.NaN], "bases[2]: is not a finite number"],
    [[1, null], "bases[2]: is not a number (got a blank)"],
  ])("rejects %p with a message naming the base", (bases, message) => {
    expect(() => sharesFromBases(bases as number[])).toThrow(
      new EngineError("invalidValue", "", "").constructor as never,
    );
    expect(() => sharesFromBases(bases as number[])).toThrow(message);
  });

  it("rejects ragged tables and impossible decimals", () => {
    expect(() => sharesFromTable([[1, 2], [3]])).toThrow("row 2 has 1 values but row 1 has 2");
    expect(() => sharesFromBases([1, 2], { decimals: 1.5 })).toThrow("must be a whole number from 0 to 10");
  });
});

describe("share properties", () => {
  const bases = fc
    .array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 12 })
    .filter((b) => b.some((x) => x > 0));

  it("applied shares always sum to exactly one, rounded or not", () => {
    fc.assert(
      fc.property(bases, fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }), (b, decimals) => {
        const options = decimals === undefined ? {} : { decimals };
        expect(sum(sharesFromBases(b, options).applied).toNumber()).toBeCloseTo(1, 30);
        if (decimals !== undefined) expect(sum(sharesFromBases(b, options).applied).equals(1)).toBe(true);
      }),
    );
  });

  it("scaling every base by the same factor leaves the shares unchanged", () => {
    fc.assert(
      fc.property(bases, fc.integer({ min: 2, max: 1000 }), (b, k) => {
        const plain = sharesFromBases(b, { decimals: 0 }).applied;
        const scaled = sharesFromBases(
          b.map((x) => x * k),
          { decimals: 0 },
        ).applied;
        expect(numbers(scaled)).toEqual(numbers(plain));
      }),
    );
  });

  it("a rounded share is never more than one rounding step from the exact share", () => {
    fc.assert(
      fc.property(bases, (b) => {
        const { raw, applied } = sharesFromBases(b, { decimals: 0 });
        applied.forEach((a, i) => expect(a.minus(raw[i]!).abs().lessThan(0.01)).toBe(true));
      }),
    );
  });
});

describe("basesFromBaseline", () => {
  const table: BaselineRow[] = [
    { serviceArea: "Finance", amounts: { A: 1800, B: 400, C: 100 } },
    { serviceArea: "HR", amounts: { A: 44400, B: 15000 } },
    { serviceArea: "IT", amounts: { A: 1000, B: 2000, C: 3000 } },
  ];

  it("sums each partner's amounts over the pool's service areas, a missing amount counting 0", () => {
    // Finance + HR: A 1800 + 44400 = 46200, B 400 + 15000 = 15400, C 100 + 0 = 100.
    expect(numbers(basesFromBaseline(table, ["Finance", "HR"], ["A", "B", "C"]))).toEqual([
      46200, 15400, 100,
    ]);
    // All three rows, partners in the order asked: C 100 + 0 + 3000, A 1800 + 44400 + 1000.
    expect(numbers(basesFromBaseline(table, "all", ["C", "A"]))).toEqual([3100, 47200]);
  });

  it("names the pool when a service area is not in the table", () => {
    expect(() => basesFromBaseline(table, ["Legal"], ["A"], "pool 'Shared'")).toThrow(
      expect.objectContaining({ kind: "invalidValue", subject: "pool 'Shared'" }),
    );
  });

  it("property: the bases over all rows are the table's column totals", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 3, maxLength: 3 }), {
          minLength: 1,
          maxLength: 6,
        }),
        (rows) => {
          const rowsTable = rows.map((row, r) => ({
            serviceArea: `Area ${r}`,
            amounts: { A: row[0]!, B: row[1]!, C: row[2]! },
          }));
          const bases = basesFromBaseline(rowsTable, "all", ["A", "B", "C"]);
          const totals = [0, 1, 2].map((c) => rows.reduce((total, row) => total + row[c]!, 0));
          expect(numbers(bases)).toEqual(totals);
        },
      ),
    );
  });
});
