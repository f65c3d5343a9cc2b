import type { ContractInputs } from "./contractInputs";

/** The sheets this product owns and rewrites in full on every refresh. */
export const productSheetNames = {
  apportionment: "CBA Apportionment",
  partners: "CBA Partners",
  risks: "CBA Risks",
  checks: "CBA Checks",
} as const;

export const allProductSheetNames: readonly string[] = Object.values(productSheetNames);

/** Which result sheets a refresh of these inputs fills: only those the inputs allow. */
export function productSheetsFor(inputs: Pick<ContractInputs, "lines" | "risks">): string[] {
  const sheets: string[] = [];
  if (inputs.lines) sheets.push(productSheetNames.apportionment, productSheetNames.partners);
  if (inputs.risks) sheets.push(productSheetNames.risks);
  sheets.push(productSheetNames.checks);
  return sheets;
}

/** Excel compares sheet names without regard to case. */
export function sameSheetName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
