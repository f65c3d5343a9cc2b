import ExcelJS from "exceljs";
import fc from "fast-check";
import { programme } from "../../src/engine/businessCase";
import { addInputRanges } from "../../src/workbook/excelJs/inputRangesWriter";
import { ExcelJsWorkbook } from "../../src/workbook/excelJs/excelJsWorkbook";
import { type RefreshReport, refreshWorkbook } from "../../src/workbook/refreshWorkbook";
import { checkBlockNames } from "../../src/workbook/resultSheets/checksSheet";
import { provenanceBlockName } from "../../src/workbook/resultSheets/provenanceBlock";
import type { CellValue, InputRangeSpec } from "../../src/workbook/workbookPort";
import { ranges, type SmallCase, smallCase } from "./smallCase";

async function refresh(specs: readonly InputRangeSpec[], dryRun = true) {
  const workbook = new ExcelJS.Workbook();
  addInputRanges(workbook, specs);
  return refreshWorkbook(new ExcelJsWorkbook(workbook), { dryRun });
}

/** The small case with settings added after its four rows: the first added is Settings!B6. */
const withSettings = (...rows: CellValue[][]): SmallCase => {
  const small = smallCase();
  small.settings.rows.push(...rows);
  return small;
};

const priceIndex = (...rows: CellValue[][]): InputRangeSpec => ({
  name: "CBA_PriceIndex",
  sheet: "Prices",
  topLeft: "A1",
  header: ["Year", "Index"],
  rows,
  as: "table",
});

const located = (report: RefreshReport) => report.problems.map((p) => [p.severity, p.cell, p.check]);
const programmeBest = (report: RefreshReport) =>
  report
    .businessCase!.result.cases.find((c) => c.name === "Best")!
    .partners.find((p) => p.partner === programme)!;

/** The small case's Best net cash flow by year: −110 now, then 60 a year phased 0.5, 1, 1, 1, 1. */
const cash = [-110, 30, 60, 60, 60, 60];

describe("Prices = Nominal: amounts deflated to real terms before discounting", () => {
  test("with one inflation rate, NPV discounts cash / 1.02^t at 3.5%, while payback stays in cash terms", async () => {
    const real = await refresh(ranges(smallCase()));
    const report = await refresh(ranges(withSettings(["Prices", "Nominal"], ["Inflation", 0.02])));
    expect(report.status).toBe("checked");
    const expected = cash.reduce((s, v, t) => s + v / 1.02 ** t / 1.035 ** t, 0);
    expect(programmeBest(report).netPresentValue.toNumber()).toBeCloseTo(expected, 9);
    expect(programmeBest(report).payback).toEqual(programmeBest(real).payback);
    expect(programmeBest(report).setUp.total.toNumber()).toBe(110);
  });

  test("with CBA_PriceIndex by period, each year is deflated by index[0] / index[t]", async () => {
    const index = [100, 102, 104, 107, 110, 112];
    const report = await refresh([
      ...ranges(withSettings(["Prices", "Nominal"])),
      priceIndex(...index.map((value, t) => [`Year ${t}`, value])),
    ]);
    expect(report.status).toBe("checked");
    const expected = cash.reduce((s, v, t) => s + (v * 100) / index[t]! / 1.035 ** t, 0);
    expect(programmeBest(report).netPresentValue.toNumber()).toBeCloseTo(expected, 9);
  });

  test("CBA_PriceIndex by financial year follows the First financial year", async () => {
    const index = [90, 92, 95, 97, 99, 100, 103];
    const report = await refresh([
      ...ranges(withSettings(["Prices", "Nominal"], ["First financial year", "2025/26"])),
      // 2024/25 first: a year before year 0 is simply not used.
      priceIndex(
        ...index.map((value, i) => [`${2024 + i}/${String((25 + i) % 100).padStart(2, "0")}`, value]),
      ),
    ]);
    expect(report.status).toBe("checked");
    // Year 0 is 2025/26 (index 92), year t is index[t + 1].
    const expected = cash.reduce((s, v, t) => s + (v * 92) / index[t + 1]! / 1.035 ** t, 0);
    expect(programmeBest(report).netPresentValue.toNumber()).toBeCloseTo(expected, 9);
  });

  test("the Checks sheet and the provenance block say how amounts were treated", async () => {
    const report = await refresh(ranges(withSettings(["Prices", "Nominal"], ["Inflation", "2%"])), false);
    const blocks = report.plan!.sheets.find((s) => s.name === "CBA Checks")!.blocks;
    const settings = blocks.find((b) => b.name === checkBlockNames.settings)!.rows;
    expect(settings).toContainEqual([
      "Prices",
      "Nominal (cash): each year deflated to real terms before discounting; payback in cash terms",
      "workbook",
      "Settings!B6",
    ]);
    expect(settings).toContainEqual(["Inflation", "2% a year", "workbook", "Settings!B7"]);
    const provenance = blocks.find((b) => b.name === provenanceBlockName("CBA Checks"))!.rows;
    // (1.035 × 1.02) − 1 = 0.0557 in every year.
    expect(provenance).toContainEqual([
      "Discount schedule",
      "Nominal amounts deflated by inflation of 2% a year to year 0 prices, then discounted at the typed real rate; combined rate: 5.57% years 1–5",
    ]);
  });

  test("problems name their cells", async () => {
    const none = await refresh(ranges(withSettings(["Prices", "Nominal"])));
    expect(located(none)).toContainEqual(["error", "Settings!B6", "No price index"]);
    const both = await refresh([
      ...ranges(withSettings(["Prices", "Nominal"], ["Inflation", 0.02])),
      priceIndex(["Year 0", 1]),
    ]);
    expect(located(both)).toContainEqual(["error", "Settings!B7", "Two price indices"]);
    const short = await refresh([
      ...ranges(withSettings(["Prices", "Nominal"])),
      priceIndex(["Year 0", 100], ["Year 1", 0], ["Year 1", 101], ["Year 1", 102], ["Later", 3]),
    ]);
    expect(located(short)).toEqual(
      expect.arrayContaining([
        ["error", "Prices!B3", "Invalid index"],
        ["error", "Prices!A5", "Duplicate year"],
        ["error", "Prices!A6", "Invalid year"],
        ["error", undefined, "Index does not cover the horizon"],
      ]),
    );
    const financial = await refresh([
      ...ranges(withSettings(["Prices", "Nominal"])),
      priceIndex(["2025/26", 100]),
    ]);
    expect(located(financial)).toContainEqual(["error", "Prices!A2", "Year without a first year"]);
    const unknown = await refresh(ranges(withSettings(["Prices", "Outturn-ish"])));
    expect(located(unknown)).toContainEqual(["error", "Settings!B6", "Unknown price basis"]);
    const tooHigh = await refresh(ranges(withSettings(["Prices", "Nominal"], ["Inflation", 1.5])));
    expect(located(tooHigh)).toContainEqual(["error", "Settings!B7", "Rate out of range"]);
  });

  test("warnings: an index with real amounts is not used; a base year other than year 0", async () => {
    const real = await refresh(ranges(withSettings(["Inflation", 0.02])));
    expect(real.status).toBe("checked");
    expect(located(real)).toContainEqual(["warning", "Settings!B6", "Price index not used"]);
    const base = await refresh(
      ranges(
        withSettings(
          ["Prices", "Nominal"],
          ["Inflation", 0.02],
          ["First financial year", 2025],
          ["Price base year", "2024/25"],
        ),
      ),
    );
    expect(base.status).toBe("checked");
    expect(located(base)).toContainEqual(["warning", "Settings!B9", "Price base year is not year 0"]);
  });
});

