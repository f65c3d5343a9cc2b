import { readFileSync } from "node:fs";
import { join } from "node:path";
import { greenBookRates } from "../../src/engine/discounting";
import { ExcelJsWorkbook } from "../../src/workbook/excelJs/excelJsWorkbook";
import { inputFingerprint } from "../../src/workbook/inputFingerprint";
import { allInputRangeNames } from "../../src/workbook/inputContract";
import { allProductSheetNames } from "../../src/workbook/productSheets";
import { productVersion } from "../../src/workbook/productVersion";
import { refreshWorkbook } from "../../src/workbook/refreshWorkbook";
import { discountScheduleText, provenanceBlockName } from "../../src/workbook/resultSheets/provenanceBlock";
import { command } from "../cli/runCli";
import { hampshireDryRun, writeHampshireSample } from "./hampshireSampleFiles";
import { loadWorkbook, readTable, tableRecords, temporaryFolderForThisFile } from "./workbookFiles";

const folder = temporaryFolderForThisFile();

function provenanceOf(records: Record<string, unknown>[]): Record<string, unknown> {
  return Object.fromEntries(records.map((record) => [record["Item"], record["Value"]]));
}

describe("the provenance block", () => {
  test("the product version is package.json's", () => {
    const packageJson = JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8")) as {
      version: string;
    };
    expect(productVersion).toBe(packageJson.version);
  });

  test("`cba run` puts it on every result sheet: version, the inputs' fingerprint, discount schedule and refresh time", async () => {
    const input = folder.path("hampshire.xlsx");
    const output = folder.path("results.xlsx");
    await writeHampshireSample(input);
    const expectedFingerprint = inputFingerprint(
      await (await ExcelJsWorkbook.fromFile(input)).read(allInputRangeNames),
    );
    const started = Date.now();
    const { code } = await command("run", input, "--out", output);
    const finished = Date.now();
    expect(code).toBe(0);

    const results = await loadWorkbook(output);
    for (const sheet of allProductSheetNames) {
      const table = readTable(results, provenanceBlockName(sheet));
      expect(table.sheet).toBe(sheet);
      const facts = provenanceOf(tableRecords(table));
      expect(Object.keys(facts)).toEqual([
        "Product version",
        "Input fingerprint",
        "Discount schedule",
        "Refreshed at (UTC)",
      ]);
      expect(facts["Product version"]).toBe(productVersion);
      expect(facts["Input fingerprint"]).toBe(expectedFingerprint);
      // The sample discounts at the Green Book's standard 3.5% in every year.
      expect(facts["Discount schedule"]).toBe("3.5% every year");
      const refreshedAt = String(facts["Refreshed at (UTC)"]);
      expect(refreshedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(Date.parse(refreshedAt)).toBeGreaterThanOrEqual(started);
      expect(Date.parse(refreshedAt)).toBeLessThanOrEqual(finished);
    }
  });

  test("the refresh time comes from the injected clock and matches the report's stamp", async () => {
    const port = await ExcelJsWorkbook.fromFile(folder.path("hampshire.xlsx"));
    const report = await refreshWorkbook(port, { dryRun: true, now: () => new Date("2026-04-01T09:30:00Z") });
    expect(report.refreshedAt.toISOString()).toBe("2026-04-01T09:30:00.000Z");
    for (const sheet of report.plan!.sheets) {
      const block = sheet.blocks.find((b) => b.name === provenanceBlockName(sheet.name))!;
      expect(block.rows).toContainEqual(["Refreshed at (UTC)", "2026-04-01T09:30:00.000Z"]);
      expect(block.rows).toContainEqual(["Input fingerprint", report.inputFingerprint]);
    }
  });

  test("it sits below every other block and chart of its sheet", async () => {
    const report = await hampshireDryRun();
    for (const sheet of report.plan!.sheets) {
      const provenance = sheet.blocks.at(-1)!;
      expect(provenance.name).toBe(provenanceBlockName(sheet.name));
      const titleRow = Number(/\d+$/.exec(provenance.topLeft)![0]) - 1;
      for (const block of sheet.blocks.slice(0, -1)) {
        const bottom = Number(/\d+$/.exec(block.topLeft)![0]) + block.rows.length;
        expect(titleRow).toBeGreaterThan(bottom);
      }
      for (const chart of sheet.charts) {
        // The adapters draw a chart 17 rows tall from its anchor.
        expect(titleRow).toBeGreaterThan(Number(/\d+$/.exec(chart.anchor)![0]) + 17);
      }
    }
  });

  test("a discount schedule reads as runs of years", () => {
    expect(discountScheduleText(greenBookRates(40))).toBe("3.5% years 1–30; 3% years 31–40");
    expect(discountScheduleText(greenBookRates(76))).toBe("3.5% years 1–30; 3% years 31–75; 2.5% year 76");
    expect(discountScheduleText(0.035)).toBe("3.5% every year");
  });
});
