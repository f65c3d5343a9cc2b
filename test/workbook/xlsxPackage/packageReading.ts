/**
 * Reads an .xlsx package the way a spreadsheet would, independently of the code that wrote it:
 * every part parsed by a real XML parser (jsdom's), sheets found through the workbook and its
 * relationships, charts through each sheet's `<drawing>` and the drawing's relationships, and
 * chart formulas resolved against the cells ExcelJS reads from the same file.
 */
import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { JSDOM } from "jsdom";
import JSZip from "jszip";
import { columnNumber } from "../../../src/workbook/cellAddress";
import { toCellValue } from "../../../src/workbook/excelJs/excelJsWorkbook";

const parser = new new JSDOM("").window.DOMParser();
export const namespaces = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  relationships: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  packageRelationships: "http://schemas.openxmlformats.org/package/2006/relationships",
  contentTypes: "http://schemas.openxmlformats.org/package/2006/content-types",
  chart: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  drawing: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  drawingMain: "http://schemas.openxmlformats.org/drawingml/2006/main",
} as const;

export async function openPackage(file: string): Promise<JSZip> {
  return JSZip.loadAsync(await readFile(file));
}

/** A part as a DOM document; throws, naming the part, when it is not well-formed XML. */
export async function xmlPart(zip: JSZip, part: string): Promise<Document> {
  const file = zip.file(part);
  if (!file) throw new Error(`the package has no part ${part}`);
  const document = parser.parseFromString(await file.async("string"), "application/xml");
  if (document.getElementsByTagName("parsererror").length > 0)
    throw new Error(`${part} is not well-formed XML`);
  return document;
}

export function partsOf(zip: JSZip): string[] {
  return Object.keys(zip.files).filter((path) => !zip.files[path]!.dir);
}

