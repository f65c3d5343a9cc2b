import { posix } from "node:path";
import JSZip from "jszip";
import { cellAddress } from "../cellAddress";
import { ownedSheetMarkerPrefix } from "../workbookPort";
import {
  ContentTypes,
  contentTypes,
  parseRelationships,
  readText,
  reachableParts,
  relationshipsOf,
  relationshipsPath,
  relationshipTypes,
  relativeTarget,
  type Relationship,
} from "./packageParts";
import { type CellWrite, productSheetForUserPackage, setCells, sharedStringItems } from "./sheetCells";
import { mergeStyles } from "./styleSheetMerge";
import { zipArchive } from "./zipArchive";
import {
  type DefinedNameEntry,
  definedNameEntries,
  editWorkbookXml,
  referencedSheets,
  sheetEntries,
} from "./workbookXml";
import { attribute, escapeXml, withAttribute } from "./xmlText";

/** What the product writes into a user's package. */
export interface ResultGraft {
  /**
   * A package holding only the product's sheets (perhaps with chart parts added): its bytes, or
   * the package itself when it was built in memory.
   */
  productPackage: Buffer | Uint8Array | JSZip;
  /** The product's sheets in that package, in the order they were planned. */
  sheets: string[];
  /** Product sheets of the user's package that the new ones replace (same name, in place). */
  replacedSheets: string[];
  /** Workbook-scoped names the product adds: ownership markers and plain blocks. */
  names: { name: string; reference: string }[];
  /** Print areas of the product's sheets, written as each sheet's `_xlnm.Print_Area`. */
  printAreas?: { sheet: string; reference: string }[];
  /** Cells of user sheets the product owns (Score and Band of CBA_Risks). */
  cellUpdates: ({ sheet: string; row: number; column: number } & CellWrite)[];
}

/** Excel's built-in name for a sheet's print area, scoped to the sheet. */
const printAreaName = "_xlnm.Print_Area";

const tableContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml";
const calcChainType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain";

/**
 * Writes the product's results into a copy of the user's package by grafting: the product's sheet
 * parts, and every part their relationships reach (tables, drawings, charts), are copied in under
 * free part names; `xl/workbook.xml` gets the product's `<sheet>` entries and names;
 * the relationships, content types and styles parts get entries appended; the CBA_Risks cells are
 * edited in place. Every other part (the user's sheets, charts, macros, pivot caches, names,
 * printer settings) is carried over byte for byte. Throws, having written nothing, when the
 * user's package cannot take the graft.
 *
 * @example
 * const output = await graftResults(await readFile("case.xlsx"), graft);
 */
