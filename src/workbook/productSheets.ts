import type { ContractInputs } from "./contractInputs";

/** The sheets this product owns and rewrites in full on every refresh. */
export const productSheetNames = {
  summary: "CBA Summary",
  apportionment: "CBA Apportionment",
  partners: "CBA Partners",
  scenarios: "CBA Scenarios",
  risks: "CBA Risks",
  checks: "CBA Checks",
} as const;

export const allProductSheetNames: readonly string[] = Object.values(productSheetNames);

/**
 * The sheet a Monte Carlo simulation writes. The product owns it like the others, but a refresh
 * neither writes nor empties it: it is written only when a simulation is run (the task pane, or
 * `cba simulate`), so it is not one of `productSheetNames`.
 */
export const simulationSheetName = "CBA Simulation";

/** Which result sheets a refresh of these inputs fills: only those the inputs allow. */
export function productSheetsFor(inputs: Pick<ContractInputs, "lines" | "risks" | "scenarios">): string[] {
  const sheets: string[] = [];
  if (inputs.lines)
    sheets.push(productSheetNames.summary, productSheetNames.apportionment, productSheetNames.partners);
  if (inputs.lines && inputs.scenarios) sheets.push(productSheetNames.scenarios);
  if (inputs.risks) sheets.push(productSheetNames.risks);
  sheets.push(productSheetNames.checks);
  return sheets;
}

/** Excel compares sheet names without regard to case. */
export function sameSheetName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
