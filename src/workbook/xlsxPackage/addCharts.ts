/**
 * Adds a write plan's charts to an .xlsx package that holds its owned sheets: for each sheet with
 * charts, one drawing part with a frame per chart, one chart part per chart, the sheet's
 * `<drawing r:id>` element and relationship, and the content types. ExcelJS writes no charts, so
 * the headless runner saves through this; a package grafted from the user's original file works
 * the same, since sheets are found by name through `xl/workbook.xml` and part numbers are chosen
 * clear of the parts already there.
 */
import type JSZip from "jszip";
import { WorkbookWriteError } from "../office/writePlanLayout";
import type { OwnedSheet } from "../workbookPort";
import { type ChartDefinition, chartsOfSheets } from "./chartSeries";
import { chartXml, relationshipsNamespace } from "./chartXml";
import {
  type AnchorCell,
  chartRelationshipType,
  drawingRelationshipType,
  drawingXml,
  packageRelationshipsNamespace,
  relationshipsXml,
} from "./drawingXml";
import { elementsNamed, escapeXml } from "./xmlText";

export const chartContentType = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
export const drawingContentType = "application/vnd.openxmlformats-officedocument.drawing+xml";
const worksheetRelationshipType = `${relationshipsNamespace}/worksheet`;

/** A chart's size: about 16 cm by 9 cm, within the rows the sheets reserve beside a chart's block. */
const chartWidthPixels = 600;
const chartHeightRows = 17;
const emuPerPixel = 9525;
/** Excel's default column: 8.43 characters, 64 pixels. */
const defaultColumnPixels = 64;

/** Where each sheet's charts went, for callers and tests. */
export interface AddedCharts {
  sheet: string;
  sheetPart: string;
  drawingPart: string;
  chartParts: string[];
}

/**
 * Adds the charts of `sheets` (the plan's owned sheets, already in the package) to the package.
 * Everything is computed and checked before the package is changed: a sheet of the plan missing
 * from the package, or one that already has a drawing, is an error and nothing is added.
 *
 * @example
 * const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
 * await addChartsToPackage(zip, plan.sheets); // → [{ sheet: "CBA Partners", drawingPart: "xl/drawings/drawing1.xml", chartParts: [...] }, ...]
 * await writeFile("results.xlsx", await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
 */
export async function addChartsToPackage(zip: JSZip, sheets: readonly OwnedSheet[]): Promise<AddedCharts[]> {
  const withCharts = chartsOfSheets(sheets).filter((sheet) => sheet.charts.length > 0);
  if (withCharts.length === 0) return [];
  const parts = await sheetParts(zip);
  const planned = [];
  for (const { sheet, charts } of withCharts) {
    const part = parts.get(sheet.toLowerCase());
    if (!part) throw new WorkbookWriteError(`sheet '${sheet}' has charts but is not in the workbook package`);
    const sheetXml = await text(zip, part);
    if (/<(?:[\w.-]+:)?drawing[\s/>]/.test(sheetXml)) {
      throw new WorkbookWriteError(`sheet '${sheet}' already has a drawing, so its charts cannot be added`);
    }
    planned.push({ sheet, charts, part, sheetXml });
  }

  let drawingNumber = nextPartNumber(zip, "xl/drawings/drawing");
  let chartNumber = nextPartNumber(zip, "xl/charts/chart");
  const overrides: { part: string; type: string }[] = [];
  const added: AddedCharts[] = [];
  for (const { sheet, charts, part, sheetXml } of planned) {
    const drawingPart = `xl/drawings/drawing${drawingNumber++}.xml`;
    const chartParts = charts.map(() => `xl/charts/chart${chartNumber++}.xml`);
    const widths = columnPixels(sheetXml);
    charts.forEach((chart, index) => zip.file(chartParts[index]!, chartXml(chart)));
    zip.file(
      drawingPart,
      drawingXml(
        charts.map((chart, index) => ({
          ...frameCorners(chart, widths),
          title: chart.title,
          relationshipId: `rId${index + 1}`,
        })),
      ),
    );
    zip.file(
      relationshipsPartOf(drawingPart),
      relationshipsXml(
        chartRelationshipType,
        chartParts.map((chartPart) => relativeTarget(drawingPart, chartPart)),
      ),
    );
    const sheetRelationships = relationshipsPartOf(part);
    const existing = zip.file(sheetRelationships) ? await text(zip, sheetRelationships) : undefined;
    const { xml, id } = withRelationship(
      existing,
      drawingRelationshipType,
      relativeTarget(part, drawingPart),
    );
    zip.file(sheetRelationships, xml);
    zip.file(part, withDrawingElement(sheetXml, id));
    overrides.push(
      { part: drawingPart, type: drawingContentType },
      ...chartParts.map((chartPart) => ({ part: chartPart, type: chartContentType })),
    );
    added.push({ sheet, sheetPart: part, drawingPart, chartParts });
  }
  zip.file("[Content_Types].xml", withOverrides(await text(zip, "[Content_Types].xml"), overrides));
  return added;
}

async function text(zip: JSZip, path: string): Promise<string> {
  const file = zip.file(path);
  if (!file) throw new WorkbookWriteError(`the workbook package has no part '${path}'`);
  return file.async("string");
}

/** Each worksheet's part path, keyed by the sheet's name in lower case. */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const workbookPart = "xl/workbook.xml";
  const targets = new Map(
    elementsNamed(await text(zip, relationshipsPartOf(workbookPart)), "Relationship")
      .filter((r) => r["Type"] === worksheetRelationshipType && r["Id"] !== undefined)
      .map((r) => [r["Id"]!, resolveTarget(workbookPart, r["Target"] ?? "")]),
  );
  const parts = new Map<string, string>();
  for (const sheet of elementsNamed(await text(zip, workbookPart), "sheet")) {
    const id = Object.entries(sheet).find(([key]) => key === "r:id" || key.endsWith(":id"))?.[1];
    const target = id === undefined ? undefined : targets.get(id);
    if (sheet["name"] !== undefined && target !== undefined) parts.set(sheet["name"].toLowerCase(), target);
  }
  return parts;
}

