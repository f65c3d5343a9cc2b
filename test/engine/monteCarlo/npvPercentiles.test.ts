import fc from "fast-check";
import { pertMean, triangularMean, triangularQuantile } from "../../../src/engine/monteCarlo/distributions";
import { type UncertainRow, monteCarloNpvPercentiles } from "../../../src/engine/monteCarlo/npvPercentiles";
import { netPresentValue } from "../../../src/engine/npv";

const fixed = (values: readonly number[]): UncertainRow =>
  values.map((v) => ({ low: v, likely: v, high: v }));
const zeros = (periods: number) => fixed(Array.from({ length: periods }, () => 0));

describe("monteCarloNpvPercentiles", () => {
  it("gives the deterministic NPV at every percentile when no range has width", () => {
    const costs = [fixed([100, 10, 10])];
    const benefits = [fixed([0, 60, 70])];
    const result = monteCarloNpvPercentiles(costs, benefits, { trials: 50, rate: 0.035 });
    const expected = netPresentValue([-100, 50, 60], 0.035).toNumber();
    expect(result.percentiles).toEqual([0.05, 0.1, 0.5, 0.9, 0.95]);
    for (const value of result.netPresentValues)
      expect(Math.abs(value.toNumber() - expected)).toBeLessThan(1e-6);
    expect(result.trials).toBe(50);
  });

  it("has the triangular mean (a + b + c) / 3 and PERT mean (a + 4m + b) / 6 for a one-period benefit", () => {
    const benefit: UncertainRow = [{ low: 80, likely: 100, high: 150 }];
    const triangular = monteCarloNpvPercentiles([zeros(1)], [benefit], { trials: 4000, seed: 2 });
    expect(triangular.mean.toNumber()).toBeCloseTo(triangularMean(80, 100, 150), 2);
    const pert = monteCarloNpvPercentiles([zeros(1)], [benefit], {
      trials: 4000,
      seed: 2,
      distribution: "pert",
    });
    expect(pert.mean.toNumber()).toBeCloseTo(pertMean(80, 100, 150), 2);
  });

  it("moves a row as one: every period at the same point of its range, so percentiles are the quantiles' NPV", () => {
    // Cost 100–160 (likely 120) now and 10–16 (likely 12) a year later: the same shape, scaled.
    const costs: UncertainRow[] = [
      [
        { low: 100, likely: 120, high: 160 },
        { low: 10, likely: 12, high: 16 },
      ],
    ];
    const result = monteCarloNpvPercentiles(costs, [zeros(2)], {
      percentiles: [0.1, 0.9],
      trials: 10_000,
      seed: 5,
      rate: 0,
    });
    // NPV = −1.1 × cost now, so its P10 is −1.1 × the cost's 90th percentile.
    expect(result.netPresentValues[0]!.toNumber()).toBeCloseTo(
      -1.1 * triangularQuantile(0.9, 100, 120, 160),
      1,
    );
    expect(result.netPresentValues[1]!.toNumber()).toBeCloseTo(
      -1.1 * triangularQuantile(0.1, 100, 120, 160),
      1,
    );
  });

  it("uses the Green Book 3.5% by default", () => {
    const result = monteCarloNpvPercentiles([fixed([0, 0])], [fixed([0, 103.5])], { trials: 5 });
    expect(result.mean.toNumber()).toBeCloseTo(100, 9);
  });

  it("property: the same seed gives the same percentiles, and they rise with the percentile", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.constantFrom("triangular" as const, "pert" as const),
        (seed, distribution) => {
          const costs: UncertainRow[] = [
            [
              { low: 50, likely: 60, high: 90 },
              { low: 0, likely: 0, high: 0 },
            ],
          ];
          const benefits: UncertainRow[] = [
            [
              { low: 0, likely: 0, high: 0 },
              { low: 40, likely: 70, high: 80 },
            ],
          ];
          const options = { trials: 500, seed, distribution };
          const first = monteCarloNpvPercentiles(costs, benefits, options);
          expect(monteCarloNpvPercentiles(costs, benefits, options)).toEqual(first);
          const values = first.netPresentValues.map((v) => v.toNumber());
          expect(values).toEqual([...values].sort((x, y) => x - y));
        },
      ),
      { numRuns: 20 },
    );
  });

  it("gives different percentiles for different seeds", () => {
    const costs: UncertainRow[] = [[{ low: 50, likely: 60, high: 90 }]];
    const a = monteCarloNpvPercentiles(costs, [zeros(1)], { trials: 300, seed: 1, sampling: "plain" });
    const b = monteCarloNpvPercentiles(costs, [zeros(1)], { trials: 300, seed: 2, sampling: "plain" });
    expect(a.netPresentValues[2]!.eq(b.netPresentValues[2]!)).toBe(false);
  });

  it("rejects estimates out of order, rows of different lengths and no rows at all, naming the place", () => {
    expect(() => monteCarloNpvPercentiles([[{ low: 10, likely: 5, high: 20 }]], [])).toThrow(
      expect.objectContaining({ kind: "invalidNumber", subject: "costs row 1, period 0" }),
    );
    expect(() => monteCarloNpvPercentiles([fixed([1, 2])], [fixed([1])])).toThrow(
      expect.objectContaining({ kind: "invalidValue", subject: "benefits row 1" }),
    );
    expect(() => monteCarloNpvPercentiles([], [])).toThrow(expect.objectContaining({ kind: "invalidValue" }));
    expect(() => monteCarloNpvPercentiles([[{ low: "a", likely: 1, high: 2 }]], [])).toThrow(
      expect.objectContaining({ subject: "costs row 1, period 0 low" }),
    );
    expect(() => monteCarloNpvPercentiles([fixed([1])], [], { trials: 0 })).toThrow(
      expect.objectContaining({ subject: "trials" }),
    );
  });
});
