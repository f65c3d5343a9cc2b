import { type BusinessCaseResult, notQuantified } from "../../engine/businessCaseModel";
import type { Money } from "../../engine/money";
import type { SettingUsed } from "../contractInputs";
import type { ContractProblem } from "../contractProblems";
import { productSheetNames } from "../productSheets";
import type { ReconciliationRow } from "../resultReconciliation";
import type { CellValue, OwnedSheet } from "../workbookPort";
import { amountFormat } from "./numberFormats";
import { SheetLayout } from "./sheetLayout";

export const checkBlockNames = {
  checks: "CBA_Out_Checks",
  settings: "CBA_Out_Settings",
} as const;

export interface ChecksSheetInput {
  warnings: readonly ContractProblem[];
  reconciliation: readonly ReconciliationRow[];
  /** Present when the business case was computed: lists the lines not quantified. */
  result?: BusinessCaseResult;
  settingsUsed: readonly SettingUsed[];
  roundingUnit: Money;
}

/**
 * The CBA Checks sheet: every validation warning, every reconciliation check (agreeing or not,
 * with both figures when not), the lines left unquantified (N/A is not zero), and the settings in
 * force with where each came from.
 *
 * @example
 * checksSheet({ warnings: [], reconciliation: [], settingsUsed: [], roundingUnit: new Money(1) }).blocks.length; // 2
 */
export function checksSheet(input: ChecksSheetInput): OwnedSheet {
  const layout = new SheetLayout();
  const rows: CellValue[][] = [];
  for (const warning of input.warnings) {
    rows.push(["Warning", warning.check, warning.cell ?? warning.range, null, null, warning.message]);
  }
  for (const row of input.reconciliation) {
    rows.push([
      row.agrees ? "Reconciliation: agrees" : "Reconciliation: DIFFERS",
      row.check,
      row.location,
      row.expected?.toNumber() ?? null,
      row.found?.toNumber() ?? null,
      row.message,
    ]);
  }
  for (const line of input.result?.lines ?? []) {
    const cases = Object.entries(line.byCase)
      .filter(([, entry]) => entry.amount === notQuantified)
      .map(([name]) => name);
    if (cases.length === 0) continue;
    rows.push([
      "Not quantified",
      "N/A is not zero",
      line.label,
      null,
      null,
      `"${line.label}" is not quantified in ${cases.join(", ")}: it is left out of those totals and listed against each partner it reaches`,
    ]);
  }
  if (rows.length === 0) rows.push(["None", "", "", null, null, "No warnings and nothing to reconcile"]);
  const amount = amountFormat(input.roundingUnit);
  const blocks = [
    layout.place({
      name: checkBlockNames.checks,
      title: "Checks: validation warnings, reconciliation of the results, lines not quantified",
      header: ["Kind", "Check", "Location", "Expected", "Found", "Result"],
      rows,
      columnFormats: [null, null, null, amount, amount, null],
    }),
    layout.place({
      name: checkBlockNames.settings,
      title: "Settings in force",
      header: ["Setting", "Value", "Source", "Cell"],
      rows:
        input.settingsUsed.length > 0
          ? input.settingsUsed.map((s) => [
              s.setting,
              s.value,
              s.source === "default" ? "default" : "workbook",
              s.cell ?? null,
            ])
          : [["(none)", null, null, null]],
    }),
  ];
  return { name: productSheetNames.checks, blocks, charts: [] };
}

/** A product sheet left from an earlier refresh whose inputs are now absent: emptied rather than left stale. */
export function notComputedSheet(name: string, reason: string): OwnedSheet {
  const layout = new SheetLayout();
  return {
    name,
    blocks: [
      layout.place({
        name: `CBA_Out_${name.replace(/^CBA\s+/i, "").replace(/[^A-Za-z0-9]+/g, "_")}_Status`,
        title: "Not computed in the latest refresh",
        header: ["Status"],
        rows: [[reason]],
      }),
    ],
    charts: [],
  };
}
