import { attribute, elements, type ElementSpan, escapeXml, splice, withAttribute } from "./xmlText";

/** Where each collection sits in a styles part: a missing one is inserted before the first later one present. */
const collectionOrder = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
] as const;
type Collection = (typeof collectionOrder)[number];

/** The collection element and the item tag it holds. */
const itemTags: Partial<Record<Collection, string>> = {
  numFmts: "numFmt",
  fonts: "font",
  fills: "fill",
  borders: "border",
  cellXfs: "xf",
};

/** Built-in number formats go up to 163; custom ones are numbered from 164. */
const firstCustomNumberFormat = 164;

function collection(xml: string, name: Collection): ElementSpan | undefined {
  return elements(xml, name).at(0);
}

function items(xml: string, name: Collection): string[] {
  const container = collection(xml, name);
  if (!container || container.selfClosing) return [];
  return elements(container.inner, itemTags[name]!).map((item) =>
    container.inner.slice(item.start, item.end),
  );
}

/**
 * A styles part being extended: items are appended to its collections, reusing an identical item
 * already there, so running again adds nothing. Nothing else in the part changes.
 */
class StyleSheet {
  private readonly added = new Map<Collection, string[]>();
  private readonly existing = new Map<Collection, string[]>();

  constructor(private readonly xml: string) {
    for (const name of Object.keys(itemTags) as Collection[]) this.existing.set(name, items(xml, name));
  }

  /** Index of an identical item, else of the item appended. */
  indexOf(name: Collection, item: string): number {
    const existing = this.existing.get(name)!;
    const found = existing.indexOf(item);
    if (found !== -1) return found;
    const added = this.added.get(name) ?? [];
    this.added.set(name, added);
    const foundAdded = added.indexOf(item);
    if (foundAdded !== -1) return existing.length + foundAdded;
    added.push(item);
    return existing.length + added.length - 1;
  }

  numberFormatId(formatCode: string): number {
    const formats = [...this.existing.get("numFmts")!, ...(this.added.get("numFmts") ?? [])];
    let highest = firstCustomNumberFormat - 1;
    for (const format of formats) {
      const id = Number(attribute(format, "numFmtId"));
      if (attribute(format, "formatCode") === formatCode) return id;
      if (Number.isFinite(id)) highest = Math.max(highest, id);
    }
    const id = highest + 1;
    const added = this.added.get("numFmts") ?? [];
    this.added.set("numFmts", added);
    added.push(`<numFmt numFmtId="${id}" formatCode="${escapeXml(formatCode)}"/>`);
    return id;
  }

  toXml(): string {
    let xml = this.xml;
    for (const name of collectionOrder) {
      const added = this.added.get(name);
      if (!added || added.length === 0) continue;
      const total = this.existing.get(name)!.length + added.length;
      const container = collection(xml, name);
      if (container && !container.selfClosing) {
        const closeTag = `</${name}>`;
        const replacement =
          withAttribute(container.startTag, "count", String(total)) +
          container.inner +
          added.join("") +
          closeTag;
        xml = splice(xml, container.start, container.end, replacement);
      } else {
        const element = `<${name} count="${total}">${added.join("")}</${name}>`;
        if (container) {
          xml = splice(xml, container.start, container.end, element);
        } else {
          const later = collectionOrder.slice(collectionOrder.indexOf(name) + 1);
          const next = later.map((n) => collection(xml, n)).find((span) => span !== undefined);
          const at = next ? next.start : xml.lastIndexOf("</styleSheet>");
          if (at === -1) throw new Error("the styles part has no </styleSheet>");
          xml = splice(xml, at, at, element);
        }
      }
    }
    return xml;
  }
}

/**
 * Adds the cell formats of `productStyles` (a styles part written for the product's sheets alone)
 * to the user's styles part. Returns the user's part and, for each cell format index of the
 * product's part, the index to use in the user's part. The product's default format (0) and its
 * default font, fills and border map to the user's own defaults, so product cells look like the
 * rest of the user's workbook.
 *
 * @example
 * const { xml, cellFormats } = mergeStyles(userStylesXml, productStylesXml);
 * // a product cell written with s="3" is written into the user's package with s="${cellFormats[3]}"
 */
export function mergeStyles(
  userStyles: string,
  productStyles: string,
): { xml: string; cellFormats: number[] } {
  const target = new StyleSheet(userStyles);
  const numberFormats = new Map<string, number>();
  for (const format of items(productStyles, "numFmts")) {
    const id = attribute(format, "numFmtId");
    const code = attribute(format, "formatCode");
    if (id !== undefined && code !== undefined) numberFormats.set(id, target.numberFormatId(code));
  }
  const remap = (name: Collection, defaults: number): number[] =>
    items(productStyles, name).map((item, index) => (index < defaults ? index : target.indexOf(name, item)));
  const fonts = remap("fonts", 1);
  const fills = remap("fills", 2);
  const borders = remap("borders", 1);
  const cellFormats = items(productStyles, "cellXfs").map((xf, index) => {
    if (index === 0) return 0;
    const startTag = /^<xf\b[^>]*>/.exec(xf)![0];
    let tag = startTag;
    const numberFormat = attribute(startTag, "numFmtId");
    if (numberFormat !== undefined && numberFormats.has(numberFormat))
      tag = withAttribute(tag, "numFmtId", String(numberFormats.get(numberFormat)));
    const mapped = (name: string, map: number[]) => {
      const value = attribute(startTag, name);
      if (value !== undefined) tag = withAttribute(tag, name, String(map[Number(value)] ?? 0));
    };
    mapped("fontId", fonts);
    mapped("fillId", fills);
    mapped("borderId", borders);
    // Every workbook has the Normal cell style at 0; the product's cells are based on it.
    tag = withAttribute(tag, "xfId", "0");
    return target.indexOf("cellXfs", tag + xf.slice(startTag.length));
  });
  return { xml: target.toXml(), cellFormats };
}
