import type { ContractInputs } from "./contractInputs";

/** The sheets this product owns and rewrites in full on every refresh. */
export const productSheetNames = {
  apportionment: "CBA Apportionment",
  partners: "CBA Partners",
  scenarios: "CBA Scenarios",
  risks: "CBA Risks",
  checks: "CBA Checks",
} as const;

export const allProductSheetNames: readonly string[] = Object.values(productSheetNames);

/** The sheet showing how the case is funded: written only when the workbook has CBA_Funding. */
export const fundingSheetName = "CBA Funding";

/** Every sheet a refresh may write: the product sheets and the funding sheet. */
export const refreshSheetNames: readonly string[] = [...allProductSheetNames, fundingSheetName];

/**
 * The sheet a Monte Carlo simulation writes. The product owns it like the others, but a refresh
 * neither writes nor empties it: it is written only when a simulation is run (the task pane, or
 * `cba simulate`), so it is not one of `productSheetNames`.
 */
export const simulationSheetName = "CBA Simulation";

/** Which result sheets a refresh of these inputs fills: only those the inputs allow. */
export function productSheetsFor(
  inputs: Pick<ContractInputs, "lines" | "risks" | "scenarios"> & Partial<Pick<ContractInputs, "funding">>,
): string[] {
  const sheets: string[] = [];
  if (inputs.lines) sheets.push(productSheetNames.apportionment, productSheetNames.partners);
  if (inputs.lines && inputs.scenarios) sheets.push(productSheetNames.scenarios);
  if (inputs.risks) sheets.push(productSheetNames.risks);
  if (inputs.lines && inputs.funding) sheets.push(fundingSheetName);
  sheets.push(productSheetNames.checks);
  return sheets;
}

/** Excel compares sheet names without regard to case. */
export function sameSheetName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