describe("workbooks without the new settings and ranges", () => {
  const amount = fc.integer({ min: -500, max: 500 });
  const lineAmounts = fc.array(fc.tuple(amount, amount), { minLength: 3, maxLength: 3 });
  const withAmounts = (values: [number, number][], extra: CellValue[][] = []) => {
    const small = smallCase();
    small.lines.rows.forEach((row, i) => {
      row[3] = values[i]![0];
      row[4] = values[i]![1];
    });
    small.settings.rows.push(...extra);
    return small;
  };
  const emptyDrivers: InputRangeSpec = {
    name: "CBA_Drivers",
    sheet: "Drivers",
    topLeft: "A1",
    header: ["Line", "Case", "Unit cost", "Volume"],
    rows: [[null, null, null, null]],
    as: "table",
  };

  test("property: Prices = Real, an empty CBA_Drivers, and no new settings give exactly the same results", async () => {
    await fc.assert(
      fc.asyncProperty(lineAmounts, async (values) => {
        const today = await refresh(ranges(withAmounts(values)));
        const explicit = await refresh([...ranges(withAmounts(values, [["Prices", "Real"]])), emptyDrivers]);
        expect(JSON.stringify(explicit.businessCase?.result)).toBe(
          JSON.stringify(today.businessCase?.result),
        );
        expect(explicit.problems.map((p) => p.check)).toEqual(today.problems.map((p) => p.check));
      }),
      { numRuns: 15 },
    );
  });

  test("property: nominal amounts at 0% inflation have the real case's NPV to the last decimal", async () => {
    await fc.assert(
      fc.asyncProperty(lineAmounts, async (values) => {
        const real = await refresh(ranges(withAmounts(values)));
        const nominal = await refresh(
          ranges(
            withAmounts(values, [
              ["Prices", "Nominal"],
              ["Inflation", 0],
            ]),
          ),
        );
        const npv = (r: RefreshReport) =>
          r.businessCase?.result.cases.flatMap((c) => c.partners.map((p) => p.netPresentValue.toString()));
        expect(npv(nominal)).toEqual(npv(real));
      }),
      { numRuns: 15 },
    );
  });
});
