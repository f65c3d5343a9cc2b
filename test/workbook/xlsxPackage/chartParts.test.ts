/**
 * The chart parts the ExcelJS adapter adds on saving, read back as a spreadsheet reads them: a
 * small plan with every chart kind, series by rows and by columns, a text cell and a blank among
 * the values, a plain (non-table) block, and a sheet name with an apostrophe.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { ExcelJsWorkbook } from "../../../src/workbook/excelJs/excelJsWorkbook";
import type { OwnedSheet, WritePlan } from "../../../src/workbook/workbookPort";
import {
  addChartsToPackage,
  chartContentType,
  drawingContentType,
} from "../../../src/workbook/xlsxPackage/addCharts";
import { loadWorkbook, temporaryFolderForThisFile } from "../workbookFiles";
import {
  cellsOf,
  namespaces,
  openPackage,
  partsOf,
  relationshipsOf,
  sheetDrawings,
  xmlPart,
} from "./packageReading";

const folder = temporaryFolderForThisFile();
const apostropheSheet = "Tom's results";

const plan: WritePlan = {
  sheets: [
    {
      name: "CBA Partners",
      blocks: [
        {
          name: "CBA_Out_Payback_HCC",
          topLeft: "A3",
          title: "HCC: cumulative net position",
          header: ["Case", "2012/13", "2013/14", "2014/15"],
          rows: [
            ["Best", -100, 20, 150],
            ["Worst", -120, -30, 10],
          ],
          columnFormats: [null, "#,##0;(#,##0)", "#,##0;(#,##0)", "#,##0;(#,##0)"],
        },
        {
          name: "CBA_Out_NPV",
          topLeft: "A25",
          header: ["Case", "HCC", "HC"],
          rows: [
            ["Best", 9020, 9826],
            ["Worst", "no costs", null],
          ],
        },
      ],
      charts: [
        {
          kind: "line",
          title: "HCC payback",
          sourceBlock: "CBA_Out_Payback_HCC",
          seriesBy: "rows",
          anchor: "F2",
        },
        {
          kind: "columnClustered",
          title: "NPV",
          sourceBlock: "CBA_Out_NPV",
          seriesBy: "columns",
          anchor: "E24",
        },
      ],
    },
    {
      name: apostropheSheet,
      blocks: [
        {
          name: "CBA_Out_Tornado",
          topLeft: "B2",
          asTable: false,
          header: ["Line", "NPV at Worst", "NPV at Best"],
          rows: [
            ["ICT", 100, 200],
            ["HR", 120, 180],
          ],
        },
        {
          name: "CBA_Out_SCurve",
          topLeft: "B30",
          header: ["NPV", "Share of trials below", "P50"],
          rows: [
            [10, 0, null],
            [20, 0.5, null],
            [30, 1, null],
            [20, null, 0],
            [20, null, 0.5],
          ],
          columnFormats: ["#,##0", "0.0%", "0.0%"],
        },
      ],
      charts: [
        {
          kind: "barClustered",
          title: "Tornado <&>",
          sourceBlock: "CBA_Out_Tornado",
          seriesBy: "columns",
          anchor: "F1",
        },
        {
          kind: "scatterLines",
          title: "S-curve",
          sourceBlock: "CBA_Out_SCurve",
          seriesBy: "columns",
          anchor: "F29",
        },
      ],
    },
    {
      name: "CBA Checks",
      blocks: [
        { name: "CBA_Out_Checks", topLeft: "A2", header: ["Check", "Result"], rows: [["Totals foot", "OK"]] },
      ],
      charts: [],
    },
  ],
  cellUpdates: [],
};

/** Writes the plan into a workbook that already has a sheet of the user's, and saves it. */
async function savedPlan(name: string, sheets: OwnedSheet[] = plan.sheets): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Inputs").getCell("A1").value = "the user's own sheet";
  const port = new ExcelJsWorkbook(workbook);
  await port.write({ sheets, cellUpdates: [] });
  const file = folder.path(name);
  await port.saveAs(file);
  return file;
}

let file: string;
let zip: JSZip;
beforeAll(async () => {
  file = await savedPlan("charts.xlsx");
  zip = await openPackage(file);
});

