import { parseSheetRange } from "../cellAddress";
import { attribute, elements, escapeXml, splice, unescapeXml, withAttribute } from "./xmlText";

/** A `<sheet>` entry of `xl/workbook.xml`. */
export interface SheetEntry {
  name: string;
  sheetId: number;
  relationshipId: string;
  startTag: string;
}

/** The relationship id of a `<sheet>`: its `r:id`, whatever prefix the writer bound to the namespace. */
function relationshipIdOf(startTag: string): string | undefined {
  const match = /\s[A-Za-z_][\w.-]*:id\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(startTag);
  return match ? unescapeXml(match[1] ?? match[2] ?? "") : undefined;
}

export function sheetEntries(workbookXml: string): SheetEntry[] {
  const sheets = elements(workbookXml, "sheets").at(0);
  if (!sheets) return [];
  return elements(sheets.inner, "sheet").map(({ startTag }) => ({
    name: attribute(startTag, "name") ?? "",
    sheetId: Number(attribute(startTag, "sheetId") ?? 0),
    relationshipId: relationshipIdOf(startTag) ?? "",
    startTag,
  }));
}

/** A workbook-level defined name. */
export interface DefinedNameEntry {
  name: string;
  /** The formula text, unescaped ("'CBA Partners'!$A$1"). */
  reference: string;
  /** Present for a sheet-scoped name. */
  localSheetId: string | undefined;
}

export function definedNameEntries(workbookXml: string): DefinedNameEntry[] {
  const names = elements(workbookXml, "definedNames").at(0);
  if (!names) return [];
  return elements(names.inner, "definedName").map(({ startTag, inner }) => ({
    name: attribute(startTag, "name") ?? "",
    reference: unescapeXml(inner),
    localSheetId: attribute(startTag, "localSheetId"),
  }));
}

/** The sheets a reference points into, or undefined when it is not only sheet ranges (a constant, a formula). */
export function referencedSheets(reference: string): string[] | undefined {
  const parts = reference.match(/(?:'(?:[^']|'')*'|[^,'])+/g) ?? [];
  const sheets: string[] = [];
  for (const part of parts) {
    const range = parseSheetRange(part);
    if (!range) return undefined;
    sheets.push(range.sheet);
  }
  return sheets.length === 0 ? undefined : sheets;
}

/** What changes in `xl/workbook.xml`: the product's sheets and names, and recalculation. */
export interface WorkbookEdit {
  /** Sheets replaced in place: their `<sheet>` keeps name, id and place and points at a new part. */
  replaced: { name: string; relationshipId: string }[];
  /** New sheets, appended after the user's. */
  added: { name: string; relationshipId: string }[];
  /** Whether a workbook-scoped name is the product's and goes (the caller decides). */
  removeName: (entry: DefinedNameEntry) => boolean;
  /** Workbook-scoped names added. */
  addNames: { name: string; reference: string }[];
  /** Names scoped to a sheet (e.g. its `_xlnm.Print_Area`), numbered by the sheet's final place. */
  addSheetNames?: { name: string; reference: string; sheet: string }[];
  /** Ask Excel to recalculate everything on opening: a cell others may refer to has changed. */
  fullCalculationOnLoad: boolean;
}

/**
 * Applies the edit to the workbook part's text; the rest of the part (views, calculation
 * settings, pivot caches, other names, extensions) is kept as written.
 */