/** "xl/worksheets/sheet3.xml" → "xl/worksheets/_rels/sheet3.xml.rels". */
export function relationshipsPart(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Resolves a relationship target, relative to the source part's folder or absolute. */
export function targetPart(source: string, target: string): string {
  const segments = target.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const segment of target.replace(/^\//, "").split("/")) {
    if (segment === "..") segments.pop();
    else if (segment !== "." && segment !== "") segments.push(segment);
  }
  return segments.join("/");
}

export interface Relationship {
  id: string;
  type: string;
  part: string;
  external: boolean;
}

export async function relationshipsOf(zip: JSZip, part: string): Promise<Relationship[]> {
  const path = relationshipsPart(part);
  if (!zip.file(path)) return [];
  const document = await xmlPart(zip, path);
  return [...document.getElementsByTagNameNS(namespaces.packageRelationships, "Relationship")].map((r) => ({
    id: r.getAttribute("Id")!,
    type: r.getAttribute("Type")!.replace(/^.*\//, ""),
    part: targetPart(part, r.getAttribute("Target")!),
    external: r.getAttribute("TargetMode") === "External",
  }));
}

export interface ReadSeries {
  name: { formula: string; cache: string[] };
  categories: { formula: string; cache: (string | number | null)[]; numeric: boolean };
  values: { formula: string; cache: (number | null)[] };
}

export interface ReadChart {
  part: string;
  /** "lineChart", "barChart", "scatterChart". */
  plot: string;
  /** barChart's barDir, scatterChart's scatterStyle. */
  direction: string | null;
  title: string;
  /** Drawing anchor's top-left, 0-based. */
  from: { column: number; row: number };
  series: ReadSeries[];
}

export interface SheetDrawing {
  sheet: string;
  sheetPart: string;
  drawingElements: number;
  drawingPart?: string;
  charts: ReadChart[];
}

/** Every worksheet in tab order with the charts its drawing holds. */
export async function sheetDrawings(zip: JSZip): Promise<SheetDrawing[]> {
  const workbook = await xmlPart(zip, "xl/workbook.xml");
  const workbookRelationships = await relationshipsOf(zip, "xl/workbook.xml");
  const result: SheetDrawing[] = [];
  for (const sheet of workbook.getElementsByTagNameNS(namespaces.main, "sheet")) {
    const id = sheet.getAttributeNS(namespaces.relationships, "id");
    const sheetPart = workbookRelationships.find((r) => r.id === id)!.part;
    const sheetXml = await xmlPart(zip, sheetPart);
    const drawings = [...sheetXml.getElementsByTagNameNS(namespaces.main, "drawing")];
    const entry: SheetDrawing = {
      sheet: sheet.getAttribute("name")!,
      sheetPart,
      drawingElements: drawings.length,
      charts: [],
    };
    const drawing = drawings[0];
    if (drawing) {
      const drawingId = drawing.getAttributeNS(namespaces.relationships, "id");
      const drawingPart = (await relationshipsOf(zip, sheetPart)).find((r) => r.id === drawingId)!.part;
      entry.drawingPart = drawingPart;
      const drawingXml = await xmlPart(zip, drawingPart);
      const drawingRelationships = await relationshipsOf(zip, drawingPart);
      for (const anchor of drawingXml.getElementsByTagNameNS(namespaces.drawing, "twoCellAnchor")) {
        const from = anchor.getElementsByTagNameNS(namespaces.drawing, "from")[0]!;
        const number = (name: string) =>
          Number(from.getElementsByTagNameNS(namespaces.drawing, name)[0]!.textContent);
        const chartId = anchor
          .getElementsByTagNameNS(namespaces.chart, "chart")[0]!
          .getAttributeNS(namespaces.relationships, "id");
        const chartPart = drawingRelationships.find((r) => r.id === chartId)!.part;
        entry.charts.push({
          ...(await readChart(zip, chartPart)),
          from: { column: number("col"), row: number("row") },
        });
      }
    }
    result.push(entry);
  }
  return result;
}

async function readChart(zip: JSZip, part: string): Promise<Omit<ReadChart, "from">> {
  const document = await xmlPart(zip, part);
  const plotArea = document.getElementsByTagNameNS(namespaces.chart, "plotArea")[0]!;
  const plot = [...plotArea.children].find((child) => child.localName.endsWith("Chart"))!;
  const child = (parent: Element, name: string) =>
    [...parent.children].find((c) => c.localName === name && c.namespaceURI === namespaces.chart);
  const valueOf = (parent: Element | undefined, name: string) =>
    parent ? (child(parent, name)?.getAttribute("val") ?? null) : null;
  const reference = (holder: Element) => {
    const ref = child(holder, "strRef") ?? child(holder, "numRef")!;
    const cache = child(ref, "strCache") ?? child(ref, "numCache")!;
    const count = Number(valueOf(cache, "ptCount"));
    const values: (string | null)[] = Array.from({ length: count }, () => null);
    for (const point of cache.getElementsByTagNameNS(namespaces.chart, "pt")) {
      values[Number(point.getAttribute("idx"))] = child(point, "v")!.textContent;
    }
    return {
      formula: child(ref, "f")!.textContent!,
      numeric: ref.localName === "numRef",
      values,
    };
  };
  const series = [...plot.children]
    .filter((c) => c.localName === "ser")
    .map((ser): ReadSeries => {
      const name = reference(child(ser, "tx")!);
      const categories = reference((child(ser, "cat") ?? child(ser, "xVal"))!);
      const values = reference((child(ser, "val") ?? child(ser, "yVal"))!);
      return {
        name: { formula: name.formula, cache: name.values.map((v) => v ?? "") },
        categories: {
          formula: categories.formula,
          numeric: categories.numeric,
          cache: categories.values.map((v) => (v === null ? null : categories.numeric ? Number(v) : v)),
        },
        values: { formula: values.formula, cache: values.values.map((v) => (v === null ? null : Number(v))) },
      };
    });
  const title = [
    ...document
      .getElementsByTagNameNS(namespaces.chart, "title")[0]!
      .getElementsByTagNameNS(namespaces.drawingMain, "t"),
  ]
    .map((t) => t.textContent)
    .join("");
  return {
    part,
    plot: plot.localName,
    direction: valueOf(plot, "barDir") ?? valueOf(plot, "scatterStyle"),
    title,
    series,
  };
}

/** The cells a chart formula such as `'CBA Partners'!$B$3:$D$3` covers, as ExcelJS reads them. */
export function cellsOf(workbook: ExcelJS.Workbook, formula: string): (string | number | boolean | null)[] {
  const match = /^'((?:[^']|'')+)'!\$([A-Z]+)\$(\d+)(?::\$([A-Z]+)\$(\d+))?$/.exec(formula);
  if (!match) throw new Error(`not a quoted-sheet absolute range: ${formula}`);
  const sheet = workbook.getWorksheet(match[1]!.replace(/''/g, "'"));
  if (!sheet) throw new Error(`no sheet in ${formula}`);
  const [top, left] = [Number(match[3]), columnNumber(match[2]!)];
  const [bottom, right] = [Number(match[5] ?? match[3]), columnNumber(match[4] ?? match[2]!)];
  if (top !== bottom && left !== right) throw new Error(`${formula} is neither one row nor one column`);
  const cells: (string | number | boolean | null)[] = [];
  for (let row = top; row <= bottom; row++) {
    for (let column = left; column <= right; column++)
      cells.push(toCellValue(sheet.getCell(row, column).value));
  }
  return cells;
}
