import fc from "fast-check";
import { computeBusinessCase, programme } from "../../src/engine/businessCase";
import type { BusinessCaseModel, Line, LineKind } from "../../src/engine/businessCaseModel";
import { Money } from "../../src/engine/money";

const shared: Line["allocation"] = { kind: "pool", pool: "Shared" };
const line = (label: string, timing: Line["timing"], best: number, kind?: LineKind): Line => ({
  label,
  timing,
  allocation: shared,
  values: { Best: new Money(best) },
  ...(kind === undefined ? {} : { kind }),
});

/** Set-up 400 now, a capital receipt of 200 now, a saving of 100 a year for five years; rate 0. */
function receiptCase(kind: LineKind | undefined, cases: BusinessCaseModel["cases"] = [{ name: "Best" }]) {
  const model: BusinessCaseModel = {
    partners: [
      { code: "A", name: "Council A" },
      { code: "B", name: "Council B" },
    ],
    baseline: [{ serviceArea: "Finance", amounts: { A: 600, B: 400 } }],
    pools: [{ name: "Shared", basis: "baseline", serviceAreas: "all", partners: "all" }],
    lines: [
      line("Set-up", "oneOff", 400),
      line("Capital receipt", "oneOff", -200, kind),
      line("Saving", "recurring", -100),
    ],
    profiles: {},
    cases,
    settings: { discountRate: 0, horizonYears: 5, roundingUnit: 1, unitLabel: "£'000" },
  };
  return model;
}
const programmeOf = (model: BusinessCaseModel, caseName = "Best") =>
  computeBusinessCase(model)
    .cases.find((c) => c.name === caseName)!
    .partners.find((p) => p.partner === programme)!;

describe("a line's kind (Cost or Benefit) is independent of its sign and timing", () => {
  it("a negative one-off line of kind Benefit counts as a benefit in the net ROI, not as a cost reduction", () => {
    const result = programmeOf(receiptCase("benefit"));
    // Benefits 5 × 100 + 200 = 700 against costs of 400: (700 − 400) / 400.
    expect(result.netReturnOnInvestment!.toNumber()).toBeCloseTo((700 - 400) / 400, 12);
    expect(result.costs.map(Number)).toEqual([400, 0, 0, 0, 0, 0]);
    expect(result.benefits.map(Number)).toEqual([200, 100, 100, 100, 100, 100]);
  });

  it("without a kind the old rule stands: a negative one-off line reduces the set-up cost", () => {
    const result = programmeOf(receiptCase(undefined));
    expect(result.netReturnOnInvestment!.toNumber()).toBeCloseTo((500 - 200) / 200, 12);
  });

  it("'benefits 20% lower' lowers the NPV by a fifth of every benefit, the receipt included", () => {
    const model = receiptCase("benefit", [
      { name: "Best" },
      { name: "Benefits -20%", derivedFrom: "Best", savingFactor: 0.8 },
      { name: "Costs +20%", derivedFrom: "Best", costFactor: 1.2 },
    ]);
    const best = programmeOf(model).netPresentValue.toNumber();
    expect(best - programmeOf(model, "Benefits -20%").netPresentValue.toNumber()).toBe(0.2 * 700);
    expect(best - programmeOf(model, "Costs +20%").netPresentValue.toNumber()).toBe(0.2 * 400);
  });

  it("a positive recurring line of kind Benefit is a negative benefit: it lowers the benefits, never raises costs' factor", () => {
    const model = receiptCase(undefined, [
      { name: "Best" },
      { name: "Costs +50%", derivedFrom: "Best", costFactor: 1.5 },
    ]);
    model.lines = [...model.lines, line("Lost income", "recurring", 10, "benefit")];
    const best = programmeOf(model).netPresentValue.toNumber();
    // Only the set-up (400 less the 200 credit) scales with the cost factor; the benefit line does not.
    expect(best - programmeOf(model, "Costs +50%").netPresentValue.toNumber()).toBe(0.5 * 200);
  });

  it("property: a negative one-off line of kind Benefit scales with the saving factor and never with the cost factor", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 0, max: 300 }),
        (receipt, costPercent, savingPercent) => {
          const model = receiptCase("benefit", [
            { name: "Best" },
            {
              name: "Derived",
              derivedFrom: "Best",
              costFactor: costPercent / 100,
              savingFactor: savingPercent / 100,
            },
          ]);
          model.lines = model.lines.map((l) =>
            l.label === "Capital receipt" ? { ...l, values: { Best: new Money(-receipt) } } : l,
          );
          const lines = computeBusinessCase(model).lines;
          const derived = lines[1]!.byCase["Derived"]!.amount as Money;
          const expected = new Money(-receipt)
            .times(savingPercent)
            .div(100)
            .toDecimalPlaces(0, Money.ROUND_HALF_UP);
          expect(derived.eq(expected)).toBe(true);
        },
      ),
    );
  });
});
