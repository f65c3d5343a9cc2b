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
import type { CellValue, OwnedSheet, PageSetup } from "../workbookPort";
import { formulaAt } from "../formulaCells";
import { formulaCellXml } from "./sheetCells";
import { escapeXml } from "./xmlText";

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

/** A result cell's XML; `style` is its cell format's index (0, the default, is left unwritten). */
function cellXml(reference: string, style: number, value: CellValue, formula: string | undefined): string {
  const s = style === 0 ? "" : ` s="${style}"`;
  if (formula !== undefined) return formulaCellXml(reference, s, formula, value);
  if (value === null || value === undefined) return `<c r="${reference}"${s}/>`;
  if (typeof value === "number" && Number.isFinite(value))
    return `<c r="${reference}"${s}><v>${value}</v></c>`;
  if (typeof value === "boolean") return `<c r="${reference}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  const text = String(value);
  const space = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : "";
  return `<c r="${reference}"${s} t="inlineStr"><is><t${space}>${escapeXml(text)}</t></is></c>`;
}

/**
 * A sheet's cells, each kept as its XML from the moment it is placed: no object per cell, so a
 * sheet of hundreds of thousands of cells costs little more than its text.
 */
class SheetCells {
  private readonly rows = new Map<number, { columns: number[]; cells: string[] }>();

  put(row: number, column: number, xml: string): void {
    let cells = this.rows.get(row);
    if (!cells) this.rows.set(row, (cells = { columns: [], cells: [] }));
    cells.columns.push(column);
    cells.cells.push(xml);
  }

  /** The `<row>` elements in order, and the last row and column used (at least 1). */
  toXml(): { rowsXml: string; lastRow: number; lastColumn: number } {
    const body: string[] = [];
    let lastRow = 1;
    let lastColumn = 1;
    for (const number of [...this.rows.keys()].sort((a, b) => a - b)) {
      let { columns, cells } = this.rows.get(number)!;
      if (columns.some((column, i) => i > 0 && column <= columns[i - 1]!)) {
        // Blocks side by side, or a cell placed twice (the last one placed wins): put in column order.
        const byColumn = new Map<number, string>();
        columns.forEach((column, i) => byColumn.set(column, cells[i]!));
        columns = [...byColumn.keys()].sort((a, b) => a - b);
        cells = columns.map((column) => byColumn.get(column)!);
      }
      lastRow = Math.max(lastRow, number);
      lastColumn = Math.max(lastColumn, columns[columns.length - 1] ?? 1);
      body.push(`<row r="${number}">${cells.join("")}</row>`);
      this.rows.delete(number);
    }
    return { rowsXml: body.join(""), lastRow, lastColumn };
  }
}

/** One result sheet's part, its tables, and the names of its plain blocks. */
interface SheetParts {
  sheetXml: string;
  tables: { name: string; xml: string }[];
  names: { name: string; reference: string }[];
  /** The sheet's print area, which the graft writes as its `_xlnm.Print_Area`. */
  printArea?: PrintAreaName;
}

/** A sheet's print area as a defined name scoped to that sheet. */
export interface PrintAreaName {
  sheet: string;
  /** e.g. `'CBA Summary'!$A$1:$Q$48`. */
  reference: string;
}

function sheetParts(sheet: OwnedSheet, styles: ResultStyles, firstTableId: number): SheetParts {
  const cells = new SheetCells();
  const tables: { name: string; xml: string }[] = [];
  const names: { name: string; reference: string }[] = [];
  const widths = new Map<number, number>();
  for (const block of sheet.blocks) {
    const top = parseCellAddress(block.topLeft);
    if (block.title !== undefined && top.row > 1) {
      const style = styles.index({ ...plainStyle, font: "title" });
      cells.put(
        top.row - 1,
        top.column,
        cellXml(cellAddress({ row: top.row - 1, column: top.column }), style, block.title, undefined),
      );
    }
    const asTable = block.asTable !== false && block.rows.length > 0;
    const letters = block.header.map((_, c) => columnLetters(top.column + c));
    const headerStyle = styles.index(asTable ? plainStyle : { ...plainStyle, font: "bold" });
    block.header.forEach((header, c) =>
      cells.put(top.row, top.column + c, cellXml(`${letters[c]}${top.row}`, headerStyle, header, undefined)),
    );
    // A column's format without a fill, looked up once per column rather than once per cell.
    const numberFormats = block.header.map((_, c) => block.columnFormats?.[c] ?? "");
    const columnStyles = numberFormats.map((numberFormat) => styles.index({ ...plainStyle, numberFormat }));
    block.rows.forEach((row, r) => {
      const rowNumber = top.row + 1 + r;
      for (let c = 0; c < block.header.length; c++) {
        const value = row[c] ?? null;
        const colour = block.fills?.[r]?.[c] ?? null;
        const style =
          colour === null
            ? columnStyles[c]!
            : styles.index({
                font: "",
                fill: `FF${colour.replace(/^#/, "").toUpperCase()}`,
                numberFormat: numberFormats[c]!,
              });
        const formula = formulaAt(block, r, c);
        if (formula !== undefined || value !== null || colour !== null || numberFormats[c] !== "")
          cells.put(rowNumber, top.column + c, cellXml(`${letters[c]}${rowNumber}`, style, value, formula));
      }
    });
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
  const { rowsXml, lastRow, lastColumn } = cells.toXml();
  const cols = [...widths.entries()]
    .sort(([a], [b]) => a - b)
    .map(([column, width]) => `<col min="${column}" max="${column}" width="${width}" customWidth="1"/>`)
    .join("");
  const tableParts =
    tables.length === 0
      ? ""
      : `<tableParts count="${tables.length}">${tables.map((_, i) => `<tablePart r:id="rId${i + 1}"/>`).join("")}</tableParts>`;
  const setup = sheet.pageSetup;
  const sheetXml =
    `${xmlDeclaration}<worksheet xmlns="${mainNamespace}" xmlns:r="${relationshipNamespace}">` +
    (setup ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : "") +
    `<dimension ref="A1:${columnLetters(lastColumn)}${lastRow}"/>` +
    (setup && setup.frozenRows > 0 ? frozenRowsXml(setup.frozenRows) : "") +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols === "" ? "" : `<cols>${cols}</cols>`) +
    `<sheetData>${rowsXml}</sheetData>` +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    (setup ? pageSetupXml(setup) : "") +
    `${tableParts}</worksheet>`;
  const printArea = setup && {
    sheet: sheet.name,
    reference: `${quotedSheetName(sheet.name)}!${absoluteRange(setup.printArea)}`,
  };
  return { sheetXml, tables, names, ...(printArea ? { printArea } : {}) };
}

