import JSZip from "jszip";
import {
  absoluteRange,
  cellAddress,
  columnLetters,
  parseCellAddress,
  quotedSheetName,
  rangeAddress,
} from "../cellAddress";
import { measureColumnWidths } from "../columnWidths";
import type { CellValue, OwnedSheet } from "../workbookPort";
import { formulaAt } from "../formulaCells";
import { formulaCellXml } from "./sheetCells";
import { escapeXml } from "./xmlText";

/** A result cell: its value and the key of its format. */
interface ResultCell {
  value: CellValue;
  style: StyleKey;
  /** A live formula whose cached result `value` is. */
  formula?: string;
}

/** What a result cell's format is made of; "" parts are the defaults. */
interface StyleKey {
  font: "" | "bold" | "title";
  fill: string;
  numberFormat: string;
}

const mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";
const xmlDeclaration = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** The formats used by result sheets, numbered as cell formats of the package's styles part. */
class ResultStyles {
  private readonly keys: string[] = ["||"];
  private readonly numberFormats: string[] = [];
  private readonly fills: string[] = [];

  index(style: StyleKey): number {
    if (style.font === "" && style.fill === "" && style.numberFormat === "") return 0;
    const key = `${style.font}|${style.fill}|${style.numberFormat}`;
    let index = this.keys.indexOf(key);
    if (index === -1) {
      index = this.keys.length;
      this.keys.push(key);
      if (style.numberFormat !== "" && !this.numberFormats.includes(style.numberFormat))
        this.numberFormats.push(style.numberFormat);
      if (style.fill !== "" && !this.fills.includes(style.fill)) this.fills.push(style.fill);
    }
    return index;
  }

  toXml(): string {
    const numberFormats = this.numberFormats
      .map((code, i) => `<numFmt numFmtId="${164 + i}" formatCode="${escapeXml(code)}"/>`)
      .join("");
    const fills = this.fills
      .map((argb) => `<fill><patternFill patternType="solid"><fgColor rgb="${argb}"/></patternFill></fill>`)
      .join("");
    const cellFormats = this.keys.map((key) => {
      const [font, fill, numberFormat] = key.split("|") as [string, string, string];
      const fontId = font === "bold" ? 1 : font === "title" ? 2 : 0;
      const fillId = fill === "" ? 0 : 2 + this.fills.indexOf(fill);
      const numFmtId = numberFormat === "" ? 0 : 164 + this.numberFormats.indexOf(numberFormat);
      const applied = [
        fontId > 0 ? ' applyFont="1"' : "",
        fillId > 0 ? ' applyFill="1"' : "",
        numFmtId > 0 ? ' applyNumberFormat="1"' : "",
      ].join("");
      return `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"${applied}/>`;
    });
    return (
      `${xmlDeclaration}<styleSheet xmlns="${mainNamespace}">` +
      (numberFormats === ""
        ? ""
        : `<numFmts count="${this.numberFormats.length}">${numberFormats}</numFmts>`) +
      '<fonts count="3"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>' +
      '<font><b/><sz val="11"/></font><font><b/><sz val="12"/></font></fonts>' +
      `<fills count="${2 + this.fills.length}"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>${fills}</fills>` +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${cellFormats.length}">${cellFormats.join("")}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      "</styleSheet>"
    );
  }
}

const plainStyle: StyleKey = { font: "", fill: "", numberFormat: "" };

