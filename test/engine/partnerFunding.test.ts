import fc from "fast-check";
import { checkFunding, type FundedCostLine, type FundingSource } from "../../src/engine/funding";
import { Money, sum } from "../../src/engine/money";
import { partnerFundingPositions } from "../../src/engine/partnerFunding";
import { expectEngineError } from "./expectEngineError";

const sources: FundingSource[] = [
  { name: "Grant", kind: "grant" },
  { name: "A match", kind: "matchFunding", partner: "A" },
  { name: "Shared reserves", kind: "reserves" },
];
const lines: FundedCostLine[] = [
  {
    label: "ICT",
    expenditure: "capital",
    cost: 100,
    funding: [
      { source: "Grant", percent: 0.5 },
      { source: "A match", amount: 50 },
    ],
  },
  {
    label: "Support",
    expenditure: "revenue",
    cost: 10,
    funding: [
      { source: "Grant", percent: 0.4 },
      { source: "Shared reserves", percent: 0.6 },
    ],
  },
];
const parts = [
  // ICT is one-off in year 0, shared 60:40; Support is recurring from year 1, shared equally.
  { label: "ICT", parts: { A: 60, B: 40 }, yearFractions: [1, 0, 0] },
  { label: "Support", parts: { A: 5, B: 5 }, yearFractions: [0, 1, 1] },
];
const before = { A: [-60, 25, 25], B: [-40, 15, 15] };

