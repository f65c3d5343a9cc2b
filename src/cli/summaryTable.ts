import { programme } from "../engine/businessCase";
import type { BusinessCaseModel, BusinessCaseResult } from "../engine/businessCaseModel";
import { Money } from "../engine/money";
import { amountText, decimalsOf } from "../workbook/amountText";
import type { PaybackResult } from "../engine/payback";
import type { RiskRegisterSummary } from "../engine/riskRegister";

function formatPayback(result: PaybackResult): string {
  return result.kind === "paysBack" ? `${result.periods.toFixed(2)} yrs` : `not within ${result.horizon} yrs`;
}

/** Lays rows out in columns, numbers right-aligned. */
export function textTable(header: string[], rows: string[][], rightAligned: readonly boolean[]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => (row[c] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (rightAligned[c] ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/**
 * The per-partner summary the runner prints: set-up, annual position, NPV, payback and years to
 * recover per partner and the programme, case by case.
 */
export function partnerSummary(model: BusinessCaseModel, result: BusinessCaseResult): string {
  const decimals = decimalsOf(new Money(model.settings.roundingUnit));
  const rows: string[][] = [];
  for (const caseResult of result.cases) {
    for (const partner of caseResult.partners) {
      rows.push([
        partner.partner === programme ? "Programme" : partner.partner,
        caseResult.name,
        amountText(partner.setUp.total, decimals),
        amountText(partner.annual.total, decimals),
        amountText(partner.netPresentValue, decimals),
        formatPayback(partner.payback),
        formatPayback(partner.discountedPayback),
        partner.yearsToRecover === null ? "-" : partner.yearsToRecover.toFixed(2),
      ]);
    }
  }
  const unit = model.settings.unitLabel;
  return textTable(
    [
      "Partner",
      "Case",
      `Set-up ${unit}`,
      `Annual ${unit}`,
      `NPV ${unit}`,
      "Payback",
      "Disc. payback",
      "Years to recover",
    ],
    rows,
    [false, false, true, true, true, true, true, true],
  );
}

export function riskSummary(summary: RiskRegisterSummary): string {
  const bands = summary.bandCounts.map(({ band, count }) => `${count} ${band}`).join(", ");
  const uncovered = summary.uncoveredFactors.map((f) => f.factor).join(", ");
  return `Risks: ${summary.risks.length} scored (${bands})${uncovered === "" ? "" : `; factors linked to no risk: ${uncovered}`}`;
}
