import fc from "fast-check";
import "../../fastCheckSeed";
import { standardNormalQuantile } from "../../../src/engine/monteCarlo/distributions";
import { percentileOfSorted } from "../../../src/engine/monteCarlo/percentiles";
import {
  percentileStandardError,
  trialsForPrecision,
  z95,
} from "../../../src/engine/monteCarlo/percentilePrecision";
import { seededGenerator, uniformDraws } from "../../../src/engine/monteCarlo/sampling";
import { simulateBusinessCase } from "../../../src/engine/monteCarlo/simulation";
import { programme } from "../../../src/engine/businessCase";
import { expectEngineError } from "../expectEngineError";
import { line, twoPartnerModel } from "./smallModels";

/** A standard normal sample drawn by the engine's own sampler (plain draws through Φ⁻¹), ascending. */
function normalSample(trials: number, seed: number): Float64Array {
  const draws = uniformDraws(seededGenerator(seed), trials, 1, "plain");
  return Float64Array.from(draws, (u) => standardNormalQuantile(u)).sort();
}

const normalDensity = (x: number) => Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI);
/** The asymptotic standard error of the p-th quantile of a standard normal sample of n. */
const theory = (p: number, n: number) =>
  Math.sqrt((p * (1 - p)) / n) / normalDensity(standardNormalQuantile(p));

describe("percentileStandardError", () => {
  it.each([0.1, 0.5, 0.9])(
    "agrees with √(p(1−p)/n) / φ(z_p) for a normal sample of 10,000 within 15% (P%s)",
    (p) => {
      const n = 10_000;
      const se = percentileStandardError(normalSample(n, 11), p);
      expect(Math.abs(se / theory(p, n) - 1)).toBeLessThan(0.15);
    },
  );

  it("matches the spread of P50 over 300 independent samples of 1,000 within 15%", () => {
    const n = 1000;
    const estimates: number[] = [];
    const reported: number[] = [];
    for (let seed = 1; seed <= 300; seed++) {
      const sample = normalSample(n, seed);
      estimates.push(percentileOfSorted(sample, 0.5));
      reported.push(percentileStandardError(sample, 0.5));
    }
    const mean = estimates.reduce((a, b) => a + b, 0) / estimates.length;
    const observed = Math.sqrt(
      estimates.reduce((total, x) => total + (x - mean) ** 2, 0) / (estimates.length - 1),
    );
    const meanReported = reported.reduce((a, b) => a + b, 0) / reported.length;
    // The sd of 300 estimates is itself known to about 4%; the reported SE averages out its noise.
    expect(Math.abs(meanReported / observed - 1)).toBeLessThan(0.15);
    expect(Math.abs(meanReported / theory(0.5, n) - 1)).toBeLessThan(0.1);
  });

  it("is 0 for a flat sample, a single trial and P0 / P100, and Infinity where a trial never pays back", () => {
    expect(percentileStandardError(new Float64Array([5, 5, 5, 5]), 0.5)).toBe(0);
    expect(percentileStandardError(new Float64Array([5]), 0.5)).toBe(0);
    expect(percentileStandardError(new Float64Array([1, 2, 3]), 0)).toBe(0);
    expect(percentileStandardError(new Float64Array([1, 2, 3]), 1)).toBe(0);
    expect(percentileStandardError(new Float64Array([1, 2, Infinity, Infinity]), 0.5)).toBe(Infinity);
  });

  it("refuses an empty sample and a percentile outside 0 to 1", () => {
    expectEngineError(() => percentileStandardError(new Float64Array(0), 0.5), "invalidValue", "sample");
    expectEngineError(
      () => percentileStandardError(new Float64Array([1]), 1.5),
      "invalidNumber",
      "percentile",
    );
  });
});

