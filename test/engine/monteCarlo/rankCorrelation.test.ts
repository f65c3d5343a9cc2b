import fc from "fast-check";
import {
  imposeRankCorrelation,
  spearmanRankCorrelation,
} from "../../../src/engine/monteCarlo/rankCorrelation";
import { seededGenerator, uniformDraws } from "../../../src/engine/monteCarlo/sampling";

const column = (draws: Float64Array, v: number, n: number) => draws.subarray(v * n, (v + 1) * n);

describe("spearmanRankCorrelation", () => {
  it("is 1 for the same order, −1 for the reverse, and hand-checked in between", () => {
    expect(spearmanRankCorrelation([1, 2, 3], [10, 20, 30])).toBe(1);
    expect(spearmanRankCorrelation([1, 2, 3], [3, 2, 1])).toBe(-1);
    // Ranks 1 2 3 4 against 1 2 4 3: 1 − 6 × 2 / (4 × 15) = 0.8.
    expect(spearmanRankCorrelation([1, 2, 3, 4], [10, 20, 30, 25])).toBeCloseTo(0.8, 12);
  });

  it("rejects samples of different lengths", () => {
    expect(() => spearmanRankCorrelation([1, 2], [1])).toThrow(
      expect.objectContaining({ kind: "invalidValue" }),
    );
  });
});

describe("imposeRankCorrelation (Iman–Conover)", () => {
  const n = 2000;

  // Iman–Conover reaches the target only up to sampling error, whose standard error is about
  // (1 − ρ²)/√n; four standard errors keeps this property from failing by chance (p < 1e-4).
  it("property: achieves a target rank correlation between two inputs to within four standard errors", () => {
    fc.assert(
      fc.property(fc.integer({ min: -95, max: 95 }), fc.integer({ min: 0, max: 1000 }), (hundredths, s) => {
        const rho = hundredths / 100;
        const draws = uniformDraws(seededGenerator(s), n, 2, "latinHypercube");
        imposeRankCorrelation(
          draws,
          n,
          [0, 1],
          [
            [1, rho],
            [rho, 1],
          ],
          seededGenerator(s + 1),
        );
        expect(
          Math.abs(spearmanRankCorrelation(column(draws, 0, n), column(draws, 1, n)) - rho),
        ).toBeLessThan((4 * (1 - rho * rho)) / Math.sqrt(n) + 0.005);
      }),
      { numRuns: 25 },
    );
  });

  it("achieves a three-input target matrix, each pair to within 0.03", () => {
    const target = [
      [1, 0.7, -0.3],
      [0.7, 1, 0.2],
      [-0.3, 0.2, 1],
    ];
    const draws = uniformDraws(seededGenerator(21), n, 4, "plain");
    imposeRankCorrelation(draws, n, [0, 2, 3], target, seededGenerator(22));
    const inputs = [0, 2, 3];
    for (let a = 0; a < 3; a++) {
      for (let b = a + 1; b < 3; b++) {
        const achieved = spearmanRankCorrelation(column(draws, inputs[a]!, n), column(draws, inputs[b]!, n));
        expect(Math.abs(achieved - target[a]![b]!)).toBeLessThan(0.03);
      }
    }
  });

  it("only reorders: every input keeps exactly its values, so Latin hypercube strata survive", () => {
    const draws = uniformDraws(seededGenerator(3), n, 2, "latinHypercube");
    const before = [
      Float64Array.from(column(draws, 0, n)).sort(),
      Float64Array.from(column(draws, 1, n)).sort(),
    ];
    imposeRankCorrelation(
      draws,
      n,
      [0, 1],
      [
        [1, 0.6],
        [0.6, 1],
      ],
      seededGenerator(4),
    );
    expect(Float64Array.from(column(draws, 0, n)).sort()).toEqual(before[0]);
    expect(Float64Array.from(column(draws, 1, n)).sort()).toEqual(before[1]);
  });

  it("leaves inputs it is not given alone", () => {
    const draws = uniformDraws(seededGenerator(8), 100, 3, "plain");
    const untouched = Float64Array.from(column(draws, 1, 100));
    imposeRankCorrelation(
      draws,
      100,
      [0, 2],
      [
        [1, 0.5],
        [0.5, 1],
      ],
      seededGenerator(9),
    );
    expect(column(draws, 1, 100)).toEqual(untouched);
  });

  it("gives identical ranks for a correlation of 1", () => {
    const draws = uniformDraws(seededGenerator(5), 500, 3, "latinHypercube");
    const ones = [
      [1, 1, 1],
      [1, 1, 1],
      [1, 1, 1],
    ];
    imposeRankCorrelation(draws, 500, [0, 1, 2], ones, seededGenerator(6));
    expect(spearmanRankCorrelation(column(draws, 0, 500), column(draws, 1, 500))).toBeCloseTo(1, 12);
    expect(spearmanRankCorrelation(column(draws, 0, 500), column(draws, 2, 500))).toBeCloseTo(1, 12);
  });

  it("is reproducible: the same seeds give the same reordering", () => {
    const run = () => {
      const draws = uniformDraws(seededGenerator(31), 300, 2, "plain");
      imposeRankCorrelation(
        draws,
        300,
        [0, 1],
        [
          [1, -0.4],
          [-0.4, 1],
        ],
        seededGenerator(32),
      );
      return draws;
    };
    expect(run()).toEqual(run());
  });

  it("rejects targets that are not correlation matrices, or not consistent with one another", () => {
    const draws = uniformDraws(seededGenerator(1), 50, 3, "plain");
    const generator = seededGenerator(2);
    const inconsistent = [
      [1, -0.9, -0.9],
      [-0.9, 1, -0.9],
      [-0.9, -0.9, 1],
    ];
    expect(() => imposeRankCorrelation(draws, 50, [0, 1, 2], inconsistent, generator, "group 'ICT'")).toThrow(
      expect.objectContaining({ kind: "invalidNumber", subject: "group 'ICT'" }),
    );
    expect(() =>
      imposeRankCorrelation(
        draws,
        50,
        [0, 1],
        [
          [1, 2],
          [2, 1],
        ],
        generator,
      ),
    ).toThrow(expect.objectContaining({ kind: "invalidNumber" }));
    expect(() =>
      imposeRankCorrelation(
        draws,
        50,
        [0, 1],
        [
          [1, 0.5],
          [0.4, 1],
        ],
        generator,
      ),
    ).toThrow(expect.objectContaining({ kind: "invalidNumber" }));
    // Three lines cannot be correlated over two trials.
    const few = uniformDraws(seededGenerator(1), 2, 3, "plain");
    expect(() =>
      imposeRankCorrelation(
        few,
        2,
        [0, 1, 2],
        [
          [1, 0.5, 0.5],
          [0.5, 1, 0.5],
          [0.5, 0.5, 1],
        ],
        generator,
      ),
    ).toThrow(expect.objectContaining({ kind: "invalidNumber" }));
    expect(() => imposeRankCorrelation(draws, 50, [0, 1], [[1, 0.5]], generator)).toThrow(
      expect.objectContaining({ kind: "invalidValue" }),
    );
  });
});
