import type { RefreshReport } from "../../../src/workbook/refreshWorkbook";
import { provenanceBlockName } from "../../../src/workbook/resultSheets/provenanceBlock";
import type { InputRangeSpec } from "../../../src/workbook/workbookPort";
import { smallCase } from "../smallCase";
import {
  loadWorkbook,
  readTable,
  refreshFile,
  sheetNames,
  tableRecords,
  temporaryFolderForThisFile,
  writeWorkbook,
} from "../workbookFiles";
import { type FundingCase, fundingCase } from "./fundingCase";

const folder = temporaryFolderForThisFile();
let fileNumber = 0;

async function refresh(
  ranges: Partial<Record<string, InputRangeSpec>>,
): Promise<{ report: RefreshReport; output: string }> {
  fileNumber++;
  const input = folder.path(`funding-${fileNumber}.xlsx`);
  const output = folder.path(`funding-${fileNumber}-results.xlsx`);
  await writeWorkbook(
    input,
    Object.values(ranges).filter((range): range is InputRangeSpec => range !== undefined),
  );
  return { report: await refreshFile(input, output), output };
}

function changed(change: (funding: FundingCase) => void): FundingCase {
  const funding = fundingCase();
  change(funding);
  return funding;
}

describe("a refresh with funding, through the ExcelJS adapter", () => {
  let report: RefreshReport;
  let records: (name: string) => Record<string, unknown>[];

  beforeAll(async () => {
    const result = await refresh(fundingCase());
    report = result.report;
    const workbook = await loadWorkbook(result.output);
    records = (name) => tableRecords(readTable(workbook, name));
    expect(sheetNames(workbook)).toContain("CBA Funding");
  });

  test("is written with no warnings about funding", () => {
    expect(report.status).toBe("written");
    expect(report.problems.filter((p) => /Funding/.test(p.range))).toEqual([]);
  });

  test("funding by line and source: percents of each case's cost, the amount the same in both", () => {
    const lines = records("CBA_Out_FundingLines").map((r) => [
      r.Case,
      r.Line,
      r.Expenditure,
      r.Cost,
      r["Transformation grant"],
      r["CC reserves"],
      r["FR loan"],
      r.Funded,
      r.Shortfall,
    ]);
    expect(lines).toEqual([
      // Best: 100 × 40% = 40, × 40% = 40, × 20% = 20; the team's 10 from CC reserves.
      ["Best", "System set-up", "Capital", 100, 40, 40, 20, 100, 0],
      ["Best", "CC programme team", "Revenue", 10, null, 10, null, 10, 0],
      // Worst: 120 × 40% = 48, 48, 120 × 20% = 24.
      ["Worst", "System set-up", "Capital", 120, 48, 48, 24, 120, 0],
      ["Worst", "CC programme team", "Revenue", 10, null, 10, null, 10, 0],
    ]);
  });

  test("totals by source and by capital or revenue, and the pump-priming check", () => {
    const best = records("CBA_Out_FundingSources").filter((r) => r.Case === "Best");
    // CC reserves: 40 + 10 = 50; share of costs 50 / 110.
    expect(best.map((r) => [r.Source, r.Kind, r.Partner, r.Funds, r["Amount stated"]])).toEqual([
      ["Transformation grant", "Grant", null, 40, 100],
      ["CC reserves", "Reserves", "CC", 50, null],
      ["FR loan", "Borrowing", "FR", 20, null],
    ]);
    expect(best[1]!["Share of costs"]).toBeCloseTo(50 / 110, 6);
    expect(
      records("CBA_Out_FundingExpenditure")
        .filter((r) => r.Case === "Worst")
        .map((r) => [r.Expenditure, r.Cost, r.Funded]),
    ).toEqual([
      ["Capital", 120, 120],
      ["Revenue", 10, 10],
      ["Total", 130, 130],
    ]);
    const pump = records("CBA_Out_FundingPumpPriming");
    // Best 40 / 110 = 36.36%, Worst 48 / 130 = 36.92%: both within the 50% limit.
    expect(pump.map((r) => [r.Case, r.Grant, r.Result])).toEqual([
      ["Best", "Transformation grant", "within limit"],
      ["Worst", "Transformation grant", "within limit"],
    ]);
    expect(pump[1]!["Share of costs"]).toBeCloseTo(48 / 130, 6);
  });

  test("borrowing schedule: straight line over 2 years at 5%", () => {
    const best = records("CBA_Out_FundingBorrowing").filter((r) => r.Case === "Best");
    // 20 borrowed: year 1 interest 1, principal 10, payment 11; year 2 interest 0.5, payment 10.5.
    expect(
      best.map((r) => [
        r.Partner,
        r.Year,
        r["Opening balance"],
        r.Interest,
        r.Principal,
        r.Payment,
        r["Closing balance"],
      ]),
    ).toEqual([
      ["FR", "Year 1", 20, 1, 10, 11, 10],
      ["FR", "Year 2", 10, 0.5, 10, 10.5, 0],
    ]);
  });

  test("per partner: grants by the partner's part of the line, own contribution, NPV and payback net of grants", () => {
    const best = records("CBA_Out_FundingPartners").filter((r) => r.Case === "Best");
    const cc = best.find((r) => r.Partner === "CC")!;
    const fr = best.find((r) => r.Partner === "FR")!;
    // System set-up 100 shared 75:25 → CC 75, FR 25; CC also bears its own team's 10.
    // Grant 40 → CC 30, FR 10; fallback 50% → 20 → CC 15, FR 5.
    expect([
      cc["Cost of funded lines"],
      cc["Grants (full award)"],
      cc["Own contribution (full award)"],
    ]).toEqual([85, 30, 55]);
    expect([cc["Grants (fallback award)"], cc["Own contribution (fallback award)"]]).toEqual([15, 70]);
    expect([
      fr["Cost of funded lines"],
      fr["Grants (full award)"],
      fr["Own contribution (full award)"],
    ]).toEqual([25, 10, 15]);
    // Sources named as each partner's: CC reserves 50, the FR loan 20.
    expect([cc["Sources named as the partner's"], fr["Sources named as the partner's"]]).toEqual([50, 20]);
    // CC net benefit before funding: [−85, 22.5, 45, 45, 45, 45] (savings 45 × the ramp 0, ½, 1…).
    // With the grant 30 in year 0: [−55, 22.5, 45, …]: cumulative −55, −32.5, 12.5 → 1 + 32.5/45.
    expect(cc["Payback years (full award)"]).toBeCloseTo(1 + 32.5 / 45, 4);
    // Fallback 15: [−70, 22.5, 45, …]: −70, −47.5, −2.5, 42.5 → 2 + 2.5/45.
    expect(cc["Payback years (fallback award)"]).toBeCloseTo(2 + 2.5 / 45, 4);
    // FR: [−25, 7.5, 15, …]; full +10: −15, −7.5, 7.5 → 1.5; fallback +5: −20, −12.5, 2.5 → 1 + 12.5/15.
    expect(fr["Payback years (full award)"]).toBeCloseTo(1.5, 4);
    expect(fr["Payback years (fallback award)"]).toBeCloseTo(1 + 12.5 / 15, 4);
    // The grants fall in year 0, undiscounted: NPV rises by exactly the grant (cells hold 2 decimals).
    const npv = (code: string) =>
      report.businessCase!.result.cases[0]!.partners.find((p) => p.partner === code)!.netPresentValue;
    expect(cc["NPV (full award)"]).toBeCloseTo(npv("CC").plus(30).toNumber(), 2);
    expect(cc["NPV (fallback award)"]).toBeCloseTo(npv("CC").plus(15).toNumber(), 2);
    expect(fr["NPV (full award)"]).toBeCloseTo(npv("FR").plus(10).toNumber(), 2);
  });

  test("per partner and funded line: each partner's part of the line and the grants reaching it", () => {
    const rows = records("CBA_Out_FundingPartnerLines")
      .filter((r) => r.Case === "Worst")
      .map((r) => [
        r.Partner,
        r.Line,
        r["Partner's cost"],
        r["Grants (full award)"],
        r["Own contribution (full award)"],
        r["Grants (fallback award)"],
      ]);
    // Worst: set-up 120 → CC 90, FR 30; grant 48 → CC 36, FR 12; fallback 24 → CC 18, FR 6.
    expect(rows).toEqual([
      ["CC", "System set-up", 90, 36, 54, 18],
      ["CC", "CC programme team", 10, 0, 10, 0],
      ["FR", "System set-up", 30, 12, 18, 6],
    ]);
  });

  test("CBA Checks: funding versus costs agrees in each case", () => {
    const rows = (report.reconciliation ?? []).filter((r) => r.check === "Funding versus costs");
    expect(rows.map((r) => [r.location, r.agrees])).toEqual([
      ["Best", true],
      ["Worst", true],
    ]);
  });
});

