/**
 * The second worked example (issue 9): the constructed Northshire Community Safety Hub, which uses
 * named cases, funding, wider beneficiaries, optimism bias, unit cost × volume and nominal prices.
 * Every figure below is worked by hand from the sample's inputs (src/workbook/samples/
 * northshireSample.ts); the arithmetic is in the comments.
 */
import * as formulajs from "@formulajs/formulajs";
import ExcelJS from "exceljs";
import { Money } from "../../src/engine/money";
import type { RefreshReport } from "../../src/workbook/refreshWorkbook";
import { refreshWorkbook } from "../../src/workbook/refreshWorkbook";
import { addInputRanges } from "../../src/workbook/excelJs/inputRangesWriter";
import { ExcelJsWorkbook } from "../../src/workbook/excelJs/excelJsWorkbook";
import { northshireSampleNotes, northshireSampleRanges } from "../../src/workbook/samples/northshireSample";
import { sampleWorkbookNamed } from "../../src/workbook/samples/sampleWorkbooks";
import { command } from "../cli/runCli";
import { loadWorkbook, sheetNames, temporaryFolderForThisFile } from "./workbookFiles";

const folder = temporaryFolderForThisFile();
let report: RefreshReport;

beforeAll(async () => {
  const workbook = new ExcelJS.Workbook();
  addInputRanges(workbook, northshireSampleRanges(), [northshireSampleNotes]);
  report = await refreshWorkbook(new ExcelJsWorkbook(workbook), { dryRun: true });
});

const whole = (value: Money | undefined) => value?.toNumber();

function centralLine(label: string, caseName = "Central"): string | undefined {
  const line = report.businessCase!.model.lines.find((l) => l.label === label);
  const value = line?.values[caseName];
  return value === undefined || value === "notQuantified" ? undefined : new Money(value).toString();
}

