import {
  type BusinessCaseResult,
  type LinePartsForCase,
  notQuantified,
  type Timing,
} from "./businessCaseModel";
import { Money, sum } from "./money";

/** One pool's lines of one timing in one case, added up: the total and each partner's part. */
export interface PoolCaseTotal {
  pool: string;
  timing: Timing;
  caseName: string;
  /** The sum of the pool's quantified lines; notQuantified when none of them is quantified. */
  total: Money | typeof notQuantified;
  /** Each of the pool's partners' parts of those lines, summed; empty when none is quantified. */
  parts: Record<string, Money>;
}

/**
 * Each pool's totals per timing (one-off, recurring) and per case, with the partners' parts:
 * what the pool's lines add to, for the apportionment sheet. Lines not quantified in a case are
 * left out; a pool with no line of a timing gives no entry for it.
 *
 * @example
 * poolTotals(result, ["Best"]).map((t) => [t.pool, t.timing, t.total.toString()]);
 * // [["Shared", "oneOff", "100"], ["Shared", "recurring", "-60"]]
 */
export function poolTotals(result: BusinessCaseResult, caseNames: readonly string[]): PoolCaseTotal[] {
  const totals: PoolCaseTotal[] = [];
  for (const pool of result.pools) {
    for (const timing of ["oneOff", "recurring"] as const) {
      const lines = result.lines.filter(
        (line) =>
          line.timing === timing && line.allocation.kind === "pool" && line.allocation.pool === pool.pool,
      );
      if (lines.length === 0) continue;
      for (const caseName of caseNames) {
        const quantified = lines
          .map((line) => line.byCase[caseName])
          .filter(
            (entry): entry is LinePartsForCase & { parts: Readonly<Record<string, Money>> } =>
              entry !== undefined && entry.amount !== notQuantified && entry.parts !== undefined,
          );
        if (quantified.length === 0) {
          totals.push({ pool: pool.pool, timing, caseName, total: notQuantified, parts: {} });
          continue;
        }
        const parts: Record<string, Money> = {};
        for (const code of pool.partners)
          parts[code] = sum(quantified.map((entry) => entry.parts[code] ?? new Money(0)));
        totals.push({
          pool: pool.pool,
          timing,
          caseName,
          total: sum(quantified.map((entry) => entry.amount as Money)),
          parts,
        });
      }
    }
  }
  return totals;
}
