import { cellAddress, parseCellAddress } from "../cellAddress";
import type { CellValue } from "../workbookPort";
import { attribute, elements, escapeXml, withAttribute, withoutAttribute } from "./xmlText";

/**
 * A product sheet's part, as written for a package of its own, made ready for the user's
 * package: shared strings become inline strings (the user's shared-string table is never
 * rewritten) and cell, row and column formats take the user's style indices.
 *
 * @example
 * productSheetForUserPackage(sheetXml, ["Title", "Code"], [0, 12, 13]);
 */
export function productSheetForUserPackage(
  sheetXml: string,
  sharedStrings: readonly string[],
  cellFormats: readonly number[],
): string {
  const style = (value: string) => cellFormats[Number(value)] ?? 0;
  if (!/\st="s"/.test(sheetXml)) return withUserStyles(sheetXml, style);
  return sheetXml
    .replace(/<c\b([^>]*?)(\/>|>[\s\S]*?<\/c>)/g, (cell, attributes: string, rest: string) => {
      // Most cells: an address and a format index, in one attribute pass.
      const restyled = attributes.replace(
        /(\ss=")(\d+)(")/,
        (_, open: string, index: string, close: string) => {
          const mapped = style(index);
          return mapped === 0 ? "" : `${open}${mapped}${close}`;
        },
      );
      if (!/\st="s"/.test(attributes)) return `<c${restyled}${rest}`;
      const index = Number(/<v>(\d+)<\/v>/.exec(rest)?.[1]);
      return `<c${restyled.replace(/\st="s"/, ' t="inlineStr"')}><is>${sharedStrings[index] ?? "<t></t>"}</is></c>`;
    })
    .replace(/<row\b[^>]*>/g, (tag) => restyle(tag, "s", style))
    .replace(/<col\b[^>]*>/g, (tag) => restyle(tag, "style", style));
}

/**
 * `productSheetForUserPackage` for a part without shared strings (the runner's own result
 * sheets): one scan from style attribute to style attribute instead of a pattern per cell, since
 * a large sheet has hundreds of thousands of cells. Text and formulas are escaped, so a quote
 * (and with it ` s="`) occurs only inside tags.
 */
function withUserStyles(sheetXml: string, style: (value: string) => number): string {
  const parts: string[] = [];
  let last = 0;
  const attributePattern = /\s(s|style)="(\d+)"/g;
  for (let match = attributePattern.exec(sheetXml); match; match = attributePattern.exec(sheetXml)) {
    const [whole, name, value] = match as unknown as [string, "s" | "style", string];
    const tagStart = sheetXml.lastIndexOf("<", match.index);
    const tag = /^<(\w+)/.exec(sheetXml.slice(tagStart, tagStart + 5))?.[1];
    const restyles = name === "s" ? tag === "c" || tag === "row" : tag === "col";
    if (!restyles) continue;
    const mapped = style(value);
    parts.push(sheetXml.slice(last, match.index));
    // A cell or row in the default format carries no `s`; a column always says its style.
    if (mapped !== 0 || name === "style") parts.push(` ${name}="${mapped}"`);
    last = match.index + whole.length;
  }
  parts.push(sheetXml.slice(last));
  return parts.join("");
}

function restyle(tag: string, name: string, style: (value: string) => number): string {
  const value = attribute(tag, name);
  if (value === undefined) return tag;
  const mapped = style(value);
  return mapped === 0 && name === "s"
    ? withoutAttribute(tag, name)
    : withAttribute(tag, name, String(mapped));
}

/** The contents of each `<si>` of a shared-strings part, in order (as `<is>` takes them). */
export function sharedStringItems(sharedStringsXml: string | undefined): string[] {
  if (sharedStringsXml === undefined) return [];
  return elements(sharedStringsXml, "si").map((item) => item.inner);
}

/** A new cell value, with the live formula whose cached result it is, if any. */
export interface CellWrite {
  value: CellValue;
  /** A1 formula starting with "=". */
  formula?: string;
}

/**
 * A formula cell: the formula (without its "=") and its cached result, typed so Excel shows the
 * result before recalculating. `styleAttribute` is "" or ` s="…"`.
 */
export function formulaCellXml(
  reference: string,
  styleAttribute: string,
  formula: string,
  value: CellValue,
): string {
  const f = `<f>${escapeXml(formula.replace(/^=/, ""))}</f>`;
  const s = styleAttribute;
  if (value === null || value === undefined) return `<c r="${reference}"${s}>${f}</c>`;
  if (typeof value === "number") return `<c r="${reference}"${s}>${f}<v>${String(value)}</v></c>`;
  if (typeof value === "boolean") return `<c r="${reference}"${s} t="b">${f}<v>${value ? 1 : 0}</v></c>`;
  return `<c r="${reference}"${s} t="str">${f}<v>${escapeXml(value)}</v></c>`;
}