describe("chart parts in a saved workbook", () => {
  test("every XML part is well-formed, and every relationship reaches a part of the package", async () => {
    const parts = partsOf(zip);
    for (const part of parts.filter((p) => /\.(xml|rels)$/.test(p))) await xmlPart(zip, part);
    for (const rels of parts.filter((p) => p.endsWith(".rels"))) {
      const source = rels.replace(/_rels\/([^/]+)\.rels$/, "$1").replace(/^_rels\/\.rels$/, "");
      const relationships = await relationshipsOf(zip, source === "" ? "" : source);
      for (const relationship of relationships.filter((r) => !r.external)) {
        expect(parts).toContain(relationship.part);
      }
    }
  });

  test("content types name each drawing and chart part with its type, and no part that is missing", async () => {
    const types = await xmlPart(zip, "[Content_Types].xml");
    const overrides = new Map(
      [...types.getElementsByTagNameNS(namespaces.contentTypes, "Override")].map((o) => [
        o.getAttribute("PartName")!.replace(/^\//, ""),
        o.getAttribute("ContentType"),
      ]),
    );
    const parts = partsOf(zip);
    for (const part of overrides.keys()) expect(parts).toContain(part);
    const charts = parts.filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
    const drawings = parts.filter((p) => /^xl\/drawings\/drawing\d+\.xml$/.test(p));
    expect(charts).toHaveLength(4);
    expect(drawings).toHaveLength(2);
    for (const part of charts) expect(overrides.get(part)).toBe(chartContentType);
    for (const part of drawings) expect(overrides.get(part)).toBe(drawingContentType);
  });

  test("one drawing per sheet with charts, placed before its table parts; chart parts are numbered uniquely across sheets", async () => {
    const drawings = await sheetDrawings(zip);
    expect(drawings.map((d) => [d.sheet, d.drawingElements, d.charts.length])).toEqual([
      ["Inputs", 0, 0],
      ["CBA Partners", 1, 2],
      [apostropheSheet, 1, 2],
      ["CBA Checks", 0, 0],
    ]);
    const chartParts = drawings.flatMap((d) => d.charts.map((c) => c.part));
    expect(new Set(chartParts).size).toBe(4);
    expect(new Set(drawings.flatMap((d) => (d.drawingPart ? [d.drawingPart] : []))).size).toBe(2);
    for (const { sheetPart } of drawings.filter((d) => d.drawingElements > 0)) {
      const sheet = (await xmlPart(zip, sheetPart)).documentElement;
      const order = [...sheet.children].map((child) => child.localName);
      expect(order.indexOf("drawing")).toBeGreaterThan(order.indexOf("pageMargins"));
      if (order.includes("tableParts"))
        expect(order.indexOf("drawing")).toBeLessThan(order.indexOf("tableParts"));
    }
  });

  test("each chart is of its kind, titled and anchored at the cell the plan gives", async () => {
    const charts = (await sheetDrawings(zip)).flatMap((d) => d.charts);
    expect(charts.map((c) => [c.plot, c.direction, c.title, c.from])).toEqual([
      ["lineChart", null, "HCC payback", { column: 5, row: 1 }],
      ["barChart", "col", "NPV", { column: 4, row: 23 }],
      ["barChart", "bar", "Tornado <&>", { column: 5, row: 0 }],
      ["scatterChart", "lineMarker", "S-curve", { column: 5, row: 28 }],
    ]);
  });

  test("series formulas point at the source block's cells: by rows, by columns, and X–Y", async () => {
    const [line, column, bar, scatter] = (await sheetDrawings(zip)).flatMap((d) => d.charts);
    const formulas = (chart: typeof line) =>
      chart!.series.map((s) => [s.name.formula, s.categories.formula, s.values.formula]);
    expect(formulas(line)).toEqual([
      ["'CBA Partners'!$A$4", "'CBA Partners'!$B$3:$D$3", "'CBA Partners'!$B$4:$D$4"],
      ["'CBA Partners'!$A$5", "'CBA Partners'!$B$3:$D$3", "'CBA Partners'!$B$5:$D$5"],
    ]);
    expect(formulas(column)).toEqual([
      ["'CBA Partners'!$B$25", "'CBA Partners'!$A$26:$A$27", "'CBA Partners'!$B$26:$B$27"],
      ["'CBA Partners'!$C$25", "'CBA Partners'!$A$26:$A$27", "'CBA Partners'!$C$26:$C$27"],
    ]);
    expect(formulas(bar)).toEqual([
      ["'Tom''s results'!$C$2", "'Tom''s results'!$B$3:$B$4", "'Tom''s results'!$C$3:$C$4"],
      ["'Tom''s results'!$D$2", "'Tom''s results'!$B$3:$B$4", "'Tom''s results'!$D$3:$D$4"],
    ]);
    expect(formulas(scatter)).toEqual([
      ["'Tom''s results'!$C$30", "'Tom''s results'!$B$31:$B$35", "'Tom''s results'!$C$31:$C$35"],
      ["'Tom''s results'!$D$30", "'Tom''s results'!$B$31:$B$35", "'Tom''s results'!$D$31:$D$35"],
    ]);
    expect(scatter!.series[0]!.categories.numeric).toBe(true);
    expect(line!.series[0]!.categories.numeric).toBe(false);
  });

  test("the cached values are what the cells hold; a text or blank cell among the values has no point", async () => {
    const workbook = await loadWorkbook(file);
    const charts = (await sheetDrawings(zip)).flatMap((d) => d.charts);
    for (const series of charts.flatMap((c) => c.series)) {
      expect(series.name.cache).toEqual(cellsOf(workbook, series.name.formula).map((v) => String(v)));
      expect(series.categories.cache).toEqual(cellsOf(workbook, series.categories.formula));
      const cells = cellsOf(workbook, series.values.formula);
      expect(series.values.cache).toEqual(cells.map((v) => (typeof v === "number" ? v : null)));
    }
    const column = charts[1]!;
    expect(column.series.map((s) => s.values.cache)).toEqual([
      [9020, null],
      [9826, null],
    ]);
    expect(charts[3]!.series[1]!.values.cache).toEqual([null, null, null, 0, 0.5]);
  });

  test("ExcelJS reads the file back, blocks intact", async () => {
    const workbook = await loadWorkbook(file);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      "Inputs",
      "CBA Partners",
      apostropheSheet,
      "CBA Checks",
    ]);
    expect(workbook.getWorksheet("CBA Partners")!.getCell("D4").value).toBe(150);
  });

  test("a plan without charts is saved as ExcelJS writes it: no drawing or chart part", async () => {
    const plain = await openPackage(await savedPlan("no-charts.xlsx", [plan.sheets[2]!]));
    expect(partsOf(plain).filter((p) => /drawing|chart/.test(p))).toEqual([]);
  });
});

