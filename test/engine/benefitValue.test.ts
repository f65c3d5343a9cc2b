import fc from "fast-check";
import "../fastCheckSeed";
import { splitBetweenBeneficiaries, valueByBody } from "../../src/engine/benefitValue";
import { EngineError } from "../../src/engine/errors";
import { Money, sum } from "../../src/engine/money";

describe("splitBetweenBeneficiaries", () => {
  test("splits 1,000 at 16% / 50% / 34% into whole units: 160, 500, 340", () => {
    const parts = splitBetweenBeneficiaries(
      1000,
      [
        { beneficiary: "Partnership", share: 0.16 },
        { beneficiary: "NHS", share: 0.5 },
        { beneficiary: "Police", share: 0.34 },
      ],
      { unit: 1 },
    );
    expect(parts.partnership.toString()).toBe("160");
    expect(parts.bodies.map(([b, p]) => [b, p.toString()])).toEqual([
      ["NHS", "500"],
      ["Police", "340"],
    ]);
  });

  test("a saving keeps its sign: −100 in thirds is −34, −33, −33 (largest remainder, ties to the first)", () => {
    const third = new Money(1).div(3);
    const parts = splitBetweenBeneficiaries(
      -100,
      ["partnership", "NHS", "DWP"].map((beneficiary) => ({ beneficiary, share: third })),
      { unit: 1 },
    );
    expect([parts.partnership, ...parts.bodies.map(([, p]) => p)].map(String)).toEqual(["-34", "-33", "-33"]);
  });

  test("shares not adding to 100% and negative shares are refused, naming the line", () => {
    const shares = (a: number, b: number) => [
      { beneficiary: "Partnership", share: a },
      { beneficiary: "NHS", share: b },
    ];
    expect(() => splitBetweenBeneficiaries(10, shares(0.5, 0.4), { subject: "line 'X'" })).toThrow(
      new EngineError("invalidValue", "line 'X'", "beneficiaries' shares add up to 90%, not 100%"),
    );
    expect(() => splitBetweenBeneficiaries(10, shares(1.1, -0.1), { subject: "line 'X'" })).toThrow(
      EngineError,
    );
  });

  test("parts always add up to exactly the amount", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc
          .array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 6 })
          .filter((w) => w.some((x) => x > 0)),
        (amount, weights) => {
          const total = weights.reduce((a, b) => a + b, 0);
          const parts = splitBetweenBeneficiaries(
            amount,
            weights.map((w, i) => ({
              beneficiary: i === 0 ? "Partnership" : `Body ${i}`,
              share: new Money(w).div(total),
            })),
            { unit: 1 },
          );
          expect(parts.partnership.plus(sum(parts.bodies.map(([, p]) => p))).toString()).toBe(String(amount));
        },
      ),
    );
  });
});

describe("valueByBody", () => {
  test("adds each body's benefits by class and its costs; partners first, then others as they appear", () => {
    const value = valueByBody(
      [
        { body: "NHS", benefitClass: "social", amount: 500 },
        { body: "HCC", amount: 100 },
        { body: "HCC", benefitClass: "fiscalCashable", amount: 96 },
        { body: "HFRS", benefitClass: "economic", amount: 4 },
      ],
      { partners: ["HCC", "HFRS"] },
    );
    expect(
      value.bodies.map((b) => [
        b.body,
        b.isPartner,
        b.benefits.toNumber(),
        b.pays.toNumber(),
        b.net.toNumber(),
      ]),
    ).toEqual([
      ["HCC", true, 96, 100, -4],
      ["HFRS", true, 4, 0, 4],
      ["NHS", false, 500, 0, 500],
    ]);
    // Partnership 96 + 4 = 100 against 100 of cost; everyone 100 + 500 = 600.
    expect(value.partnership.benefits.toNumber()).toBe(100);
    expect(value.otherBodies.byClass.social.toNumber()).toBe(500);
    expect(value.wholePublicSector.benefits.toNumber()).toBe(600);
    expect(value.wholePublicSector.pays.toNumber()).toBe(100);
  });
});
