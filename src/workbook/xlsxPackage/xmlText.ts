/**
 * Just enough XML text handling to add parts to an .xlsx package: escaping what we write, and
 * reading the attributes of the few flat elements we look up (`<sheet>`, `<Relationship>`,
 * `<col>`). The parts we read are machine-written and flat, so no general parser is needed.
 */

/**
 * Text or an attribute value made safe for XML; characters XML 1.0 forbids are dropped.
 *
 * @example
 * escapeXml(`NPV "P50" & <more>`) // → "NPV &quot;P50&quot; &amp; &lt;more&gt;"
 */
export function escapeXml(text: string): string {
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

/**
 * An attribute value's text with entity and character references resolved.
 *
 * @example
 * unescapeXml("&apos;CBA Partners&apos; &amp; co &#65;") // → "'CBA Partners' & co A"
 */
export function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_, entity: string) => {
    if (entity.startsWith("#x")) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith("#")) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[entity]!;
  });
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