function cellXml(reference: string, cell: ResultCell, styles: ResultStyles): string {
  const index = styles.index(cell.style);
  const s = index === 0 ? "" : ` s="${index}"`;
  const { value } = cell;
  if (cell.formula !== undefined) return formulaCellXml(reference, s, cell.formula, value);
  if (value === null || value === undefined) return `<c r="${reference}"${s}/>`;
  if (typeof value === "number" && Number.isFinite(value))
    return `<c r="${reference}"${s}><v>${value}</v></c>`;
  if (typeof value === "boolean") return `<c r="${reference}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  const text = String(value);
  const space = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : "";
  return `<c r="${reference}"${s} t="inlineStr"><is><t${space}>${escapeXml(text)}</t></is></c>`;
}

/** One result sheet's part, its tables, and the names of its plain blocks. */
interface SheetParts {
  sheetXml: string;
  tables: { name: string; xml: string }[];
  names: { name: string; reference: string }[];
}

function sheetParts(sheet: OwnedSheet, styles: ResultStyles, firstTableId: number): SheetParts {
  const rows = new Map<number, Map<number, ResultCell>>();
  const put = (row: number, column: number, cell: ResultCell) => {
    let cells = rows.get(row);
    if (!cells) rows.set(row, (cells = new Map()));
    cells.set(column, cell);
  };
  const tables: { name: string; xml: string }[] = [];
  const names: { name: string; reference: string }[] = [];
  const widths = new Map<number, number>();
  for (const block of sheet.blocks) {
    const top = parseCellAddress(block.topLeft);
    if (block.title !== undefined && top.row > 1)
      put(top.row - 1, top.column, { value: block.title, style: { ...plainStyle, font: "title" } });
    const asTable = block.asTable !== false && block.rows.length > 0;
    block.header.forEach((header, c) =>
      put(top.row, top.column + c, {
        value: header,
        style: asTable ? plainStyle : { ...plainStyle, font: "bold" },
      }),
    );
    block.rows.forEach((row, r) =>
      block.header.forEach((_, c) => {
        const value = row[c] ?? null;
        const colour = block.fills?.[r]?.[c] ?? null;
        const style: StyleKey = {
          font: "",
          fill: colour === null ? "" : `FF${colour.replace(/^#/, "").toUpperCase()}`,
          numberFormat: block.columnFormats?.[c] ?? "",
        };
        const formula = formulaAt(block, r, c);
        if (formula !== undefined) put(top.row + 1 + r, top.column + c, { value, style, formula });
        else if (value !== null || style.fill !== "" || style.numberFormat !== "")
          put(top.row + 1 + r, top.column + c, { value, style });
      }),
    );
    const range = rangeAddress(block.topLeft, block.rows.length + 1, block.header.length);
    if (asTable) {
      const id = firstTableId + tables.length;
      const columns = block.header
        .map((header, c) => `<tableColumn id="${c + 1}" name="${escapeXml(header)}"/>`)
        .join("");
      tables.push({
        name: block.name,
        xml:
          `${xmlDeclaration}<table xmlns="${mainNamespace}" id="${id}" name="${escapeXml(block.name)}" displayName="${escapeXml(block.name)}" ref="${range}" totalsRowShown="0" headerRowCount="1">` +
          `<autoFilter ref="${range}"/><tableColumns count="${block.header.length}">${columns}</tableColumns>` +
          '<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>',
      });
    } else {
      names.push({ name: block.name, reference: `${quotedSheetName(sheet.name)}!${absoluteRange(range)}` });
    }
    measureColumnWidths(block, top.column, widths);
  }
  const body: string[] = [];
  let lastRow = 1;
  let lastColumn = 1;
  for (const number of [...rows.keys()].sort((a, b) => a - b)) {
    const cells = rows.get(number)!;
    const columns = [...cells.keys()].sort((a, b) => a - b);
    lastRow = Math.max(lastRow, number);
    lastColumn = Math.max(lastColumn, columns[columns.length - 1] ?? 1);
    body.push(
      `<row r="${number}">${columns.map((c) => cellXml(cellAddress({ row: number, column: c }), cells.get(c)!, styles)).join("")}</row>`,
    );
  }
  const cols = [...widths.entries()]
    .sort(([a], [b]) => a - b)
    .map(([column, width]) => `<col min="${column}" max="${column}" width="${width}" customWidth="1"/>`)
    .join("");
  const tableParts =
    tables.length === 0
      ? ""
      : `<tableParts count="${tables.length}">${tables.map((_, i) => `<tablePart r:id="rId${i + 1}"/>`).join("")}</tableParts>`;
  const sheetXml =
    `${xmlDeclaration}<worksheet xmlns="${mainNamespace}" xmlns:r="${relationshipNamespace}">` +
    `<dimension ref="A1:${columnLetters(lastColumn)}${lastRow}"/><sheetFormatPr defaultRowHeight="15"/>` +
    (cols === "" ? "" : `<cols>${cols}</cols>`) +
    `<sheetData>${body.join("")}</sheetData>` +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    `${tableParts}</worksheet>`;
  return { sheetXml, tables, names };
}

