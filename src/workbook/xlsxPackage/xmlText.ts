/**
 * Small, exact edits to the XML parts of an .xlsx package. The runner changes only a few elements
 * of the user's parts, so it edits their text in place rather than parsing and re-serialising
 * them: everything it does not touch stays byte for byte as the user's application wrote it.
 */

/**
 * Text or an attribute value made safe for XML; characters XML 1.0 forbids (control characters,
 * lone surrogates) are dropped.
 *
 * @example
 * escapeXml(`NPV "P50" & <more>`) // → "NPV &quot;P50&quot; &amp; &lt;more&gt;"
 */
export function escapeXml(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what XML 1.0 forbids
  if (!/[&<>"'\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/.test(text)) return text;
  return (
    text
      // eslint-disable-next-line no-control-regex -- control characters are exactly what XML 1.0 forbids
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
      // A lone surrogate is no character at all.
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "")
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&apos;")
  );
}

/** Resolves the five predefined entities and numeric character references. */
export function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, entity: string) => {
    if (entity === "amp") return "&";
    if (entity === "lt") return "<";
    if (entity === "gt") return ">";
    if (entity === "quot") return '"';
    if (entity === "apos") return "'";
    const code = entity.startsWith("#x") ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
    return String.fromCodePoint(code);
  });
}

/** Patterns for an attribute by name, built once: sheets have hundreds of thousands of cells. */
const attributePatterns = new Map<string, RegExp>();

function attributePattern(name: string): RegExp {
  let pattern = attributePatterns.get(name);
  if (pattern === undefined) {
    pattern = new RegExp(`(\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*)(?:"([^"]*)"|'([^']*)')`);
    attributePatterns.set(name, pattern);
  }
  return pattern;
}

/** An attribute of an element's start tag, unescaped, or undefined when absent. */
export function attribute(startTag: string, name: string): string | undefined {
  if (!startTag.includes(name)) return undefined;
  const match = attributePattern(name).exec(startTag);
  if (!match) return undefined;
  const value = match[2] ?? match[3] ?? "";
  return value.includes("&") ? unescapeXml(value) : value;
}

/** The start tag with the attribute set (replaced in place, or added before the tag's end). */
export function withAttribute(startTag: string, name: string, value: string): string {
  const pattern = attributePattern(name);
  if (pattern.test(startTag))
    return startTag.replace(pattern, (_, prefix: string) => `${prefix}"${escapeXml(value)}"`);
  return startTag.replace(/\s*(\/?>)$/, ` ${name}="${escapeXml(value)}"$1`);
}

/** The start tag without the attribute. */
export function withoutAttribute(startTag: string, name: string): string {
  return startTag.replace(attributePattern(name), "");
}

/** One element found in a part: where it starts and ends, its start tag and its content. */
export interface ElementSpan {
  start: number;
  end: number;
  startTag: string;
  /** Text between the start and end tags; "" for an empty element. */
  inner: string;
  selfClosing: boolean;
}

/**
 * Every element `tag` in `xml` from `from` to `to`, not nested in one another (the spreadsheet
 * parts this is used on never nest an element in one of the same name).
 */
export function elements(xml: string, tag: string, from = 0, to = xml.length): ElementSpan[] {
  const found: ElementSpan[] = [];
  const open = new RegExp(`<${tag.replace(/[.:]/g, "\\$&")}(?=[\\s/>])[^>]*>`, "g");
  open.lastIndex = from;
  const close = `</${tag}>`;
  for (let match = open.exec(xml); match && match.index < to; match = open.exec(xml)) {
    const startTag = match[0];
    const selfClosing = startTag.endsWith("/>");
    if (selfClosing) {
      found.push({ start: match.index, end: open.lastIndex, startTag, inner: "", selfClosing });
      continue;
    }
    const closeAt = xml.indexOf(close, open.lastIndex);
    if (closeAt === -1) throw new Error(`an <${tag}> element is not closed`);
    found.push({
      start: match.index,
      end: closeAt + close.length,
      startTag,
      inner: xml.slice(open.lastIndex, closeAt),
      selfClosing,
    });
    open.lastIndex = closeAt + close.length;
  }
  return found;
}

/** `xml` with the text from `start` to `end` replaced. */
export function splice(xml: string, start: number, end: number, replacement: string): string {
  return xml.slice(0, start) + replacement + xml.slice(end);
}

/**
 * Every start (or empty) tag of an element, with its attributes; the element may carry a namespace
 * prefix (`x:sheet`), and attributes are keyed as written (`r:id`).
 *
 * @example
 * elementsNamed('<sheets><sheet name="A &amp; B" r:id="rId4"/></sheets>', "sheet")
 * // → [{ name: "A & B", "r:id": "rId4" }]
 */
export function elementsNamed(xml: string, element: string): Record<string, string>[] {
  const tags = xml.matchAll(new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${element}(?=[\\s/>])([^>]*)>`, "g"));
  return [...tags].map((tag) => {
    const attributes: Record<string, string> = {};
    for (const attribute of tag[1]!.matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      attributes[attribute[1]!] = unescapeXml(attribute[2] ?? attribute[3] ?? "");
    }
    return attributes;
  });
}
