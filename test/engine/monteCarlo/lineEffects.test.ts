import fc from "fast-check";
import { computeBusinessCase, programme } from "../../../src/engine/businessCase";
import type { BusinessCaseModel } from "../../../src/engine/businessCaseModel";
import { lineEffects, lineIndices, netPresentValueChange } from "../../../src/engine/monteCarlo/lineEffects";
import { Money } from "../../../src/engine/money";
import { hampshireModel } from "../../golden/hampshireModel";
import { type HampshireGolden, readGolden } from "../../golden/sharedData";
import { line, numbers, twoPartnerModel } from "./smallModels";

describe("lineEffects", () => {
  it("gives each line's effect per unit by partner and year, with the programme as their sum (hand-checked)", () => {
    const effects = lineEffects(twoPartnerModel());
    expect(effects.partners).toEqual(["A", "B", programme]);
    const [setUp, saving] = effects.lines;
    // A unit of set-up cost in year 0 costs A 0.6 and B 0.4; a unit of annual saving runs years 1–5.
    expect(setUp!.netBenefitPerUnit.map(numbers)).toEqual([
      [-0.6, 0, 0, 0, 0, 0],
      [-0.4, 0, 0, 0, 0, 0],
      [-1, 0, 0, 0, 0, 0],
    ]);
    expect(numbers(saving!.netBenefitPerUnit[0]!)).toEqual([0, -0.6, -0.6, -0.6, -0.6, -0.6]);
    expect(numbers(saving!.netPresentValuePerUnit)).toEqual([-3, -2, -5]);
  });

  it("takes the midpoint as reference without a base case, and the base case's own figures with one", () => {
    const noBase = lineEffects(twoPartnerModel());
    expect(noBase.lines.map((l) => l.reference!.toNumber())).toEqual([120, -50]);
    expect(numbers(noBase.referenceNetPresentValue)).toEqual([78, 52, 130]);

    const model = hampshireModel(readGolden<HampshireGolden>("hampshire"));
    const withBase = lineEffects(model, { baseCase: "Worst" });
    const worst = computeBusinessCase(model).cases.find((c) => c.name === "Worst")!;
    expect(withBase.referenceNetBenefit.map(numbers)).toEqual(
      worst.partners.map((p) => numbers(p.netBenefit)),
    );
    expect(withBase.notQuantified).toEqual(["Estates"]);
  });

  it("uses the one quantified end as reference when the other is not quantified", () => {
    const model = twoPartnerModel({
      lines: [
        line("Legal", "oneOff", { Best: "N/A", Worst: 30 }),
        line("Estates", "oneOff", { Best: "N/A", Worst: "N/A" }),
      ],
    });
    const effects = lineEffects(model);
    expect(effects.lines[0]!.reference!.toNumber()).toBe(30);
    expect(effects.lines[1]!.reference).toBeNull();
    expect(effects.notQuantified).toEqual(["Estates"]);
  });

  it("property: reference + Σ change × effect per unit equals the business case recomputed (profiles, pools, direct lines)", () => {
    const model = twoPartnerModel({
      profiles: { Spread: [0.25, 0.75], Ramp: [0, 0.5, 1] },
      lines: [
        line("Set-up", "oneOff", { Best: 100, Worst: 140 }, undefined, "Spread"),
        line("Saving", "recurring", { Best: -60, Worst: -40 }, undefined, "Ramp"),
        line("B's own saving", "recurring", { Best: -20, Worst: -10 }, { kind: "partner", partner: "B" }),
        line("A's own cost", "oneOff", { Best: 5, Worst: 15 }),
      ],
      settings: { discountRate: 0.035, horizonYears: 4, roundingUnit: 1, unitLabel: "£'000" },
    });
    const effects = lineEffects(model);
    const fives = fc.integer({ min: -60, max: 60 }).map((n) => n * 5);
    fc.assert(
      fc.property(fc.tuple(fives, fives, fives, fives), (values) => {
        // Multiples of 5 split 60 / 40 into whole units, so the business case needs no rounding.
        const probe: BusinessCaseModel = {
          ...model,
          lines: model.lines.map((l, i) =>
            line(l.label, l.timing, { Probe: values[i]! }, l.allocation, l.profile),
          ),
          cases: [{ name: "Probe" }],
        };
        const expected = computeBusinessCase(probe).cases[0]!.partners;
        const changes = values.map((v, i) => new Money(v).minus(effects.lines[i]!.reference!));
        const npvChange = netPresentValueChange(effects, [0, 1, 2, 3], changes);
        expected.forEach((partner, p) => {
          const rebuilt = effects.referenceNetBenefit[p]!.map((reference, t) =>
            effects.lines.reduce(
              (total, l, i) => total.plus(changes[i]!.times(l.netBenefitPerUnit[p]![t]!)),
              reference,
            ),
          );
          expect(numbers(rebuilt)).toEqual(numbers(partner.netBenefit));
          expect(
            effects.referenceNetPresentValue[p]!.plus(npvChange[p]!)
              .minus(partner.netPresentValue)
              .abs()
              .lt("1e-30"),
          ).toBe(true);
        });
      }),
      { numRuns: 30 },
    );
  });

  it("names unknown cases and lines", () => {
    expect(() => lineEffects(twoPartnerModel(), { worstCase: "Dire" })).toThrow(
      expect.objectContaining({ kind: "invalidValue", subject: "worst case" }),
    );
    expect(() => lineIndices(lineEffects(twoPartnerModel()), ["Rent"], "group 'G'")).toThrow(
      expect.objectContaining({ subject: "group 'G'" }),
    );
  });
});
