import { resolve } from "node:path";
import { readFileSync } from "node:fs";
import type ExcelJS from "exceljs";
import type { RefreshReport } from "../../src/workbook/refreshWorkbook";
import { readTable, tableRecords, temporaryFolderForThisFile } from "./workbookFiles";
import { refreshedHampshireSample } from "./hampshireSampleFiles";

interface Golden {
  partners: string[];
  published_shares_whole_percent: Record<string, { partners: string[]; shares: number[] }>;
  apportioned: Record<
    string,
    { partners?: string[]; rows: { label: string; amount: number; split: number[] }[] }
  >;
  totals: Record<string, [number, number]>;
  per_organisation: Record<string, number[]>;
  return_on_investment_years: { ratios_best_worst: Record<string, [number, number]> };
  risk_register: {
    rows: {
      risk: string;
      likelihood: number;
      impact: number;
      score: number;
      band: string;
      factors: number[];
    }[];
    observations: string;
  };
}

const golden = JSON.parse(
  readFileSync(resolve(__dirname, "../../../shared/golden/hampshire.json"), "utf8"),
) as Golden;

const folder = temporaryFolderForThisFile();
let report: RefreshReport;
let results: ExcelJS.Workbook;

beforeAll(async () => {
  ({ report, results } = await refreshedHampshireSample(folder));
});

/** "one-off set-up, best" → the pool-totals row's timing and case. */
function timingAndCase(label: string): { timing: string; caseName: string } {
  return {
    timing: label.startsWith("one-off") ? "One-off" : "Recurring",
    caseName: label.endsWith("best") ? "Best" : "Worst",
  };
}

