/**
 * The pane's workbook actions inside Excel: the pipeline over the Office.js adapter.
 */
import { type ExcelRun, OfficeWorkbook } from "../workbook/office/officeWorkbook";
import type { WorkbookActions } from "./workbookActions";
import { workbookActionsOverPort } from "./workbookActionsOverPort";

/** Without `run` the adapter uses office.js's own batch runner; tests pass a simulated host's. */
export function officeWorkbookActions(run?: ExcelRun): WorkbookActions {
  return workbookActionsOverPort(new OfficeWorkbook({ run }));
}
