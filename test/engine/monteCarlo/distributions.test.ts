import fc from "fast-check";
import {
  betaCumulative,
  pertMean,
  pertQuantile,
  pertQuantileOf,
  pertShape,
  preparePert,
  standardNormalQuantile,
  triangularMean,
  triangularQuantile,
} from "../../../src/engine/monteCarlo/distributions";

/** Closed-form cumulative probability of a triangular distribution, to invert against. */
function triangularCumulative(x: number, low: number, mode: number, high: number): number {
  if (x <= low) return 0;
  if (x >= high) return 1;
  if (x <= mode) return ((x - low) * (x - low)) / ((high - low) * (mode - low));
  return 1 - ((high - x) * (high - x)) / ((high - low) * (high - mode));
}

const threePoints = fc
  .tuple(
    fc.integer({ min: -1000, max: 1000 }),
    fc.integer({ min: 0, max: 500 }),
    fc.integer({ min: 0, max: 500 }),
  )
  .map(([low, toMode, toHigh]) => ({ low, mode: low + toMode, high: low + toMode + toHigh }))
  .filter(({ low, high }) => high > low);
const probability = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });

describe("triangularQuantile", () => {
  it("takes the ends and the mode at the right probabilities (hand-checked)", () => {
    expect(triangularQuantile(0, 10, 20, 40)).toBe(10);
    expect(triangularQuantile(1, 10, 20, 40)).toBe(40);
    // The mode sits at probability (mode − low) / (high − low) = 1/3.
    expect(triangularQuantile(1 / 3, 10, 20, 40)).toBeCloseTo(20, 12);
    expect(triangularQuantile(0.5, 0, 0, 10)).toBeCloseTo(10 - Math.sqrt(50), 12);
  });

  it("gives the single value of a degenerate range", () => {
    expect(triangularQuantile(0.3, 7, 7, 7)).toBe(7);
  });

  it("property: inverts the triangular cumulative probability", () => {
    fc.assert(
      fc.property(threePoints, probability, ({ low, mode, high }, p) => {
        const x = triangularQuantile(p, low, mode, high);
        expect(x).toBeGreaterThanOrEqual(low);
        expect(x).toBeLessThanOrEqual(high);
        expect(triangularCumulative(x, low, mode, high)).toBeCloseTo(p, 9);
      }),
    );
  });

  it("has mean (low + mode + high) / 3", () => {
    expect(triangularMean(0, 3, 9)).toBe(4);
  });
});

describe("PERT", () => {
  it("has beta shape α = 1 + 4 (m − a)/(b − a), β = 1 + 4 (b − m)/(b − a) and mean (a + 4m + b)/6", () => {
    expect(pertShape(0, 5, 10)).toEqual({ alpha: 3, beta: 3 });
    expect(pertShape(0, 0, 10)).toEqual({ alpha: 1, beta: 5 });
    expect(pertMean(0, 3, 12)).toBe(4);
  });

  it("has its median at the mode when symmetric, and closed-form quantiles when the mode is at an end", () => {
    expect(pertQuantile(0.5, 0, 5, 10)).toBeCloseTo(5, 12);
    // Mode at low: cumulative 1 − (1 − x)^5, so the median is 1 − 0.5^(1/5).
    expect(pertQuantile(0.5, 0, 0, 10)).toBeCloseTo(10 * (1 - Math.pow(0.5, 0.2)), 12);
    expect(pertQuantile(0.5, 0, 10, 10)).toBeCloseTo(10 * Math.pow(0.5, 0.2), 12);
  });

  it("gives the single value of a degenerate range", () => {
    expect(pertQuantile(0.9, 4, 4, 4)).toBe(4);
  });

  it("matches the regularised incomplete beta for whole shapes (a polynomial): I_x(2, 4)", () => {
    // I_x(2, 4) = 1 − (1 − x)^5 − 5x(1 − x)^4 … written as the binomial tail Σ_{j=2}^{5} C(5, j) x^j (1 − x)^(5 − j).
    const x = 0.3;
    let expected = 0;
    const choose = [1, 5, 10, 10, 5, 1];
    for (let j = 2; j <= 5; j++) expected += choose[j]! * x ** j * (1 - x) ** (5 - j);
    expect(betaCumulative(x, 2, 4, Math.log(1 / 20))).toBeCloseTo(expected, 14);
  });

  it("property: inverts the beta cumulative probability to near machine precision", () => {
    fc.assert(
      fc.property(
        threePoints,
        fc.double({ min: 1e-9, max: 1 - 1e-9, noNaN: true }),
        ({ low, mode, high }, p) => {
          const pert = preparePert(low, mode, high);
          const x = pertQuantileOf(pert, p);
          expect(x).toBeGreaterThanOrEqual(low);
          expect(x).toBeLessThanOrEqual(high);
          const back = betaCumulative((x - low) / (high - low), pert.alpha, pert.beta, pert.logBeta);
          expect(Math.abs(back - p)).toBeLessThan(1e-11);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("property: quantiles rise with the probability (to within rounding)", () => {
    fc.assert(
      fc.property(threePoints, probability, probability, ({ low, mode, high }, p, q) => {
        const pert = preparePert(low, mode, high);
        const [a, b] = p < q ? [p, q] : [q, p];
        expect(pertQuantileOf(pert, a)).toBeLessThanOrEqual(pertQuantileOf(pert, b) + 1e-12 * (high - low));
      }),
    );
  });
});

describe("standardNormalQuantile", () => {
  it("gives the familiar values: 0 at the median, 1.959964 at 97.5%, −2.326348 at 1%", () => {
    expect(standardNormalQuantile(0.5)).toBe(0);
    expect(standardNormalQuantile(0.975)).toBeCloseTo(1.959964, 6);
    expect(standardNormalQuantile(0.01)).toBeCloseTo(-2.326348, 6);
    expect(standardNormalQuantile(0)).toBe(-Infinity);
  });

  it("property: is antisymmetric about one half", () => {
    fc.assert(
      // From 1e−6: closer to 0, 1 − p is no longer exact in floating point.
      fc.property(fc.double({ min: 1e-6, max: 0.5, noNaN: true }), (p) => {
        expect(standardNormalQuantile(p) + standardNormalQuantile(1 - p)).toBeCloseTo(0, 6);
      }),
    );
  });
});
