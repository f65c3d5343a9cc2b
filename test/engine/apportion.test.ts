import fc from "fast-check";
import { apportion } from "../../src/engine/apportion";
import { apportionLines } from "../../src/engine/apportionLines";
import { Money, sum } from "../../src/engine/money";

const numbers = (parts: readonly Money[]) => parts.map((p) => p.toNumber());

describe("apportion", () => {
  it("splits £2.00 seven ways into parts that foot (rounding each part gives £2.03)", () => {
    const parts = apportion(2, [1, 1, 1, 1, 1, 1, 1]);
    expect(numbers(parts)).toEqual([0.29, 0.29, 0.29, 0.29, 0.28, 0.28, 0.28]);
    expect(sum(parts).toNumber()).toBe(2);
  });

  it("gives HFRS (97) of Hampshire's (1,950) saving, where rounding each cell gives (98)", () => {
    expect(numbers(apportion(-1950, [0.73, 0.22, 0.05], { unit: 1 }))).toEqual([-1424, -429, -97]);
  });

  it("accepts raw bases as weights", () => {
    expect(numbers(apportion(100, [300, 100], { unit: 1 }))).toEqual([75, 25]);
  });

  it("breaks remainder ties towards the larger share", () => {
    // Quotas 0.5 and 1.5: equal remainders, so the leftover unit goes to the larger share.
    expect(numbers(apportion(2, [1, 3], { unit: 1 }))).toEqual([0, 2]);
    // Equal shares and remainders: the documented tie-break is partner order.
    expect(numbers(apportion(2, [1, 1, 2], { unit: 1 }))).toEqual([1, 0, 1]);
  });

  it("never shows a minus zero", () => {
    const parts = apportion(-1, [1, 1, 1], { unit: 1 });
    expect(parts.map((p) => Object.is(p.toNumber(), -0))).toEqual([false, false, false]);
  });

  it.each([
    [1.005, [1, 1], {}, "amount: 1.005 is not a whole number of rounding units of 0.01; round it first"],
    [10, [1, 1], { unit: 0 }, "unit: must be greater than zero"],
    [10, [], {}, "weights: needs at least one partner"],
    [10, [1, -2], {}, "weights[2]: is negative"],
    [10, [0, 0], {}, "weights: are all zero, so nobody can bear the amount"],
    ["ten", [1, 1], {}, 'amount: is not a number (got the text "ten")'],
  ])("rejects %p over %p (%p)", (amount, weights, options, message) => {
    expect(() => apportion(amount as number, weights, options)).toThrow(message);
  });
});

describe("apportion properties", () => {
  const weights = fc
    .array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 10 })
    .filter((w) => w.some((x) => x > 0));
  const pennies = fc.integer({ min: -10_000_000, max: 10_000_000 });

  it("the parts always sum exactly to the amount", () => {
    fc.assert(
      fc.property(pennies, weights, (p, w) => {
        expect(sum(apportion(new Money(p).div(100), w)).equals(new Money(p).div(100))).toBe(true);
      }),
    );
  });

  it("each part is within one unit of its exact share", () => {
    fc.assert(
      fc.property(pennies, weights, (p, w) => {
        const total = w.reduce((a, b) => a + b, 0);
        apportion(p, w, { unit: 1 }).forEach((part, i) =>
          expect(part.minus(new Money(p).times(w[i]!).div(total)).abs().lessThan(1)).toBe(true),
        );
      }),
    );
  });

  it("permuting partners permutes the parts when no two partners tie", () => {
    fc.assert(
      fc.property(
        pennies,
        fc.uniqueArray(fc.integer({ min: 1, max: 10_000 }), { minLength: 2, maxLength: 8 }),
        (p, w) => {
          const reversed = [...w].reverse();
          expect(numbers(apportion(p, reversed, { unit: 1 }))).toEqual(
            numbers(apportion(p, w, { unit: 1 })).reverse(),
          );
        },
      ),
    );
  });

  it("a saving splits exactly like a cost of the same size, with the sign applied after", () => {
    fc.assert(
      fc.property(fc.nat(10_000_000), weights, (p, w) => {
        expect(numbers(apportion(-p, w, { unit: 1 })).map((x) => -x + 0)).toEqual(
          numbers(apportion(p, w, { unit: 1 })).map((x) => x + 0),
        );
      }),
    );
  });
});

describe("apportionLines", () => {
  it("foots both ways: lines across, and partner columns to the pool total apportioned as one amount", () => {
    const lines = [1140, 900, 400, 140, 80, -115];
    const matrix = apportionLines(lines, [0.73, 0.22, 0.05], { unit: 1 });
    matrix.forEach((row, l) => expect(sum(row).toNumber()).toBe(lines[l]));
    const columns = [0, 1, 2].map((p) => sum(matrix.map((row) => row[p]!)).toNumber());
    expect(columns).toEqual(numbers(apportion(2545, [0.73, 0.22, 0.05], { unit: 1 })));
  });

  it("names the line that is not in whole units", () => {
    expect(() =>
      apportionLines([10, 0.5], [1, 1], { unit: 1, subjects: ["line 'ICT'", "line 'Legal'"] }),
    ).toThrow("line 'Legal': 0.5 is not a whole number of rounding units of 1");
  });

  it("never raises a part whose exact share is already whole (found by the property below)", () => {
    // 55,286 × 434 / 3,038 is exactly 7,898: the part must be 7,898, not 7,899.
    const matrix = apportionLines([55286, 82471], [872, 190, 434, 578, 964], { unit: 1 });
    expect(matrix[0]![2]!.toNumber()).toBe(7898);
  });

  it("always foots both ways, whatever the signs and sizes of the lines", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -100_000, max: 100_000 }), { minLength: 1, maxLength: 15 }),
        fc
          .array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 8 })
          .filter((w) => w.some((x) => x > 0)),
        (lines, w) => {
          const matrix = apportionLines(lines, w, { unit: 1 });
          matrix.forEach((row, l) => expect(sum(row).toNumber()).toBe(lines[l]));
          const total = lines.reduce((a, b) => a + b, 0);
          const target = numbers(apportion(total, w, { unit: 1 }));
          w.forEach((_, p) => expect(sum(matrix.map((row) => row[p]!)).toNumber()).toBe(target[p]));
          const weightTotal = w.reduce((a, b) => a + b, 0);
          matrix.forEach((row, l) =>
            row.forEach((part, p) =>
              expect(part.minus(new Money(lines[l]!).times(w[p]!).div(weightTotal)).abs().lessThan(1)).toBe(
                true,
              ),
            ),
          );
        },
      ),
      { numRuns: 2000 },
    );
  });
});
