import ExcelJS from "exceljs";
import { cellValueOf, ExcelJsWorkbook, toCellValue } from "../../src/workbook/excelJs/excelJsWorkbook";
import type { WritePlan } from "../../src/workbook/workbookPort";
import { loadWorkbook, readTable, sheetCells, temporaryFolder } from "./workbookFiles";

const folder = temporaryFolder();
afterAll(() => folder.remove());

async function roundTrip(build: (workbook: ExcelJS.Workbook) => void): Promise<ExcelJsWorkbook> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  const file = folder.path(`adapter-${Math.random().toString(36).slice(2)}.xlsx`);
  await workbook.xlsx.writeFile(file);
  return ExcelJsWorkbook.fromFile(file);
}

describe("ExcelJsWorkbook.read", () => {
  test("finds defined names and tables case-insensitively, with sheet and top-left cell", async () => {
    const port = await roundTrip((workbook) => {
      const sheet = workbook.addWorksheet("Inputs sheet");
      sheet.getCell("C3").value = "Setting";
      sheet.getCell("D3").value = "Value";
      sheet.getCell("C4").value = "Horizon";
      sheet.getCell("D4").value = 10;
      workbook.definedNames.add("'Inputs sheet'!$C$3:$D$4", "Cba_Settings");
      sheet.addTable({
        name: "cba_partners",
        ref: "F2",
        columns: [{ name: "Code" }, { name: "Name" }],
        rows: [["A", "Alpha"]],
      });
    });
    const snapshot = await port.read(["CBA_Settings", "CBA_Partners", "CBA_Lines"]);
    expect(snapshot.ranges.get("CBA_SETTINGS")).toEqual({
      name: "Cba_Settings",
      sheet: "Inputs sheet",
      topLeft: "C3",
      values: [
        ["Setting", "Value"],
        ["Horizon", 10],
      ],
    });
    expect(snapshot.ranges.get("CBA_PARTNERS")).toMatchObject({
      sheet: "Inputs sheet",
      topLeft: "F2",
      values: [
        ["Code", "Name"],
        ["A", "Alpha"],
      ],
    });
    expect(snapshot.ranges.has("CBA_LINES")).toBe(false);
  });

  test("leaves out a table's totals row, which is a formula of the rows above", async () => {
    const port = await roundTrip((workbook) =>
      workbook.addWorksheet("T").addTable({
        name: "CBA_Baseline",
        ref: "A1",
        totalsRow: true,
        columns: [
          { name: "Service area", totalsRowLabel: "Total" },
          { name: "A", totalsRowFunction: "sum" },
        ],
        rows: [
          ["ICT", 5],
          ["HR", 7],
        ],
      }),
    );
    const values = (await port.read(["CBA_Baseline"])).ranges.get("CBA_BASELINE")!.values;
    expect(values).toEqual([
      ["Service area", "A"],
      ["ICT", 5],
      ["HR", 7],
    ]);
  });

  test("reports which sheets the product owns by their marker names", async () => {
    const port = await roundTrip((workbook) => {
      workbook.addWorksheet("CBA Partners");
      workbook.addWorksheet("CBA Checks");
      workbook.definedNames.add("'CBA Checks'!$A$1", "CBA_Owned_7");
    });
    expect((await port.read([])).sheets).toEqual([
      { name: "CBA Partners", ownedByProduct: false },
      { name: "CBA Checks", ownedByProduct: true },
    ]);
  });

  test("a formula whose cached result is 0, FALSE or empty text reads as that result, not as an uncalculated formula", async () => {
    const written = new ExcelJS.Workbook();
    const sheet = written.addWorksheet("S");
    sheet.getCell("A1").value = { formula: "B1-B1", result: 0 } as ExcelJS.CellValue;
    sheet.getCell("A2").value = { formula: "1>2", result: false } as ExcelJS.CellValue;
    sheet.getCell("A3").value = { formula: "B1*2", result: 8 } as ExcelJS.CellValue;
    sheet.getCell("B1").value = 4;
    const loaded = new ExcelJS.Workbook();
    await loaded.xlsx.load(await written.xlsx.writeBuffer());
    const cells = ["A1", "A2", "A3"].map((address) =>
      cellValueOf(loaded.getWorksheet("S")!.getCell(address)),
    );
    expect(cells).toEqual([0, false, 8]);
  });

  test("turns formulas, rich text, hyperlinks, dates and errors into plain values", () => {
    expect(toCellValue({ formula: "1+1", result: 2 } as ExcelJS.CellValue)).toBe(2);
    expect(toCellValue({ richText: [{ text: "Best " }, { text: "case" }] })).toBe("Best case");
    expect(toCellValue({ text: "link", hyperlink: "https://example.org" })).toBe("link");
    expect(toCellValue(new Date(Date.UTC(2012, 3, 1)))).toBe(41000);
    expect(toCellValue({ error: "#N/A" } as ExcelJS.CellErrorValue)).toBe("#N/A");
    expect(toCellValue(undefined)).toBeNull();
    // A formula saved without a calculated value keeps its text, so readers can name it as such.
    expect(toCellValue({ formula: "80/120" } as ExcelJS.CellValue)).toBe("=80/120");
    expect(toCellValue({ sharedFormula: "D2", result: undefined } as unknown as ExcelJS.CellValue)).toBe(
      "=D2",
    );
  });
});

