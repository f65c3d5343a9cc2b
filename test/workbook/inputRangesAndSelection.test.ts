/**
 * The port's `addInputRanges` and `select`, through both adapters: the Office.js one over the
 * simulated Excel host and the ExcelJS one over an in-memory workbook. Both must add the same
 * ranges, refuse the same clashes in the same words, and leave the workbook as it was on refusal.
 */
import ExcelJS from "exceljs";
import { ExcelJsWorkbook } from "../../src/workbook/excelJs/excelJsWorkbook";
import { allInputRangeNames } from "../../src/workbook/inputContract";
import { blankTemplateNotes, blankTemplateRanges } from "../../src/workbook/samples/blankTemplate";
import { hampshireSampleNotes, hampshireSampleRanges } from "../../src/workbook/samples/hampshireSample";
import type { CellValue, InputRangeSpec, NoteSheetSpec, WorkbookPort } from "../../src/workbook/workbookPort";
import { SimulatedExcel } from "../simulatedExcel";
import { officeWorkbookOn } from "./office/officeWorkbookFixtures";
import { loadWorkbook, temporaryFolder } from "./workbookFiles";

const folder = temporaryFolder();
afterAll(() => folder.remove());

/** A user's workbook whose sheet "lines", table "cba_partners" and name "CBA_Settings" clash with the inputs. */
interface Opened {
  port: WorkbookPort;
  /** Everything a user could see, to compare before and after a refused call. */
  state: () => string;
  sheetNames: () => string[];
}

function openInOffice(withClashes: boolean): Opened & { host: SimulatedExcel } {
  const host = SimulatedExcel.fromDescription(
    withClashes
      ? {
          sheets: { Sheet1: [["Code", "Name"], ["A", "Alpha"], [], ["Setting", "Value"]], lines: [["x"]] },
          tables: { cba_partners: "Sheet1!A1:B2" },
          names: { CBA_Settings: "Sheet1!A4:B4" },
        }
      : { sheets: { Sheet1: [] } },
  );
  return {
    host,
    port: officeWorkbookOn(host),
    state: () => JSON.stringify(host.workbook.describe()),
    sheetNames: () => host.workbook.describe().sheetOrder,
  };
}

function openInExcelJs(withClashes: boolean): Opened & { workbook: ExcelJS.Workbook } {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Sheet1");
  if (withClashes) {
    sheet.addTable({
      name: "cba_partners",
      ref: "A1",
      columns: [{ name: "Code" }, { name: "Name" }],
      rows: [["A", "Alpha"]],
    });
    sheet.getCell("A4").value = "Setting";
    sheet.getCell("B4").value = "Value";
    workbook.definedNames.add("Sheet1!$A$4:$B$4", "CBA_Settings");
    workbook.addWorksheet("lines").getCell("A1").value = "x";
  }
  return {
    workbook,
    port: new ExcelJsWorkbook(workbook),
    state: () =>
      JSON.stringify({
        sheets: workbook.worksheets.map((worksheet) => [worksheet.name, worksheet.getSheetValues()]),
        names: workbook.definedNames.model,
        tables: workbook.worksheets.map((worksheet) => worksheet.getTables().length),
        views: workbook.views,
      }),
    sheetNames: () => workbook.worksheets.map((worksheet) => worksheet.name),
  };
}

const adapters: [string, (withClashes: boolean) => Opened][] = [
  ["Office.js", openInOffice],
  ["ExcelJS", openInExcelJs],
];

/** What a range reads back as: header, then each row padded with blanks to the header's width. */
function expectedValues(spec: InputRangeSpec): CellValue[][] {
  return [spec.header, ...spec.rows.map((row) => spec.header.map((_, column) => row[column] ?? null))];
}

const inputs: [string, () => InputRangeSpec[], NoteSheetSpec][] = [
  ["the Hampshire example", hampshireSampleRanges, hampshireSampleNotes],
  ["the blank template", blankTemplateRanges, blankTemplateNotes],
];

describe.each(adapters)("addInputRanges through the %s adapter", (_adapter, open) => {
  test.each(inputs)("every range of %s reads back as given, where given", async (_name, ranges, notes) => {
    const { port, sheetNames } = open(false);
    await port.addInputRanges(ranges(), [notes]);
    const snapshot = await port.read(allInputRangeNames);
    for (const spec of ranges()) {
      expect(snapshot.ranges.get(spec.name.toUpperCase())).toEqual({
        name: spec.name,
        sheet: spec.sheet,
        topLeft: spec.topLeft,
        values: expectedValues(spec),
      });
    }
    expect(sheetNames()).toEqual(["Sheet1", notes.name, ...new Set(ranges().map((spec) => spec.sheet))]);
  });

  test("refuses range names the workbook already has as a table or a name, changing nothing", async () => {
    const { port, state } = open(true);
    const before = state();
    await expect(port.addInputRanges(hampshireSampleRanges(), [hampshireSampleNotes])).rejects.toThrow(
      "This workbook already has CBA_Partners, CBA_Settings. Insert the inputs into a workbook without business case ranges, or delete those first.",
    );
    expect(state()).toBe(before);
  });

  test("refuses sheets the workbook already has, whatever their case, changing nothing", async () => {
    const { port, state } = open(true);
    const before = state();
    const ranges = blankTemplateRanges().filter(
      (spec) => spec.sheet !== "Partners" && spec.sheet !== "Settings",
    );
    await expect(port.addInputRanges(ranges, [{ name: "Sheet1", lines: ["Notes"] }])).rejects.toThrow(
      "This workbook already has sheets named 'Sheet1', 'Lines'. Rename them and try again; nothing was changed.",
    );
    expect(state()).toBe(before);
  });

  test("selecting on a sheet the workbook does not have fails", async () => {
    const { port } = open(false);
    await expect(port.select("Nowhere", "A1")).rejects.toThrow();
  });
});