export async function graftResults(original: Buffer | Uint8Array, graft: ResultGraft): Promise<Buffer> {
  const zip = await JSZip.loadAsync(original);
  const product =
    graft.productPackage instanceof JSZip
      ? graft.productPackage
      : await JSZip.loadAsync(graft.productPackage);
  const workbookPart = await mainPart(zip);
  const workbookRelsPath = relationshipsPath(workbookPart);
  let workbookXml = (await readText(zip, workbookPart))!;
  let workbookRels = (await readText(zip, workbookRelsPath)) ?? emptyRelationships;
  const relationships = parseRelationships(workbookPart, workbookRels);
  const types = ContentTypes.parse((await readText(zip, "[Content_Types].xml")) ?? "");
  const userSheets = sheetEntries(workbookXml);
  const sheetPart = (name: string) => {
    const entry = userSheets.find((sheet) => sheet.name.toLowerCase() === name.toLowerCase());
    return entry && relationships.find((r) => r.id === entry.relationshipId);
  };

  // Parts of the replaced product sheets go, unless something that stays still reaches them.
  const removedRelationships = new Set<string>();
  let calcChainStale = false;
  for (const name of graft.replacedSheets) {
    const relationship = sheetPart(name);
    if (!relationship?.part) throw new Error(`the workbook has no part for the sheet "${name}"`);
    removedRelationships.add(relationship.id);
    if (/<f[\s>]/.test((await readText(zip, relationship.part)) ?? "")) calcChainStale = true;
  }
  const kept = new Set<string>();
  for (const relationship of relationships) {
    if (removedRelationships.has(relationship.id) || relationship.part === undefined) continue;
    for (const part of await reachableParts(zip, relationship.part)) kept.add(part);
  }
  for (const id of removedRelationships) {
    const relationship = relationships.find((r) => r.id === id)!;
    for (const part of await reachableParts(zip, relationship.part!)) {
      if (kept.has(part)) continue;
      zip.remove(part);
      zip.remove(relationshipsPath(part));
      types.remove(part);
    }
  }

  // The product's parts, under names free in the user's package.
  const productWorkbookPart = await mainPart(product);
  const productWorkbook = (await readText(product, productWorkbookPart))!;
  const productRelationships = await relationshipsOf(product, productWorkbookPart);
  const productTypes = ContentTypes.parse((await readText(product, "[Content_Types].xml")) ?? "");
  const stylesRelationship = productRelationships.find((r) => r.type === relationshipTypes.styles);
  const productStyles = stylesRelationship?.part && (await readText(product, stylesRelationship.part));
  const sharedStringsPart = productRelationships.find((r) => r.type.endsWith("/sharedStrings"))?.part;
  const sharedStrings = sharedStringItems(sharedStringsPart && (await readText(product, sharedStringsPart)));

  let cellFormats: number[] = [0];
  if (productStyles) {
    const userStylesRelationship = relationships.find((r) => r.type === relationshipTypes.styles);
    const userStyles = userStylesRelationship?.part && (await readText(zip, userStylesRelationship.part));
    if (userStylesRelationship?.part && userStyles) {
      const merged = mergeStyles(userStyles, productStyles);
      zip.file(userStylesRelationship.part, merged.xml);
      cellFormats = merged.cellFormats;
    } else {
      // A package without a styles part (rare, but valid) takes the product's whole.
      const part = posix.join(posix.dirname(workbookPart), "styles.xml");
      zip.file(part, productStyles);
      types.add(part, contentTypes.styles);
      workbookRels = addRelationships(workbookRels, [
        {
          id: freeRelationshipId(workbookRels, []),
          type: relationshipTypes.styles,
          target: relativeTarget(workbookPart, part),
        },
      ]);
      cellFormats = sharedFormatsIdentity(productStyles);
    }
  }

  let nextTableId = await largestTableId(zip, types);
  const taken = new Set(Object.keys(zip.files).map((path) => path.toLowerCase()));
  const productEntries = sheetEntries(productWorkbook);
  const newRelationships: { id: string; type: string; target: string }[] = [];
  const sheetRelationshipIds = new Map<string, string>();
  for (const name of graft.sheets) {
    const entry = productEntries.find((sheet) => sheet.name === name);
    const relationship = entry && productRelationships.find((r) => r.id === entry.relationshipId);
    if (!relationship?.part) throw new Error(`the product package has no sheet "${name}"`);
    const parts = await reachableParts(product, relationship.part);
    const renamed = new Map<string, string>();
    for (const part of parts) {
      const fresh = freePartName(part, taken);
      taken.add(fresh.toLowerCase());
      renamed.set(part, fresh);
    }
    for (const part of parts) {
      const target = renamed.get(part)!;
      const type = productTypes.typeOf(part);
      let content: string | Uint8Array;
      if (part === relationship.part) {
        content = productSheetForUserPackage((await readText(product, part))!, sharedStrings, cellFormats);
      } else if (type === tableContentType) {
        const xml = (await readText(product, part))!;
        content = xml.replace(/<table\b[^>]*>/, (tag) => withAttribute(tag, "id", String(++nextTableId)));
      } else {
        content = await product.file(part)!.async("uint8array");
      }
      zip.file(target, content);
      if (type !== undefined) {
        const extension = posix.extname(part).slice(1);
        if (productTypes.overrides.has(part) || extension === "xml") types.add(target, type);
        else if (types.defaults.has(extension.toLowerCase())) types.add(target, type);
        else types.addDefault(extension, type);
      }
      const rels = await relationshipsOf(product, part);
      if (rels.length > 0) zip.file(relationshipsPath(target), copiedRelationships(rels, target, renamed));
    }
    const id = freeRelationshipId(
      workbookRels,
      newRelationships.map((r) => r.id),
    );
    newRelationships.push({
      id,
      type: relationshipTypes.worksheet,
      target: relativeTarget(workbookPart, renamed.get(relationship.part)!),
    });
    sheetRelationshipIds.set(name, id);
  }

  // Cells of user sheets: edited where they stand.
  const updatesBySheet = new Map<string, ({ row: number; column: number } & CellWrite)[]>();
  for (const update of graft.cellUpdates) {
    const list = updatesBySheet.get(update.sheet) ?? [];
    list.push(update);
    updatesBySheet.set(update.sheet, list);
  }
  for (const [sheet, cells] of updatesBySheet) {
    const relationship = sheetPart(sheet);
    if (!relationship?.part) throw new Error(`the workbook has no part for the sheet "${sheet}"`);
    const xml = (await readText(zip, relationship.part))!;
    if (hasFormulaAt(xml, cells)) calcChainStale = true;
    zip.file(relationship.part, setCells(xml, cells));
  }
  if (calcChainStale) {
    // The calculation chain is a cache Excel rebuilds; a stale one makes it repair the file.
    const chain = relationships.find((r) => r.type === calcChainType);
    if (chain?.part) {
      zip.remove(chain.part);
      types.remove(chain.part);
      removedRelationships.add(chain.id);
    }
  }

  const replacedNames = new Set(graft.replacedSheets.map((name) => name.toLowerCase()));
  // A replaced sheet keeps its place, so its old print area (scoped by that place) goes too.
  const replacedPrintArea = (entry: { name: string; localSheetId: string | undefined }) =>
    entry.name.toLowerCase() === printAreaName.toLowerCase() &&
    entry.localSheetId !== undefined &&
    replacedNames.has((userSheets[Number(entry.localSheetId)]?.name ?? "").toLowerCase());
  const removedName = (entry: DefinedNameEntry) =>
    isProductName(entry, replacedNames) || replacedPrintArea(entry);
  const remainingNames = definedNameEntries(workbookXml).filter((entry) => !removedName(entry));
  const markerTaken = new Set(remainingNames.map((entry) => entry.name.toUpperCase()));
  const markers = graft.sheets.map((sheet) => {
    let index = 1;
    while (markerTaken.has(`${ownedSheetMarkerPrefix}${index}`.toUpperCase())) index++;
    const name = `${ownedSheetMarkerPrefix}${index}`;
    markerTaken.add(name.toUpperCase());
    return { name, reference: `${quoted(sheet)}!$A$1` };
  });
  workbookXml = editWorkbookXml(workbookXml, {
    replaced: graft.sheets
      .filter((name) => replacedNames.has(name.toLowerCase()))
      .map((name) => ({ name, relationshipId: sheetRelationshipIds.get(name)! })),
    added: graft.sheets
      .filter((name) => !replacedNames.has(name.toLowerCase()))
      .map((name) => ({ name, relationshipId: sheetRelationshipIds.get(name)! })),
    removeName: removedName,
    addNames: [...markers, ...graft.names],
    addSheetNames: (graft.printAreas ?? []).map((area) => ({ name: printAreaName, ...area })),
    fullCalculationOnLoad: graft.cellUpdates.length > 0,
  });
  zip.file(workbookPart, workbookXml);
  workbookRels = removeRelationships(workbookRels, removedRelationships);
  zip.file(workbookRelsPath, addRelationships(workbookRels, newRelationships));
  zip.file("[Content_Types].xml", types.toXml());
  return zipArchive(zip);
}

