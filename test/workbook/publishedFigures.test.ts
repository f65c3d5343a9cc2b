import ExcelJS from "exceljs";
import fc from "fast-check";
import { programme } from "../../src/engine/businessCase";
import { addInputRanges } from "../../src/workbook/excelJs/inputRangesWriter";
import { ExcelJsWorkbook } from "../../src/workbook/excelJs/excelJsWorkbook";
import { type RefreshReport, refreshWorkbook } from "../../src/workbook/refreshWorkbook";
import type { CellValue, InputRangeSpec, TableBlock } from "../../src/workbook/workbookPort";
import { hampshireSampleRanges } from "../../src/workbook/samples/hampshireSample";
import { ranges, type SmallCase, smallCase } from "./smallCase";

/** Checks and computes the case in memory (a dry run: nothing is written). */
async function refresh(specs: readonly InputRangeSpec[]): Promise<RefreshReport> {
  const workbook = new ExcelJS.Workbook();
  addInputRanges(workbook, specs);
  return refreshWorkbook(new ExcelJsWorkbook(workbook), { dryRun: true });
}

function changed(change: (small: SmallCase) => void): SmallCase {
  const small = smallCase();
  change(small);
  return small;
}

function block(report: RefreshReport, name: string): TableBlock {
  const found = report.plan?.sheets.flatMap((s) => s.blocks).find((b) => b.name === name);
  if (!found) throw new Error(`no block ${name}; problems: ${JSON.stringify(report.problems)}`);
  return found;
}

function records(table: TableBlock): Record<string, CellValue>[] {
  return table.rows.map((row) => Object.fromEntries(table.header.map((h, i) => [h, row[i] ?? null])));
}

const programmeResult = (report: RefreshReport, caseName = "Best") =>
  report
    .businessCase!.result.cases.find((c) => c.name === caseName)!
    .partners.find((p) => p.partner === programme)!;

const published = (rows: CellValue[][]): InputRangeSpec => ({
  name: "CBA_Published",
  sheet: "Published",
  topLeft: "A1",
  header: ["Figure", "What it summarises", "Case", "Partner", "Published value", "Printed to"],
  rows,
  as: "table",
});

describe("a total row pasted into CBA_Lines", () => {
  const withTotal = (label: string, best: CellValue, worst: CellValue) =>
    changed((s) => s.lines.rows.push([label, null, null, best, worst, null]));

  test.each(["Total", "TOTAL", "Sub-total", "Subtotal", "Grand total"])(
    '"%s" is not counted as a line: every figure is as without it',
    async (label) => {
      const without = await refresh(ranges(smallCase()));
      const withRow = await refresh(ranges(withTotal(label, 50, 90)));
      expect(withRow.problems.filter((p) => p.severity === "error")).toEqual([]);
      expect(withRow.businessCase!.model.lines.map((l) => l.label)).toEqual(
        without.businessCase!.model.lines.map((l) => l.label),
      );
      expect(programmeResult(withRow).setUp.total.toNumber()).toBe(
        programmeResult(without).setUp.total.toNumber(),
      );
    },
  );

  test("a total that equals its lines agrees; one that does not is listed with both figures and its cell", async () => {
    // Best: 100 − 60 + 10 = 50 (agrees); Worst: 120 − 40 + 10 = 90, printed as 95.
    const report = await refresh(ranges(withTotal("Total", 50, 95)));
    const rows = records(block(report, "CBA_Out_Published"));
    expect(rows).toContainEqual(
      expect.objectContaining({
        Result: "Agrees",
        Figure: "Total",
        Case: "Best",
        Cell: "Lines!D5",
        Published: 50,
        Computed: 50,
      }),
    );
    expect(rows).toContainEqual(
      expect.objectContaining({
        Result: "DIFFERS",
        Figure: "Total",
        Case: "Worst",
        Cell: "Lines!E5",
        Published: 95,
        Computed: 90,
      }),
    );
    expect(report.published!.find((r) => !r.agrees)!.message).toBe(
      "Total row 'Total (Worst)' shows 95 but its lines sum to 90",
    );
  });

  test("a sub-total covers the lines since the previous total; the grand total covers them all", async () => {
    const small = smallCase();
    small.lines.rows.splice(2, 0, ["Sub-total", null, null, 40, 80, null]);
    small.lines.rows.push(["Sub-total", null, null, 10, 10, null], ["Grand total", null, null, 50, 90, null]);
    const report = await refresh(ranges(small));
    expect(report.published!.map((r) => r.agrees)).toEqual([true, true, true, true, true, true]);
  });

  test("property: adding a total row that equals the lines changes no result", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: -500, max: 500 }), fc.integer({ min: -500, max: 500 })), {
          minLength: 1,
          maxLength: 4,
        }),
        async (amounts) => {
          const base = changed((s) => {
            s.lines.rows = amounts.map(([best, worst], i) => [
              `Line ${i + 1}`,
              "Recurring",
              "Shared",
              best,
              worst,
              null,
            ]);
          });
          const total = changed((s) => {
            s.lines.rows = [
              ...base.lines.rows,
              [
                "Total",
                null,
                null,
                amounts.reduce((a, [b]) => a + b, 0),
                amounts.reduce((a, [, w]) => a + w, 0),
                null,
              ],
            ];
          });
          const [before, after] = [await refresh(ranges(base)), await refresh(ranges(total))];
          expect(after.published!.every((r) => r.agrees)).toBe(true);
          for (const caseName of ["Best", "Worst"]) {
            const [a, b] = [programmeResult(before, caseName), programmeResult(after, caseName)];
            expect(b.netPresentValue.eq(a.netPresentValue)).toBe(true);
            expect(b.annual.total.eq(a.annual.total)).toBe(true);
          }
        },
      ),
      { numRuns: 8 },
    );
  });
});

