import fc from "fast-check";
import {
  checkFunding,
  type FundedCostLine,
  type FundingSource,
  partialAwardPayback,
  partialGrantAward,
} from "../../src/engine/funding";
import { Money, sum } from "../../src/engine/money";
import { expectEngineError } from "./expectEngineError";

const sources: FundingSource[] = [
  { name: "Transformation grant", kind: "grant", pumpPrimingLimit: 0.5 },
  { name: "HCC match", kind: "matchFunding", partner: "HCC" },
  { name: "HFRS reserves", kind: "reserves", partner: "HFRS", restrictedTo: "revenue" },
  { name: "PWLB loan", kind: "borrowing", restrictedTo: "capital" },
];

describe("checkFunding", () => {
  const lines: FundedCostLine[] = [
    {
      label: "ICT",
      expenditure: "capital",
      cost: 1000,
      funding: [
        { source: "Transformation grant", percent: 0.5 },
        { source: "PWLB loan", amount: 500 },
      ],
    },
    {
      label: "Redundancy",
      expenditure: "revenue",
      cost: 400,
      funding: [
        { source: "HCC match", amount: 300 },
        { source: "HFRS reserves", amount: 150 },
      ],
    },
    {
      label: "Programme team",
      expenditure: "revenue",
      cost: 200,
      funding: [{ source: "Transformation grant", amount: 150 }],
    },
  ];

  it("resolves percentages, and reports shortfall and over-funding per line, per expenditure type and in total", () => {
    const check = checkFunding(lines, sources);
    expect(
      check.lines.map((l) => [
        l.label,
        l.funded.toNumber(),
        l.shortfall.toNumber(),
        l.overFunding.toNumber(),
      ]),
    ).toEqual([
      ["ICT", 1000, 0, 0],
      ["Redundancy", 450, 0, 50],
      ["Programme team", 150, 50, 0],
    ]);
    // The Redundancy line's 50 over does not fill the programme team's 50 short.
    expect(check.total.shortfall.toNumber()).toBe(50);
    expect(check.total.overFunding.toNumber()).toBe(50);
    expect(check.byExpenditure.capital.cost.toNumber()).toBe(1000);
    expect(check.byExpenditure.revenue.shortfall.toNumber()).toBe(50);
    expect(check.bySource["Transformation grant"]!.toNumber()).toBe(650);
    expect(check.balanced).toBe(false);
    expect(check.problems).toEqual([
      "line 'Redundancy': funded 50 more than its cost of 400",
      "line 'Programme team': 50 of its cost of 200 is not funded",
    ]);
  });

  it("reports a grant's pump-priming share and a breach of its limit", () => {
    const check = checkFunding(
      [
        {
          label: "ICT",
          expenditure: "capital",
          cost: 1000,
          funding: [
            { source: "Transformation grant", percent: 0.6 },
            { source: "PWLB loan", amount: 400 },
          ],
        },
      ],
      sources,
    );
    expect(check.pumpPriming).toEqual([
      { source: "Transformation grant", share: new Money(0.6), limit: new Money(0.5), withinLimit: false },
    ]);
    expect(check.balanced).toBe(false);
    expect(check.problems[0]).toMatch(/above its pump-priming limit of 50%/);
  });

  it("refuses unknown, repeated or restricted sources and negative figures, naming the line", () => {
    const line = (
      funding: FundedCostLine["funding"],
      expenditure: "capital" | "revenue" = "capital",
    ): FundedCostLine[] => [{ label: "ICT", expenditure, cost: 100, funding }];
    expectEngineError(
      () => checkFunding(line([{ source: "Lottery", amount: 100 }]), sources),
      "invalidValue",
      "line 'ICT' funding",
    );
    expectEngineError(
      () =>
        checkFunding(
          line([
            { source: "HCC match", amount: 50 },
            { source: "HCC match", amount: 50 },
          ]),
          sources,
        ),
      "invalidValue",
      "line 'ICT' funding",
    );
    expectEngineError(
      () => checkFunding(line([{ source: "HFRS reserves", amount: 100 }]), sources),
      "invalidValue",
      "line 'ICT' funding",
    );
    expectEngineError(
      () => checkFunding(line([{ source: "HCC match", amount: -1 }]), sources),
      "invalidNumber",
      "line 'ICT' funding from 'HCC match'",
    );
    expectEngineError(
      () => checkFunding(line([{ source: "HCC match", percent: 1.5 }]), sources),
      "invalidNumber",
      "line 'ICT' funding from 'HCC match'",
    );
    expectEngineError(
      () => checkFunding([{ label: "ICT", expenditure: "opex" as "capital", cost: 1, funding: [] }], sources),
      "invalidValue",
      "line 'ICT' expenditure",
    );
  });

  it("property: when the check passes, the funding sources add up to exactly the costs, line by line and in total", () => {
    const lineArbitrary = fc
      .tuple(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 100 }), fc.boolean())
      .map(([cost, grantPercent, extra]): FundedCostLine => {
        const grant = new Money(grantPercent).div(100);
        const rest = new Money(cost).minus(grant.times(cost));
        return {
          label: `line ${cost}`,
          expenditure: "revenue",
          cost,
          funding: [
            { source: "Transformation grant", percent: grant },
            // Sometimes a penny too much, so the check must fail then.
            { source: "HCC match", amount: extra ? rest.plus("0.01") : rest },
          ],
        };
      });
    fc.assert(
      fc.property(fc.array(lineArbitrary, { minLength: 1, maxLength: 8 }), (lines) => {
        const check = checkFunding(lines, [{ name: "Transformation grant", kind: "grant" }, sources[1]!]);
        if (check.balanced) {
          check.lines.forEach((l) => expect(sum(Object.values(l.bySource)).equals(l.cost)).toBe(true));
          expect(sum(Object.values(check.bySource)).equals(check.total.cost)).toBe(true);
        } else {
          expect(check.total.overFunding.gt(0)).toBe(true);
        }
      }),
    );
  });
});