const emptyRelationships =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';

/** The workbook part, as the package's root relationships name it. */
async function mainPart(zip: JSZip): Promise<string> {
  const root = await relationshipsOf(zip, "");
  const main = root.find((r) => r.type === relationshipTypes.officeDocument)?.part;
  if (!main || !zip.file(main)) throw new Error("the file has no workbook part");
  return main;
}

/**
 * A product name on a replaced sheet: an ownership marker, or a workbook-scoped `CBA_` name (the
 * product's prefix) all of whose references are on a replaced product sheet. A user's own names,
 * and every sheet-scoped name, stay.
 */
function isProductName(
  entry: { name: string; reference: string; localSheetId: string | undefined },
  replaced: Set<string>,
): boolean {
  if (entry.localSheetId !== undefined || !entry.name.toUpperCase().startsWith("CBA_")) return false;
  const sheets = referencedSheets(entry.reference);
  return sheets !== undefined && sheets.every((sheet) => replaced.has(sheet.toLowerCase()));
}

function quoted(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** "xl/tables/table1.xml" → the first of table1.xml, table2.xml, … not taken (case-insensitively). */
function freePartName(part: string, taken: Set<string>): string {
  const folder = posix.dirname(part);
  const match = /^(.*?)(\d*)(\.[^.]+)$/.exec(posix.basename(part));
  const stem = match?.[1] ?? posix.basename(part);
  const extension = match?.[3] ?? "";
  for (let index = 1; ; index++) {
    const candidate = `${folder}/${stem}${index}${extension}`;
    if (!taken.has(candidate.toLowerCase()) && !taken.has(relationshipsPath(candidate).toLowerCase()))
      return candidate;
  }
}

function copiedRelationships(
  relationships: readonly Relationship[],
  source: string,
  renamed: Map<string, string>,
): string {
  const items = relationships.map((r) => {
    if (r.part === undefined)
      return `<Relationship Id="${escapeXml(r.id)}" Type="${escapeXml(r.type)}" Target="${escapeXml(r.target)}" TargetMode="External"/>`;
    const target = renamed.get(r.part);
    if (target === undefined) throw new Error(`the product part ${r.part} was not copied`);
    return `<Relationship Id="${escapeXml(r.id)}" Type="${escapeXml(r.type)}" Target="${escapeXml(relativeTarget(source, target))}"/>`;
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.join("")}</Relationships>`;
}

function freeRelationshipId(relsXml: string, alsoTaken: readonly string[]): string {
  const taken = new Set([...parseRelationships("", relsXml).map((r) => r.id), ...alsoTaken]);
  let index = 1;
  while (taken.has(`rId${index}`)) index++;
  return `rId${index}`;
}

function addRelationships(
  relsXml: string,
  added: readonly { id: string; type: string; target: string }[],
): string {
  if (added.length === 0) return relsXml;
  const items = added
    .map(
      (r) =>
        `<Relationship Id="${escapeXml(r.id)}" Type="${escapeXml(r.type)}" Target="${escapeXml(r.target)}"/>`,
    )
    .join("");
  const end = relsXml.lastIndexOf("</Relationships>");
  if (end === -1)
    return relsXml.replace(/<Relationships\b([^>]*)\/>/, `<Relationships$1>${items}</Relationships>`);
  return relsXml.slice(0, end) + items + relsXml.slice(end);
}

function removeRelationships(relsXml: string, ids: Set<string>): string {
  if (ids.size === 0) return relsXml;
  return relsXml.replace(/<Relationship\b[^>]*?(?:\/>|>[\s\S]*?<\/Relationship>)/g, (element) =>
    ids.has(attribute(element, "Id") ?? "") ? "" : element,
  );
}

async function largestTableId(zip: JSZip, types: ContentTypes): Promise<number> {
  let largest = 0;
  for (const path of Object.keys(zip.files)) {
    if (types.typeOf(path) !== tableContentType) continue;
    const xml = (await readText(zip, path)) ?? "";
    const tag = /<table\b[^>]*>/.exec(xml)?.[0];
    const id = tag === undefined ? NaN : Number(attribute(tag, "id"));
    if (Number.isFinite(id)) largest = Math.max(largest, id);
  }
  return largest;
}

function sharedFormatsIdentity(stylesXml: string): number[] {
  const count = (stylesXml.match(/<xf\b/g) ?? []).length;
  return Array.from({ length: count }, (_, index) => index);
}

/** Whether any of the cells holds a formula now (the calculation chain lists it). */
function hasFormulaAt(xml: string, cells: readonly { row: number; column: number }[]): boolean {
  if (!/<f[\s>]/.test(xml)) return false;
  return cells.some(({ row, column }) => {
    const reference = cellAddress({ row, column });
    const at = xml.indexOf(`r="${reference}"`);
    if (at === -1) return false;
    const tagEnd = xml.indexOf(">", at);
    if (tagEnd === -1 || xml[tagEnd - 1] === "/") return false;
    const end = xml.indexOf("</c>", tagEnd);
    return end !== -1 && /<f[\s>/]/.test(xml.slice(tagEnd, end));
  });
}
