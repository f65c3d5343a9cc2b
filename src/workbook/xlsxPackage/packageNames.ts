import JSZip from "jszip";
import { readText, relationshipsOf, relationshipTypes } from "./packageParts";
import { definedNameEntries } from "./workbookXml";

/** A defined name exactly as the workbook part holds it. */
export interface PackageDefinedName {
  name: string;
  /** The formula text ("Lines!$A$1:$G$40", "#REF!", "0.2", "OFFSET(…)"). */
  reference: string;
  sheetScoped: boolean;
}

/**
 * The defined names of an .xlsx package, and the package without them (for ExcelJS), read from
 * its workbook part directly: ExcelJS drops
 * names it cannot parse (`#REF!`, constants, whole columns) and garbles formula names, and the
 * contract must be able to say which name is broken.
 *
 * @example
 * const { names } = await definedNamesOfPackage(await readFile("case.xlsx"));
 * // [{ name: "CBA_Lines", reference: "Lines!$A$1:$G$40", sheetScoped: false }, …]
 */
export async function definedNamesOfPackage(
  bytes: Buffer | Uint8Array,
): Promise<{ names: PackageDefinedName[]; withoutNames: Buffer | Uint8Array }> {
  const zip = await JSZip.loadAsync(bytes);
  const root = await relationshipsOf(zip, "");
  const main = root.find((r) => r.type === relationshipTypes.officeDocument)?.part;
  const xml = main === undefined ? undefined : await readText(zip, main);
  if (main === undefined || xml === undefined) return { names: [], withoutNames: bytes };
  const names = definedNameEntries(xml).map(({ name, reference, localSheetId }) => ({
    name,
    reference,
    sheetScoped: localSheetId !== undefined,
  }));
  if (names.length === 0) return { names, withoutNames: bytes };
  zip.file(main, xml.replace(/<definedNames\b[\s\S]*?<\/definedNames>|<definedNames\b[^>]*\/>/, ""));
  // Stored, not compressed: this copy is only read once, in memory.
  return { names, withoutNames: await zip.generateAsync({ type: "nodebuffer", compression: "STORE" }) };
}
