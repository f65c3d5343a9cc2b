import fc from "fast-check";
import { computeBusinessCase, programme } from "../../src/engine/businessCase";
import type { BusinessCaseModel } from "../../src/engine/businessCaseModel";
import { spider, tornado } from "../../src/engine/tornado";
import { hampshireModel } from "../golden/hampshireModel";
import { type HampshireGolden, readGolden } from "../golden/sharedData";
import { line, numbers, twoPartnerModel } from "./monteCarlo/smallModels";

const hampshire = () => hampshireModel(readGolden<HampshireGolden>("hampshire"));

/** NPV per partner computed by the business case itself with the lines at the given values. */
function engineNpv(model: BusinessCaseModel, values: Record<string, number>): number[] {
  const probe: BusinessCaseModel = {
    ...model,
    lines: model.lines.map((l) =>
      line(l.label, l.timing, { Probe: values[l.label]! }, l.allocation, l.profile),
    ),
    cases: [{ name: "Probe" }],
  };
  return numbers(computeBusinessCase(probe).cases[0]!.partners.map((p) => p.netPresentValue));
}

describe("tornado", () => {
  it("moves each line alone from best to worst around the midpoints and ranks the swings (hand-checked)", () => {
    // Midpoints: set-up 120, saving 50 a year for 5 years at 0%: programme NPV 130.
    const result = tornado(twoPartnerModel());
    const total = result.partners.find((p) => p.partner === programme)!;
    expect(total.reference.toNumber()).toBe(130);
    expect(
      total.bars.map((bar) => [
        bar.driver,
        bar.atBest.toNumber(),
        bar.atWorst.toNumber(),
        bar.swing.toNumber(),
      ]),
    ).toEqual([
      ["Saving", 180, 80, 100],
      ["Set-up", 150, 110, 40],
    ]);
    const a = result.partners.find((p) => p.partner === "A")!;
    expect(numbers(a.bars.map((bar) => bar.swing))).toEqual([60, 24]); // 60% of each
  });

  it("gives the NPV the business case itself computes with the line moved", () => {
    const model = twoPartnerModel();
    const result = tornado(model);
    const atBest = engineNpv(model, { "Set-up": 100, Saving: -50 });
    const atWorst = engineNpv(model, { "Set-up": 120, Saving: -40 });
    result.partners.forEach((partner, p) => {
      expect(partner.bars.find((bar) => bar.driver === "Set-up")!.atBest.toNumber()).toBe(atBest[p]);
      expect(partner.bars.find((bar) => bar.driver === "Saving")!.atWorst.toNumber()).toBe(atWorst[p]);
    });
  });

  it("starts from the base case when one is given, exactly as the business case computes it", () => {
    const model = hampshire();
    const result = tornado(model, { baseCase: "Best", bestCase: "Best", worstCase: "Worst" });
    const best = computeBusinessCase(model).cases.find((c) => c.name === "Best")!;
    expect(result.partners.map((p) => p.reference.toString())).toEqual(
      best.partners.map((p) => p.netPresentValue.toString()),
    );
    // From the best case, moving a line to its best value changes nothing.
    for (const partner of result.partners)
      for (const bar of partner.bars) expect(bar.atBest.eq(partner.reference)).toBe(true);
  });

  it("moves a group of lines together, and a line quantified at one end only that way", () => {
    const model = twoPartnerModel({
      lines: [
        line("Set-up", "oneOff", { Best: 100, Worst: 140, Base: 110 }),
        line("Saving", "recurring", { Best: -60, Worst: -40, Base: -55 }),
        line("Legal", "oneOff", { Best: 20, Worst: "N/A", Base: 10 }),
      ],
      cases: [{ name: "Best" }, { name: "Worst" }, { name: "Base" }],
    });
    const result = tornado(model, {
      baseCase: "Base",
      groups: [{ name: "Core", lines: ["Set-up", "Saving"] }],
    });
    const total = result.partners.find((p) => p.partner === programme)!;
    // Base: −110 − 10 + 5 × 55 = 155.
    expect(total.reference.toNumber()).toBe(155);
    const core = total.bars.find((bar) => bar.driver === "Core")!;
    expect([core.atBest.toNumber(), core.atWorst.toNumber()]).toEqual([155 + 10 + 25, 155 - 30 - 75]);
    const legal = total.bars.find((bar) => bar.driver === "Legal")!;
    expect([legal.atBest.toNumber(), legal.atWorst.toNumber()]).toEqual([145, 155]);
    expect(total.bars.map((bar) => bar.driver)).toEqual(["Core", "Legal"]);
  });

  it("leaves lines no case quantifies out of the bars and lists them (Hampshire's Estates)", () => {
    const result = tornado(hampshire());
    expect(result.notQuantified).toEqual(["Estates"]);
    for (const partner of result.partners)
      expect(partner.bars.some((bar) => bar.lines.includes("Estates"))).toBe(false);
  });

  it("ranks every partner's bars from the largest swing down", () => {
    for (const partner of tornado(hampshire()).partners) {
      const swings = partner.bars.map((bar) => bar.swing.toNumber());
      expect(swings).toEqual([...swings].sort((x, y) => y - x));
      // A partner's own direct lines reach only it; the others' come last with no swing.
      expect(swings.at(-1)).toBe(0);
    }
  });

  it("rejects a line in two groups, an unknown line and an unknown case", () => {
    const model = twoPartnerModel();
    const twice = [
      { name: "One", lines: ["Set-up"] },
      { name: "Two", lines: ["Set-up", "Saving"] },
    ];
    expect(() => tornado(model, { groups: twice })).toThrow(
      expect.objectContaining({ kind: "invalidValue", subject: "group 'Two'" }),
    );
    expect(() => tornado(model, { groups: [{ name: "G", lines: ["Rent"] }] })).toThrow(
      expect.objectContaining({ subject: "group 'G'" }),
    );
    expect(() => tornado(model, { baseCase: "Central" })).toThrow(
      expect.objectContaining({ subject: "base case" }),
    );
  });

  it("property: every bar's ends match the business case recomputed with that line moved alone", () => {
    const tens = fc.integer({ min: -30, max: 30 }).map((n) => n * 10);
    fc.assert(
      fc.property(fc.array(fc.tuple(tens, tens), { minLength: 3, maxLength: 3 }), (ranges) => {
        // Multiples of 10 keep midpoints whole multiples of 5, so the 60 / 40 parts need no rounding.
        const [setUp, saving, own] = ranges as [number, number][];
        const model = twoPartnerModel({
          profiles: { Spread: [0.5, 0.5], Ramp: [0, 0.25, 1] },
          lines: [
            line("Set-up", "oneOff", { Best: setUp![0], Worst: setUp![1] }, undefined, "Spread"),
            line("Saving", "recurring", { Best: saving![0], Worst: saving![1] }, undefined, "Ramp"),
            line(
              "A's own cost",
              "recurring",
              { Best: own![0], Worst: own![1] },
              { kind: "partner", partner: "A" },
            ),
          ],
          settings: { discountRate: 0.035, horizonYears: 5, roundingUnit: 1, unitLabel: "£'000" },
        });
        const midpoints = Object.fromEntries(
          model.lines.map((l, i) => [l.label, (ranges[i]![0] + ranges[i]![1]) / 2]),
        );
        const result = tornado(model);
        model.lines.forEach((l, i) => {
          const atBest = engineNpv(model, { ...midpoints, [l.label]: ranges[i]![0] });
          const atWorst = engineNpv(model, { ...midpoints, [l.label]: ranges[i]![1] });
          result.partners.forEach((partner, p) => {
            const bar = partner.bars.find((b) => b.driver === l.label)!;
            expect(bar.atBest.toNumber()).toBeCloseTo(atBest[p]!, 9);
            expect(bar.atWorst.toNumber()).toBeCloseTo(atWorst[p]!, 9);
          });
        });
      }),
      { numRuns: 25 },
    );
  });
});