/**
 * A package holding only the result sheets, laid out as ExcelJS lays one out (workbook part,
 * `xl/worksheets/sheetN.xml`, `xl/tables/tableN.xml`, a styles part), written straight from the
 * plan: far quicker than building an ExcelJS model of every result cell. Strings are inline, so
 * the package has no shared-string table. `graftResults` then carries it into the user's package.
 *
 * @example
 * const { bytes, names } = await resultSheetsPackage(plan.sheets);
 */
export async function resultSheetsPackage(
  sheets: readonly OwnedSheet[],
): Promise<{ bytes: Buffer; names: { name: string; reference: string }[] }> {
  const zip = new JSZip();
  const styles = new ResultStyles();
  const names: { name: string; reference: string }[] = [];
  const overrides: string[] = [];
  const workbookRelationships: string[] = [];
  const sheetEntries: string[] = [];
  let tableCount = 0;
  sheets.forEach((sheet, index) => {
    const parts = sheetParts(sheet, styles, tableCount + 1);
    const sheetPart = `xl/worksheets/sheet${index + 1}.xml`;
    zip.file(sheetPart, parts.sheetXml);
    overrides.push(
      `<Override PartName="/${sheetPart}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    );
    const sheetRelationships = parts.tables.map((table, t) => {
      const tablePart = `xl/tables/table${tableCount + t + 1}.xml`;
      zip.file(tablePart, table.xml);
      overrides.push(
        `<Override PartName="/${tablePart}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>`,
      );
      return `<Relationship Id="rId${t + 1}" Type="${relationshipNamespace}/table" Target="../tables/table${tableCount + t + 1}.xml"/>`;
    });
    tableCount += parts.tables.length;
    if (sheetRelationships.length > 0)
      zip.file(
        `xl/worksheets/_rels/sheet${index + 1}.xml.rels`,
        `${xmlDeclaration}<Relationships xmlns="${packageRelationships}">${sheetRelationships.join("")}</Relationships>`,
      );
    workbookRelationships.push(
      `<Relationship Id="rId${index + 2}" Type="${relationshipNamespace}/worksheet" Target="worksheets/sheet${index + 1}.xml"/>`,
    );
    sheetEntries.push(
      `<sheet name="${escapeXml(sheet.name)}" sheetId="${index + 1}" r:id="rId${index + 2}"/>`,
    );
    names.push(...parts.names);
  });
  zip.file("xl/styles.xml", styles.toXml());
  zip.file(
    "xl/workbook.xml",
    `${xmlDeclaration}<workbook xmlns="${mainNamespace}" xmlns:r="${relationshipNamespace}"><sheets>${sheetEntries.join("")}</sheets></workbook>`,
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `${xmlDeclaration}<Relationships xmlns="${packageRelationships}"><Relationship Id="rId1" Type="${relationshipNamespace}/styles" Target="styles.xml"/>${workbookRelationships.join("")}</Relationships>`,
  );
  zip.file(
    "_rels/.rels",
    `${xmlDeclaration}<Relationships xmlns="${packageRelationships}"><Relationship Id="rId1" Type="${relationshipNamespace}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    "[Content_Types].xml",
    `${xmlDeclaration}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      `${overrides.join("")}</Types>`,
  );
  // Stored, not compressed: the graft reads it straight back.
  return { bytes: await zip.generateAsync({ type: "nodebuffer", compression: "STORE" }), names };
}
