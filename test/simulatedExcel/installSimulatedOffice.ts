/**
 * Puts a simulated Excel where office.js would be: globals `Office`, `Excel` and
 * `OfficeExtension`, so the task pane bundle runs in a plain browser page (or jest) against a
 * seeded workbook. Only the parts the add-in touches exist; anything else is undefined, so an
 * add-in relying on more fails here first.
 */
import { SimulatedExcel } from "./simulatedExcelApi";
import { SimulatedOfficeError } from "./simulatedOfficeError";
import { SimulatedWorkbook, type WorkbookDescription } from "./simulatedWorkbook";

export interface SimulatedOfficeOptions {
  /** Highest ExcelApi requirement set the host supports (default: the host's own, "1.17"). */
  excelApiVersion?: string;
  /** Reported by Office.onReady (default "OfficeOnline"). */
  platform?: string;
}

/** The `Excel` namespace: `run` plus the enums the add-in passes as arguments. */
export function simulatedExcelNamespace(host: SimulatedExcel): Record<string, unknown> {
  return {
    run: host.run,
    ChartType: {
      columnClustered: "ColumnClustered",
      columnStacked: "ColumnStacked",
      barClustered: "BarClustered",
      barStacked: "BarStacked",
      line: "Line",
      lineMarkers: "LineMarkers",
      pie: "Pie",
      area: "Area",
      xyscatter: "XYScatter",
    },
    ChartSeriesBy: { auto: "Auto", columns: "Columns", rows: "Rows" },
    NamedItemType: {
      string: "String",
      integer: "Integer",
      double: "Double",
      boolean: "Boolean",
      range: "Range",
      error: "Error",
      array: "Array",
    },
    ErrorCodes: {
      invalidArgument: "InvalidArgument",
      invalidOperation: "InvalidOperation",
      itemAlreadyExists: "ItemAlreadyExists",
      itemNotFound: "ItemNotFound",
      propertyNotLoaded: "PropertyNotLoaded",
    },
  };
}

/**
 * Defines `Office`, `Excel` and `OfficeExtension` on `target` (usually `globalThis` or `window`)
 * and returns the host, whose `workbook` and `statistics` tests inspect.
 *
 * @example
 * const host = installSimulatedOffice(globalThis, { sheets: { Inputs: [["Line", "Cost"], ["ICT", 100]] } });
 * await Office.onReady();
 */
export function installSimulatedOffice(
  target: object,
  workbook: SimulatedExcel | SimulatedWorkbook | WorkbookDescription,
  options: SimulatedOfficeOptions = {},
): SimulatedExcel {
  const host =
    workbook instanceof SimulatedExcel
      ? workbook
      : new SimulatedExcel(
          workbook instanceof SimulatedWorkbook ? workbook : SimulatedWorkbook.fromDescription(workbook),
        );
  const platform = options.platform ?? "OfficeOnline";
  if (options.excelApiVersion !== undefined) host.excelApiVersion = options.excelApiVersion;
  const info = { host: "Excel", platform };
  const office = {
    HostType: {
      Excel: "Excel",
      Word: "Word",
      PowerPoint: "PowerPoint",
      Outlook: "Outlook",
      OneNote: "OneNote",
      Project: "Project",
      Access: "Access",
    },
    PlatformType: {
      PC: "PC",
      OfficeOnline: "OfficeOnline",
      Mac: "Mac",
      iOS: "iOS",
      Android: "Android",
      Universal: "Universal",
    },
    /** Resolves once "Office" is ready; like office.js, calls the callback asynchronously. */
    onReady(callback?: (readyInfo: typeof info) => void): Promise<typeof info> {
      return Promise.resolve({ ...info }).then((readyInfo) => {
        callback?.(readyInfo);
        return readyInfo;
      });
    },
    context: {
      host: "Excel",
      platform,
      displayLanguage: "en-GB",
      requirements: {
        isSetSupported: host.isSetSupported,
      },
    },
  };
  Object.assign(target, {
    Office: office,
    Excel: simulatedExcelNamespace(host),
    OfficeExtension: { Error: SimulatedOfficeError },
  });
  return host;
}

/** Removes what installSimulatedOffice defined (for test clean-up). */
export function uninstallSimulatedOffice(target: object): void {
  const globals = target as Record<string, unknown>;
  delete globals.Office;
  delete globals.Excel;
  delete globals.OfficeExtension;
}