describe("trialsForPrecision", () => {
  it("needs the trials run when the 95% half-width already equals the precision", () => {
    expect(trialsForPrecision(10, 5000, z95 * 10)).toBe(5000);
  });

  it("scales as 1 / precision²: k times finer needs k² times the trials (to the rounding up)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 1000, noNaN: true }),
        fc.integer({ min: 100, max: 100_000 }),
        fc.double({ min: 0.1, max: 100, noNaN: true }),
        fc.integer({ min: 2, max: 10 }),
        (standardError, trials, precision, k) => {
          const coarse = trialsForPrecision(standardError, trials, precision);
          const fine = trialsForPrecision(standardError, trials, precision / k);
          const exact = trials * ((z95 * standardError) / precision) ** 2;
          // Each is its exact figure rounded up (at least 1), so the ratio is k² to within that.
          expect(fine).toBeGreaterThanOrEqual(Math.floor(exact * k * k * (1 - 1e-9)));
          expect(fine).toBeLessThanOrEqual(Math.ceil(exact * k * k * (1 + 1e-9)));
          expect(coarse).toBeGreaterThanOrEqual(Math.floor(exact * (1 - 1e-9)));
          expect(coarse).toBeLessThanOrEqual(Math.max(1, Math.ceil(exact * (1 + 1e-9))));
        },
      ),
    );
  });

  it("refuses a precision of zero or less", () => {
    expectEngineError(() => trialsForPrecision(1, 100, 0), "invalidNumber", "simulation precision");
    expectEngineError(() => trialsForPrecision(1, 100, -5), "invalidNumber", "simulation precision");
  });
});

describe("simulateBusinessCase: standard errors and trials needed", () => {
  const model = twoPartnerModel({
    lines: [
      line("Set-up", "oneOff", { Best: 100, Worst: 160 }),
      line("Saving", "recurring", { Best: -60, Worst: -40 }),
    ],
  });

  it("reports each percentile's standard error and the trials for the precision asked", () => {
    const result = simulateBusinessCase(model, { trials: 4000, seed: 5, sampling: "plain", precision: 1 });
    const total = result.partners.find((p) => p.partner === programme)!.netPresentValue;
    expect(total.precision.toNumber()).toBe(1);
    for (const q of total.percentiles) {
      const se = q.standardError.toNumber();
      expect(se).toBeGreaterThan(0);
      // Four times the trials halve the standard error, so ± 1.96 SE needs 4,000 trials.
      expect(q.trialsNeeded).toBe(trialsForPrecision(se, 4000, 1));
    }
    const needed = total.percentiles
      .filter((q) => [0.1, 0.5, 0.9].includes(q.percentile))
      .map((q) => q.trialsNeeded);
    expect(total.trialsNeeded).toBe(Math.max(...needed));
    // Running the trials it asks for gives standard errors that meet the precision.
    const rerun = simulateBusinessCase(model, {
      trials: Math.min(total.trialsNeeded, 100_000),
      seed: 6,
      sampling: "plain",
      precision: 1,
    });
    for (const q of rerun.partners.find((p) => p.partner === programme)!.netPresentValue.percentiles)
      if ([0.1, 0.5, 0.9].includes(q.percentile))
        expect(1.96 * q.standardError.toNumber()).toBeLessThan(1.15);
  });

  it("defaults the precision to 1% of each partner's P10–P90 spread, not finer than the rounding unit", () => {
    const result = simulateBusinessCase(model, { trials: 2000, seed: 5 });
    for (const partner of result.partners) {
      const npv = partner.netPresentValue;
      const at = (p: number) => npv.percentiles.find((q) => q.percentile === p)!.value.toNumber();
      expect(npv.precision.toNumber()).toBeCloseTo(Math.max(1, (at(0.9) - at(0.1)) / 100), 5);
    }
  });

  it("refuses a precision of zero or text", () => {
    expectEngineError(
      () => simulateBusinessCase(model, { trials: 10, precision: 0 }),
      "invalidNumber",
      "simulation precision",
    );
    expectEngineError(
      () => simulateBusinessCase(model, { trials: 10, precision: "abc" }),
      "invalidValue",
      "simulation precision",
    );
  });
});
