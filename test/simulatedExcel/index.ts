/**
 * A simulated Excel host for tests and for the task pane's browser tests: an in-memory workbook
 * behind the subset of the Excel JavaScript API the add-in uses.
 *
 * In jest: `const host = SimulatedExcel.fromDescription({ sheets: { ... }, names, tables })`, then
 * `new OfficeWorkbook({ run: host.run as unknown as ExcelRun })`, and assert on `host.workbook` and `host.statistics`.
 * In a browser page: bundle this module, call `installSimulatedOffice(window, description)` before
 * the task pane bundle runs (in place of the office.js script tag), and the pane's `Office.onReady`
 * and `Excel.run` reach the simulated workbook.
 */
export {
  installSimulatedOffice,
  simulatedExcelNamespace,
  uninstallSimulatedOffice,
} from "./installSimulatedOffice";
export type { SimulatedOfficeOptions } from "./installSimulatedOffice";
export { SimulatedExcel, SimulatedRequestContext, simulatedChartTypes } from "./simulatedExcelApi";
export type { SimulatedExcelStatistics } from "./simulatedExcelApi";
export { SimulatedOfficeError } from "./simulatedOfficeError";
export { SimulatedWorkbook } from "./simulatedWorkbook";
export type {
  ChartRecord,
  DescribedCells,
  DescribedValue,
  WorkbookDescription,
  WorkbookDump,
} from "./simulatedWorkbook";