/** A view with the top rows frozen, as Excel writes one ("Freeze Panes" below those rows). */
function frozenRowsXml(rows: number): string {
  return (
    '<sheetViews><sheetView workbookViewId="0">' +
    `<pane ySplit="${rows}" topLeftCell="A${rows + 1}" activePane="bottomLeft" state="frozen"/>` +
    '<selection pane="bottomLeft"/></sheetView></sheetViews>'
  );
}

/** Paper 9 is A4 in the OOXML list; "fit to" needs `fitToPage` in the sheet's properties too. */
function pageSetupXml(setup: PageSetup): string {
  return `<pageSetup paperSize="9" orientation="${setup.orientation}" fitToWidth="${setup.fitToPagesWide}" fitToHeight="${setup.fitToPagesTall}"/>`;
}

/**
 * A package holding only the result sheets, laid out as ExcelJS lays one out (workbook part,
 * `xl/worksheets/sheetN.xml`, `xl/tables/tableN.xml`, a styles part), written straight from the
 * plan: far quicker than building an ExcelJS model of every result cell. Strings are inline, so
 * the package has no shared-string table. `graftResults` then carries it into the user's package;
 * it is handed over in memory, never zipped and read back.
 *
 * @example
 * const { zip, names } = resultSheetsPackage(plan.sheets);
 */
export function resultSheetsPackage(sheets: readonly OwnedSheet[]): {
  zip: JSZip;
  names: { name: string; reference: string }[];
  printAreas: PrintAreaName[];
} {
  const zip = new JSZip();
  const styles = new ResultStyles();
  const names: { name: string; reference: string }[] = [];
  const printAreas: PrintAreaName[] = [];
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
    if (parts.printArea) printAreas.push(parts.printArea);
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
  return { zip, names, printAreas };
}
