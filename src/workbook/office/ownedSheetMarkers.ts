/**
 * Which sheets the product owns, told by marker names: workbook-scoped names `CBA_Owned_<n>`
 * whose formula points at A1 of the owned sheet (see `ownedSheetMarkerPrefix`). A marker whose
 * sheet has gone (formula `=#REF!$A$1`) is stale and may be removed.
 */
import { parseSheetRange } from "../cellAddress";
import { ownedSheetMarkerPrefix } from "../workbookPort";

/** The parts of an Excel.NamedItem the markers are read from. */
export interface NameDefinition {
  name: string;
  type: string;
  formula: string;
}

export interface OwnedSheetMarker {
  name: string;
  /** The `<n>` of `CBA_Owned_<n>`, or null when the suffix is not a whole number. */
  number: number | null;
  /** The owned sheet as the workbook spells it, or null when the marker points nowhere valid. */
  sheet: string | null;
}

/**
 * Hidden staging sheets, where a write too large for one request is assembled before it is copied
 * into the result sheets, are marked the same way: `CBA_Staging_1`, … A staging sheet left by a
 * write that was cut off is removed by the next write.
 */
export const stagingSheetMarkerPrefix = "CBA_Staging_";

/** The product's names for its output blocks start so (`CBA_Out_Shares`, …). */
const productBlockPrefix = "CBA_Out_";

/** True for a name the product gives one of its output blocks. */
export function isProductBlockName(name: string): boolean {
  return name.toUpperCase().startsWith(productBlockPrefix.toUpperCase());
}

export function isMarkerName(name: string): boolean {
  const upper = name.toUpperCase();
  return (
    upper.startsWith(ownedSheetMarkerPrefix.toUpperCase()) ||
    upper.startsWith(stagingSheetMarkerPrefix.toUpperCase())
  );
}

/**
 * The marker names among a workbook's names, each with the sheet it marks.
 *
 * @example
 * ownedSheetMarkers([{ name: "CBA_Owned_1", type: "Range", formula: "='CBA Risks'!$A$1" }], ["Inputs", "CBA Risks"])
 * // → [{ name: "CBA_Owned_1", number: 1, sheet: "CBA Risks" }]
 */
export function ownedSheetMarkers(
  names: readonly NameDefinition[],
  sheetNames: readonly string[],
  prefix: string = ownedSheetMarkerPrefix,
): OwnedSheetMarker[] {
  return names
    .filter((item) => item.name.toUpperCase().startsWith(prefix.toUpperCase()))
    .map((item) => {
      const suffix = item.name.slice(prefix.length);
      const number = /^[1-9][0-9]*$/.test(suffix) ? Number(suffix) : null;
      const target =
        item.type === "Range" && typeof item.formula === "string"
          ? parseSheetRange(item.formula.replace(/^=/, ""))
          : undefined;
      const marksA1 = target !== undefined && target.topLeft === "A1" && target.bottomRight === "A1";
      const sheet = marksA1
        ? (sheetNames.find((candidate) => candidate.toLowerCase() === target.sheet.toLowerCase()) ?? null)
        : null;
      return { name: item.name, number, sheet };
    });
}

/** Lower-cased names of the sheets the markers show the product owns. */
export function ownedSheetSet(markers: readonly OwnedSheetMarker[]): Set<string> {
  return new Set(markers.flatMap((marker) => (marker.sheet === null ? [] : [marker.sheet.toLowerCase()])));
}

/**
 * `count` new marker names using the smallest numbers not already taken.
 *
 * @example
 * newMarkerNames(2, [1, 3]) // → ["CBA_Owned_2", "CBA_Owned_4"]
 */
export function newMarkerNames(
  count: number,
  takenNumbers: Iterable<number>,
  prefix: string = ownedSheetMarkerPrefix,
): string[] {
  const taken = new Set(takenNumbers);
  const names: string[] = [];
  for (let number = 1; names.length < count; number += 1) {
    if (!taken.has(number)) names.push(`${prefix}${number}`);
  }
  return names;
}
