import { computeBusinessCase, programme } from "../../../src/engine/businessCase";
import type { BusinessCaseModel } from "../../../src/engine/businessCaseModel";
import { pertMean, triangularMean, triangularQuantile } from "../../../src/engine/monteCarlo/distributions";
import {
  type SimulationOptions,
  type SimulationResult,
  prepareSimulation,
  progressOf,
  runTrials,
  simulateBusinessCase,
  summariseSimulation,
} from "../../../src/engine/monteCarlo/simulation";
import { hampshireModel } from "../../golden/hampshireModel";
import { type HampshireGolden, readGolden } from "../../golden/sharedData";
import { line, twoPartnerModel } from "./smallModels";

const hampshire = () => hampshireModel(readGolden<HampshireGolden>("hampshire"));

/** One partner-pool model whose programme NPV is minus a single set-up cost of 100 / 120 / 160. */
function oneCostModel(extraLines: BusinessCaseModel["lines"] = []): BusinessCaseModel {
  return twoPartnerModel({
    lines: [line("Set-up", "oneOff", { Best: 100, Worst: 160, Base: 120 }), ...extraLines],
    cases: [{ name: "Best" }, { name: "Worst" }, { name: "Base" }],
  });
}

const programmeOf = (result: SimulationResult) => result.partners.find((p) => p.partner === programme)!;
const npvAt = (result: SimulationResult, percentile: number, partner = programme) =>
  result.partners
    .find((p) => p.partner === partner)!
    .netPresentValue.percentiles.find((q) => q.percentile === percentile)!.value;

describe("simulateBusinessCase: statistics against closed forms", () => {
  it("gives a triangular line the mean (a + b + c) / 3 within 4 standard errors (plain sampling)", () => {
    const trials = 20_000;
    const result = simulateBusinessCase(oneCostModel(), {
      baseCase: "Base",
      trials,
      sampling: "plain",
      seed: 3,
    });
    const expectedMean = -triangularMean(100, 120, 160);
    // Variance of a triangular distribution: (a² + b² + c² − ab − ac − bc) / 18.
    const sd = Math.sqrt((100 ** 2 + 120 ** 2 + 160 ** 2 - 100 * 120 - 100 * 160 - 120 * 160) / 18);
    const total = programmeOf(result).netPresentValue;
    expect(Math.abs(total.mean.toNumber() - expectedMean)).toBeLessThan((4 * sd) / Math.sqrt(trials));
    expect(total.standardDeviation.toNumber()).toBeCloseTo(sd, 0);
  });

  it("gives a PERT line the mean (a + 4m + b) / 6, far more closely with Latin hypercube sampling", () => {
    const result = simulateBusinessCase(oneCostModel(), {
      baseCase: "Base",
      distribution: "pert",
      trials: 5000,
      seed: 8,
    });
    expect(programmeOf(result).netPresentValue.mean.toNumber()).toBeCloseTo(-pertMean(100, 120, 160), 2);
  });

  it("splits each trial between partners by their shares", () => {
    const result = simulateBusinessCase(oneCostModel(), { baseCase: "Base", trials: 2000, seed: 4 });
    const [a, b, total] = result.partners.map((p) => p.netPresentValue.mean.toNumber());
    expect(a! / total!).toBeCloseTo(0.6, 6);
    expect(b! / total!).toBeCloseTo(0.4, 6);
  });

  it("brackets the true P10 of NPV with its 95% interval in most seeds", () => {
    // NPV = −cost, so its P10 is minus the cost's 90th percentile.
    const truth = -triangularQuantile(0.9, 100, 120, 160);
    let covered = 0;
    const seeds = 60;
    for (let seed = 0; seed < seeds; seed++) {
      const result = simulateBusinessCase(oneCostModel(), {
        baseCase: "Base",
        trials: 1000,
        sampling: "plain",
        seed,
      });
      const { interval } = programmeOf(result).netPresentValue.percentiles.find((q) => q.percentile === 0.1)!;
      if (interval.lower.toNumber() <= truth && truth <= interval.upper.toNumber()) covered++;
    }
    expect(covered / seeds).toBeGreaterThan(0.85);
  });

  it("gives payback percentiles and the probability of paying back within N years from the cost's distribution", () => {
    // Saving 100 a year from year 1 at 0%: payback = cost / 100 years, so P(payback ≤ 1.2) = F(120) = 1/3.
    const model = oneCostModel([line("Saving", "recurring", { Best: -100, Worst: -100, Base: -100 })]);
    const result = simulateBusinessCase(model, {
      baseCase: "Base",
      trials: 6000,
      seed: 12,
      paybackWithinYears: 1.2,
    });
    const total = programmeOf(result);
    expect(total.payback.probabilityWithin).toBeCloseTo(1 / 3, 3);
    const p50 = total.payback.percentiles.find((q) => q.percentile === 0.5)!.payback;
    expect(p50.kind).toBe("paysBack");
    if (p50.kind === "paysBack")
      expect(p50.periods.toNumber()).toBeCloseTo(triangularQuantile(0.5, 100, 120, 160) / 100, 3);
    // Every trial pays back within 2 years (cost ≤ 160), none within 1 (cost ≥ 100 and saving starts in year 1).
    expect(total.payback.probabilityByYear.slice(0, 3)).toEqual([0, 0, 1]);
  });
});

