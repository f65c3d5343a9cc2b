/**
 * The parts of the results a user can refresh on their own, and which result sheets each one
 * rewrites: a section's refresh runs the whole pipeline but writes only its own part of the plan.
 */
import { sameSheetName } from "./productSheets";
import { refreshedResultSheets, type ResultSheetSection } from "./resultSheets/resultSheetRegistry";
import type { WritePlan } from "./workbookPort";

/** A part of the results refreshed on its own; "all" rewrites every result sheet. */
export type RefreshSection = "all" | ResultSheetSection;

/**
 * Result sheets each section rewrites, as the registry assigns them (scenarios and optimism bias
 * are partner results under other assumptions). The sheets of section "every" (the checks, which
 * report on the inputs as they are now, and the summary, which shows figures of every section)
 * are rewritten with each section and listed in none.
 */
export const sectionSheets: Readonly<Record<ResultSheetSection, readonly string[]>> = {
  apportionment: sheetsOfSection("apportionment"),
  partners: sheetsOfSection("partners"),
  risks: sheetsOfSection("risks"),
};

function sheetsOfSection(section: ResultSheetSection): string[] {
  return refreshedResultSheets.filter((sheet) => sheet.section === section).map((sheet) => sheet.name);
}

/** Sheets rewritten with every section. */
const everySectionSheets = refreshedResultSheets
  .filter((sheet) => sheet.section === "every")
  .map((sheet) => sheet.name);

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
      (sheet) => inSection(sheet.name) || everySectionSheets.some((name) => sameSheetName(sheet.name, name)),
    ),
    // Only the risk register writes back into input ranges (each risk's Score and Band).
    cellUpdates: section === "risks" ? plan.cellUpdates : [],
  };
}
