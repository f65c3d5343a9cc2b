/**
 * The parts of the results a user can refresh on their own, and which result sheets each one
 * rewrites: a section's refresh runs the whole pipeline but writes only its own part of the plan.
 */
import { optimismBiasSheetName, productSheetNames, sameSheetName, valueSheetName } from "./productSheets";
import type { WritePlan } from "./workbookPort";

/** A part of the results refreshed on its own; "all" rewrites every result sheet. */
export type RefreshSection = "all" | "apportionment" | "partners" | "risks";

/**
 * Result sheets each section rewrites (scenarios and optimism bias are partner results under other
 * assumptions); the checks sheet is rewritten with every section, since it reports on the inputs
 * as they are now.
 */
export const sectionSheets: Readonly<Record<Exclude<RefreshSection, "all">, readonly string[]>> = {
  apportionment: [productSheetNames.apportionment],
  partners: [productSheetNames.partners, valueSheetName, productSheetNames.scenarios, optimismBiasSheetName],
  risks: [productSheetNames.risks],
};

/**
 * The plan cut down to one section's sheets (plus the checks sheet); undefined when the plan has
 * none of the section's sheets, i.e. the workbook has no inputs for it.
 *
 * @example
 * const planned = planForSection(report.plan, "risks"); // CBA Risks, CBA Checks, risk Score and Band
 */
export function planForSection(plan: WritePlan, section: RefreshSection): WritePlan | undefined {
  if (section === "all") return plan;
  const wanted = sectionSheets[section];
  const inSection = (name: string) => wanted.some((sheet) => sameSheetName(sheet, name));
  if (!plan.sheets.some((sheet) => inSection(sheet.name))) return undefined;
  return {
    sheets: plan.sheets.filter(
      (sheet) => inSection(sheet.name) || sameSheetName(sheet.name, productSheetNames.checks),
    ),
    // Only the risk register writes back into input ranges (each risk's Score and Band).
    cellUpdates: section === "risks" ? plan.cellUpdates : [],
  };
}