describe("CBA_Published: figures a document prints, against the computation", () => {
  test("each figure agrees within its printed rounding or is listed as differing with its cell", async () => {
    const small = smallCase();
    const report = await refresh([
      ...ranges(small),
      published([
        // Programme set-up, Best: 100 + 10 = 110; printed to the nearest 10 as 110.
        ["Set-up headline", "Set-up", "Best", null, 110, 10],
        // Annual saving, Best, run rate 60: a headline printing it as 70 is wrong at a print to 1.
        ["Savings of £70k a year", "Annual saving", "Best", null, 70, 1],
        // CC's share of the system set-up, Best: 75% of 100.
        ["CC set-up of ICT", "Line: System set-up", "Best", "CC", 75, null],
      ]),
    ]);
    expect(report.problems.filter((p) => p.severity === "error")).toEqual([]);
    const rows = report.published!;
    expect(rows.map((r) => [r.figure, r.agrees, r.cell])).toEqual([
      ["Set-up headline", true, "Published!E2"],
      ["Savings of £70k a year", false, "Published!E3"],
      ["CC set-up of ICT", true, "Published!E4"],
    ]);
    expect(rows[1]!.computed!.toNumber()).toBe(60);
    expect(rows[1]!.message).toContain("Published!E3");
  });

  test("a headline percentage is compared at its printed precision: 145.5% agrees, 154.5% (digits swapped) differs", async () => {
    // Best: costs 110 now; benefits 60 × (0.5 + 1 + 1 + 1 + 1) = 270; net ROI (270 − 110) / 110 = 145.45…%.
    const report = await refresh([
      ...ranges(smallCase()),
      published([
        ["Return of 145.5%", "Net ROI", "Best", null, "145.5%", "0.1%"],
        ["Return of 154.5%", "Net ROI", "Best", null, "154.5%", "0.1%"],
      ]),
    ]);
    expect(programmeResult(report).netReturnOnInvestment!.toNumber()).toBeCloseTo((270 - 110) / 110, 12);
    expect(report.published!.map((r) => r.agrees)).toEqual([true, false]);
    expect(report.published![1]!.message).toContain(
      "is published as 154.5% but the Best case programme Net ROI gives 145.45%",
    );
  });

  test("a figure naming a case, partner or line the case does not have is an error naming its cell", async () => {
    const report = await refresh([
      ...ranges(smallCase()),
      published([
        ["A", "Set-up", "Central", null, 1, null],
        ["B", "Set-up", "Best", "XX", 1, null],
        ["C", "Line: Nothing", "Best", null, 1, null],
        ["D", "ROI", "Best", null, 1, null],
        ["E", "Set-up", null, null, 1, null],
      ]),
    ]);
    expect(report.problems.map((p) => [p.cell, p.check])).toEqual(
      expect.arrayContaining([
        ["Published!C2", "Unknown case"],
        ["Published!D3", "Unknown partner code"],
        ["Published!B4", "Unknown line"],
        ["Published!B5", "Ambiguous measure"],
        ["Published!C6", "Missing case"],
      ]),
    );
    expect(report.status).toBe("invalid");
  });

  test("the Checks sheet labels the product's own re-adding as self-consistency, apart from published figures", async () => {
    const report = await refresh([
      ...ranges(smallCase()),
      published([["Set-up", "Set-up", "Best", null, 999, 1]]),
    ]);
    const checks = block(report, "CBA_Out_Checks");
    expect(checks.title).toContain("self-consistency");
    expect(checks.title).toContain("says nothing about whether a published document is right");
    expect(records(checks).every((r) => r["Kind"] !== "Reconciliation: agrees")).toBe(true);
    expect(records(checks).some((r) => r["Kind"] === "Self-consistency: agrees")).toBe(true);
    expect(block(report, "CBA_Out_Published").title).toBe(
      "Published figures against the computation: 1 of 1 figure DIFFER",
    );
  });
});

describe("the Hampshire sample's published figures", () => {
  test("every per-organisation total the document prints agrees with the computation to the £1k", async () => {
    const report = await refresh(hampshireSampleRanges());
    expect(report.published!.length).toBeGreaterThanOrEqual(8);
    expect(report.published!.filter((row) => !row.agrees)).toEqual([]);
  });
});
