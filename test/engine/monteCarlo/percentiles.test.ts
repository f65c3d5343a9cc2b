import fc from "fast-check";
import {
  histogram,
  percentileInterval,
  percentileOfSorted,
  readPercentiles,
} from "../../../src/engine/monteCarlo/percentiles";
import { seededGenerator, uniformDraws } from "../../../src/engine/monteCarlo/sampling";

describe("percentileOfSorted", () => {
  it("interpolates as Excel's PERCENTILE.INC does (hand-checked)", () => {
    // PERCENTILE.INC({1,2,3,4,5}, 0.1): position 0.4 → 1.4; 0.5 → 3; 0.95 → position 3.8 → 4.8.
    expect(percentileOfSorted([1, 2, 3, 4, 5], 0.1)).toBeCloseTo(1.4, 12);
    expect(percentileOfSorted([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(percentileOfSorted([1, 2, 3, 4, 5], 0.95)).toBeCloseTo(4.8, 12);
    expect(percentileOfSorted([1, 2, 3, 4, 5], 0)).toBe(1);
    expect(percentileOfSorted([1, 2, 3, 4, 5], 1)).toBe(5);
    expect(percentileOfSorted([7], 0.3)).toBe(7);
  });

  it("returns Infinity (never pays back) when the percentile reaches past the last finite value", () => {
    expect(percentileOfSorted([1, 2, Infinity], 0.5)).toBe(2);
    expect(percentileOfSorted([1, 2, Infinity], 0.6)).toBe(Infinity);
  });

  it("property: lies between the smallest and largest value and rises with p", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 50 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (values, p, q) => {
          const sorted = Float64Array.from(values).sort();
          const [a, b] = p < q ? [p, q] : [q, p];
          expect(percentileOfSorted(sorted, a)).toBeGreaterThanOrEqual(sorted[0]!);
          expect(percentileOfSorted(sorted, b)).toBeLessThanOrEqual(sorted[sorted.length - 1]!);
          expect(percentileOfSorted(sorted, a)).toBeLessThanOrEqual(percentileOfSorted(sorted, b) + 1e-9);
        },
      ),
    );
  });
});

describe("readPercentiles", () => {
  it("accepts fractions and rejects percents, naming the entry", () => {
    expect(readPercentiles([0.05, 0.5])).toEqual([0.05, 0.5]);
    expect(() => readPercentiles([0.5, 90])).toThrow(
      expect.objectContaining({ kind: "invalidNumber", subject: "percentiles[2]" }),
    );
    expect(() => readPercentiles([])).toThrow(expect.objectContaining({ kind: "invalidValue" }));
  });
});

describe("percentileInterval", () => {
  it("takes the order statistics at n p ∓ z √(n p (1 − p)), rounded outwards (hand-checked)", () => {
    // 100 values 0..99, P50: 50 ∓ 1.96 × 5 = 40.2 and 59.8 → the 40th and 61st smallest, 39 and 60.
    const sorted = Float64Array.from({ length: 100 }, (_, i) => i);
    expect(percentileInterval(sorted, 0.5)).toEqual({ lower: 39, upper: 60, confidence: 0.95 });
  });

  it("brackets the true percentile in about 95% of samples (uniform draws, P50 and P90)", () => {
    // 400 samples of 400 draws from U(0, 1), whose p-th percentile is p itself.
    for (const p of [0.5, 0.9]) {
      let covered = 0;
      const samples = 400;
      for (let s = 0; s < samples; s++) {
        const sorted = uniformDraws(seededGenerator(1000 + s), 400, 1, "plain").sort();
        const { lower, upper } = percentileInterval(sorted, p, 0.95);
        if (lower <= p && p <= upper) covered++;
      }
      // Binomial(400, 0.95) lies within ±4.4 standard deviations (±0.048) of 0.95 almost surely;
      // the interval is built to be slightly conservative, so allow up to 100% coverage.
      expect(covered / samples).toBeGreaterThan(0.9);
      expect(covered / samples).toBeLessThanOrEqual(1);
    }
  });

  it("narrows as the sample grows, like 1 / √n", () => {
    const width = (n: number) => {
      const sorted = uniformDraws(seededGenerator(77), n, 1, "plain").sort();
      const { lower, upper } = percentileInterval(sorted, 0.5);
      return upper - lower;
    };
    const ratio = width(1600) / width(25600);
    expect(ratio).toBeGreaterThan(2.5);
    expect(ratio).toBeLessThan(6.5);
  });

  it("rejects a confidence outside (0, 1)", () => {
    expect(() => percentileInterval([1, 2, 3], 0.5, 95)).toThrow(
      expect.objectContaining({ subject: "confidence" }),
    );
  });
});

describe("histogram", () => {
  it("counts values into equal bins, the last including the maximum (hand-checked)", () => {
    const bins = histogram([1, 2, 2, 3, 4], 3);
    expect(bins.map((bin) => bin.count)).toEqual([1, 2, 2]);
    expect(bins[0]!.from).toBe(1);
    expect(bins[2]!.to).toBe(4);
  });

  it("gives one bin when every value is the same, and skips values that never pay back", () => {
    expect(histogram([5, 5, 5], 10)).toEqual([{ from: 5, to: 5, count: 3 }]);
    expect(histogram([1, 2, Infinity], 2).reduce((total, bin) => total + bin.count, 0)).toBe(2);
  });

  it("property: the counts add up to the number of finite values", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 200 }),
        fc.integer({ min: 1, max: 50 }),
        (values, bins) => {
          expect(histogram(values, bins).reduce((total, bin) => total + bin.count, 0)).toBe(values.length);
        },
      ),
    );
  });

  it("rejects a bin count that is not a whole number from 1 to 1000", () => {
    expect(() => histogram([1], 0)).toThrow(expect.objectContaining({ subject: "histogram bins" }));
  });
});