describe("addInputRanges and select through Office.js", () => {
  test.each(inputs)(
    "add %s in one run of two syncs, and activate its first sheet",
    async (_name, ranges, notes) => {
      const { host, port } = openInOffice(false);
      await port.addInputRanges(ranges(), [notes]);
      expect(host.statistics).toMatchObject({ runs: 1, syncCalls: 2, roundTrips: 2 });
      expect(host.workbook.activeSheet?.name).toBe(notes.name);
    },
  );

  test("a refused insert stops after its one read-only sync", async () => {
    const { host, port } = openInOffice(true);
    await expect(port.addInputRanges(blankTemplateRanges(), [blankTemplateNotes])).rejects.toThrow();
    expect(host.statistics).toMatchObject({ runs: 1, syncCalls: 1, roundTrips: 1 });
  });

  test("keeps text such as risk factors '1-8' and '10, 15' as typed, in Text cells, headers bold", async () => {
    const { host, port } = openInOffice(false);
    await port.addInputRanges(hampshireSampleRanges(), [hampshireSampleNotes]);
    const risks = host.workbook.describe().sheets["Risks"]!;
    expect(risks[1]).toEqual(expect.arrayContaining(["BP1", "1-8"]));
    expect(host.workbook.numberFormatsAt("Risks", "A1")).toEqual([["@"]]);
    expect(host.workbook.boldAt("Risks", "A1")).toEqual([[true]]);
  });

  test("writes each instruction line in bold Text two rows above its range", async () => {
    const { host, port } = openInOffice(false);
    await port.addInputRanges(blankTemplateRanges(), [blankTemplateNotes]);
    const lines = blankTemplateRanges().find((spec) => spec.sheet === "Lines")!;
    expect(host.workbook.valuesAt("Lines", "A1")).toEqual([[lines.instruction]]);
    expect(host.workbook.numberFormatsAt("Lines", "A1")).toEqual([["@"]]);
    expect(host.workbook.boldAt("Lines", "A1")).toEqual([[true]]);
  });

  test("select activates the sheet and selects the range, in one sync", async () => {
    const { host, port } = openInOffice(false);
    await port.addInputRanges(blankTemplateRanges(), [blankTemplateNotes]);
    host.resetStatistics();
    await port.select("Lines", "B3:D4");
    expect(host.workbook.selection).toEqual({ sheet: "Lines", address: "B3:D4" });
    expect(host.workbook.activeSheet?.name).toBe("Lines");
    expect(host.statistics).toMatchObject({ runs: 1, syncCalls: 1 });
  });
});

describe("addInputRanges and select through ExcelJS", () => {
  const views = (sheet: ExcelJS.Worksheet) =>
    (sheet.views ?? []) as { activeCell?: string; tabSelected?: boolean }[];

  /**
   * The sheet Excel opens on and each sheet's active cell, read from the saved file; and which tabs
   * are marked selected as the file is written (ExcelJS does not read that mark back).
   */
  async function savedView(workbook: ExcelJS.Workbook) {
    const file = folder.path(`view-${Math.random().toString(36).slice(2)}.xlsx`);
    await workbook.xlsx.writeFile(file);
    const saved = await loadWorkbook(file);
    return {
      opensOn: saved.worksheets[saved.views[0]?.activeTab ?? 0]?.name,
      activeCells: Object.fromEntries(
        saved.worksheets.map((sheet) => [sheet.name, views(sheet)[0]?.activeCell]),
      ),
      selectedTabs: workbook.worksheets
        .filter((sheet) => views(sheet)[0]?.tabSelected)
        .map((sheet) => sheet.name),
    };
  }

  test("a saved file opens on the selected sheet with the range's top-left cell active, one tab selected", async () => {
    const { port, workbook } = openInExcelJs(false);
    await port.addInputRanges(hampshireSampleRanges(), [hampshireSampleNotes]);
    await port.select("Lines", "D7:E9");
    const view = await savedView(workbook);
    expect(view.opensOn).toBe("Lines");
    expect(view.activeCells["Lines"]).toBe("D7");
    expect(view.selectedTabs).toEqual(["Lines"]);
  });

  test("after adding inputs a saved file opens on the first new sheet", async () => {
    const { port, workbook } = openInExcelJs(false);
    await port.addInputRanges(blankTemplateRanges(), [blankTemplateNotes]);
    const view = await savedView(workbook);
    expect(view.opensOn).toBe(blankTemplateNotes.name);
    expect(view.selectedTabs).toEqual([blankTemplateNotes.name]);
  });

  test("selecting again moves the selection: the earlier sheet is no longer marked selected", async () => {
    const { port, workbook } = openInExcelJs(false);
    await port.addInputRanges(blankTemplateRanges(), [blankTemplateNotes]);
    await port.select("Risks", "C4");
    await port.select("Partners", "B3");
    const view = await savedView(workbook);
    expect(view).toMatchObject({ opensOn: "Partners", selectedTabs: ["Partners"] });
    expect(view.activeCells["Risks"]).toBe("C4");
  });
});
