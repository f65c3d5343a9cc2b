import { sheetAddress } from "./cellAddress";
import { type ContractProblem, inputError } from "./contractProblems";
import { sameSheetName } from "./productSheets";
import { provenanceBlockName } from "./resultSheets/provenanceBlock";
import { refreshedResultSheets, type ResultSheetInputs } from "./resultSheets/resultSheetRegistry";
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

/** Every refreshed sheet's provenance block name: like every output name, each must be free. */
export const provenanceOutputNames: readonly string[] = refreshedResultSheets.map((sheet) =>
  provenanceBlockName(sheet.name),
);

/** Names the result sheets always give their blocks; a refresh asks the workbook for them too. */
export const fixedOutputNames: readonly string[] = refreshedResultSheets.flatMap(
  (sheet) => sheet.outputNames,
);

/** Every output name a refresh may write, for its one read: fixed, conditional and provenance names. */
export const refreshOutputNames: readonly string[] = [
  ...fixedOutputNames,
  ...refreshedResultSheets.flatMap((sheet) => sheet.conditionalOutputNames?.names ?? []),
  ...provenanceOutputNames,
];

/**
 * The refreshed sheets' own names taken elsewhere: each sheet's conditional names when its
 * inputs call for them, and each sheet's provenance block name.
 *
 * @example
 * sheetOutputNameProblems(snapshot, inputs); // [] unless a user table has, e.g., "CBA_Out_Tornado"
 */
export function sheetOutputNameProblems(
  snapshot: WorkbookSnapshot,
  inputs: ResultSheetInputs,
): ContractProblem[] {
  return [
    ...refreshedResultSheets.flatMap(({ name, conditionalOutputNames }) =>
      conditionalOutputNames && conditionalOutputNames.when(inputs)
        ? outputNamesTaken(snapshot, conditionalOutputNames.names, name)
        : [],
    ),
    ...refreshedResultSheets.flatMap(({ name }) =>
      outputNamesTaken(snapshot, [provenanceBlockName(name)], name),
    ),
  ];
}
