import { computeBusinessCase } from "../../../src/engine/businessCase";
import type { BusinessCaseModel } from "../../../src/engine/businessCaseModel";
import { Money } from "../../../src/engine/money";
import {
  prepareSimulation,
  runTrials,
  simulateBusinessCase,
} from "../../../src/engine/monteCarlo/simulation";
import { hampshireModel } from "../../golden/hampshireModel";
import { type HampshireGolden, readGolden } from "../../golden/sharedData";

const hampshire = () => hampshireModel(readGolden<HampshireGolden>("hampshire"));

describe("simulation that apportions every trial (apportionEachTrial)", () => {
  it("gives every trial exactly the business case's figures for that trial's line values, rounded and apportioned as the case does", () => {
    const model = hampshire();
    const state = prepareSimulation(model, {
      trials: 40,
      seed: 11,
      apportionEachTrial: true,
      distribution: "pert",
    });
    const periods = state.periods;
    for (let i = 0; i < 40; i++) {
      runTrials(state, 1);
      // The same trial as a case of its own: simulated lines at their rounded trial values, the
      // others at their reference values.
      const trialValue = (l: number): Money | undefined => {
        const v = Array.from(state.lineOfSimulated).indexOf(l);
        return v < 0
          ? undefined
          : new Money(Math.sign(state.values[v]!) * Math.round(Math.abs(state.values[v]!)));
      };
      const trialModel: BusinessCaseModel = {
        ...model,
        lines: model.lines.map((line, l) => {
          const reference = state.effects.lines[l]!.reference;
          const value = trialValue(l) ?? reference?.toDecimalPlaces(0, Money.ROUND_HALF_UP);
          return { ...line, values: value === undefined ? {} : { Trial: value } };
        }),
        cases: [{ name: "Trial" }],
      };
      const expected = computeBusinessCase(trialModel).cases[0]!.partners;
      expected.forEach((partner, p) =>
        partner.netBenefit.forEach((value, t) =>
          expect(state.net[p * periods + t]).toBeCloseTo(value.toNumber(), 9),
        ),
      );
    }
  });

  it("gives the business case's own figures in every trial when no line has a range", () => {
    const model = hampshire();
    const flat: BusinessCaseModel = {
      ...model,
      lines: model.lines.map((l) => ({ ...l, values: { Best: l.values.Best, Worst: l.values.Best } })),
    };
    const result = simulateBusinessCase(flat, {
      baseCase: "Best",
      trials: 50,
      seed: 1,
      apportionEachTrial: true,
    });
    const best = computeBusinessCase(flat).cases.find((c) => c.name === "Best")!;
    result.partners.forEach((partner, p) => {
      for (const q of partner.netPresentValue.percentiles)
        expect(q.value.toNumber()).toBeCloseTo(best.partners[p]!.netPresentValue.toNumber(), 6);
    });
  });

  it("gives the same answer for the same seed, whatever the chunk sizes", () => {
    const options = { trials: 500, seed: 5, apportionEachTrial: true };
    const whole = simulateBusinessCase(hampshire(), options);
    const state = prepareSimulation(hampshire(), options);
    while (!runTrials(state, 77).finished);
    expect(simulateBusinessCase(hampshire(), options)).toEqual(whole);
    expect(state.netPresentValues).toEqual(prepareAndRun(options).netPresentValues);
  });
});

function prepareAndRun(options: Parameters<typeof prepareSimulation>[1]) {
  const state = prepareSimulation(hampshire(), options);
  runTrials(state, state.trials);
  return state;
}
