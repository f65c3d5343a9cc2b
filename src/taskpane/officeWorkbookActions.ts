/**
 * The pane's workbook actions inside Excel: the pipeline over the Office.js adapter, and Excel's
 * change events so the pane can tell when its results are out of date.
 */
import { type ExcelRun, OfficeWorkbook } from "../workbook/office/officeWorkbook";
import type { WorkbookActions } from "./workbookActions";
import { workbookActionsOverPort } from "./workbookActionsOverPort";
import { watchWorksheetChanges } from "./worksheetChangeEvents";

/** Without `run` the adapter uses office.js's own batch runner; tests pass a simulated host's. */
export function officeWorkbookActions(run?: ExcelRun): WorkbookActions {
  return {
    ...workbookActionsOverPort(new OfficeWorkbook({ run })),
    watchChanges: (onChange) => watchWorksheetChanges(run, onChange),
  };
}
