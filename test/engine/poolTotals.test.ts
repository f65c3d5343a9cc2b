import fc from "fast-check";
import { computeBusinessCase } from "../../src/engine/businessCase";
import { notQuantified } from "../../src/engine/businessCaseModel";
import { poolTotals } from "../../src/engine/poolTotals";
import { line, twoPartnerModel } from "./monteCarlo/smallModels";

describe("poolTotals", () => {
  it("adds each pool's lines per timing and case, with the partners' parts (hand-checked)", () => {
    // Shared 60 / 40 by baseline. Best: set-up 100 + IT 50 = 150 one-off, split 90 / 60; saving
    // −60 a year, split −36 / −24. Worst: set-up 140, IT not quantified; saving −40 → −24 / −16.
    const model = twoPartnerModel({
      lines: [
        line("Set-up", "oneOff", { Best: 100, Worst: 140 }),
        line("IT", "oneOff", { Best: 50, Worst: "N/A" }),
        line("Saving", "recurring", { Best: -60, Worst: -40 }),
        line("Direct", "recurring", { Best: -5, Worst: -5 }, { kind: "partner", partner: "A" }),
      ],
    });
    const totals = poolTotals(computeBusinessCase(model), ["Best", "Worst"]).map((t) => [
      t.pool,
      t.timing,
      t.caseName,
      t.total === notQuantified ? "N/A" : t.total.toNumber(),
      Object.fromEntries(Object.entries(t.parts).map(([code, part]) => [code, part.toNumber()])),
    ]);
    expect(totals).toEqual([
      ["Shared", "oneOff", "Best", 150, { A: 90, B: 60 }],
      ["Shared", "oneOff", "Worst", 140, { A: 84, B: 56 }],
      ["Shared", "recurring", "Best", -60, { A: -36, B: -24 }],
      ["Shared", "recurring", "Worst", -40, { A: -24, B: -16 }],
    ]);
  });

  it("says N/A, with no parts, when none of a pool's lines is quantified in a case", () => {
    const model = twoPartnerModel({
      lines: [line("Set-up", "oneOff", { Best: 100, Worst: "N/A" })],
    });
    const [, worst] = poolTotals(computeBusinessCase(model), ["Best", "Worst"]);
    expect(worst).toEqual({
      pool: "Shared",
      timing: "oneOff",
      caseName: "Worst",
      total: notQuantified,
      parts: {},
    });
  });

  it("property: the partners' parts add up to the total (the lines are apportioned exactly)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -5_000, max: 5_000 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 1_000 }),
        fc.integer({ min: 1, max: 1_000 }),
        (amounts, a, b) => {
          const model = twoPartnerModel({
            baseline: [{ serviceArea: "Finance", amounts: { A: a, B: b } }],
            lines: amounts.map((amount, i) =>
              line(`Line ${i + 1}`, "oneOff", { Best: amount, Worst: amount }),
            ),
          });
          for (const total of poolTotals(computeBusinessCase(model), ["Best"])) {
            const parts = Object.values(total.parts).reduce((s, part) => s + part.toNumber(), 0);
            expect(total.total === notQuantified ? null : total.total.toNumber()).toBe(parts);
          }
        },
      ),
      { numRuns: 50 },
    );
  });
});
