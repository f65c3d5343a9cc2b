import type Decimal from "decimal.js";
import type { BaselineRow } from "./businessCaseModel";
import { EngineError, requireValue } from "./errors";
import { distributeUnits } from "./largestRemainder";
import { type Amount, Money, sum, toMoney } from "./money";

/**
 * Each partner's share of a pool, as fractions. `raw` is the exact baseline proportion; `applied` is
 * what the business case uses, which may be rounded (Hampshire rounds to whole percent and applies
 * the rounded shares). `applied` always sums to exactly 1.
 */
export interface Shares {
  raw: Money[];
  applied: Money[];
  /**
   * Whole-number weights exactly proportional to the applied shares: the bases themselves for
   * exact shares (whose applied decimals are 40-digit roundings of bases / total), the rounded
   * shares in units (73 / 22 / 5) for rounded ones. Apportioning by these is exact and fast; by
   * 40-digit exact shares, equal remainders can come apart by rounding noise.
   */
  weights: Money[];
}

export interface ShareOptions {
  /**
   * Decimals of a percent to round the applied shares to, with largest remainder so they still sum
   * to 100%: 0 gives whole percent (73 / 22 / 5). Omit to apply the exact shares.
   */
  decimals?: number;
  /** Name of the input in error messages (default "bases"). */
  subject?: string;
}

/**
 * Shares in proportion to bases (baseline £, FTE, or given weights), one base per partner.
 *
 * @example
 * sharesFromBases([63000, 20600, 4500], { decimals: 0 }).applied.map(Number) // → [0.73, 0.22, 0.05]
 */
export function sharesFromBases(bases: readonly Amount[], options: ShareOptions = {}): Shares {
  const subject = options.subject ?? "bases";
  requireValue(Array.isArray(bases) && bases.length > 0, subject, "needs at least one partner's base");
  const values = bases.map((b, i) => toMoney(b, `${subject}[${i + 1}]`));
  values.forEach((v, i) => {
    if (v.isNegative())
      throw new EngineError(
        "invalidNumber",
        `${subject}[${i + 1}]`,
        "is negative; a base cannot be below zero",
      );
  });
  const total = sum(values);
  if (total.isZero())
    throw new EngineError("invalidNumber", subject, "are all zero, so no partner has a share");
  const raw = values.map((v) => v.div(total));
  if (options.decimals === undefined) return { raw, applied: raw.map((r) => new Money(r)), weights: values };
  const units = roundShares(values, options.decimals, subject);
  const unitsInWhole = new Money(10).pow(options.decimals + 2);
  return { raw, applied: units.map((u) => u.div(unitsInWhole)), weights: units };
}

/**
 * Shares of the column totals of a table whose rows are service areas and columns are partners.
 *
 * @example
 * sharesFromTable([[1800, 400, 100], [44400, 15000, 2700]]).raw.length // → 3
 */
export function sharesFromTable(rows: readonly (readonly Amount[])[], options: ShareOptions = {}): Shares {
  const subject = options.subject ?? "bases";
  requireValue(Array.isArray(rows) && rows.length > 0, subject, "needs at least one row");
  const width = rows[0]!.length;
  rows.forEach((row, r) =>
    requireValue(
      row.length === width,
      subject,
      `row ${r + 1} has ${row.length} values but row 1 has ${width}`,
    ),
  );
  const totals = Array.from({ length: width }, (_, c) =>
    sum(rows.map((row, r) => toMoney(row[c], `${subject} row ${r + 1}, column ${c + 1}`))),
  );
  return sharesFromBases(totals, options);
}

/**
 * Each partner's base for a pool shared by baseline (or FTE): the sum of its amounts over the
 * pool's service areas. A partner with no amount in a row has 0 there.
 *
 * @param serviceAreas in the table's spelling, or "all" for every row.
 * @throws EngineError naming `subject` when a service area is not a row of the table.
 * @example
 * basesFromBaseline([{ serviceArea: "Finance", amounts: { A: 600, B: 400 } }], "all", ["A", "B"]).map(Number) // → [600, 400]
 */
export function basesFromBaseline(
  table: readonly BaselineRow[],
  serviceAreas: readonly string[] | "all",
  partners: readonly string[],
  subject = "pool",
): Money[] {
  const areas = serviceAreas === "all" ? table.map((row) => row.serviceArea) : [...serviceAreas];
  const rows = areas.map((area) => {
    const row = table.find((r) => r.serviceArea === area);
    requireValue(row !== undefined, subject, `names service area '${area}', which is not in the baseline`);
    return row;
  });
  return partners.map((code) =>
    sum(
      rows.map((row) => {
        const amount = row.amounts[code];
        return amount === undefined
          ? new Money(0)
          : toMoney(amount, `baseline '${row.serviceArea}' for '${code}'`);
      }),
    ),
  );
}

/** Shares rounded to `decimals` of a percent with largest remainder, in units of 10^-(decimals+2). */
function roundShares(bases: readonly Decimal[], decimals: number, subject: string): Money[] {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 10) {
    throw new EngineError("invalidNumber", `${subject} decimals`, "must be a whole number from 0 to 10");
  }
  // Whole units of 10^-(decimals+2): 100 units per whole at 0 decimals (one unit = 1%).
  const unitsInWhole = new Money(10).pow(decimals + 2);
  return distributeUnits(unitsInWhole, bases);
}
