import { readFileSync } from "node:fs";
import path from "node:path";
import { apportion, riskBand, riskScore, shares, yearsToRecover } from "../../src/functions/functions";
import { installCustomFunctionsDouble, removeCustomFunctionsDouble } from "./customFunctionsRuntimeDouble";

/**
 * The Hampshire business case (April 2012) worked the way a finance officer would in cells: shares
 * from the baseline table with CBA.SHARES, fed straight into CBA.APPORTION, and the risk register
 * scored with CBA.RISKSCORE and CBA.RISKBAND. Inputs come from the golden file; the published
 * outputs are only compared against.
 */
interface SplitRow {
  label: string;
  amount: number;
  split: number[];
}
interface Hampshire {
  partners: string[];
  baseline: { gbp_k: Record<string, number[]> };
  published_shares_whole_percent: Record<string, { partners: string[]; shares: number[] }>;
  apportioned: {
    four_area_pool: { shares_percent: number[]; rows: SplitRow[] };
    occ_health_pool: { partners: string[]; shares_percent: number[]; rows: SplitRow[] };
  };
  per_organisation: Record<string, number[]>;
  return_on_investment_years: { ratios_best_worst: Record<string, number[]> };
  risk_register: {
    rows: { risk: string; likelihood: number; impact: number; score: number; band: string }[];
  };
}

const hampshire = JSON.parse(
  readFileSync(path.resolve(__dirname, "../../../shared/golden/hampshire.json"), "utf8"),
) as Hampshire;

beforeAll(installCustomFunctionsDouble);
afterAll(removeCustomFunctionsDouble);

const occupationalHealth = "Occupational Health";
const baselineRows = (areas: (area: string) => boolean): number[][] =>
  Object.entries(hampshire.baseline.gbp_k)
    .filter(([area]) => areas(area))
    .map(([, row]) => row);
const asPercent = (result: unknown): number[] =>
  (result as number[][])[0]!.map((share) => Math.round(share * 100));
const isSpilled = (result: unknown): result is number[][] => Array.isArray(result);

describe("Hampshire shares with CBA.SHARES(baseline table, 0)", () => {
  const published = hampshire.published_shares_whole_percent;

  test("the four areas other than Occupational Health give 73 / 22 / 5", () => {
    const result = shares(
      baselineRows((area) => area !== occupationalHealth),
      0,
    );
    expect(asPercent(result)).toEqual(published.four_areas_ex_occ_health!.shares);
  });

  test("all five areas give 72 / 23 / 5 and Occupational Health alone 42 / 42 / 16", () => {
    expect(
      asPercent(
        shares(
          baselineRows(() => true),
          0,
        ),
      ),
    ).toEqual(published.five_areas!.shares);
    expect(
      asPercent(
        shares(
          baselineRows((area) => area === occupationalHealth),
          0,
        ),
      ),
    ).toEqual(published.occ_health_incl_hcc!.shares);
  });

  test("Occupational Health between HC and HFRS gives 73 / 27", () => {
    const pool = published.occ_health_excl_hcc!;
    const columns = pool.partners.map((partner) => hampshire.partners.indexOf(partner));
    const occupationalHealthRow = hampshire.baseline.gbp_k[occupationalHealth]!;
    const result = shares([columns.map((c) => occupationalHealthRow[c]!)], 0);
    expect(asPercent(result)).toEqual(pool.shares);
  });
});

describe("Hampshire's 20 apportioned cells with CBA.APPORTION(amounts, CBA.SHARES(...), 1)", () => {
  const fourAreaShares = shares(
    baselineRows((area) => area !== occupationalHealth),
    0,
  );
  const pool = hampshire.apportioned.occ_health_pool;
  const occupationalHealthRow = hampshire.baseline.gbp_k[occupationalHealth]!;
  const occupationalHealthShares = shares(
    [pool.partners.map((partner) => occupationalHealthRow[hampshire.partners.indexOf(partner)]!)],
    0,
  );

  test("the four-area pool: every published cell, each row footing to its amount", () => {
    const rows = hampshire.apportioned.four_area_pool.rows;
    const result = apportion(
      rows.map((row) => [row.amount]),
      fourAreaShares as number[][],
      1,
    );
    expect(isSpilled(result)).toBe(true);
    expect(result).toEqual(rows.map((row) => row.split));
    (result as number[][]).forEach((parts, r) =>
      expect(parts.reduce((a, b) => a + b, 0)).toBe(rows[r]!.amount),
    );
  });

  test("the Occupational Health pool (HC / HFRS): every published cell", () => {
    const result = apportion(
      pool.rows.map((row) => [row.amount]),
      occupationalHealthShares as number[][],
      1,
    );
    expect(result).toEqual(pool.rows.map((row) => row.split));
  });

  test("each partner's apportioned figures are its four-area part plus its Occupational Health part", () => {
    const fourArea = apportion(
      hampshire.apportioned.four_area_pool.rows.map((row) => [row.amount]),
      fourAreaShares as number[][],
      1,
    ) as number[][];
    const health = apportion(
      pool.rows.map((row) => [row.amount]),
      occupationalHealthShares as number[][],
      1,
    ) as number[][];
    hampshire.partners.forEach((partner, p) => {
      const h = pool.partners.indexOf(partner);
      const combined = fourArea.map((row, r) => row[p]! + (h >= 0 ? health[r]![h]! : 0));
      expect(combined).toEqual(hampshire.per_organisation[`${partner} apportioned`]);
    });
  });
});

describe("Hampshire's 'return on investment' in years with CBA.YEARSTORECOVER", () => {
  test("set-up ÷ annual saving per organisation, best and worst, matches the published ratios to 3 decimals", () => {
    for (const [organisation, ratios] of Object.entries(
      hampshire.return_on_investment_years.ratios_best_worst,
    )) {
      const key = organisation === "Total programme" ? organisation : `${organisation} total`;
      const [setUpBest, setUpWorst, annualBest, annualWorst] = hampshire.per_organisation[key]!;
      const years = [yearsToRecover(setUpBest!, annualBest!), yearsToRecover(setUpWorst!, annualWorst!)];
      expect(years.map((y) => Math.round((y as number) * 1000) / 1000)).toEqual(ratios);
    }
  });
});

describe("Hampshire's risk register with CBA.RISKSCORE and CBA.RISKBAND", () => {
  const risks = hampshire.risk_register.rows;
  const scores = riskScore(
    risks.map((risk) => [risk.likelihood]),
    risks.map((risk) => [risk.impact]),
  );

  test("every score is likelihood × impact as published", () => {
    expect(scores).toEqual(risks.map((risk) => [risk.score]));
  });

  test("every band is as published (7 Medium, 5 Low, 0 High) with the default bands", () => {
    const bands = riskBand(scores as number[][]) as string[][];
    expect(bands).toEqual(risks.map((risk) => [risk.band]));
    const count = (band: string) => bands.filter(([b]) => b === band).length;
    expect([count("Medium"), count("Low"), count("High")]).toEqual([7, 5, 0]);
  });
});