/** A cell as it is written into a user's sheet, keeping its address and format. */
function cellXml(reference: string, style: string | undefined, { value, formula }: CellWrite): string {
  const s = style === undefined ? "" : ` s="${escapeXml(style)}"`;
  if (formula !== undefined) return formulaCellXml(reference, s, formula, value);
  if (value === null || value === undefined) return `<c r="${reference}"${s}/>`;
  if (typeof value === "number") return `<c r="${reference}"${s}><v>${String(value)}</v></c>`;
  if (typeof value === "boolean") return `<c r="${reference}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  const space = /^\s|\s$|\n/.test(value) ? ' xml:space="preserve"' : "";
  return `<c r="${reference}"${s} t="inlineStr"><is><t${space}>${escapeXml(value)}</t></is></c>`;
}

function columnOf(reference: string): number {
  return parseCellAddress(reference).column;
}

/** Rows that carry one row's new cell values, by column. */
type RowUpdates = Map<number, Map<number, CellWrite>>;

/**
 * Sets cells of a user's sheet part, touching only those `<c>` elements: each keeps its format
 * (its `s`), loses its formula, and takes the new value (or the new formula with the value as its
 * cached result); a missing row or cell is added in order.
 * Every other byte of the part is kept.
 *
 * @example
 * setCells(sheetXml, [{ row: 2, column: 9, value: 12 }, { row: 2, column: 10, value: "Medium" }]);
 */
export function setCells(
  sheetXml: string,
  updates: readonly ({ row: number; column: number } & CellWrite)[],
): string {
  const byRow: RowUpdates = new Map();
  for (const { row, column, value, formula } of updates) {
    const cells = byRow.get(row) ?? new Map<number, CellWrite>();
    cells.set(column, formula === undefined ? { value } : { value, formula });
    byRow.set(row, cells);
  }
  const dataAt = sheetXml.search(/<sheetData\b/);
  if (dataAt === -1) throw new Error("the sheet has no <sheetData>");
  const dataTag = /^<sheetData\b[^>]*>/.exec(sheetXml.slice(dataAt))![0];
  let body: string;
  let after: string;
  if (dataTag.endsWith("/>")) {
    body = "";
    after = sheetXml.slice(dataAt + dataTag.length);
  } else {
    const closeAt = sheetXml.indexOf("</sheetData>", dataAt);
    body = sheetXml.slice(dataAt + dataTag.length, closeAt);
    after = sheetXml.slice(closeAt + "</sheetData>".length);
  }
  const pending = new Map(byRow);
  const parts: string[] = [];
  const rowPattern = /<row\b[^>]*?(?:\/>|>[\s\S]*?<\/row>)/g;
  let last = 0;
  const flushBefore = (rowNumber: number) => {
    for (const number of [...pending.keys()].sort((a, b) => a - b)) {
      if (number >= rowNumber) break;
      parts.push(newRow(number, pending.get(number)!));
      pending.delete(number);
    }
  };
  for (let match = rowPattern.exec(body); match; match = rowPattern.exec(body)) {
    const rowXml = match[0];
    const number = Number(attribute(/^<row\b[^>]*>/.exec(rowXml)![0], "r"));
    if (!Number.isInteger(number)) throw new Error("a row of the sheet has no row number");
    if (!byRow.has(number) && ![...pending.keys()].some((n) => n < number)) continue;
    parts.push(body.slice(last, match.index));
    flushBefore(number);
    parts.push(pending.has(number) ? updatedRow(rowXml, number, pending.get(number)!) : rowXml);
    pending.delete(number);
    last = match.index + rowXml.length;
  }
  parts.push(body.slice(last));
  flushBefore(Number.POSITIVE_INFINITY);
  const head = sheetXml.slice(0, dataAt);
  const openTag = dataTag.endsWith("/>") ? dataTag.replace(/\s*\/>$/, ">") : dataTag;
  return `${head}${openTag}${parts.join("")}</sheetData>${after}`;
}

function newRow(number: number, cells: Map<number, CellWrite>): string {
  const sorted = [...cells.entries()].sort(([a], [b]) => a - b);
  return `<row r="${number}">${sorted.map(([column, value]) => cellXml(cellAddress({ row: number, column }), undefined, value)).join("")}</row>`;
}

function updatedRow(rowXml: string, number: number, cells: Map<number, CellWrite>): string {
  const startTag = /^<row\b[^>]*>/.exec(rowXml)![0];
  const openTag = startTag.endsWith("/>") ? startTag.replace(/\s*\/>$/, ">") : startTag;
  const inner = startTag.endsWith("/>") ? "" : rowXml.slice(startTag.length, rowXml.length - "</row>".length);
  const remaining = new Map(cells);
  const parts: string[] = [];
  const flushBefore = (column: number) => {
    for (const c of [...remaining.keys()].sort((a, b) => a - b)) {
      if (c >= column) break;
      parts.push(cellXml(cellAddress({ row: number, column: c }), undefined, remaining.get(c)!));
      remaining.delete(c);
    }
  };
  let last = 0;
  const cellPattern = /<c\b[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g;
  for (let match = cellPattern.exec(inner); match; match = cellPattern.exec(inner)) {
    const cellStart = /^<c\b[^>]*>/.exec(match[0])![0];
    const reference = attribute(cellStart, "r");
    if (reference === undefined) throw new Error(`a cell of row ${number} has no address`);
    const column = columnOf(reference);
    parts.push(inner.slice(last, match.index));
    flushBefore(column);
    if (remaining.has(column)) {
      parts.push(cellXml(reference, attribute(cellStart, "s"), remaining.get(column)!));
      remaining.delete(column);
    } else {
      parts.push(match[0]);
    }
    last = match.index + match[0].length;
  }
  parts.push(inner.slice(last));
  flushBefore(Number.POSITIVE_INFINITY);
  // The row's "spans" hint may no longer cover the cells; Excel recomputes it when it is absent.
  return `${withoutAttribute(openTag, "spans")}${parts.join("")}</row>`;
}