describe("funding gaps and limits are warnings naming the cell; the refresh still runs", () => {
  test("a shortfall names the line and shows on CBA Checks as a difference", async () => {
    const { report } = await refresh(
      changed(
        (f) => (f.lineFunding.rows = f.lineFunding.rows.slice(0, 2).concat(f.lineFunding.rows.slice(3))),
      ),
    );
    expect(report.status).toBe("written");
    // Without the FR loan's 20% the set-up is short 20 (Best) and 24 (Worst).
    const warnings = report.problems.filter((p) => p.check === "Funding shortfall");
    expect(warnings.map((p) => [p.severity, p.range, p.cell])).toEqual([
      ["warning", "CBA_LineFunding", "Lines!A2"],
      ["warning", "CBA_LineFunding", "Lines!A2"],
    ]);
    expect(warnings[1]!.message).toContain("24 of its cost of 120");
    const differs = report.reconciliation!.filter((r) => r.check === "Funding versus costs" && !r.agrees);
    expect(differs.map((r) => [r.location, r.expected?.toString(), r.found?.toString()])).toEqual([
      ['Best: line "System set-up"', "100", "80"],
      ['Worst: line "System set-up"', "120", "96"],
    ]);
  });

  test("over-funding, a grant over its pump-priming limit and a source beyond its amount", async () => {
    const { report } = await refresh(
      changed((f) => {
        f.funding.rows[0]![3] = 45; // amount available 45 < Worst's 48
        f.funding.rows[0]![4] = 0.365; // Best 36.36% within, Worst 36.92% above
        f.lineFunding.rows[3]![2] = 12; // the team's 10 funded 12
      }),
    );
    expect(report.status).toBe("written");
    const shown = report.problems
      .filter((p) => p.severity === "warning" && /Funding/.test(p.range))
      .map((p) => [p.check, p.cell, p.message.split(":")[0]]);
    expect(shown).toEqual([
      ["Over-funded", "Lines!A4", "Best"],
      ["Over-funded", "Lines!A4", "Worst"],
      ["Above pump-priming limit", "Funding!E2", "Worst"],
      ["Beyond the amount available", "Funding!D2", "Worst"],
    ]);
  });
});