describe("partnerFundingPositions", () => {
  const check = checkFunding(lines, sources);
  const [a, b] = partnerFundingPositions(check, sources, parts, before, { Grant: 0.5 }, { unit: 1, rate: 0 });

  test("a grant on a shared line reaches each partner by its part of the line, in the line's years", () => {
    // ICT grant 50% × 100 = 50 → A 50 × 60/100 = 30, B 20; Support grant 40% × 10 = 4 a year → 2 and 2.
    expect(a!.fullAward.externalByYear.map(String)).toEqual(["30", "2", "2"]);
    expect(b!.fullAward.externalByYear.map(String)).toEqual(["20", "2", "2"]);
    expect(a!.byGrant.Grant!.toString()).toBe("34");
    // A's cost of funded lines: 60 once + 5 in each of two years = 70; own = 70 − 34 = 36.
    expect(a!.apportionedCost.toString()).toBe("70");
    expect(a!.fullAward.ownContribution.toString()).toBe("36");
    // Per line: ICT 60 with grants 30 (fallback 15); Support 5 × 2 years = 10 with 2 × 2 = 4 (fallback 2).
    expect(
      a!.byLine.map((l) => [
        l.label,
        l.cost.toString(),
        l.grantsFullAward.toString(),
        l.grantsFallbackAward.toString(),
      ]),
    ).toEqual([
      ["ICT", "60", "30", "15"],
      ["Support", "10", "4", "2"],
    ]);
    // B: 40 + 5 + 5 = 50; grants 20 + 2 + 2 = 24; own 26.
    expect(b!.apportionedCost.toString()).toBe("50");
    expect(b!.fullAward.ownContribution.toString()).toBe("26");
  });

  test("payback and NPV are net of the grants, in full and at the fallback award", () => {
    // A full: [-60 + 30, 25 + 2, 25 + 2] = [-30, 27, 27]; cumulative −30, −3, 24 → 1 + 3/27.
    expect(a!.fullAward.netBenefit.map(String)).toEqual(["-30", "27", "27"]);
    expect(a!.fullAward.payback).toMatchObject({ kind: "paysBack" });
    const periods = (r: typeof a) =>
      r!.fullAward.payback.kind === "paysBack" ? r!.fullAward.payback.periods : undefined;
    expect(periods(a)!.toFixed(10)).toBe(new Money(1).plus(new Money(3).div(27)).toFixed(10));
    expect(a!.fullAward.netPresentValue.toString()).toBe("24"); // −30 + 27 + 27 at 0%
    // Fallback 50%: ICT 25 → A 15, B 10; Support 2 a year → 1 and 1.
    expect(a!.fallbackAward.externalByYear.map(String)).toEqual(["15", "1", "1"]);
    expect(b!.fallbackAward.externalByYear.map(String)).toEqual(["10", "1", "1"]);
    // A fallback: [−45, 26, 26]; cumulative −45, −19, 7 → 1 + 19/26; own 70 − 17 = 53.
    expect(a!.fallbackAward.ownContribution.toString()).toBe("53");
    const fallback = a!.fallbackAward.payback;
    expect(fallback.kind === "paysBack" && fallback.periods.toFixed(10)).toBe(
      new Money(1).plus(new Money(19).div(26)).toFixed(10),
    );
    // B fallback: [−30, 16, 16]: NPV 2; own 50 − 12 = 38.
    expect(b!.fallbackAward.netPresentValue.toString()).toBe("2");
    expect(b!.fallbackAward.ownContribution.toString()).toBe("38");
  });

  test("NPV discounts the net position with the grants", () => {
    const [discounted] = partnerFundingPositions(check, sources, parts, before, {}, { unit: 1, rate: 0.1 });
    // −30 + 27/1.1 + 27/1.1²
    const expected = new Money(-30)
      .plus(new Money(27).div(1.1))
      .plus(new Money(27).div(new Money(1.1).pow(2)));
    expect(discounted!.fullAward.netPresentValue.toFixed(12)).toBe(expected.toFixed(12));
    // No award given: the fallback is the full grant.
    expect(discounted!.fallbackAward.externalFunding.toString()).toBe("34");
  });

  test("a line nobody bears passes no grant, and bad parts are refused naming the line", () => {
    const [none] = partnerFundingPositions(
      check,
      sources,
      [{ label: "ICT", parts: { A: 0, B: 0 }, yearFractions: [1, 0, 0] }],
      before,
      {},
      { unit: 1, rate: 0 },
    );
    expect(none!.fullAward.externalFunding.toString()).toBe("0");
    expectEngineError(
      () =>
        partnerFundingPositions(
          check,
          sources,
          [{ label: "ICT", parts: { A: -1 }, yearFractions: [1, 0, 0] }],
          before,
          {},
          {
            unit: 1,
            rate: 0,
          },
        ),
      "invalidNumber",
      "line 'ICT' part of A",
    );
    expectEngineError(
      () =>
        partnerFundingPositions(
          check,
          sources,
          [{ label: "Nope", parts: {}, yearFractions: [1, 0, 0] }],
          before,
          {},
          {
            unit: 1,
            rate: 0,
          },
        ),
      "invalidValue",
      "line 'Nope'",
    );
  });

  test("property: percentages adding to 1 fund every line exactly, and partners' grants add up to the lines' grants", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            cost: fc.integer({ min: 0, max: 1_000_000 }),
            cuts: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 2, maxLength: 2 }),
            partsA: fc.integer({ min: 0, max: 1000 }),
            partsB: fc.integer({ min: 1, max: 1000 }),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        fc.integer({ min: 0, max: 100 }),
        (drawn, awardPercent) => {
          const funded: FundedCostLine[] = drawn.map((d, i) => {
            const [x, y] = [...d.cuts].sort((p, q) => p - q) as [number, number];
            // Three percentages from two cut points of 1000: they add to exactly 1.
            const percents = [x, y - x, 1000 - y].map((n) => new Money(n).div(1000));
            return {
              label: `L${i}`,
              expenditure: i % 2 === 0 ? "capital" : "revenue",
              cost: d.cost,
              funding: sources.map((s, k) => ({ source: s.name, percent: percents[k]! })),
            };
          });
          const result = checkFunding(funded, sources);
          const total = sum(drawn.map((d) => new Money(d.cost)));
          expect(sum(Object.values(result.bySource)).eq(total)).toBe(true);
          expect(result.total.shortfall.isZero() && result.total.overFunding.isZero()).toBe(true);
          const positions = partnerFundingPositions(
            result,
            sources,
            drawn.map((d, i) => ({
              label: `L${i}`,
              parts: { A: d.partsA, B: d.partsB },
              yearFractions: [1, 0],
            })),
            { A: [0, 0], B: [0, 0] },
            { Grant: new Money(awardPercent).div(100) },
            { unit: 1, rate: 0 },
          );
          const lineGrants = sum(
            result.lines.map((l) => l.bySource.Grant!.toDecimalPlaces(0, Money.ROUND_HALF_UP)),
          );
          expect(sum(positions.map((p) => p.fullAward.externalFunding)).eq(lineGrants)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