describe("simulateBusinessCase: the deterministic answer", () => {
  it("gives the business case's own figures in every trial when no line has a range (Hampshire, rounded parts)", () => {
    const model = hampshire();
    const flat: BusinessCaseModel = {
      ...model,
      lines: model.lines.map((l) => ({ ...l, values: { Best: l.values.Best, Worst: l.values.Best } })),
    };
    const result = simulateBusinessCase(flat, { baseCase: "Best", trials: 200, seed: 1 });
    const best = computeBusinessCase(flat).cases.find((c) => c.name === "Best")!;
    expect(result.simulatedLines).toEqual([]);
    result.partners.forEach((partner, p) => {
      const engine = best.partners[p]!;
      for (const q of partner.netPresentValue.percentiles) {
        expect(Math.abs(q.value.toNumber() - engine.netPresentValue.toNumber())).toBeLessThan(1e-6);
      }
      expect(partner.netPresentValue.standardDeviation.toNumber()).toBe(0);
      for (const q of partner.payback.percentiles) {
        expect(q.payback.kind).toBe(engine.payback.kind);
        if (q.payback.kind === "paysBack" && engine.payback.kind === "paysBack") {
          expect(Math.abs(q.payback.periods.toNumber() - engine.payback.periods.toNumber())).toBeLessThan(
            1e-6,
          );
        }
      }
    });
  });
});

describe("simulateBusinessCase: reproducibility and chunking", () => {
  const options: SimulationOptions = { trials: 3000, seed: 99, distribution: "pert" };

  it("gives identical results for the same seed and different ones for different seeds", () => {
    const model = hampshire();
    const first = simulateBusinessCase(model, options);
    expect(simulateBusinessCase(model, options)).toEqual(first);
    const other = simulateBusinessCase(model, { ...options, seed: 100 });
    expect(npvAt(other, 0.5).eq(npvAt(first, 0.5))).toBe(false);
    expect(npvAt(other, 0.1).eq(npvAt(first, 0.1))).toBe(false);
  });

  it("gives the same results whatever the chunk sizes, reporting progress as it goes", () => {
    const model = hampshire();
    const state = prepareSimulation(model, options);
    expect(progressOf(state)).toEqual({ done: 0, total: 3000, finished: false });
    expect(() => summariseSimulation(state)).toThrow(expect.objectContaining({ kind: "noResult" }));
    expect(runTrials(state, 1)).toEqual({ done: 1, total: 3000, finished: false });
    runTrials(state, 17);
    expect(summariseSimulation(state).trials).toBe(18);
    runTrials(state, 1000);
    expect(runTrials(state, 5000)).toEqual({ done: 3000, total: 3000, finished: true });
    expect(runTrials(state, 10).done).toBe(3000);
    expect(summariseSimulation(state)).toEqual(simulateBusinessCase(model, options));
  });
});