describe("the Hampshire sample run through the workbook pipeline", () => {
  test("refreshes without errors and writes the four result sheets", () => {
    expect(report.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(report.status).toBe("written");
    expect(results.worksheets.map((s) => s.name)).toEqual(
      expect.arrayContaining(["CBA Apportionment", "CBA Partners", "CBA Risks", "CBA Checks"]),
    );
  });

  test("the applied shares are the published whole percentages (73/22/5 and 73/27)", () => {
    const shares = tableRecords(readTable(results, "CBA_Out_Shares"));
    const applied = (pool: string) =>
      shares.filter((r) => r["Pool"] === pool).map((r) => Math.round(Number(r["Applied share"]) * 100));
    expect(applied("Joint working")).toEqual(
      golden.published_shares_whole_percent.four_areas_ex_occ_health!.shares,
    );
    expect(applied("Occupational Health")).toEqual(
      golden.published_shares_whole_percent.occ_health_excl_hcc!.shares,
    );
  });

  test("all 20 published apportioned cells appear in CBA_Out_PoolTotals", () => {
    const totals = tableRecords(readTable(results, "CBA_Out_PoolTotals"));
    const pools: [string, string][] = [
      ["four_area_pool", "Joint working"],
      ["occ_health_pool", "Occupational Health"],
    ];
    let cellsChecked = 0;
    for (const [key, pool] of pools) {
      const publishedPool = golden.apportioned[key]!;
      const partners = publishedPool.partners ?? golden.partners;
      for (const row of publishedPool.rows) {
        const { timing, caseName } = timingAndCase(row.label);
        const found = totals.find(
          (r) => r["Pool"] === pool && r["Timing"] === timing && r["Case"] === caseName,
        );
        expect(found?.["Total"]).toBe(row.amount);
        partners.forEach((code, index) => {
          expect({ pool, label: row.label, code, value: found?.[code] }).toEqual({
            pool,
            label: row.label,
            code,
            value: row.split[index],
          });
          cellsChecked++;
        });
      }
    }
    expect(cellsChecked).toBe(20);
  });

  test("per-organisation apportioned amounts and totals match the published summary", () => {
    const totals = tableRecords(readTable(results, "CBA_Out_PartnerTotals"));
    const figures = (partner: string, kind: "apportioned" | "total") =>
      ["Best", "Worst"].flatMap((caseName) => {
        const row = totals.find((r) => r["Partner"] === partner && r["Case"] === caseName)!;
        return [row[`Set-up ${kind}`], row[`Annual ${kind}`]];
      });
    // Published columns: set-up best, set-up worst, annual best, annual worst.
    const reorder = ([setUpBest, annualBest, setUpWorst, annualWorst]: unknown[]) => [
      setUpBest,
      setUpWorst,
      annualBest,
      annualWorst,
    ];
    for (const code of golden.partners) {
      expect(reorder(figures(code, "apportioned"))).toEqual(golden.per_organisation[`${code} apportioned`]);
      expect(reorder(figures(code, "total"))).toEqual(golden.per_organisation[`${code} total`]);
    }
    expect(reorder(figures("Programme", "total"))).toEqual(golden.per_organisation["Total programme"]);
  });

  test("programme totals split apportioned / direct as published", () => {
    const totals = tableRecords(readTable(results, "CBA_Out_PartnerTotals"));
    const programme = (caseName: string) =>
      totals.find((r) => r["Partner"] === "Programme" && r["Case"] === caseName)!;
    const pair = (column: string) => [programme("Best")[column], programme("Worst")[column]];
    expect(pair("Set-up apportioned")).toEqual(golden.totals.set_up_to_apportion);
    expect(pair("Annual apportioned")).toEqual(golden.totals.annual_net_to_apportion);
    expect(pair("Set-up direct")).toEqual(golden.totals.organisation_specific_set_up);
    expect(pair("Annual direct")).toEqual(golden.totals.organisation_specific_annual);
  });

  test("the IRR column shows each partner's internal rate of return, which brings its NPV to zero", () => {
    const rows = tableRecords(readTable(results, "CBA_Out_Results"));
    const cashflows = tableRecords(readTable(results, "CBA_Out_Cashflows"));
    for (const code of ["HCC", "HC", "HFRS", "Programme"]) {
      const irr = rows.find((r) => r["Partner"] === code && r["Case"] === "Best")!["IRR"];
      expect(typeof irr).toBe("number");
      const net = cashflows.find(
        (r) => r["Partner"] === code && r["Case"] === "Best" && r["Measure"] === "Net benefit",
      )!;
      const flows = Object.entries(net)
        .filter(([key]) => /^\d{4}\/\d{2}$/.test(key))
        .map(([, value]) => Number(value));
      expect(flows).toHaveLength(11); // 2012/13 to 2022/23: year 0 and a ten-year horizon
      const npv = flows.reduce((acc, cf, t) => acc + cf / (1 + (irr as number)) ** t, 0);
      expect(Math.abs(npv)).toBeLessThan(1e-6);
    }
  });

  test("years to recover (Hampshire's 'return on investment') match the published ratios to 3 decimals", () => {
    const rows = tableRecords(readTable(results, "CBA_Out_Results"));
    const ratios = golden.return_on_investment_years.ratios_best_worst;
    for (const [name, [best, worst]] of Object.entries(ratios)) {
      const code = name === "Total programme" ? "Programme" : name;
      const years = (caseName: string) =>
        Number(rows.find((r) => r["Partner"] === code && r["Case"] === caseName)!["Years to recover"]);
      expect([Math.round(years("Best") * 1000) / 1000, Math.round(years("Worst") * 1000) / 1000]).toEqual([
        best,
        worst,
      ]);
    }
  });

  test("the 12 risk scores and bands are written back into CBA_Risks and shown on CBA Risks", () => {
    const register = tableRecords(readTable(results, "CBA_Risks"));
    const scored = tableRecords(readTable(results, "CBA_Out_RiskScores"));
    expect(register).toHaveLength(golden.risk_register.rows.length);
    golden.risk_register.rows.forEach((published, index) => {
      expect([register[index]!["Score"], register[index]!["Band"]]).toEqual([
        published.score,
        published.band,
      ]);
      expect([scored[index]!["Score"], scored[index]!["Band"]]).toEqual([published.score, published.band]);
      expect(String(scored[index]!["Factors"])).toBe(published.factors.join(", "));
    });
  });

  test("band counts and factor coverage match the published observations (7 Medium, 5 Low, factor 10 uncovered)", () => {
    const bands = tableRecords(readTable(results, "CBA_Out_RiskBands"));
    expect(bands.map((b) => [b["Band"], b["Risks"]])).toEqual([
      ["Low", 5],
      ["Medium", 7],
      ["High", 0],
    ]);
    const factors = tableRecords(readTable(results, "CBA_Out_FactorCoverage"));
    expect(factors.filter((f) => f["Covered"] !== "Yes").map((f) => f["Factor"])).toEqual([10]);
  });

  test("not quantified is kept apart from zero: Estates shows N/A and is listed against every partner", () => {
    const parts = tableRecords(readTable(results, "CBA_Out_LineParts"));
    const estates = parts.filter((r) => r["Line"] === "Estates");
    expect(estates.length).toBeGreaterThan(0);
    expect(estates.every((r) => r["Amount"] === "N/A" && r["HCC"] === null)).toBe(true);
    const summary = tableRecords(readTable(results, "CBA_Out_Results"));
    const hccBest = summary.find((r) => r["Partner"] === "HCC" && r["Case"] === "Best")!;
    expect(String(hccBest["Not quantified"])).toContain("Estates");
    expect(String(hccBest["Not quantified"])).toContain("HCC category management");
  });

  test("amount columns carry the brackets format", () => {
    const table = readTable(results, "CBA_Out_PoolTotals");
    const total = table.header.indexOf("Total");
    expect(table.formats.every((row) => row[total] === "#,##0;(#,##0)")).toBe(true);
  });

  test("every reconciliation check agrees", () => {
    expect(report.reconciliation?.length).toBeGreaterThan(0);
    expect(report.reconciliation?.filter((row) => !row.agrees)).toEqual([]);
  });
});
