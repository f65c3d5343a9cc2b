import { type BusinessCaseResult, notQuantified } from "../../engine/businessCaseModel";
import { Money } from "../../engine/money";
import type { SettingUsed } from "../contractInputs";
import type { ContractProblem } from "../contractProblems";
import type { PublishedCheckRow } from "../publishedFigures";
import type { ReconciliationRow } from "../resultReconciliation";
import type { CellValue, OwnedSheet } from "../workbookPort";
import { amountFormat } from "./numberFormats";
import { SheetLayout } from "./sheetLayout";

/** The checks sheet's name. */
export const checksSheetName = "CBA Checks";

export const checkBlockNames = {
  checks: "CBA_Out_Checks",
  published: "CBA_Out_Published",
  settings: "CBA_Out_Settings",
} as const;

export interface ChecksSheetInput {
  warnings: readonly ContractProblem[];
  reconciliation: readonly ReconciliationRow[];
  /** Published figures (CBA_Published rows, total rows of CBA_Lines) against the computation. */
  published?: readonly PublishedCheckRow[];
  /** Present when the business case was computed: lists the lines not quantified. */
  result?: BusinessCaseResult;
  settingsUsed: readonly SettingUsed[];
  roundingUnit: Money;
}

/**
 * The CBA Checks sheet: every validation warning, every self-consistency check of the results
 * (agreeing or not, with both figures when not), the lines left unquantified (N/A is not zero),
 * the published figures against the computation (counted separately: the self-consistency checks
 * re-add the product's own arithmetic and say nothing about whether the document is right), and
 * the settings in force with where each came from.
 *
 * @example
 * checksSheet({ warnings: [], reconciliation: [], settingsUsed: [], roundingUnit: new Money(1) }).blocks.length; // 3
 */
export function checksSheet(input: ChecksSheetInput): OwnedSheet {
  const layout = new SheetLayout();
  const decimals = Math.min(Math.max(input.roundingUnit.decimalPlaces(), 0), 6);
  // Stored rounded to the rounding unit's decimals, so a cell never holds 17.240000000000002.
  const stored = (value: Money | null | undefined) =>
    value === null || value === undefined
      ? null
      : value.toDecimalPlaces(decimals, Money.ROUND_HALF_UP).toNumber();
  const rows: CellValue[][] = [];
  for (const warning of input.warnings) {
    rows.push(["Warning", warning.check, warning.cell ?? warning.range, null, null, warning.message]);
  }
  for (const row of input.reconciliation) {
    rows.push([
      row.agrees ? "Self-consistency: agrees" : "Self-consistency: DIFFERS",
      row.check,
      row.location,
      stored(row.expected),
      stored(row.found),
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
  const published = input.published ?? [];
  const differing = published.filter((row) => !row.agrees).length;
  const selfDiffering = input.reconciliation.filter((row) => !row.agrees).length;
  const blocks = [
    layout.place({
      name: checkBlockNames.checks,
      title: `Checks: validation warnings, self-consistency of the results (the product re-adding its own figures: ${selfDiffering === 0 ? "every total foots" : `${countText(selfDiffering, "figure")} DIFFER`}; this says nothing about whether a published document is right), lines not quantified`,
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
    layout.place({
      name: checkBlockNames.published,
      title:
        published.length === 0
          ? "Published figures: none given (add CBA_Published, or total rows in CBA_Lines, to check a document's figures)"
          : `Published figures against the computation: ${differing === 0 ? `all ${countText(published.length, "figure")} agree` : `${differing} of ${countText(published.length, "figure")} DIFFER`}`,
      header: [
        "Result",
        "Figure",
        "What it summarises",
        "Case",
        "Partner",
        "Cell",
        "Published",
        "Computed",
        "Printed to",
        "Message",
      ],
      rows:
        published.length === 0
          ? [["None", null, null, null, null, null, null, null, null, "No published figures to check"]]
          : published.map((row) => [
              row.agrees ? "Agrees" : "DIFFERS",
              row.figure,
              row.summarises,
              row.caseName,
              row.partner,
              row.cell,
              row.published.toNumber(),
              row.computed === null
                ? null
                : row.computed
                    .toDecimalPlaces(
                      Math.max(row.printedTo.decimalPlaces(), row.published.decimalPlaces(), decimals) + 2,
                      Money.ROUND_HALF_UP,
                    )
                    .toNumber(),
              row.printedTo.isZero() ? "exact" : row.printedTo.toNumber(),
              row.message,
            ]),
    }),
  ];
  return { name: checksSheetName, blocks, charts: [] };
}

/** "1 figure", "3 figures". */
function countText(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
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
