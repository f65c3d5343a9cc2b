import ExcelJS from "exceljs";
import fc from "fast-check";
import { Money, sum } from "../../../src/engine/money";
import { ExcelJsWorkbook } from "../../../src/workbook/excelJs/excelJsWorkbook";
import { refreshWorkbook } from "../../../src/workbook/refreshWorkbook";
import { buildWritePlan } from "../../../src/workbook/resultSheets/writePlan";
import { fundingCase } from "./fundingCase";

describe("funding through the whole refresh", () => {
  test("property: percentages adding to 1 on every line make funding by source add up exactly to the costs", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            best: fc.integer({ min: 0, max: 100_000 }),
            worst: fc.integer({ min: 0, max: 100_000 }),
            cuts: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 2, maxLength: 2 }),
            capital: fc.boolean(),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        async (drawn) => {
          const funding = fundingCase();
          // No restrictions, so any source may fund any line; the lines are all one-off costs.
          funding.funding.rows = funding.funding.rows.map((row) => {
            const copy = [...row];
            copy[4] = null;
            copy[5] = null;
            return copy;
          });
          funding.lines.rows = drawn.map((d, i) => [
            `Line ${i + 1}`,
            "One-off",
            i % 2 === 0 ? "Shared" : "FR",
            d.best,
            d.worst,
            null,
            d.capital ? "Capital" : "Revenue",
          ]);
          funding.lineFunding.rows = drawn.flatMap((d, i) => {
            const [x, y] = [...d.cuts].sort((p, q) => p - q) as [number, number];
            // Three percents from two cut points of 1000: they add to exactly 1.
            return [
              [`Line ${i + 1}`, "Transformation grant", null, x / 1000],
              [`Line ${i + 1}`, "CC reserves", null, (y - x) / 1000],
              [`Line ${i + 1}`, "FR loan", null, (1000 - y) / 1000],
            ];
          });
          const workbook = new ExcelJS.Workbook();
          const port = new ExcelJsWorkbook(workbook);
          await port.addInputRanges(Object.values(funding));
          const report = await refreshWorkbook(port, { dryRun: true });
          expect(report.problems.filter((p) => p.severity === "error")).toEqual([]);
          for (const { caseName, check } of report.funding!.cases) {
            const costs = sum(drawn.map((d) => new Money(caseName === "Best" ? d.best : d.worst)));
            expect(sum(Object.values(check.bySource)).toString()).toBe(costs.toString());
            expect(check.total.shortfall.isZero() && check.total.overFunding.isZero()).toBe(true);
          }
          expect(
            report.reconciliation!.filter((r) => r.check === "Funding versus costs" && !r.agrees),
          ).toEqual([]);
        },
      ),
      { numRuns: 25 },
    );
  }, 60_000);

  test("a funding sheet left from an earlier refresh is emptied once the workbook has no CBA_Funding", () => {
    const plan = buildWritePlan({
      existingSheets: [{ name: "CBA Funding", ownedByProduct: true }],
      warnings: [],
      reconciliation: [],
      settingsUsed: [],
      roundingUnit: new Money(1),
    });
    expect(plan.sheets.map((s) => s.name)).toEqual(["CBA Checks", "CBA Funding"]);
    expect(
      plan.sheets[1]!.blocks.flatMap((b) => b.rows)
        .flat()
        .join(" "),
    ).toMatch(/earlier results were removed/);
  });
});

describe("the task pane's check of a workbook with funding", () => {
  test("reads the funding ranges too: its fingerprint is the refresh's, and funding problems are listed", async () => {
    const { workbookActionsOverPort } = await import("../../../src/taskpane/workbookActionsOverPort");
    const funding = fundingCase();
    funding.funding.rows[1]![2] = "XX";
    const port = new ExcelJsWorkbook(new ExcelJS.Workbook());
    await port.addInputRanges(Object.values(funding));
    const inspection = await workbookActionsOverPort(port).inspect();
    const report = await refreshWorkbook(port, { dryRun: true });
    expect(inspection.inputFingerprint).toBe(report.inputFingerprint);
    expect(inspection.problems.map((p) => p.message).join("\n")).toContain(
      "CBA_Funding — Unknown partner code",
    );
  });
});