describe("the Northshire example", () => {
  test("is a complete, valid case: no problem, no warning, every result sheet written", () => {
    expect(report.problems).toEqual([]);
    expect(report.status).toBe("checked");
    expect(report.plan!.sheets.map((sheet) => sheet.name)).toEqual([
      "CBA Summary",
      "CBA Apportionment",
      "CBA Partners",
      "CBA Value",
      "CBA Scenarios",
      "CBA Optimism Bias",
      "CBA Funding",
      "CBA Risks",
      "CBA Checks",
    ]);
  });

  test("named cases: Optimistic, Central, Cautious, each with its optimism-bias twin, then the scenarios", () => {
    expect(report.businessCase!.result.cases.map((c) => c.name)).toEqual([
      "Optimistic",
      "Central",
      "Cautious",
      "Optimistic + optimism bias",
      "Central + optimism bias",
      "Cautious + optimism bias",
      "Benefits 20% lower",
      "Go-live a year late",
    ]);
  });

  test("unit cost × volume: call-outs −0.35 × 800 × (1 − 20%) = −224; A&E −0.4 × 400 = −160; crimes −1.2 × 150 × 75% = −135", () => {
    expect(centralLine("Repeat call-outs avoided")).toBe("-224");
    // The A&E line falls wholly to the NHS, so the partnership model keeps nothing of it.
    expect(centralLine("A&E attendances avoided")).toBe("0");
    const aAndE = report
      .value!.find((c) => c.name === "Central")!
      .lines.find((l) => l.label === "A&E attendances avoided")!;
    expect(aAndE.amount.toString()).toBe("160");
    expect(aAndE.parts.find(([body]) => body === "NHS")![1].toString()).toBe("160");
  });

  test("wider beneficiaries: crime 135 = partnership 16% (21.6 → 22) + NP 30% (40.5 → 41) + NHS 24% (32.4 → 32) + MoJ 30% (40.5 → 40)", () => {
    expect(centralLine("Crime reduction")).toBe("-22");
    expect(centralLine("Crime reduction (NP share)")).toBe("-41");
    const crime = report
      .value!.find((c) => c.name === "Central")!
      .lines.find((l) => l.label === "Crime reduction")!;
    const parts = Object.fromEntries(crime.parts.map(([body, amount]) => [body, amount.toNumber()]));
    // The partnership's 22 by the Hub shares 25/15/40/20: 5.5, 3.3, 8.8, 4.4 → 6, 3, 9, 4 (largest remainders);
    // NP also takes its own 41: 9 + 41 = 50.
    expect(parts).toEqual({ NCC: 6, SDC: 3, NP: 50, NFRS: 4, NHS: 32, "Ministry of Justice": 40 });
    const sum = Object.values(parts).reduce((a, b) => a + b, 0);
    expect(sum).toBe(135);
  });

  test("the whole public sector sees more than the partnership: the NHS and MoJ parts are added", () => {
    const central = report.value!.find((c) => c.name === "Central")!;
    const partnership = central.partnership.netPresentValue;
    const whole = central.wholePublicSector.netPresentValue;
    expect(whole.greaterThan(partnership)).toBe(true);
    const bodies = central.value.bodies.map((b) => b.body);
    expect(bodies).toEqual(["NCC", "SDC", "NP", "NFRS", "NHS", "Ministry of Justice"]);
  });

  test("optimism bias: system 600 × (1 + 200% × (1 − 80%)) = 840; refurbishment 400 × 1.12 = 448; savings × (1 − 10%)", () => {
    expect(centralLine("Case management system", "Central + optimism bias")).toBe("840");
    expect(centralLine("Hub refurbishment", "Central + optimism bias")).toBe("448");
    expect(centralLine("Co-location staff savings", "Central + optimism bias")).toBe("-225");
    // −224 × 0.9 = −201.6 → −202 in whole £'000.
    expect(centralLine("Repeat call-outs avoided", "Central + optimism bias")).toBe("-202");
  });

  test("nominal prices: 3.5% real and 2% inflation discount at 1.035 × 1.02 − 1 = 5.57% a year", () => {
    const rate = report.businessCase!.model.settings.discountRate as readonly Money[];
    expect(rate.map((r) => new Money(r).toString())).toEqual(Array.from({ length: 10 }, () => "0.0557"));
  });

  test("programme cashflow (Central): year 0 = −(600 + 400 + 150); year 1 = benefits 268.5 − costs 240", () => {
    const programme = report
      .businessCase!.result.cases.find((c) => c.name === "Central")!
      .partners.find((p) => p.partner === "Programme")!;
    const net = programme.netBenefit.map((amount) => amount.toNumber());
    expect(net[0]).toBe(-1150);
    // Year 1: half a year of savings 250 + 224 + (22 + 41) = 268.5 against the team 150 and running 90.
    expect(net[1]).toBeCloseTo(28.5, 9);
    // Year 2: full savings, crime after one year's 10% drop-off: 250 + 224 + 63 × 0.9 − 90 = 440.7.
    expect(net[2]).toBeCloseTo(440.7, 9);
    // NPV against Excel's own convention (formulajs NPV discounts the first value by one period).
    const excel =
      net[0]! + (formulajs.NPV as (rate: number, ...values: number[]) => number)(0.0557, ...net.slice(1));
    expect(programme.netPresentValue.toNumber()).toBeCloseTo(excel, 6);
  });

  test("funding (Central): the grant meets 60% of the system (360) and of the team (90 a year × 2) = 540, 270 at the 50% award", () => {
    const central = report.funding!.cases.find((c) => c.caseName === "Central")!;
    const grants = central.partners.map((p) => [p.partner, whole(p.fullAward.externalFunding)]);
    // 360 by 25/15/40/20 = 90/54/144/72; 90 a year = 22.5/13.5/36/18 → 23/13/36/18 (the tie to NCC), twice.
    expect(grants).toEqual([
      ["NCC", 136],
      ["SDC", 80],
      ["NP", 216],
      ["NFRS", 108],
    ]);
    expect(central.partners.reduce((total, p) => total + p.fallbackAward.externalFunding.toNumber(), 0)).toBe(
      270,
    );
    // Borrowing 400 at 4% over 5 years, annuity: 400 × 0.04 / (1 − 1.04^−5) = 89.85 a year.
    const [borrowing] = central.borrowing;
    expect(borrowing!.schedule[0]!.payment.toNumber()).toBeCloseTo((400 * 0.04) / (1 - 1.04 ** -5), 9);
    expect(central.check.balanced).toBe(true);
  });

  test("the published set-up figures agree: Central 600 + 400 = 1,000; Optimistic 500 + 400 = 900", () => {
    expect(report.published!.map((row) => [row.figure, row.computed?.toString(), row.agrees])).toEqual([
      ["Set-up cost, central case", "1000", true],
      ["Set-up cost, optimistic case", "900", true],
    ]);
  });

  test("`cba sample --example northshire` writes it and `cba run` computes it", async () => {
    expect(sampleWorkbookNamed("Northshire")?.title).toBe("Northshire");
    const sample = folder.path("northshire.xlsx");
    const wrote = await command("sample", sample, "--example", "northshire");
    expect(wrote).toMatchObject({ code: 0, out: `Wrote the Northshire sample to ${sample}` });
    const run = await command("run", sample, "--out", folder.path("northshire-results.xlsx"));
    expect(run.code).toBe(0);
    expect(run.err).toBe("");
    const names = sheetNames(await loadWorkbook(folder.path("northshire-results.xlsx")));
    expect(names).toEqual(
      expect.arrayContaining(["CBA Funding", "CBA Value", "CBA Optimism Bias", "CBA Summary"]),
    );
    const unknown = await command("sample", folder.path("x.xlsx"), "--example", "nowhere");
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('there is no example "nowhere"; the examples are hampshire, northshire');
  });
});
