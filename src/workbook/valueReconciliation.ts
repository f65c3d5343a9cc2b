import { type Finding, checkTotal } from "../engine/reconciliation";
import type { Money } from "../engine/money";
import { type ReconciliationRow, reconciliationRows } from "./resultReconciliation";
import type { CaseValue } from "./valueFromContract";

/**
 * The CBA Value sheet re-added, for CBA Checks: each benefit line's parts (partners and other
 * bodies) add up to the line's whole benefit; the whole public sector is the partnership plus
 * every other body; and each view's benefits equal the programme's benefits as the business case
 * computes them (the partnership's own, and the lines as entered).
 *
 * @example
 * report.reconciliation.push(...reconcileValue(report.value));
 */
export function reconcileValue(cases: readonly CaseValue[]): ReconciliationRow[] {
  const rows: ReconciliationRow[] = [];
  const report = (check: string, location: string, findings: Finding[], agreed: string) =>
    rows.push(...reconciliationRows(check, location, findings, agreed));
  const positive = (value: Money) => value.neg();
  for (const c of cases) {
    report(
      "Benefit shares add up to the line",
      c.name,
      c.lines.flatMap((line, i) => {
        const whole = c.wholeAmounts[i]?.[1];
        return whole === undefined
          ? []
          : checkTotal(
              `line '${line.label}'`,
              positive(whole),
              line.parts.map(([, part]) => part),
            );
      }),
      `${c.lines.length} benefit ${c.lines.length === 1 ? "line" : "lines"}: every body's part adds up to the whole benefit`,
    );
    report(
      "Whole public sector = partnership + other bodies",
      c.name,
      checkTotal("whole public sector benefits", c.value.wholePublicSector.benefits, [
        c.value.partnership.benefits,
        c.value.otherBodies.benefits,
      ]),
      "the whole public sector's benefits are the partnership's plus every other body's",
    );
    report(
      "Value views match the business case",
      c.name,
      [
        ...checkTotal("partnership benefits", c.programmeBenefits.partnership, [
          c.value.partnership.benefits,
        ]),
        ...checkTotal("whole public sector benefits", c.programmeBenefits.wholePublicSector, [
          c.value.wholePublicSector.benefits,
        ]),
      ],
      "each view's benefits over the period equal the programme's benefits as computed",
    );
  }
  return rows;
}
