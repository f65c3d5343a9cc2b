import { sheetAddress } from "./cellAddress";
import { type ContractProblem, inputError } from "./contractProblems";
import { sameSheetName } from "./productSheets";
import type { WorkbookSnapshot } from "./workbookPort";

/**
 * Output names of one result sheet that a table or range elsewhere already uses. Excel keeps table
 * and range names in one namespace, so writing a block of that name would fail; a name on the
 * product's own copy of the sheet is fine (the sheet is replaced). The snapshot must have been read
 * with these names requested.
 *
 * @example
 * outputNamesTaken(snapshot, ["CBA_Out_Tornado"], "CBA Scenarios"); // [] unless a user table has that name
 */
export function outputNamesTaken(
  snapshot: WorkbookSnapshot,
  names: readonly string[],
  resultSheet: string,
): ContractProblem[] {
  const ownCopy = snapshot.sheets.some((s) => s.ownedByProduct && sameSheetName(s.name, resultSheet));
  return names.flatMap((name) => {
    const found = snapshot.ranges.get(name.toUpperCase());
    if (!found || (ownCopy && sameSheetName(found.sheet, resultSheet))) return [];
    return [
      inputError(
        found.name,
        sheetAddress(found.sheet, found.topLeft),
        "Output name taken",
        `the name "${found.name}" is used on sheet "${found.sheet}", but the "${resultSheet}" sheet needs it for its own table; rename yours`,
      ),
    ];
  });
}