describe("spider", () => {
  it("scales each driver alone by ±% from its reference (hand-checked)", () => {
    const result = spider(twoPartnerModel(), { changes: [-0.2, 0, 0.2] });
    expect(numbers(result.changes)).toEqual([-0.2, 0, 0.2]);
    const p = result.partners.indexOf(programme);
    const saving = result.series.find((s) => s.driver === "Saving")!;
    const setUp = result.series.find((s) => s.driver === "Set-up")!;
    // Saving 40 / 50 / 60 a year for 5 years less 120; set-up 96 / 120 / 144 against 250 of savings.
    expect(numbers(saving.netPresentValue[p]!)).toEqual([80, 130, 180]);
    expect(numbers(setUp.netPresentValue[p]!)).toEqual([154, 130, 106]);
    expect(result.reference[p]!.toNumber()).toBe(130);
  });

  it("uses −30% to +30% in 10% steps by default and crosses the reference at 0%", () => {
    const result = spider(hampshire());
    expect(numbers(result.changes)).toEqual([-0.3, -0.2, -0.1, 0, 0.1, 0.2, 0.3]);
    for (const series of result.series) {
      series.netPresentValue.forEach((row, p) => expect(row[3]!.eq(result.reference[p]!)).toBe(true));
    }
  });

  it("draws each series as a straight line in the change", () => {
    const result = spider(hampshire(), { changes: [-0.3, 0, 0.3] });
    for (const series of result.series) {
      for (const [low, mid, high] of series.netPresentValue) {
        expect(high!.minus(mid!).minus(mid!.minus(low!)).abs().lt("1e-30")).toBe(true);
      }
    }
  });

  it("rejects a non-numeric change, naming it", () => {
    expect(() => spider(twoPartnerModel(), { changes: [0.1, "ten"] })).toThrow(
      expect.objectContaining({ kind: "invalidValue", subject: "changes[2]" }),
    );
  });
});
