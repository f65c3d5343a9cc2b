/**
 * The pane's workbook actions inside Excel: the pipeline over the Office.js adapter, and the input
 * sheets of the Hampshire example or the blank template written through Office.js.
 */
import { OfficeWorkbook } from "../workbook/office/officeWorkbook";
import { hampshireSampleNotes, hampshireSampleRanges } from "../workbook/samples/hampshireSample";
import { blankTemplateContent } from "./blankTemplate";
import { insertInputSheets, type ExcelBatchRunner } from "./excelInputRanges";
import type { CellLocation, WorkbookActions } from "./workbookActions";
import { workbookActionsOverPort } from "./workbookActionsOverPort";

/** `run` defaults to office.js's `Excel.run`; tests pass a simulated host's. */
export function officeWorkbookActions(run: ExcelBatchRunner = (batch) => Excel.run(batch)): WorkbookActions {
  return workbookActionsOverPort(new OfficeWorkbook({ run }), {
    select: (location) => selectCell(location, run),
    insertExample: () =>
      insertInputSheets({ ranges: hampshireSampleRanges(), notes: [hampshireSampleNotes] }, run),
    insertTemplate: () => insertInputSheets(blankTemplateContent(), run),
  });
}

/** Activates the sheet first: selecting on an inactive sheet fails in Excel. */
async function selectCell(location: CellLocation, run: ExcelBatchRunner): Promise<void> {
  await run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(location.sheet);
    sheet.activate();
    sheet.getRange(location.address).select();
    await context.sync();
  });
}
