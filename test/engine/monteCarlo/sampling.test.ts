import fc from "fast-check";
import { seededGenerator, shuffledIndices, uniformDraws } from "../../../src/engine/monteCarlo/sampling";

const seed = fc.integer({ min: 0, max: 4294967295 });

describe("seededGenerator", () => {
  it("rejects seeds that are not whole numbers from 0 to 2^32 − 1, naming the seed", () => {
    for (const bad of [-1, 1.5, 2 ** 32, Number.NaN]) {
      expect(() => seededGenerator(bad)).toThrow(
        expect.objectContaining({ kind: "invalidNumber", subject: "seed" }),
      );
    }
  });

  it("property: the same seed gives the same sequence", () => {
    fc.assert(
      fc.property(seed, (s) => {
        const a = seededGenerator(s);
        const b = seededGenerator(s);
        for (let i = 0; i < 20; i++) expect(a.next()).toBe(b.next());
      }),
    );
  });
});

describe("uniformDraws", () => {
  it("property: Latin hypercube puts each input's draws one in each of the n equal strata", () => {
    fc.assert(
      fc.property(
        seed,
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 4 }),
        (s, trials, inputs) => {
          const draws = uniformDraws(seededGenerator(s), trials, inputs, "latinHypercube");
          for (let v = 0; v < inputs; v++) {
            const strata = Array.from(draws.subarray(v * trials, (v + 1) * trials), (u) =>
              Math.floor(u * trials),
            );
            expect(strata.sort((x, y) => x - y)).toEqual(Array.from({ length: trials }, (_, k) => k));
          }
        },
      ),
      { numRuns: 50 },
    );
  });

  it("property: plain draws lie in [0, 1)", () => {
    fc.assert(
      fc.property(seed, (s) => {
        for (const u of uniformDraws(seededGenerator(s), 200, 2, "plain")) {
          expect(u).toBeGreaterThanOrEqual(0);
          expect(u).toBeLessThan(1);
        }
      }),
      { numRuns: 20 },
    );
  });

  it("gives identical draws for the same seed and different draws for different seeds", () => {
    for (const method of ["latinHypercube", "plain"] as const) {
      const a = uniformDraws(seededGenerator(11), 500, 3, method);
      expect(uniformDraws(seededGenerator(11), 500, 3, method)).toEqual(a);
      const b = uniformDraws(seededGenerator(12), 500, 3, method);
      expect(Array.from(a).filter((u, k) => u === b[k]).length).toBe(0);
    }
  });

  it("spreads plain draws evenly: the mean is within 4 standard errors of one half", () => {
    const n = 20_000;
    const draws = uniformDraws(seededGenerator(5), n, 1, "plain");
    const mean = draws.reduce((total, u) => total + u, 0) / n;
    expect(Math.abs(mean - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
  });

  it("rejects an unknown sampling method", () => {
    expect(() => uniformDraws(seededGenerator(1), 10, 1, "sobol" as "plain")).toThrow(
      expect.objectContaining({ kind: "invalidValue", subject: "sampling" }),
    );
  });
});

describe("shuffledIndices", () => {
  it("property: holds every index once", () => {
    fc.assert(
      fc.property(seed, fc.integer({ min: 0, max: 200 }), (s, length) => {
        const order = new Int32Array(length);
        shuffledIndices(seededGenerator(s), order);
        expect(Array.from(order).sort((x, y) => x - y)).toEqual(Array.from({ length }, (_, k) => k));
      }),
    );
  });

  it("puts each index in each position about equally often", () => {
    // 3 items, 6000 shuffles: each of the 9 (item, position) pairs expected 2000 times.
    const generator = seededGenerator(9);
    const counts = Array.from({ length: 3 }, () => [0, 0, 0]);
    const order = new Int32Array(3);
    for (let i = 0; i < 6000; i++) {
      shuffledIndices(generator, order);
      order.forEach((item, position) => counts[item]![position]!++);
    }
    for (const row of counts)
      for (const count of row)
        expect(Math.abs(count - 2000)).toBeLessThan(4 * Math.sqrt(6000 * (1 / 3) * (2 / 3)));
  });
});
