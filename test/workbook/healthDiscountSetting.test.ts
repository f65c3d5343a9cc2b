import ExcelJS from "exceljs";
import { programme } from "../../src/engine/businessCase";
import { addInputRanges } from "../../src/workbook/excelJs/inputRangesWriter";
import { ExcelJsWorkbook } from "../../src/workbook/excelJs/excelJsWorkbook";
import { refreshWorkbook } from "../../src/workbook/refreshWorkbook";
import { checkBlockNames } from "../../src/workbook/resultSheets/checksSheet";
import { provenanceBlockName } from "../../src/workbook/resultSheets/provenanceBlock";
import { settingsUpdates } from "../../src/workbook/settingsWriter";
import { ranges, smallCase } from "./smallCase";

/** The small case with its Discount rate (Settings!B5) set to `rate`, refreshed for real (plan built). */
async function refreshWithRate(rate: string | number) {
  const small = smallCase();
  small.settings.rows[3] = ["Discount rate", rate];
  // Blank rows for the settings the pane saves that the small case does not list.
  small.settings.rows.push([null, null], [null, null]);
  const workbook = new ExcelJS.Workbook();
  addInputRanges(workbook, ranges(small));
  const port = new ExcelJsWorkbook(workbook);
  return { report: await refreshWorkbook(port), port };
}

const programmeBest = (report: Awaited<ReturnType<typeof refreshWithRate>>["report"]) =>
  report
    .businessCase!.result.cases.find((c) => c.name === "Best")!
    .partners.find((p) => p.partner === programme)!;

function block(report: Awaited<ReturnType<typeof refreshWithRate>>["report"], name: string) {
  return report.plan!.sheets.flatMap((s) => s.blocks).find((b) => b.name === name)!;
}

describe('the "Green Book health" discount rate setting', () => {
  test("discounts at 1.5% a year within 30 years", async () => {
    const { report } = await refreshWithRate("Green Book health");
    expect(report.status).toBe("written");
    // Best: −110 now (set-up 100 + team 10), savings 60 phased 0.5, 1, 1, 1, 1 over years 1–5.
    const expected = -110 + 30 / 1.015 + [2, 3, 4, 5].reduce((s, t) => s + 60 / 1.015 ** t, 0);
    expect(programmeBest(report).netPresentValue.toNumber()).toBeCloseTo(expected, 9);
    expect(report.businessCase!.model.settings.discountRate).toHaveLength(5);
  });

  test('reads "green book (health)" in any capitals the same way', async () => {
    const a = programmeBest((await refreshWithRate("green book (health)")).report).netPresentValue;
    const b = programmeBest((await refreshWithRate("Green Book health")).report).netPresentValue;
    expect(a.toString()).toBe(b.toString());
  });

  test("the Checks sheet's settings table and every provenance block name the health schedule", async () => {
    const { report } = await refreshWithRate("Green Book health");
    const settings = block(report, checkBlockNames.settings);
    expect(settings.rows).toContainEqual([
      "Discount rate",
      "Green Book health schedule (1.5% to year 30, 1.286% to 75, 1.071% to 125)",
      "workbook",
      "Settings!B5",
    ]);
    for (const sheet of report.plan!.sheets) {
      const provenance = block(report, provenanceBlockName(sheet.name));
      expect(provenance.rows).toContainEqual(["Discount schedule", "Green Book health: 1.5% years 1–5"]);
    }
  });

  test("the standard Green Book schedule and a typed rate read exactly as before", async () => {
    const standard = (await refreshWithRate("Green Book")).report;
    expect(block(standard, provenanceBlockName("CBA Checks")).rows).toContainEqual([
      "Discount schedule",
      "3.5% years 1–5",
    ]);
    const typed = (await refreshWithRate(0.035)).report;
    expect(block(typed, provenanceBlockName("CBA Checks")).rows).toContainEqual([
      "Discount schedule",
      "3.5% every year",
    ]);
  });

  test("saving the health schedule from the pane stores text the reader reads back", async () => {
    const { port } = await refreshWithRate(0.035);
    const snapshot = await port.read(["CBA_Settings"]);
    const updates = settingsUpdates(snapshot, {
      discountRate: "greenBookHealth",
      horizonYears: 5,
      roundingUnit: 1,
      riskBands: { thresholds: [10, 15], labels: ["Low", "Medium", "High"] },
      contingency: { costIncrease: 0, savingDecrease: 0 },
    });
    expect(updates).toContainEqual({ sheet: "Settings", topLeft: "B5", values: [["Green Book health"]] });
  });
});