describe("other spellings and defaults", () => {
  test('"Capital or revenue" heads the Expenditure column, and blank Repayment is an annuity', async () => {
    const { report, output } = await refresh(
      changed((f) => {
        f.lines.header[6] = "Capital or revenue";
        f.funding.rows[2]![9] = null;
      }),
    );
    expect(report.status).toBe("written");
    const workbook = await loadWorkbook(output);
    const lines = tableRecords(readTable(workbook, "CBA_Out_FundingLines"));
    expect(lines.map((r) => r.Expenditure)).toEqual(["Capital", "Revenue", "Capital", "Revenue"]);
    const best = tableRecords(readTable(workbook, "CBA_Out_FundingBorrowing")).filter(
      (r) => r.Case === "Best",
    );
    // Annuity: 20 × 0.05 / (1 − 1.05^−2) = 10.7561 a year; year 1 interest 1, principal 9.7561.
    const payment = (20 * 0.05) / (1 - Math.pow(1.05, -2));
    expect(best.map((r) => r.Payment as number)).toEqual([
      expect.closeTo(payment, 2),
      expect.closeTo(payment, 2),
    ]);
    expect(best[0]!.Principal).toBeCloseTo(payment - 1, 2);
  });
});

describe("a workbook without CBA_Funding", () => {
  test("is refreshed exactly as before: no funding sheet, no funding checks, and an Expenditure column changes nothing", async () => {
    const plain = await refresh(smallCase());
    const withoutFunding: Partial<FundingCase> = fundingCase();
    delete withoutFunding.funding;
    delete withoutFunding.lineFunding;
    const column = await refresh(withoutFunding);
    expect(plain.report.plan!.sheets.map((s) => s.name)).toEqual([
      "CBA Summary",
      "CBA Apportionment",
      "CBA Partners",
      "CBA Risks",
      "CBA Checks",
    ]);
    expect(plain.report.reconciliation!.some((r) => r.check === "Funding versus costs")).toBe(false);
    expect(plain.report.funding).toBeUndefined();
    const withoutProvenance = (report: RefreshReport) =>
      report.plan!.sheets.map((sheet) => ({
        ...sheet,
        blocks: sheet.blocks.filter((b) => b.name !== provenanceBlockName(sheet.name)),
      }));
    expect(withoutProvenance(column.report)).toEqual(withoutProvenance(plain.report));
  });
});
