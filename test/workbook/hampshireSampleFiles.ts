/**
 * The Hampshire sample as the workbook tests start from it: saved as an input file, refreshed into
 * a results file, or checked and computed in memory to get the model the engine works on.
 */
import ExcelJS from "exceljs";
import type { BusinessCaseModel } from "../../src/engine/businessCaseModel";
import { addInputRanges } from "../../src/workbook/excelJs/inputRangesWriter";
import { ExcelJsWorkbook } from "../../src/workbook/excelJs/excelJsWorkbook";
import { type RefreshReport, refreshWorkbook } from "../../src/workbook/refreshWorkbook";
import { hampshireSampleNotes, hampshireSampleRanges } from "../../src/workbook/samples/hampshireSample";
import { inputCasesOnly } from "../../src/workbook/scenarioAnalysis";
import { loadWorkbook, refreshFile, writeWorkbook } from "./workbookFiles";

/** Saves the sample's input ranges and notes to `file`, as `cba sample` does. */
export function writeHampshireSample(file: string): Promise<void> {
  return writeWorkbook(file, hampshireSampleRanges(), [hampshireSampleNotes]);
}

/**
 * Saves the sample as `hampshire.xlsx` in `folder`, refreshes it into `results.xlsx` there and
 * loads the results back with ExcelJS.
 */
export async function refreshedHampshireSample(folder: {
  path: (name: string) => string;
}): Promise<{ report: RefreshReport; results: ExcelJS.Workbook }> {
  await writeHampshireSample(folder.path("hampshire.xlsx"));
  const report = await refreshFile(folder.path("hampshire.xlsx"), folder.path("results.xlsx"));
  return { report, results: await loadWorkbook(folder.path("results.xlsx")) };
}

/** Checks and computes the sample in memory (a dry run): the report with its plan and model. */
export async function hampshireDryRun(): Promise<RefreshReport> {
  const workbook = new ExcelJS.Workbook();
  addInputRanges(workbook, hampshireSampleRanges(), [hampshireSampleNotes]);
  return refreshWorkbook(new ExcelJsWorkbook(workbook), { dryRun: true });
}

/** The sample's model with its input cases only: what a simulation of the sample runs on. */
export async function hampshireInputCasesModel(): Promise<BusinessCaseModel> {
  return inputCasesOnly((await hampshireDryRun()).businessCase!.model);
}
