/**
 * Print settings of the result sheets: worked out from what a sheet holds, written by the ExcelJS
 * adapter (in memory and grafted into the user's file) and by the Office.js adapter.
 */
import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { addInputRanges } from "../../src/workbook/excelJs/inputRangesWriter";
import { ExcelJsWorkbook } from "../../src/workbook/excelJs/excelJsWorkbook";
import { refreshWorkbook, type RefreshReport } from "../../src/workbook/refreshWorkbook";
import { Money } from "../../src/engine/money";
import { simulateBusinessCase } from "../../src/engine/monteCarlo/simulation";
import { withPrintSettings } from "../../src/workbook/resultSheets/printSettings";
import { simulationWritePlan } from "../../src/workbook/resultSheets/simulationSheet";
import { hampshireSampleNotes, hampshireSampleRanges } from "../../src/workbook/samples/hampshireSample";
import type { OwnedSheet, PageSetup } from "../../src/workbook/workbookPort";
import { definedNameEntries, sheetEntries } from "../../src/workbook/xlsxPackage/workbookXml";
import { SimulatedExcel } from "../simulatedExcel";
import { hampshireInputCasesModel, writeHampshireSample } from "./hampshireSampleFiles";
import { hampshireWorkbook } from "./office/hampshireWorkbook";
import { officeWorkbookOn } from "./office/officeWorkbookFixtures";
import { loadWorkbook, refreshFile, temporaryFolderForThisFile } from "./workbookFiles";

const folder = temporaryFolderForThisFile();

describe("withPrintSettings", () => {
  test("prints from A1 to the last cell or chart, A4 landscape, one page wide, rows frozen to the first header", () => {
    const sheet: OwnedSheet = {
      name: "CBA Example",
      blocks: [
        {
          name: "CBA_Out_Example",
          topLeft: "A2",
          title: "Example",
          header: ["Case", "Value"],
          rows: [
            ["Best", 1],
            ["Worst", 2],
          ],
        },
      ],
      charts: [
        { kind: "line", title: "Chart", sourceBlock: "CBA_Out_Example", seriesBy: "rows", anchor: "D3" },
      ],
    };
    // The block ends at row 2 + 2 = 4, column B. The chart is 600 pixels wide from D, over
    // columns of Excel's default 64 pixels: D to M is 10 columns = 640 ≥ 600 (9 would be 576),
    // so it ends in M; and 17 rows tall from row 3, to row 20. 20 rows fit one page (32 a page).
    expect(withPrintSettings(sheet).pageSetup).toEqual<PageSetup>({
      orientation: "landscape",
      paperSize: "A4",
      fitToPagesWide: 1,
      fitToPagesTall: 1,
      printArea: "A1:M20",
      frozenRows: 2,
    });
  });

  test("a tall sheet is allowed a page per 32 rows; onePage fits it to one", () => {
    const rows = Array.from({ length: 99 }, (_, i) => [`Row ${i + 1}`]);
    const sheet: OwnedSheet = {
      name: "CBA Tall",
      blocks: [{ name: "CBA_Out_Tall", topLeft: "A1", header: ["Item"], rows }],
      charts: [],
    };
    // Header in row 1, rows 2–100: 100 rows ÷ 32 = 3.1, so 4 pages; no title, so row 1 is frozen.
    expect(withPrintSettings(sheet).pageSetup).toMatchObject({
      printArea: "A1:A100",
      fitToPagesTall: 4,
      frozenRows: 1,
    });
    expect(withPrintSettings(sheet, { onePage: true }).pageSetup?.fitToPagesTall).toBe(1);
  });
});

/** Each result sheet's page setup as the plan gives it. */
function plannedSetups(report: RefreshReport): Map<string, PageSetup> {
  return new Map(report.plan!.sheets.map((sheet) => [sheet.name, sheet.pageSetup!]));
}

/** What ExcelJS reads back of a sheet's print settings and frozen rows. */
function expectSheetPrintSettings(workbook: ExcelJS.Workbook, name: string, setup: PageSetup): void {
  const sheet = workbook.getWorksheet(name)!;
  expect(sheet.pageSetup).toMatchObject({
    orientation: "landscape",
    paperSize: 9,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: setup.fitToPagesTall,
    printArea: setup.printArea,
  });
  expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: setup.frozenRows });
}

/** The package's `_xlnm.Print_Area` names, each with the sheet its localSheetId points at. */
async function printAreaNames(file: string): Promise<{ sheet: string; reference: string }[]> {
  const zip = await JSZip.loadAsync(await readFile(file));
  const xml = await zip.file("xl/workbook.xml")!.async("string");
  const sheets = sheetEntries(xml);
  return definedNameEntries(xml)
    .filter((entry) => entry.name === "_xlnm.Print_Area")
    .map((entry) => ({ sheet: sheets[Number(entry.localSheetId)]!.name, reference: entry.reference }));
}

