import { computeBusinessCase, programme } from "../../src/engine/businessCase";
import type { BusinessCaseResult, PartnerCaseResult } from "../../src/engine/businessCaseModel";
import { Money, sum } from "../../src/engine/money";
import { sharesFromBases } from "../../src/engine/shares";
import { hampshireModel, jointWorking, occupationalHealth } from "./hampshireModel";
import { type HampshireGolden, readGolden } from "./sharedData";

/**
 * Joint Working in Hampshire (April 2012), Appendices G and H: every published apportionment figure,
 * computed from the baseline and line items. Expected values are read from the golden file.
 */
const golden = readGolden<HampshireGolden>("hampshire");
const model = hampshireModel(golden);
const result: BusinessCaseResult = computeBusinessCase(model);

const asPercent = (shares: readonly Money[]) => shares.map((s) => s.times(100).toNumber());
const partnerResult = (caseName: string, partner: string): PartnerCaseResult =>
  result.cases.find((c) => c.name === caseName)!.partners.find((p) => p.partner === partner)!;

describe("Hampshire shares from the baseline (Appendix G)", () => {
  const areas = Object.keys(golden.baseline.gbp_k);
  const basesOver = (selected: string[], partners: string[]) =>
    partners.map((code) =>
      sum(selected.map((area) => new Money(golden.baseline.gbp_k[area]![golden.partners.indexOf(code)]!))),
    );

  it.each(Object.entries(golden.published_shares_whole_percent))(
    "%s matches the published split",
    (_, published) => {
      const selected =
        published.areas === "all five"
          ? areas
          : published.areas === "Occupational Health"
            ? ["Occupational Health"]
            : areas.filter((a) => a !== "Occupational Health");
      const shares = sharesFromBases(basesOver(selected, published.partners), { decimals: 0 });
      expect(asPercent(shares.applied)).toEqual(published.shares);
    },
  );

  it("the model's pools apply 73/22/5 and 73/27", () => {
    const pool = (name: string) => result.pools.find((p) => p.pool === name)!;
    expect(asPercent(pool(jointWorking).shares.applied)).toEqual(
      golden.apportioned.four_area_pool.shares_percent,
    );
    expect(asPercent(pool(occupationalHealth).shares.applied)).toEqual(
      golden.apportioned.occ_health_pool.shares_percent,
    );
    expect(pool(occupationalHealth).partners).toEqual(golden.apportioned.occ_health_pool.partners);
  });
});

describe("Hampshire apportioned cells (Appendix H), all 20", () => {
  const cells = [
    ...golden.apportioned.four_area_pool.rows.map((row) => ({ pool: jointWorking, row })),
    ...golden.apportioned.occ_health_pool.rows.map((row) => ({ pool: occupationalHealth, row })),
  ];

  it.each(cells.map(({ pool, row }) => [pool, row.label, row] as const))("%s, %s", (pool, label, row) => {
    const timing = label.startsWith("one-off") ? "oneOff" : "recurring";
    const caseName = label.endsWith("best") ? "Best" : "Worst";
    const poolLines = result.lines.filter(
      (line) => line.timing === timing && line.allocation.kind === "pool" && line.allocation.pool === pool,
    );
    const partners = result.pools.find((p) => p.pool === pool)!.partners;
    const amount = sum(
      poolLines.map((line) => line.byCase[caseName]!.amount).filter((v): v is Money => v !== "notQuantified"),
    );
    const split = partners.map((code) =>
      sum(poolLines.map((line) => line.byCase[caseName]!.parts?.[code] ?? new Money(0))).toNumber(),
    );
    expect(amount.toNumber()).toBe(row.amount);
    expect(split).toEqual(row.split);
  });

  it("every line's parts add up to the line in every case", () => {
    for (const line of result.lines) {
      for (const [, entry] of Object.entries(line.byCase)) {
        if (entry.amount === "notQuantified") continue;
        expect(sum(Object.values(entry.parts!)).equals(entry.amount)).toBe(true);
      }
    }
  });
});

describe("Hampshire per-organisation summary (Appendix H)", () => {
  const rows = Object.entries(golden.per_organisation).filter(([label]) => label !== "columns") as [
    string,
    number[],
  ][];

  it.each(rows)("%s", (label, published) => {
    const partner = label === "Total programme" ? programme : label.split(" ")[0]!;
    const pick = label.endsWith("apportioned")
      ? (r: PartnerCaseResult) => [r.setUp.apportioned, r.annual.apportioned]
      : (r: PartnerCaseResult) => [r.setUp.total, r.annual.total];
    const [setUpBest, annualBest] = pick(partnerResult("Best", partner));
    const [setUpWorst, annualWorst] = pick(partnerResult("Worst", partner));
    expect([setUpBest, setUpWorst, annualBest, annualWorst].map((m) => m!.toNumber())).toEqual(published);
  });

  it("programme totals match the published totals", () => {
    const best = partnerResult("Best", programme);
    const worst = partnerResult("Worst", programme);
    expect([best.setUp.total.toNumber(), worst.setUp.total.toNumber()]).toEqual(
      golden.totals.programme_set_up,
    );
    expect([best.annual.total.toNumber(), worst.annual.total.toNumber()]).toEqual(
      golden.totals.programme_annual,
    );
    expect([best.setUp.direct.toNumber(), worst.setUp.direct.toNumber()]).toEqual(
      golden.totals.organisation_specific_set_up,
    );
    expect([best.annual.direct.toNumber(), worst.annual.direct.toNumber()]).toEqual(
      golden.totals.organisation_specific_annual,
    );
    expect([best.setUp.apportioned.toNumber(), worst.setUp.apportioned.toNumber()]).toEqual(
      golden.totals.set_up_to_apportion,
    );
    expect([best.annual.apportioned.toNumber(), worst.annual.apportioned.toNumber()]).toEqual(
      golden.totals.annual_net_to_apportion,
    );
  });

  it("Estates is carried as not quantified, not as zero", () => {
    const estates = result.lines.find((line) => line.label === "Estates")!;
    expect(estates.byCase["Best"]!.amount).toBe("notQuantified");
    expect(partnerResult("Best", "HCC").notQuantified).toContain("Estates");
    expect(partnerResult("Worst", programme).notQuantified).toContain("Estates");
  });
});

describe("Hampshire 'return on investment' in years (set-up ÷ annual saving)", () => {
  it.each(Object.entries(golden.return_on_investment_years.ratios_best_worst))(
    "%s",
    (label, [best, worst]) => {
      const partner = label === "Total programme" ? programme : label;
      // Published to three decimals.
      expect(partnerResult("Best", partner).yearsToRecover!.toNumber()).toBeCloseTo(best, 3);
      expect(partnerResult("Worst", partner).yearsToRecover!.toNumber()).toBeCloseTo(worst, 3);
    },
  );
});
