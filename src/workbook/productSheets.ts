/**
 * The product's sheet names, as the rest of the product asks for them: every list here is derived
 * from the result sheet registry, where each sheet is defined once.
 */
import {
  refreshedResultSheets,
  resultSheetRegistry,
  type ResultSheetInputs,
  simulationResultSheet,
} from "./resultSheets/resultSheetRegistry";

type RegistryKey = keyof typeof resultSheetRegistry;
/** The registry's keys of the sheets marked `inFullWorkbook`. */
type FullWorkbookKey = {
  [K in RegistryKey]: (typeof resultSheetRegistry)[K]["inFullWorkbook"] extends true ? K : never;
}[RegistryKey];

/** The sheets every full workbook (such as the Hampshire sample) fills, by key. */
export const productSheetNames: Readonly<Record<FullWorkbookKey, string>> = Object.fromEntries(
  (Object.keys(resultSheetRegistry) as RegistryKey[])
    .filter((key) => resultSheetRegistry[key].inFullWorkbook)
    .map((key) => [key, resultSheetRegistry[key].name]),
) as Record<FullWorkbookKey, string>;

export const allProductSheetNames: readonly string[] = Object.values(productSheetNames);

/** The sheet showing how the case is funded: written only when the workbook has CBA_Funding. */
export const fundingSheetName = resultSheetRegistry.funding.name;

/** The optimism-bias step's sheet: written only for a workbook with CBA_OptimismBias. */
export const optimismBiasSheetName = resultSheetRegistry.optimismBias.name;

/** Who pays versus who benefits: written only when the workbook asks who benefits. */
export const valueSheetName = resultSheetRegistry.value.name;

/** Every sheet a refresh writes or empties: `allProductSheetNames`, then the optional sheets. */
export const refreshedSheetNames: readonly string[] = [
  ...allProductSheetNames,
  ...refreshedResultSheets.filter((sheet) => !sheet.inFullWorkbook).map((sheet) => sheet.name),
];

/**
 * The sheet a Monte Carlo simulation writes. The product owns it like the others, but a refresh
 * neither writes nor empties it: it is written only when a simulation is run (the task pane, or
 * `cba simulate`), so it is not one of `productSheetNames`.
 */
export const simulationSheetName = simulationResultSheet.name;

/** Whether the inputs ask for the CBA Value sheet. */
export { wantsValueSheet } from "./resultSheets/resultSheetRegistry";

/** Which result sheets a refresh of these inputs fills: only those the inputs allow, in plan order. */
export function productSheetsFor(inputs: ResultSheetInputs): string[] {
  return refreshedResultSheets.filter((sheet) => sheet.appliesTo(inputs)).map((sheet) => sheet.name);
}

/** Excel compares sheet names without regard to case. */
export function sameSheetName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
