import fc from "fast-check";
import "../../fastCheckSeed";
import { programme } from "../../../src/engine/businessCase";
import type { BusinessCaseModel } from "../../../src/engine/businessCaseModel";
import { correlateGroups } from "../../../src/engine/monteCarlo/groupCorrelation";
import { ranksOf, spearmanRankCorrelation } from "../../../src/engine/monteCarlo/rankCorrelation";
import { seededGenerator, uniformDraws } from "../../../src/engine/monteCarlo/sampling";
import { prepareSimulation, simulateBusinessCase } from "../../../src/engine/monteCarlo/simulation";
import { expectEngineError } from "../expectEngineError";
import { line, twoPartnerModel } from "./smallModels";

/** `count` lines: costs and savings alternately, each with its own range. */
function manyLines(count: number): BusinessCaseModel {
  return twoPartnerModel({
    lines: Array.from({ length: count }, (_, k) =>
      k % 2 === 0
        ? line(`Cost ${k}`, "oneOff", { Best: 100 + k, Worst: 150 + 3 * k })
        : line(`Saving ${k}`, "recurring", { Best: -60 - k, Worst: -30 }),
    ),
  });
}

const rowOf = (draws: Float64Array, v: number, trials: number) =>
  draws.subarray(v * trials, (v + 1) * trials);

describe("correlation groups in the simulation", () => {
  it("with one group moving together, every line's draw sits at the same quantile in every trial", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }),
        fc.integer({ min: 5, max: 400 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.constantFrom("latinHypercube" as const, "plain" as const),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (count, trials, seed, sampling, between) => {
          const model = manyLines(count);
          const lineGroups = Object.fromEntries(model.lines.map((l) => [l.label, "All"]));
          const state = prepareSimulation(model, {
            trials,
            seed,
            sampling,
            lineGroups,
            correlationBetweenGroups: between,
          });
          const leader = Array.from(ranksOf(rowOf(state.draws, 0, trials)));
          for (let v = 1; v < count; v++) {
            // Same rank in every trial; with Latin hypercube sampling that is the same stratum too.
            expect(Array.from(ranksOf(rowOf(state.draws, v, trials)))).toEqual(leader);
            if (sampling === "latinHypercube") {
              for (let i = 0; i < trials; i++)
                expect(Math.floor(state.draws[v * trials + i]! * trials)).toBe(
                  Math.floor(state.draws[i]! * trials),
                );
            }
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it("with correlation 1 between groups of one line each, every line moves together too", () => {
    const state = prepareSimulation(manyLines(4), { trials: 300, seed: 9, correlationBetweenGroups: 1 });
    const leader = Array.from(ranksOf(rowOf(state.draws, 0, 300)));
    for (let v = 1; v < 4; v++) expect(Array.from(ranksOf(rowOf(state.draws, v, 300)))).toEqual(leader);
  });

  it("gives exactly today's results without groups, and with every line its own group at correlation 0", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 5 }), fc.integer({ min: 0, max: 1000 }), (count, seed) => {
        const model = manyLines(count);
        const plain = simulateBusinessCase(model, { trials: 200, seed });
        const ownGroups = Object.fromEntries(model.lines.map((l, k) => [l.label, `G${k}`]));
        expect(
          simulateBusinessCase(model, {
            trials: 200,
            seed,
            lineGroups: ownGroups,
            correlationWithinGroups: 0.4,
            correlationBetweenGroups: 0,
          }),
        ).toEqual(plain);
        expect(simulateBusinessCase(model, { trials: 200, seed, correlationBetweenGroups: 0 })).toEqual(
          plain,
        );
      }),
      { numRuns: 20 },
    );
  });

  it("correlates groups at about the correlation asked, keeping each line's values and its group's ranks", () => {
    const model = manyLines(4);
    const trials = 4000;
    const independent = prepareSimulation(model, { trials, seed: 3 });
    const state = prepareSimulation(model, {
      trials,
      seed: 3,
      lineGroups: { "Cost 0": "Costs", "Cost 2": "Costs", "Saving 1": "Savings", "Saving 3": "Savings" },
      correlationBetweenGroups: 0.6,
    });
    for (let v = 0; v < 4; v++) {
      // Only the order of each line's draws changed.
      expect(Float64Array.from(rowOf(state.draws, v, trials)).sort()).toEqual(
        Float64Array.from(rowOf(independent.draws, v, trials)).sort(),
      );
    }
    expect(Array.from(ranksOf(rowOf(state.draws, 2, trials)))).toEqual(
      Array.from(ranksOf(rowOf(state.draws, 0, trials))),
    );
    const across = spearmanRankCorrelation(rowOf(state.draws, 0, trials), rowOf(state.draws, 1, trials));
    expect(across).toBeGreaterThan(0.55);
    expect(across).toBeLessThan(0.65);
  });

  it("widens the programme's NPV spread when costs and savings turn out badly together", () => {
    const model = manyLines(6);
    const spread = (options: object) => {
      const total = simulateBusinessCase(model, { trials: 3000, seed: 4, ...options }).partners.find(
        (p) => p.partner === programme,
      )!.netPresentValue;
      return total.standardDeviation.toNumber();
    };
    const grouped = Object.fromEntries(model.lines.map((l) => [l.label, l.label.split(" ")[0]!]));
    const independent = spread({});
    const withinOnly = spread({ lineGroups: grouped });
    const both = spread({ lineGroups: grouped, correlationBetweenGroups: 0.8 });
    expect(withinOnly).toBeGreaterThan(independent * 1.3);
    expect(both).toBeGreaterThan(withinOnly * 1.1);
  });

  it("names the setting or line it refuses", () => {
    const model = manyLines(2);
    expectEngineError(
      () => simulateBusinessCase(model, { trials: 10, correlationBetweenGroups: 1.5 }),
      "invalidNumber",
      "correlation between groups",
    );
    expectEngineError(
      () =>
        simulateBusinessCase(model, {
          trials: 10,
          lineGroups: { "Cost 0": "A" },
          correlationWithinGroups: -0.1,
        }),
      "invalidNumber",
      "correlation within groups",
    );
    expectEngineError(
      () => simulateBusinessCase(model, { trials: 10, lineGroups: { Nothing: "A" } }),
      "invalidValue",
      "line groups",
    );
    expectEngineError(
      () =>
        simulateBusinessCase(model, {
          trials: 10,
          lineGroups: { "Cost 0": "A" },
          correlatedGroups: [{ lines: ["Cost 0", "Saving 1"], rankCorrelation: 0.5 }],
        }),
      "invalidValue",
      "correlation groups",
    );
  });

  it("leaves the draws alone for one group or correlation 0, taking nothing from the generator", () => {
    const draws = uniformDraws(seededGenerator(1), 50, 3, "plain");
    const copy = Float64Array.from(draws);
    const generator = seededGenerator(2);
    correlateGroups(draws, 50, [[0, 1, 2]], 0.7, generator);
    correlateGroups(draws, 50, [[0], [1], [2]], 0, generator);
    expect(draws).toEqual(copy);
    expect(generator.next()).toEqual(seededGenerator(2).next());
  });
});
