import fc from "fast-check";
import {
  type BenefitClass,
  type BenefitLine,
  benefitClasses,
  splitBenefitsByBeneficiary,
} from "../../src/engine/beneficiaries";
import { Money, sum } from "../../src/engine/money";
import { expectEngineError } from "./expectEngineError";

const partners = ["HCC", "HFRS", "HPA"];
const partnerWeights = { HCC: 0.73, HFRS: 0.22, HPA: 0.05 };
const numbers = (record: Readonly<Record<string, Money>>) =>
  Object.fromEntries(Object.entries(record).map(([k, v]) => [k, v.toNumber()]));

describe("splitBenefitsByBeneficiary", () => {
  const demandReduction: BenefitLine = {
    label: "Demand reduction",
    benefitClass: "fiscalCashable",
    amount: 1000,
    beneficiaries: [
      { beneficiary: "Partnership", share: 0.16 },
      { beneficiary: "NHS", share: 0.6 },
      { beneficiary: "Police", share: 0.24 },
    ],
  };

  it("gives the partners 16% split by their shares and the rest to the NHS and police, each part in whole units", () => {
    const split = splitBenefitsByBeneficiary([demandReduction], { partners, partnerWeights, unit: 1 });
    // 160 at 73/22/5 → 116.8 / 35.2 / 8: floors 116 / 35 / 8, the spare unit to the largest remainder.
    expect(numbers(split.lines[0]!.parts)).toEqual({ HCC: 117, HFRS: 35, HPA: 8, NHS: 600, Police: 240 });
    expect(split.partnership.benefits.toNumber()).toBe(160);
    expect(split.otherBodies.benefits.toNumber()).toBe(840);
    expect(split.wholePublicSector.benefits.toNumber()).toBe(1000);
  });

  it("totals each class per body, and sets what each body pays against what it receives", () => {
    const split = splitBenefitsByBeneficiary(
      [
        demandReduction,
        {
          label: "Wellbeing",
          benefitClass: "social",
          amount: 500,
          beneficiaries: [{ beneficiary: "HCC", share: 1 }],
        },
      ],
      { partners, partnerWeights, unit: 1, costsByBody: { HCC: 400, HFRS: 100, DWP: 0 } },
    );
    const hcc = split.bodies.find((b) => b.body === "HCC")!;
    expect(hcc.byClass.fiscalCashable.toNumber()).toBe(117);
    expect(hcc.byClass.social.toNumber()).toBe(500);
    expect(hcc.benefits.toNumber()).toBe(617);
    expect(hcc.pays.toNumber()).toBe(400);
    expect(hcc.net.toNumber()).toBe(217);
    expect(split.bodies.map((b) => b.body)).toEqual(["HCC", "HFRS", "HPA", "NHS", "Police", "DWP"]);
    expect(split.partnership.byClass.social.toNumber()).toBe(500);
    expect(split.partnership.pays.toNumber()).toBe(500);
  });

  it("accepts shares entered as formulas that miss 100% by floating-point dust", () => {
    const third = 1 / 3;
    const split = splitBenefitsByBeneficiary(
      [
        {
          label: "Courts",
          benefitClass: "economic",
          amount: 100,
          beneficiaries: ["MoJ", "CPS", "HCC"].map((b) => ({ beneficiary: b, share: third })),
        },
      ],
      { partners, unit: 1 },
    );
    expect(sum(Object.values(split.lines[0]!.parts)).toNumber()).toBe(100);
  });

  it("refuses shares that do not add up to 100%, naming the row and the total", () => {
    expectEngineError(
      () =>
        splitBenefitsByBeneficiary(
          [
            {
              ...demandReduction,
              beneficiaries: [
                { beneficiary: "NHS", share: 0.6 },
                { beneficiary: "Police", share: 0.35 },
              ],
            },
          ],
          { partners },
        ),
      "invalidValue",
      "benefit line 'Demand reduction'",
    );
    expect(() =>
      splitBenefitsByBeneficiary(
        [{ ...demandReduction, beneficiaries: [{ beneficiary: "NHS", share: 0.95 }] }],
        { partners },
      ),
    ).toThrow(/add up to 95%, not 100%/);
  });

  it("refuses a negative share, a repeated beneficiary, a partnership share without weights and weights for a stranger", () => {
    const line = (beneficiaries: BenefitLine["beneficiaries"]): BenefitLine[] => [
      { ...demandReduction, beneficiaries },
    ];
    expectEngineError(
      () =>
        splitBenefitsByBeneficiary(
          line([
            { beneficiary: "NHS", share: 1.2 },
            { beneficiary: "Police", share: -0.2 },
          ]),
          { partners },
        ),
      "invalidNumber",
      "benefit line 'Demand reduction' share of Police",
    );
    expectEngineError(
      () =>
        splitBenefitsByBeneficiary(
          line([
            { beneficiary: "NHS", share: 0.5 },
            { beneficiary: "NHS", share: 0.5 },
          ]),
          { partners },
        ),
      "invalidValue",
      "benefit line 'Demand reduction'",
    );
    expectEngineError(
      () => splitBenefitsByBeneficiary([demandReduction], { partners }),
      "invalidValue",
      "benefit line 'Demand reduction'",
    );
    expectEngineError(
      () => splitBenefitsByBeneficiary([demandReduction], { partners, partnerWeights: { HCC: 1, NHS: 1 } }),
      "invalidValue",
      "partnerWeights",
    );
    expectEngineError(
      () =>
        splitBenefitsByBeneficiary([{ ...demandReduction, benefitClass: "fiscal" as BenefitClass }], {
          partners,
          partnerWeights,
        }),
      "invalidValue",
      "benefit line 'Demand reduction' class",
    );
  });

  const bodies = ["Partnership", "HCC", "HFRS", "NHS", "DWP", "Courts"];
  const lineArbitrary = fc
    .tuple(
      fc.string({ minLength: 1, maxLength: 6 }),
      fc.constantFrom(...benefitClasses),
      fc.integer({ min: 0, max: 1_000_000 }),
      fc.shuffledSubarray(bodies, { minLength: 1 }),
      fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: bodies.length, maxLength: bodies.length }),
    )
    .filter(([, , , chosen, weights]) => chosen.some((_, i) => weights[i]! > 0))
    .map(([label, benefitClass, amount, chosen, weights]): BenefitLine => {
      const total = chosen.reduce((t, _, i) => t + weights[i]!, 0);
      // Exact decimal shares that add up to exactly 1: all but the last by weight, the last takes the rest.
      const shares = chosen.map((_, i) =>
        new Money(weights[i]!).div(total).toDecimalPlaces(6, Money.ROUND_DOWN),
      );
      shares[shares.length - 1] = new Money(1).minus(sum(shares.slice(0, -1)));
      return {
        label,
        benefitClass,
        amount,
        beneficiaries: chosen.map((beneficiary, i) => ({ beneficiary, share: shares[i]! })),
      };
    });

  it("property: whole-public-sector totals equal the partnership's totals plus other bodies' shares, class by class", () => {
    fc.assert(
      fc.property(fc.array(lineArbitrary, { minLength: 1, maxLength: 6 }), (lines) => {
        const split = splitBenefitsByBeneficiary(lines, {
          partners: ["HCC", "HFRS"],
          partnerWeights: { HCC: 3, HFRS: 1 },
          unit: 1,
        });
        for (const c of benefitClasses) {
          expect(
            split.wholePublicSector.byClass[c].equals(
              split.partnership.byClass[c].plus(split.otherBodies.byClass[c]),
            ),
          ).toBe(true);
        }
        expect(
          split.wholePublicSector.benefits.equals(
            split.partnership.benefits.plus(split.otherBodies.benefits),
          ),
        ).toBe(true);
      }),
    );
  });

  it("property: every line's parts add up to exactly the line, and the whole public sector receives exactly the lines' total", () => {
    fc.assert(
      fc.property(fc.array(lineArbitrary, { minLength: 1, maxLength: 6 }), (lines) => {
        const split = splitBenefitsByBeneficiary(lines, {
          partners: ["HCC", "HFRS"],
          partnerWeights: { HCC: 3, HFRS: 1 },
          unit: 1,
        });
        split.lines.forEach((line, l) => {
          expect(sum(Object.values(line.parts)).equals(lines[l]!.amount as number)).toBe(true);
          Object.values(line.parts).forEach((part) => expect(part.isInteger()).toBe(true));
        });
        expect(
          split.wholePublicSector.benefits.equals(sum(lines.map((l) => new Money(l.amount as number)))),
        ).toBe(true);
      }),
    );
  });
});
