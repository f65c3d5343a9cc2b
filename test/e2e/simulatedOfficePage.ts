/**
 * Browser entry of the simulated host: what the page gets instead of office.js. It seeds the
 * workbook the test put on `window` before the page loaded, defines `Office` and `Excel`, and leaves
 * the host on `window` so the test can read cells back and edit them as a user would.
 */
import { installSimulatedOffice } from "../simulatedExcel";
import type { WorkbookDescription } from "../simulatedExcel";

interface TestWindow {
  __cbaSeedWorkbook?: WorkbookDescription;
  /** Office.context.officeTheme to report, e.g. a dark body background. */
  __cbaOfficeTheme?: Record<string, string>;
  __cbaSimulatedHost?: unknown;
  __cbaAssociatedFunctions?: string[];
}

const page = window as unknown as TestWindow & Record<string, unknown>;
const host = installSimulatedOffice(window, page.__cbaSeedWorkbook ?? { sheets: { Sheet1: [] } });
if (page.__cbaOfficeTheme) {
  const office = page["Office"] as { context: Record<string, unknown> };
  office.context.officeTheme = page.__cbaOfficeTheme;
}
page.__cbaSimulatedHost = host;

// office.js defines CustomFunctions in the add-in's shared runtime and functions.js registers with
// it as it loads; the stand-in records the registrations so a test can see them.
const associated: string[] = [];
page["CustomFunctions"] = {
  associate(id: string | Record<string, unknown>): void {
    if (typeof id === "string") associated.push(id);
    else associated.push(...Object.keys(id));
  },
};
page.__cbaAssociatedFunctions = associated;