export function editWorkbookXml(workbookXml: string, edit: WorkbookEdit): string {
  let xml = workbookXml;
  if (elements(xml, "sheets").length === 0) {
    // A workbook written with no sheets at all (ExcelJS does so) gets an empty list to add to.
    const before = ["functionGroups", "externalReferences", "definedNames", "calcPr"]
      .map((tag) => elements(xml, tag).at(0))
      .find((span) => span !== undefined);
    const at = before ? before.start : xml.lastIndexOf("</workbook>");
    if (at === -1) throw new Error("the workbook part is not a workbook");
    xml = splice(xml, at, at, "<sheets></sheets>");
  }
  const sheets = elements(xml, "sheets").at(0)!;
  let inner = sheets.inner;
  const sheetsTag = sheets.selfClosing ? sheets.startTag.replace(/\s*\/>$/, ">") : sheets.startTag;
  for (const { name, relationshipId } of edit.replaced) {
    const entry = elements(inner, "sheet").find(
      ({ startTag }) => (attribute(startTag, "name") ?? "").toLowerCase() === name.toLowerCase(),
    );
    if (!entry) throw new Error(`the workbook part has no sheet "${name}"`);
    const old = relationshipIdOf(entry.startTag)!;
    const tag = entry.startTag.replace(
      /(\s[A-Za-z_][\w.-]*:id\s*=\s*)(?:"[^"]*"|'[^']*')/,
      (_, prefix: string) => (old === undefined ? _ : `${prefix}"${escapeXml(relationshipId)}"`),
    );
    inner = splice(inner, entry.start, entry.end, tag);
  }
  let nextId = Math.max(0, ...sheetEntries(xml).map((s) => s.sheetId)) + 1;
  const prefix =
    /\s([A-Za-z_][\w.-]*):id\s*=/.exec(elements(inner, "sheet").at(0)?.startTag ?? "")?.[1] ?? "r";
  for (const { name, relationshipId } of edit.added) {
    inner += `<sheet name="${escapeXml(name)}" sheetId="${nextId++}" ${prefix}:id="${escapeXml(relationshipId)}"/>`;
  }
  xml = splice(xml, sheets.start, sheets.end, `${sheetsTag}${inner}</sheets>`);

  const names = elements(xml, "definedNames").at(0);
  const kept: string[] = [];
  if (names && !names.selfClosing) {
    for (const element of elements(names.inner, "definedName")) {
      const entry: DefinedNameEntry = {
        name: attribute(element.startTag, "name") ?? "",
        reference: unescapeXml(element.inner),
        localSheetId: attribute(element.startTag, "localSheetId"),
      };
      if (!edit.removeName(entry)) kept.push(names.inner.slice(element.start, element.end));
    }
  }
  const added = edit.addNames.map(
    ({ name, reference }) => `<definedName name="${escapeXml(name)}">${escapeXml(reference)}</definedName>`,
  );
  const order = sheetEntries(xml).map((entry) => entry.name.toLowerCase());
  for (const { name, reference, sheet } of edit.addSheetNames ?? []) {
    const index = order.indexOf(sheet.toLowerCase());
    if (index === -1) throw new Error(`the workbook part has no sheet "${sheet}" for the name ${name}`);
    added.push(
      `<definedName name="${escapeXml(name)}" localSheetId="${index}">${escapeXml(reference)}</definedName>`,
    );
  }
  const namesXml =
    kept.length + added.length === 0 ? "" : `<definedNames>${kept.join("")}${added.join("")}</definedNames>`;
  if (names) {
    // Untouched when nothing changed, so the user's spelling of every name survives exactly.
    const removedAny = kept.length !== elements(names.inner, "definedName").length;
    if (removedAny || added.length > 0) xml = splice(xml, names.start, names.end, namesXml);
  } else if (namesXml !== "") {
    const anchor = ["externalReferences", "functionGroups", "sheets"]
      .map((tag) => elements(xml, tag).at(0))
      .find((span) => span !== undefined)!;
    xml = splice(xml, anchor.end, anchor.end, namesXml);
  }

  if (edit.fullCalculationOnLoad) {
    const calc = elements(xml, "calcPr").at(0);
    if (calc) {
      const tag = withAttribute(calc.startTag, "fullCalcOnLoad", "1");
      xml = splice(xml, calc.start, calc.start + calc.startTag.length, tag);
    } else {
      const anchor = ["definedNames", "externalReferences", "functionGroups", "sheets"]
        .map((tag) => elements(xml, tag).at(0))
        .find((span) => span !== undefined)!;
      xml = splice(xml, anchor.end, anchor.end, `<calcPr fullCalcOnLoad="1"/>`);
    }
  }
  return xml;
}
