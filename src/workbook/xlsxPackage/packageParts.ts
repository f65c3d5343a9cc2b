import { posix } from "node:path";
import type JSZip from "jszip";
import { attribute, elements, escapeXml } from "./xmlText";

/** One relationship of a part's `.rels`: the part it points to, resolved to a package path. */
export interface Relationship {
  id: string;
  type: string;
  /** The target as written (relative to the source part's folder, or absolute with a leading "/"). */
  target: string;
  /** Package path of the target without a leading "/" (e.g. "xl/tables/table1.xml"); undefined when external. */
  part: string | undefined;
}

export const relationshipTypes = {
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
  officeDocument: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
} as const;

export const contentTypes = {
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
} as const;

/** "xl/worksheets/sheet1.xml" → "xl/worksheets/_rels/sheet1.xml.rels". */
export function relationshipsPath(part: string): string {
  const folder = posix.dirname(part);
  const name = posix.basename(part);
  return folder === "." ? `_rels/${name}.rels` : `${folder}/_rels/${name}.rels`;
}

/** A package path for a target written in the `.rels` of `sourcePart`. */
export function resolveTarget(sourcePart: string, target: string): string {
  if (target.startsWith("/")) return posix.normalize(target.slice(1));
  const folder = posix.dirname(sourcePart);
  return posix.normalize(folder === "." ? target : `${folder}/${target}`);
}

/** How a `.rels` of `sourcePart` writes the path of `part`. */
export function relativeTarget(sourcePart: string, part: string): string {
  return posix.relative(posix.dirname(sourcePart), part);
}

export async function readText(zip: JSZip, path: string): Promise<string | undefined> {
  const file = zip.file(path);
  return file ? file.async("string") : undefined;
}

/** The relationships of a part (none when it has no `.rels`). */
export async function relationshipsOf(zip: JSZip, part: string): Promise<Relationship[]> {
  const xml = await readText(zip, relationshipsPath(part));
  return xml === undefined ? [] : parseRelationships(part, xml);
}

export function parseRelationships(sourcePart: string, xml: string): Relationship[] {
  return elements(xml, "Relationship").map(({ startTag }) => {
    const target = attribute(startTag, "Target") ?? "";
    const external = attribute(startTag, "TargetMode") === "External";
    return {
      id: attribute(startTag, "Id") ?? "",
      type: attribute(startTag, "Type") ?? "",
      target,
      part: external ? undefined : resolveTarget(sourcePart, target),
    };
  });
}

/** A `.rels` part holding these relationships (internal targets only). */
export function relationshipsXml(
  relationships: readonly { id: string; type: string; target: string }[],
): string {
  const items = relationships
    .map(
      (r) =>
        `<Relationship Id="${escapeXml(r.id)}" Type="${escapeXml(r.type)}" Target="${escapeXml(r.target)}"/>`,
    )
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items}</Relationships>`;
}

/** Every part reachable from `part` through `.rels` (the part itself first), external targets left out. */
export async function reachableParts(zip: JSZip, part: string): Promise<string[]> {
  const seen = new Set<string>();
  const visit = async (current: string): Promise<void> => {
    if (seen.has(current) || !zip.file(current)) return;
    seen.add(current);
    for (const relationship of await relationshipsOf(zip, current))
      if (relationship.part !== undefined) await visit(relationship.part);
  };
  await visit(part);
  return [...seen];
}

/** The `[Content_Types].xml` of a package: defaults by extension and overrides by part. */
export class ContentTypes {
  private constructor(
    private xml: string,
    readonly defaults: Map<string, string>,
    readonly overrides: Map<string, string>,
  ) {}

  static parse(xml: string): ContentTypes {
    const defaults = new Map<string, string>();
    const overrides = new Map<string, string>();
    for (const { startTag } of elements(xml, "Default"))
      defaults.set(
        (attribute(startTag, "Extension") ?? "").toLowerCase(),
        attribute(startTag, "ContentType") ?? "",
      );
    for (const { startTag } of elements(xml, "Override"))
      overrides.set(
        (attribute(startTag, "PartName") ?? "").replace(/^\//, ""),
        attribute(startTag, "ContentType") ?? "",
      );
    return new ContentTypes(xml, defaults, overrides);
  }

  typeOf(part: string): string | undefined {
    return this.overrides.get(part) ?? this.defaults.get(posix.extname(part).slice(1).toLowerCase());
  }

  /** Gives `part` this content type, by an override unless the extension's default already says so. */
  add(part: string, contentType: string): void {
    const extension = posix.extname(part).slice(1).toLowerCase();
    if (this.overrides.get(part) === contentType) return;
    if (!this.overrides.has(part) && this.defaults.get(extension) === contentType) return;
    if (this.overrides.has(part)) this.remove(part);
    this.overrides.set(part, contentType);
    this.insert(`<Override PartName="/${escapeXml(part)}" ContentType="${escapeXml(contentType)}"/>`);
  }

  /** Adds a default for an extension the package has none for (media parts such as images). */
  addDefault(extension: string, contentType: string): void {
    const key = extension.toLowerCase();
    if (this.defaults.has(key)) return;
    this.defaults.set(key, contentType);
    this.insert(`<Default Extension="${escapeXml(extension)}" ContentType="${escapeXml(contentType)}"/>`);
  }

  remove(part: string): void {
    if (!this.overrides.delete(part)) return;
    const found = elements(this.xml, "Override").find(
      ({ startTag }) => (attribute(startTag, "PartName") ?? "").replace(/^\//, "") === part,
    );
    if (found) this.xml = this.xml.slice(0, found.start) + this.xml.slice(found.end);
  }

  toXml(): string {
    return this.xml;
  }

  private insert(element: string): void {
    const end = this.xml.lastIndexOf("</Types>");
    if (end === -1) throw new Error("[Content_Types].xml has no </Types>");
    this.xml = this.xml.slice(0, end) + element + this.xml.slice(end);
  }
}