describe("partialGrantAward", () => {
  const check = checkFunding(
    [
      {
        label: "ICT",
        expenditure: "capital",
        cost: 1000,
        funding: [
          { source: "Grant", amount: 750 },
          { source: "HCC match", amount: 250 },
        ],
      },
      { label: "Team", expenditure: "revenue", cost: 250, funding: [{ source: "Grant", amount: 250 }] },
    ],
    [{ name: "Grant", kind: "grant" }, sources[1]!],
  );

  it("puts the unawarded part of the grant on the partners by their shares, adding up exactly", () => {
    const award = partialGrantAward(
      check,
      "Grant",
      { fraction: 0.6 },
      { HCC: 0.73, HFRS: 0.22, HPA: 0.05 },
      1,
    );
    expect(award.requested.toNumber()).toBe(1000);
    expect(award.awarded.toNumber()).toBe(600);
    expect(numbersOf(award.byPartner)).toEqual({ HCC: 292, HFRS: 88, HPA: 20 });
    expect(award.byLine.map((l) => l.unfunded.toNumber())).toEqual([300, 100]);
  });

  it("takes an awarded amount, and refuses one above the request", () => {
    expect(partialGrantAward(check, "Grant", { amount: 900 }, { HCC: 1 }, 1).unfunded.toNumber()).toBe(100);
    expectEngineError(
      () => partialGrantAward(check, "Grant", { amount: 1001 }, { HCC: 1 }, 1),
      "invalidNumber",
      "awarded amount",
    );
    expectEngineError(
      () => partialGrantAward(check, "Lottery", { fraction: 1 }, { HCC: 1 }),
      "invalidValue",
      "grant",
    );
  });

  it("property: the partners' extra costs add up to exactly the unawarded grant, whatever the fraction", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 }),
        fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 5 }),
        (percent, weights) => {
          const partnerWeights = Object.fromEntries(weights.map((w, i) => [`P${i}`, w]));
          const award = partialGrantAward(
            check,
            "Grant",
            { fraction: new Money(percent).div(100) },
            partnerWeights,
            1,
          );
          expect(sum(Object.values(award.byPartner)).equals(award.unfunded)).toBe(true);
          expect(award.awarded.plus(award.unfunded).equals(award.requested)).toBe(true);
        },
      ),
    );
  });
});

describe("partialAwardPayback", () => {
  it("moves each partner's payback later by its share of the unawarded grant", () => {
    const result = partialAwardPayback(
      { HCC: [-100, 60, 60], HFRS: [-50, 30, 30] },
      [100, 0, 0],
      0.5,
      { HCC: 2, HFRS: 1 },
      1,
    );
    expect(result.extraCosts["HCC"]!.map(Number)).toEqual([33, 0, 0]);
    expect(result.extraCosts["HFRS"]!.map(Number)).toEqual([17, 0, 0]);
    const hcc = result.partners.find((p) => p.partner === "HCC")!;
    expect(hcc.fullAward).toEqual({ kind: "paysBack", periods: new Money(100).div(60).plus(0) });
    // Full award: 1 + 40/60; partial: −133 + 60 + 60 = −13 by year 2, so not within the horizon.
    expect(hcc.partialAward).toEqual({ kind: "never", horizon: 2 });
    expect(result.programme.netBenefitPartialAward.map(Number)).toEqual([-200, 90, 90]);
  });

  it("property: a full award changes nothing", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 0, max: 500 })), {
          minLength: 1,
          maxLength: 8,
        }),
        (rows) => {
          const net = rows.map(([n]) => n);
          const grant = rows.map(([, g]) => g);
          const result = partialAwardPayback({ A: net }, grant, 1, { A: 1 }, 1);
          expect(result.partners[0]!.partialAward).toEqual(result.partners[0]!.fullAward);
          expect(result.extraCosts["A"]!.every((c) => c.isZero())).toBe(true);
        },
      ),
    );
  });
});

function numbersOf(record: Readonly<Record<string, Money>>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, v.toNumber()]));
}
