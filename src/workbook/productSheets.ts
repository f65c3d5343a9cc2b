import type { ContractInputs } from "./contractInputs";
import { optimismBiasIncluded } from "./optimismBiasCategories";

/** The sheets this product owns and rewrites in full on every refresh. */
export const productSheetNames = {
  apportionment: "CBA Apportionment",
  partners: "CBA Partners",
  scenarios: "CBA Scenarios",
  risks: "CBA Risks",
  checks: "CBA Checks",
} as const;

export const allProductSheetNames: readonly string[] = Object.values(productSheetNames);

/**
 * The optimism-bias step's sheet: owned and refreshed like the sheets above, but written only for
 * a workbook with CBA_OptimismBias, so it is kept out of `productSheetNames` (whose sheets a full
 * workbook such as the Hampshire sample fills).
 */
export const optimismBiasSheetName = "CBA Optimism Bias";

/**
 * Who pays versus who benefits. Written only when the workbook asks who benefits (it has
 * CBA_Beneficiaries, or a Benefit class column on CBA_Lines), so workbooks without them get exactly
 * the sheets they always had; not one of `productSheetNames` for the same reason.
 */
export const valueSheetName = "CBA Value";

/** Every sheet a refresh writes or empties: `allProductSheetNames`, the optimism-bias and value sheets. */
export const refreshedSheetNames: readonly string[] = [
  ...allProductSheetNames,
  optimismBiasSheetName,
  valueSheetName,
];

/**
 * The sheet a Monte Carlo simulation writes. The product owns it like the others, but a refresh
 * neither writes nor empties it: it is written only when a simulation is run (the task pane, or
 * `cba simulate`), so it is not one of `productSheetNames`.
 */
export const simulationSheetName = "CBA Simulation";

/** Whether the inputs ask for the CBA Value sheet. */
export function wantsValueSheet(inputs: Pick<ContractInputs, "lines" | "beneficiaries">): boolean {
  return (
    inputs.lines !== undefined &&
    (inputs.beneficiaries !== undefined || inputs.lines.hasBenefitClassColumn === true)
  );
}

/** Which result sheets a refresh of these inputs fills: only those the inputs allow. */
export function productSheetsFor(
  inputs: Pick<ContractInputs, "lines" | "risks" | "scenarios"> &
    Partial<Pick<ContractInputs, "beneficiaries" | "optimismBias" | "settings">>,
): string[] {
  const sheets: string[] = [];
  if (inputs.lines) sheets.push(productSheetNames.apportionment, productSheetNames.partners);
  if (wantsValueSheet(inputs)) sheets.push(valueSheetName);
  if (inputs.lines && inputs.scenarios) sheets.push(productSheetNames.scenarios);
  if (inputs.lines && optimismBiasIncluded(inputs)) sheets.push(optimismBiasSheetName);
  if (inputs.risks) sheets.push(productSheetNames.risks);
  sheets.push(productSheetNames.checks);
  return sheets;
}

/** Excel compares sheet names without regard to case. */
export function sameSheetName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