describe("ExcelJsWorkbook.write", () => {
  const plan: WritePlan = {
    sheets: [
      {
        name: "CBA Partners",
        blocks: [
          {
            name: "CBA_Out_Test",
            topLeft: "B3",
            title: "A title",
            header: ["Partner", "Set-up"],
            rows: [
              ["A", -1424],
              ["B", 560],
            ],
            columnFormats: [null, "#,##0;(#,##0)"],
          },
          {
            name: "CBA_Out_Grid",
            topLeft: "B8",
            header: ["x", "1"],
            rows: [[1, 2]],
            asTable: false,
            fills: [[null, "#F8696B"]],
          },
        ],
        charts: [
          { kind: "line", title: "ignored", sourceBlock: "CBA_Out_Test", seriesBy: "rows", anchor: "F3" },
        ],
      },
    ],
    cellUpdates: [{ sheet: "Risks", topLeft: "C2", values: [[15], [6]] }],
  };

  test("writes tables, plain ranges with names, formats, fills, a marker, and updates user cells in place", async () => {
    const port = await roundTrip((workbook) => {
      const risks = workbook.addWorksheet("Risks");
      risks.getCell("C2").value = 1;
      risks.getCell("C2").numFmt = "0.0";
      risks.getCell("A1").value = "keep";
    });
    await port.write(plan);
    const file = folder.path("written.xlsx");
    await port.saveAs(file);
    const workbook = await loadWorkbook(file);
    const table = readTable(workbook, "CBA_Out_Test");
    expect(table).toMatchObject({ sheet: "CBA Partners", ref: "B3:C5", header: ["Partner", "Set-up"] });
    expect(table.formats.map((row) => row[1])).toEqual(["#,##0;(#,##0)", "#,##0;(#,##0)"]);
    const cells = sheetCells(workbook, "CBA Partners");
    expect(cells["B2"]).toBe("A title");
    expect(workbook.getWorksheet("CBA Partners")!.getCell("C9").fill).toMatchObject({
      fgColor: { argb: "FFF8696B" },
    });
    const names = workbook.definedNames.model.map((n) => `${n.name}=${n.ranges[0]}`);
    expect(names).toEqual(
      expect.arrayContaining(["CBA_Out_Grid='CBA Partners'!$B$8:$C$9", "CBA_Owned_1='CBA Partners'!$A$1"]),
    );
    expect(sheetCells(workbook, "Risks")).toEqual({ A1: "keep", C2: 15, C3: 6 });
    expect(workbook.getWorksheet("Risks")!.getCell("C2").numFmt).toBe("0.0");
  });

  test("replacing an owned sheet removes its old tables and names, keeping one marker", async () => {
    const port = await roundTrip(() => undefined);
    await port.write({ ...plan, cellUpdates: [] });
    await port.write({
      ...plan,
      sheets: [{ ...plan.sheets[0]!, blocks: [plan.sheets[0]!.blocks[0]!] }],
      cellUpdates: [],
    });
    const file = folder.path("replaced-twice.xlsx");
    await port.saveAs(file);
    const saved = await loadWorkbook(file);
    const names = saved.definedNames.model.map((n) => n.name);
    expect(names).toEqual(["CBA_Owned_1"]);
    expect(saved.getWorksheet("CBA Partners")!.getTables()).toHaveLength(1);
  });

  test("refuses a block name already used by a table on a user sheet, before changing anything", async () => {
    const port = await roundTrip((workbook) =>
      workbook
        .addWorksheet("Mine")
        .addTable({ name: "CBA_Out_Test", ref: "A1", columns: [{ name: "x" }], rows: [[1]] }),
    );
    await expect(port.write({ ...plan, cellUpdates: [] })).rejects.toThrow(/already used on sheet "Mine"/);
    expect(port.workbook.worksheets.map((s) => s.name)).toEqual(["Mine"]);
  });

  test("refuses an update to a missing sheet before writing any result sheet", async () => {
    const port = await roundTrip((workbook) => workbook.addWorksheet("Mine"));
    await expect(port.write(plan)).rejects.toThrow(/"Risks" to update does not exist/);
    expect(port.workbook.worksheets.map((s) => s.name)).toEqual(["Mine"]);
  });
});

describe("ExcelJsWorkbook.addInputRanges on a workbook opened from a file", () => {
  test("saving in full keeps the file's range names", async () => {
    const port = await roundTrip((workbook) => {
      workbook.addWorksheet("Settings").getCell("A1").value = "Setting";
      workbook.definedNames.add("Settings!$A$1:$B$3", "CBA_Settings");
    });
    await port.addInputRanges([
      {
        name: "CBA_Partners",
        sheet: "Partners",
        topLeft: "A3",
        header: ["Code", "Name"],
        rows: [["A", "Alpha"]],
        as: "table",
      },
    ]);
    const file = folder.path("added-ranges.xlsx");
    await port.saveAs(file);
    const saved = await loadWorkbook(file);
    expect(saved.definedNames.model.map((n) => `${n.name}=${n.ranges[0]}`)).toContain(
      "CBA_Settings=Settings!$A$1:$B$3",
    );
  });
});