/** "xl/worksheets/sheet3.xml" → "xl/worksheets/_rels/sheet3.xml.rels". */
export function relationshipsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship's target (relative to the source part's folder, or absolute from the root) as a part path. */
export function resolveTarget(source: string, target: string): string {
  const segments = target.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const segment of target.replace(/^\//, "").split("/")) {
    if (segment === "..") segments.pop();
    else if (segment !== "." && segment !== "") segments.push(segment);
  }
  return segments.join("/");
}

/** The target to write in `source`'s relationships for `part`: "../drawings/drawing1.xml". */
function relativeTarget(source: string, part: string): string {
  const from = source.split("/").slice(0, -1);
  const to = part.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

/** One more than the highest N of the parts named `<prefix>N.xml` (1 when there are none). */
function nextPartNumber(zip: JSZip, prefix: string): number {
  let highest = 0;
  zip.forEach((path) => {
    const match = new RegExp(`^${prefix.replace(/[.]/g, "\\.")}(\\d+)\\.xml$`).exec(path);
    if (match) highest = Math.max(highest, Number(match[1]));
  });
  return highest + 1;
}

function withRelationship(
  existing: string | undefined,
  type: string,
  target: string,
): { xml: string; id: string } {
  const xml =
    existing ??
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${packageRelationshipsNamespace}"></Relationships>`;
  const taken = new Set(elementsNamed(xml, "Relationship").map((r) => r["Id"]));
  let number = taken.size + 1;
  while (taken.has(`rId${number}`)) number++;
  const id = `rId${number}`;
  const element = `<Relationship Id="${id}" Type="${escapeXml(type)}" Target="${escapeXml(target)}"/>`;
  const closing = xml.lastIndexOf("</Relationships>");
  const updated =
    closing >= 0
      ? `${xml.slice(0, closing)}${element}${xml.slice(closing)}`
      : xml.replace(/<Relationships([^>]*)\/>/, `<Relationships$1>${element}</Relationships>`);
  return { xml: updated, id };
}

/**
 * The sheet with `<drawing r:id>` where the schema wants it: after everything up to the sheet's
 * ignored errors and smart tags, before legacy drawings, pictures, controls and table parts.
 */
export function withDrawingElement(sheetXml: string, relationshipId: string): string {
  const root = /<([\w.-]+:)?worksheet[\s>]/.exec(sheetXml);
  if (!root) throw new WorkbookWriteError("a sheet part has no <worksheet> element");
  const prefix = root[1] ?? "";
  const element = `<${prefix}drawing xmlns:r="${relationshipsNamespace}" r:id="${relationshipId}"/>`;
  const followers = [
    "legacyDrawing",
    "legacyDrawingHF",
    "drawingHF",
    "picture",
    "oleObjects",
    "controls",
    "webPublishItems",
    "tableParts",
    "extLst",
  ];
  const next = new RegExp(`<${prefix}(?:${followers.join("|")})[\\s/>]|</${prefix}worksheet>`).exec(sheetXml);
  if (!next) throw new WorkbookWriteError("a sheet part has no closing </worksheet>");
  return `${sheetXml.slice(0, next.index)}${element}${sheetXml.slice(next.index)}`;
}

function withOverrides(contentTypes: string, overrides: readonly { part: string; type: string }[]): string {
  const elements = overrides
    .map(({ part, type }) => `<Override PartName="/${escapeXml(part)}" ContentType="${type}"/>`)
    .join("");
  const closing = contentTypes.lastIndexOf("</Types>");
  if (closing < 0) throw new WorkbookWriteError("[Content_Types].xml has no closing </Types>");
  return `${contentTypes.slice(0, closing)}${elements}${contentTypes.slice(closing)}`;
}

/** Each column's width in pixels as the sheet sets it (1-based columns); others take the default. */
function columnPixels(sheetXml: string): (column: number) => number {
  const format = elementsNamed(sheetXml, "sheetFormatPr")[0];
  const defaultWidth = Number(format?.["defaultColWidth"]);
  const fallback = Number.isFinite(defaultWidth) ? pixelsOf(defaultWidth) : defaultColumnPixels;
  const columns = elementsNamed(sheetXml, "col").flatMap((col) => {
    const min = Number(col["min"]);
    const max = Number(col["max"]);
    const width = Number(col["width"]);
    return [min, max, width].every(Number.isFinite) ? [{ min, max, pixels: pixelsOf(width) }] : [];
  });
  return (column) => columns.find((c) => c.min <= column && column <= c.max)?.pixels ?? fallback;
}

/** Excel's pixels for a width in characters of the default font (7 pixels each, 5 of padding). */
function pixelsOf(characters: number): number {
  return Math.max(1, Math.trunc(characters * 7 + 5));
}

/** From the anchor cell, wide enough for the chart over the sheet's actual column widths. */
function frameCorners(
  chart: ChartDefinition,
  widthOf: (column: number) => number,
): { from: AnchorCell; to: AnchorCell } {
  const from: AnchorCell = { column: chart.anchor.column - 1, row: chart.anchor.row - 1 };
  let column = chart.anchor.column;
  let remaining = chartWidthPixels;
  while (remaining >= widthOf(column)) {
    remaining -= widthOf(column);
    column++;
  }
  return {
    from,
    to: { column: column - 1, columnOffset: remaining * emuPerPixel, row: from.row + chartHeightRows },
  };
}
