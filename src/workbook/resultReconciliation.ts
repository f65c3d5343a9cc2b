import { programme } from "../engine/businessCase";
import { type BusinessCaseModel, type BusinessCaseResult, notQuantified } from "../engine/businessCaseModel";
import { Money } from "../engine/money";
import { checkPooledLines, checkTableTotals, checkTotal, type Finding } from "../engine/reconciliation";
import { amountText, decimalsOf } from "./amountText";

/** One line of the reconciliation report: a check that agreed, or a finding with both figures. */
export interface ReconciliationRow {
  check: string;
  location: string;
  /** What the arithmetic gives; null for a check that agreed. */
  expected: Money | null;
  /** What the results show; null for a check that agreed. */
  found: Money | null;
  agrees: boolean;
  message: string;
}

/**
 * The rows one check gives: a single agreeing row, or one row per finding with both figures.
 *
 * @example
 * reconciliationRows("Lines", "CBA_Lines", [], "every line's parts add up").map((r) => r.agrees); // [true]
 */
export function reconciliationRows(
  check: string,
  location: string,
  findings: readonly Finding[],
  agreed: string,
): ReconciliationRow[] {
  if (findings.length === 0)
    return [{ check, location, expected: null, found: null, agrees: true, message: agreed }];
  return findings.map((finding) => ({
    check,
    location: `${location}: ${finding.location}`,
    expected: finding.expected,
    found: finding.found,
    agrees: false,
    message: finding.message,
  }));
}

/**
 * Re-adds the computed results the way an auditor would, with the engine's reconciliation checks:
 * every line's parts add up to the line, every pool's partner columns add up to the pool total
 * apportioned as one amount, apportioned + direct = each partner's total, partners add up to the
 * programme, the programme equals its lines, and the cumulative position equals the net benefits.
 * Agreeing checks are reported too (one row each) so the sheet shows what was checked.
 *
 * @example
 * reconcileResults(model, result).filter((row) => !row.agrees); // [] when everything foots
 */
export function reconcileResults(model: BusinessCaseModel, result: BusinessCaseResult): ReconciliationRow[] {
  const rows: ReconciliationRow[] = [];
  const codes = model.partners.map((p) => p.code);
  const unit = new Money(model.settings.roundingUnit);
  const shown = (value: Money) => amountText(value, decimalsOf(unit));
  const report = (check: string, location: string, findings: Finding[], agreed: string) =>
    rows.push(...reconciliationRows(check, location, findings, agreed));

  for (const caseResult of result.cases) {
    const caseName = caseResult.name;
    const quantified = result.lines
      .map((line) => ({ line, entry: line.byCase[caseName] }))
      .filter(
        ({ entry }) => entry !== undefined && entry.amount !== notQuantified && entry.parts !== undefined,
      );

    report(
      "Line parts add up to the line",
      caseName,
      checkTableTotals({
        rowLabels: quantified.map(({ line }) => line.label),
        columnLabels: codes,
        cells: quantified.map(({ entry }) => codes.map((code) => entry!.parts![code] ?? null)),
        rowTotals: quantified.map(({ entry }) => entry!.amount as Money),
      }),
      `${quantified.length} quantified ${quantified.length === 1 ? "line" : "lines"}: every line's parts add up to it`,
    );

    for (const pool of result.pools) {
      for (const timing of ["oneOff", "recurring"] as const) {
        const members = quantified.filter(
          ({ line }) =>
            line.timing === timing && line.allocation.kind === "pool" && line.allocation.pool === pool.pool,
        );
        if (members.length === 0) continue;
        const { total, findings } = checkPooledLines({
          rowLabels: members.map(({ line }) => line.label),
          columnLabels: pool.partners,
          cells: members.map(({ entry }) => pool.partners.map((code) => entry!.parts![code] ?? null)),
          lineTotals: members.map(({ entry }) => entry!.amount as Money),
          weights: pool.shares.weights,
          unit,
          subject: `pool '${pool.pool}'`,
        });
        const what = timing === "oneOff" ? "one-off" : "recurring";
        report(
          "Pool columns add up to the pool total apportioned",
          `${caseName}, ${pool.pool} (${what})`,
          findings,
          `each partner's column equals its share of the ${what} total ${shown(total)} apportioned as one amount`,
        );
      }
    }

    const partners = caseResult.partners.filter((p) => p.partner !== programme);
    const whole = caseResult.partners.find((p) => p.partner === programme);
    for (const [measure, pick] of [
      ["set-up", (p: (typeof partners)[number]) => p.setUp],
      ["annual", (p: (typeof partners)[number]) => p.annual],
    ] as const) {
      report(
        "Apportioned + direct = total",
        `${caseName}, ${measure}`,
        checkTableTotals({
          rowLabels: caseResult.partners.map((p) => p.partner),
          columnLabels: ["apportioned", "direct"],
          cells: caseResult.partners.map((p) => [pick(p).apportioned, pick(p).direct]),
          rowTotals: caseResult.partners.map((p) => pick(p).total),
        }),
        `every partner's ${measure} total is its apportioned plus its direct amount`,
      );
    }
    if (whole) {
      report(
        "Partners add up to the programme",
        caseName,
        checkTableTotals({
          rowLabels: partners.map((p) => p.partner),
          columnLabels: ["set-up", "annual"],
          cells: partners.map((p) => [p.setUp.total, p.annual.total]),
          columnTotals: [whole.setUp.total, whole.annual.total],
        }),
        "the partners' set-up and annual totals add up to the programme's",
      );
      for (const [timing, measure, figure] of [
        ["oneOff", "set-up", whole.setUp.total],
        ["recurring", "annual", whole.annual.total],
      ] as const) {
        report(
          "Programme equals its lines",
          `${caseName}, ${measure}`,
          checkTotal(
            `programme ${measure}`,
            figure,
            quantified
              .filter(({ line }) => line.timing === timing)
              .map(({ entry }) => entry!.amount as Money),
          ),
          `the programme ${measure} equals the sum of the ${timing === "oneOff" ? "one-off" : "recurring"} lines`,
        );
      }
    }
    report(
      "Cumulative position equals the net benefits",
      caseName,
      caseResult.partners.flatMap((p) =>
        checkTotal(
          `${p.partner} cumulative position`,
          p.cumulativeNetBenefit[p.cumulativeNetBenefit.length - 1] ?? 0,
          p.netBenefit,
        ),
      ),
      "each partner's cumulative position at the horizon equals the sum of its yearly net benefits",
    );
  }
  return rows;
}