describe("print settings in an .xlsx file", () => {
  let report: RefreshReport;

  beforeAll(async () => {
    await writeHampshireSample(folder.path("hampshire.xlsx"));
    report = await refreshFile(folder.path("hampshire.xlsx"), folder.path("results.xlsx"));
  });

  test("every result sheet grafted into the user's file keeps its page setup, print area and frozen rows", async () => {
    const workbook = await loadWorkbook(folder.path("results.xlsx"));
    const setups = plannedSetups(report);
    expect(setups.size).toBe(6);
    for (const [name, setup] of setups) expectSheetPrintSettings(workbook, name, setup);
    const names = await printAreaNames(folder.path("results.xlsx"));
    expect(names.map((n) => n.sheet).sort()).toEqual([...setups.keys()].sort());
    for (const { sheet, reference } of names) {
      const [from, to] = setups.get(sheet)!.printArea.split(":");
      expect(reference).toBe(
        `'${sheet}'!$${from!.replace(/(\d+)/, "$$$1")}:$${to!.replace(/(\d+)/, "$$$1")}`,
      );
    }
  });

  test("refreshing the results file again replaces each sheet's print area, never adds a second", async () => {
    const again = await refreshFile(folder.path("results.xlsx"), folder.path("again.xlsx"));
    expect(again.status).toBe("written");
    const names = await printAreaNames(folder.path("again.xlsx"));
    const setups = plannedSetups(again);
    expect(names.map((n) => n.sheet).sort()).toEqual([...setups.keys()].sort());
    const workbook = await loadWorkbook(folder.path("again.xlsx"));
    for (const [name, setup] of setups) expectSheetPrintSettings(workbook, name, setup);
  });

  test("a workbook built in memory (no file behind it) is saved with the same settings", async () => {
    const workbook = new ExcelJS.Workbook();
    addInputRanges(workbook, hampshireSampleRanges(), [hampshireSampleNotes]);
    const memory = await refreshWorkbook(new ExcelJsWorkbook(workbook));
    expect(memory.status).toBe("written");
    await workbook.xlsx.writeFile(folder.path("memory.xlsx"));
    const reloaded = await loadWorkbook(folder.path("memory.xlsx"));
    for (const [name, setup] of plannedSetups(memory)) expectSheetPrintSettings(reloaded, name, setup);
  });
});

describe("print settings through Office.js", () => {
  test("every result sheet gets its page layout, print area and frozen rows in the same two syncs", async () => {
    const host = SimulatedExcel.fromDescription(hampshireWorkbook(30));
    const report = await refreshWorkbook(officeWorkbookOn(host));
    expect(report.status).toBe("written");
    expect(host.statistics).toMatchObject({ runs: 2, syncCalls: 4, roundTrips: 4 });
    for (const sheet of report.plan!.sheets) {
      const written = host.workbook.findSheet(sheet.name)!;
      const setup = sheet.pageSetup!;
      expect(written.frozenRows).toBe(setup.frozenRows);
      expect(written.pageLayout).toEqual({
        orientation: "Landscape",
        paperSize: "A4",
        zoom: { horizontalFitToPages: 1, verticalFitToPages: setup.fitToPagesTall },
        printArea: setup.printArea,
      });
    }
  });

  test("a second refresh sets them again on the sheets kept in place", async () => {
    const host = SimulatedExcel.fromDescription(hampshireWorkbook(30));
    const port = officeWorkbookOn(host);
    await refreshWorkbook(port);
    const summary = host.workbook.findSheet("CBA Summary")!;
    summary.pageLayout = {};
    summary.frozenRows = 0;
    host.resetStatistics();
    const report = await refreshWorkbook(port);
    expect(host.statistics).toMatchObject({ runs: 2, syncCalls: 4 });
    expect(host.workbook.findSheet("CBA Summary")).toBe(summary);
    expect(summary.frozenRows).toBe(report.plan!.sheets[0]!.pageSetup!.frozenRows);
    expect(summary.pageLayout.printArea).toBe(report.plan!.sheets[0]!.pageSetup!.printArea);
  });

  test("a write too large for one request sets them in its last request, with the staged cells", async () => {
    const host = SimulatedExcel.fromDescription(hampshireWorkbook(30));
    // A 150 kB request budget: more than the last request needs, less than the Hampshire results.
    const report = await refreshWorkbook(officeWorkbookOn(host, 150_000));
    expect(report.status).toBe("written");
    expect(host.statistics.syncCalls).toBeGreaterThan(4);
    for (const sheet of report.plan!.sheets) {
      const written = host.workbook.findSheet(sheet.name)!;
      expect(written.frozenRows).toBe(sheet.pageSetup!.frozenRows);
      expect(written.pageLayout.printArea).toBe(sheet.pageSetup!.printArea);
    }
  });

  test("a host without ExcelApi 1.9 writes the results without them, in as many syncs", async () => {
    const host = SimulatedExcel.fromDescription(hampshireWorkbook(30));
    host.excelApiVersion = "1.8";
    const report = await refreshWorkbook(officeWorkbookOn(host));
    expect(report.status).toBe("written");
    expect(host.statistics).toMatchObject({ runs: 2, syncCalls: 4 });
    expect(host.workbook.findSheet("CBA Summary")!.pageLayout).toEqual({});
  });
});

describe("the CBA Simulation sheet", () => {
  test("is planned with the same print settings, fitted one page wide", async () => {
    const model = await hampshireInputCasesModel();
    const options = { seed: 3, trials: 200 };
    const plan = simulationWritePlan(simulateBusinessCase(model, options), options, {
      partners: model.partners,
      unitLabel: model.settings.unitLabel,
      roundingUnit: new Money(model.settings.roundingUnit),
    });
    const sheet = plan.sheets[0]!;
    expect(sheet.pageSetup).toEqual(withPrintSettings({ ...sheet, pageSetup: undefined }).pageSetup);
    expect(sheet.pageSetup).toMatchObject({ orientation: "landscape", paperSize: "A4", fitToPagesWide: 1 });
  });
});