describe("simulateBusinessCase: correlation", () => {
  const twoCosts = (secondBest: number, secondMode: number, secondWorst: number) =>
    oneCostModel([line("Second", "oneOff", { Best: secondBest, Worst: secondWorst, Base: secondMode })]);

  it("widens the spread of two lines that move together: √2 times the independent spread at correlation 1", () => {
    const model = twoCosts(100, 120, 160);
    const common = { baseCase: "Base", trials: 5000, seed: 5 };
    const independent = programmeOf(
      simulateBusinessCase(model, common),
    ).netPresentValue.standardDeviation.toNumber();
    const together = programmeOf(
      simulateBusinessCase(model, {
        ...common,
        correlatedGroups: [{ name: "Set-up", lines: ["Set-up", "Second"], rankCorrelation: 1 }],
      }),
    ).netPresentValue.standardDeviation.toNumber();
    expect(together / independent).toBeCloseTo(Math.SQRT2, 1);
  });

  it("correlates from best towards worst: a line whose worst value is lower moves the other way in value", () => {
    // The second line mirrors the first (best 160, worst 100): turning out badly together, their sum is fixed.
    const model = twoCosts(160, 140, 100);
    const result = simulateBusinessCase(model, {
      baseCase: "Base",
      trials: 4000,
      seed: 6,
      correlatedGroups: [{ lines: ["Set-up", "Second"], rankCorrelation: 1 }],
    });
    const total = programmeOf(result).netPresentValue;
    expect(total.mean.toNumber()).toBeCloseTo(-260, 1);
    expect(total.standardDeviation.toNumber()).toBeLessThan(0.5);
  });

  it("rejects correlations outside −1 to 1, inconsistent with one another or overlapping, naming the group", () => {
    const model = oneCostModel([
      line("Second", "oneOff", { Best: 10, Worst: 20, Base: 15 }),
      line("Third", "oneOff", { Best: 10, Worst: 20, Base: 15 }),
    ]);
    expect(() =>
      simulateBusinessCase(model, {
        baseCase: "Base",
        trials: 10,
        correlatedGroups: [{ name: "G", lines: ["Set-up", "Second"], rankCorrelation: 1.5 }],
      }),
    ).toThrow(
      expect.objectContaining({ kind: "invalidNumber", subject: "correlated group 'G' rank correlation" }),
    );
    expect(() =>
      simulateBusinessCase(model, {
        baseCase: "Base",
        trials: 10,
        correlatedGroups: [{ name: "G", lines: ["Set-up", "Second", "Third"], rankCorrelation: -0.9 }],
      }),
    ).toThrow(
      expect.objectContaining({ kind: "invalidNumber", subject: "correlated group 'G' rank correlation" }),
    );
    expect(() =>
      simulateBusinessCase(model, {
        baseCase: "Base",
        trials: 10,
        correlatedGroups: [
          { name: "G", lines: ["Set-up", "Second"], rankCorrelation: 0.5 },
          { name: "H", lines: ["Second", "Third"], rankCorrelation: 0.5 },
        ],
      }),
    ).toThrow(expect.objectContaining({ kind: "invalidValue", subject: "correlated group 'H'" }));
    expect(() =>
      simulateBusinessCase(model, {
        trials: 10,
        correlatedGroups: [{ name: "G", lines: ["Rent"], rankCorrelation: 0.5 }],
      }),
    ).toThrow(expect.objectContaining({ kind: "invalidValue", subject: "correlated group 'G'" }));
  });
});

describe("simulateBusinessCase: Hampshire and the options", () => {
  it("reports ordered percentiles, rising payback probabilities, and which lines were fixed or not quantified", () => {
    const result = simulateBusinessCase(hampshire(), { trials: 2000, seed: 2 });
    expect(result.partners.map((p) => p.partner)).toEqual(["HCC", "HC", "HFRS", programme]);
    expect(result.notQuantified).toEqual(["Estates"]);
    expect(result.fixedLines).toEqual(["ICT cost avoided (legacy systems)"]);
    expect(result.trials).toBe(2000);
    for (const partner of result.partners) {
      const values = partner.netPresentValue.percentiles.map((q) => q.value.toNumber());
      expect(values).toEqual([...values].sort((x, y) => x - y));
      const byYear = partner.payback.probabilityByYear;
      expect(byYear).toEqual([...byYear].sort((x, y) => x - y));
      expect(partner.payback.probabilityWithin).toBe(byYear.at(-1));
      expect(partner.netPresentValue.histogram.reduce((total, bin) => total + bin.count, 0)).toBe(2000);
      expect(partner.netPresentValue.histogram).toHaveLength(20);
    }
  });

  it("lets each line have its own distribution", () => {
    const result = simulateBusinessCase(hampshire(), { trials: 100, lineDistributions: { ICT: "pert" } });
    expect(result.simulatedLines.find((l) => l.label === "ICT")!.distribution).toBe("pert");
    expect(result.simulatedLines.find((l) => l.label === "Transactions")!.distribution).toBe("triangular");
  });

  it("rejects bad options, naming each", () => {
    const model = oneCostModel();
    const expectError = (options: SimulationOptions, subject: string) =>
      expect(() => simulateBusinessCase(model, options)).toThrow(expect.objectContaining({ subject }));
    expectError({ trials: 0 }, "trials");
    expectError({ trials: 100_001 }, "trials");
    expectError({ seed: -1 }, "seed");
    expectError({ histogramBins: 0 }, "histogram bins");
    expectError({ percentiles: [50] }, "percentiles[1]");
    expectError({ sampling: "sobol" as "plain" }, "sampling");
    expectError({ distribution: "normal" as "pert" }, "distribution");
    expectError({ lineDistributions: { Rent: "pert" } }, "line distributions");
    expectError({ paybackWithinYears: -1 }, "payback within years");
  });

  it("rejects a base value outside the best–worst range, naming the line", () => {
    const model = twoPartnerModel({
      lines: [line("Set-up", "oneOff", { Best: 100, Worst: 140, Base: 150 })],
      cases: [{ name: "Best" }, { name: "Worst" }, { name: "Base" }],
    });
    expect(() => simulateBusinessCase(model, { baseCase: "Base", trials: 10 })).toThrow(
      expect.objectContaining({ kind: "invalidValue", subject: "line 'Set-up'" }),
    );
  });
});