describe("adding charts to a package that already has some", () => {
  test("new drawing and chart parts are numbered after the ones already there", async () => {
    const existing = await JSZip.loadAsync(await zip.generateAsync({ type: "uint8array" }));
    // A package whose charts so far are the four above: adding the first sheet's charts again, on a copy of the sheet.
    const copy = { ...plan.sheets[0]!, name: "CBA Scenarios" };
    const workbook = new ExcelJS.Workbook();
    const port = new ExcelJsWorkbook(workbook);
    await port.write({ sheets: [copy], cellUpdates: [] });
    const fresh = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
    for (const part of partsOf(existing).filter((p) => /^xl\/(charts|drawings)\//.test(p))) {
      fresh.file(part, await existing.file(part)!.async("string"));
    }
    const added = await addChartsToPackage(fresh, [copy]);
    expect(added).toEqual([
      {
        sheet: "CBA Scenarios",
        sheetPart: "xl/worksheets/sheet1.xml",
        drawingPart: "xl/drawings/drawing3.xml",
        chartParts: ["xl/charts/chart5.xml", "xl/charts/chart6.xml"],
      },
    ]);
  });

  test("a sheet that already has a drawing is refused, and the package is left unchanged", async () => {
    const copy = await JSZip.loadAsync(await zip.generateAsync({ type: "uint8array" }));
    const before = partsOf(copy).sort();
    const contentTypes = await copy.file("[Content_Types].xml")!.async("string");
    // The saved package's second sheet already has its drawing; the first sheet has none yet.
    const sheets = [{ ...plan.sheets[1]!, name: "Inputs", blocks: [], charts: [] }, plan.sheets[1]!];
    await expect(addChartsToPackage(copy, sheets)).rejects.toThrow(
      `sheet '${apostropheSheet}' already has a drawing, so its charts cannot be added`,
    );
    expect(partsOf(copy).sort()).toEqual(before);
    expect(await copy.file("[Content_Types].xml")!.async("string")).toBe(contentTypes);
  });

  test("a plan sheet missing from the package is named in the error", async () => {
    const copy = await JSZip.loadAsync(await zip.generateAsync({ type: "uint8array" }));
    await expect(addChartsToPackage(copy, [{ ...plan.sheets[0]!, name: "CBA Elsewhere" }])).rejects.toThrow(
      "sheet 'CBA Elsewhere' has charts but is not in the workbook package",
    );
  });
});

describe("a plan whose charts cannot be drawn", () => {
  test("is refused by the ExcelJS adapter's write, before any sheet is written", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Inputs");
    const port = new ExcelJsWorkbook(workbook);
    const sheet = {
      ...plan.sheets[0]!,
      charts: [{ ...plan.sheets[0]!.charts[0]!, sourceBlock: "CBA_Out_Missing" }],
    };
    await expect(port.write({ sheets: [sheet], cellUpdates: [] })).rejects.toThrow(
      "chart 'HCC payback' plots block 'CBA_Out_Missing', which the plan lacks",
    );
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Inputs"]);
  });
});
