/**
 * Workbooks and plans for the Office.js adapter's tests, sized by a line count so the same
 * shapes can be run at 10 and at 1,000 lines.
 */
import { type ExcelRun, OfficeWorkbook } from "../../../src/workbook/office/officeWorkbook";
import type { CellValue, WritePlan } from "../../../src/workbook/workbookPort";
import { SimulatedExcel, type WorkbookDescription } from "../../simulatedExcel";

/** The adapter over a simulated host, told what the host supports as office.js would tell it. */
export function officeWorkbookOn(host: SimulatedExcel, requestBudgetBytes?: number): OfficeWorkbook {
  return new OfficeWorkbook({
    run: host.run as unknown as ExcelRun,
    isSetSupported: host.isSetSupported,
    ...(requestBudgetBytes === undefined ? {} : { requestBudgetBytes }),
  });
}

/** A user's input workbook: CBA_Lines as a table of `lineCount` lines, a risk register, a settings name. */
export function userWorkbook(lineCount: number): WorkbookDescription {
  const lines: CellValue[][] = [["Line", "Timing", "Allocation", "Best", "Worst"]];
  for (let index = 1; index <= lineCount; index += 1) {
    lines.push([
      `Line ${index}`,
      index % 3 === 0 ? "One-off" : "Recurring",
      "Shared",
      index * 10,
      index * 12,
    ]);
  }
  return {
    sheets: {
      Inputs: lines,
      Risks: [
        ["Risk", "Likelihood", "Impact", "Score", "Band"],
        ["HR 1", 3, 4, null, null],
        ["ICT 2", 2, 2, "n/a", "Low"],
      ],
      Notes: { B2: "Prepared by the finance team", C7: 42 },
    },
    tables: { CBA_Lines: `Inputs!A1:E${lineCount + 1}`, CBA_Risks: "Risks!A1:E3" },
    names: { CBA_Settings: "Notes!B2:C7", CBA_Rate: "=0.035" },
    numberFormats: { Risks: { D2: "0", D3: "@" } },
  };
}

export const partnersSheet = "CBA Partners";
export const risksSheet = "CBA Risks";

/** Yearly cashflow rows: the year label, two partners' figures (one "not quantified"). */
export function cashflowRows(rowCount: number): CellValue[][] {
  const rows: CellValue[][] = [];
  for (let year = 0; year < rowCount; year += 1) {
    const label = `${2012 + year}/${String((13 + year) % 100).padStart(2, "0")}`;
    rows.push([label, -1424 + year * 37.5, year % 4 === 3 ? null : year * 10, year % 5 === 0]);
  }
  return rows;
}

/** Results over two owned sheets, with a table, a plain block, fills, charts and risk write-backs. */
export function resultPlan(rowCount: number): WritePlan {
  const cashflow = cashflowRows(rowCount);
  return {
    sheets: [
      {
        name: partnersSheet,
        blocks: [
          {
            name: "CBA_Out_Shares",
            topLeft: "A3",
            title: "Shares of the shared pool",
            header: ["Partner", "Share", "Note"],
            rows: [
              ["HCC", 0.73, "2012/11"],
              ["HFRS", 0.22, "(5)"],
              ["HCC2", 0.05, "TRUE"],
            ],
            columnFormats: [null, "0%", null],
          },
          {
            name: "CBA_Out_Cashflow",
            topLeft: "A9",
            title: "Net cashflow by year (£'000)",
            header: ["Year", "HCC", "HFRS", "Milestone"],
            rows: cashflow,
            columnFormats: [null, "#,##0;(#,##0)", "#,##0;(#,##0)", null],
            asTable: false,
            fills: cashflow.map((row) => [null, (row[1] as number) < 0 ? "#F8CBAD" : "#C6EFCE", null, null]),
          },
        ],
        charts: [
          {
            kind: "line",
            title: "Cumulative net cashflow",
            sourceBlock: "CBA_Out_Cashflow",
            seriesBy: "columns",
            anchor: "G3",
          },
        ],
      },
      {
        name: risksSheet,
        blocks: [
          {
            name: "CBA_Out_HeatMap",
            topLeft: "B2",
            header: ["Likelihood", "1", "2", "3"],
            rows: [
              [3, 3, 6, 9],
              [2, 2, 4, 6],
              [1, 1, 2, 3],
            ],
            fills: [
              [null, "#FFEB9C", "#FFC7CE", "#FFC7CE"],
              [null, "#C6EFCE", "#FFEB9C", "#FFEB9C"],
              [null, "#C6EFCE", "#C6EFCE", "#FFEB9C"],
            ],
          },
        ],
        charts: [
          {
            kind: "columnClustered",
            title: "Risks by band",
            sourceBlock: "CBA_Out_Shares",
            seriesBy: "rows",
            anchor: "H2",
          },
        ],
      },
    ],
    cellUpdates: [
      {
        sheet: "Risks",
        topLeft: "D2",
        values: [
          [12, "Medium"],
          [4, null],
        ],
      },
    ],
  };
}

/** The marker of an owned sheet, as a seed writes it. */
export function ownedBy(sheets: string[]): Record<string, string> {
  return Object.fromEntries(sheets.map((sheet, index) => [`CBA_Owned_${index + 1}`, `'${sheet}'!$A$1`]));
}
