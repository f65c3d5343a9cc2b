import { apportion } from "./apportion";
import type { DiscountRate } from "./discounting";
import { EngineError, requireValue } from "./errors";
import { readFraction, withoutNegativeZero } from "./engineInputs";
import type { FundingCheck, FundingSource } from "./funding";
import { type Amount, Money, sum, toMoney } from "./money";
import { netPresentValue } from "./npv";
import { payback, type PaybackResult } from "./payback";

/**
 * What funding does to each partner's position. A grant (external money) on a line shared
 * between partners reaches them in proportion to each partner's part of that line's cost, and in
 * the years the line's cost falls; the rest of each partner's part is its own contribution (its
 * match funding, reserves or borrowing). Payback and NPV are worked out net of external funding,
 * once with every grant in full and once with each grant's fallback award.
 */

/** A funded line's cost as apportioned in one case, and how that cost falls over the years. */
export interface FundedLineParts {
  label: string;
  /** Each partner's part of the line's cost (the apportionment), positive for a cost. */
  parts: Readonly<Record<string, Amount>>;
  /** Fraction of the line's amount in each year 0..n (as `lineYearFractions` gives it). */
  yearFractions: readonly Amount[];
}

/** One partner's position with the grants in full or at their fallback award. */
export interface AwardPosition {
  /** Grants reaching the partner, summed over the funded lines. */
  externalFunding: Money;
  /** The partner's part of the funded lines' cost (over the years) not met by grants. */
  ownContribution: Money;
  /** Grants reaching the partner in each year. */
  externalByYear: Money[];
  /** Net benefit (savings minus costs, positive = better off) with the grants added in their years. */
  netBenefit: Money[];
  netPresentValue: Money;
  payback: PaybackResult;
}

/** One partner's part of one funded line, over the years. */
export interface PartnerLineFunding {
  label: string;
  /** The partner's part of the line's cost × the line's year fractions. */
  cost: Money;
  /** Grants on the line reaching the partner, in full and at the fallback award. */
  grantsFullAward: Money;
  grantsFallbackAward: Money;
}

export interface PartnerFundingPosition {
  partner: string;
  /**
   * The partner's apportioned part of the cost of every funded line over the years (its part ×
   * the line's year fractions: a one-off line's part once, a recurring line's part each year).
   */
  apportionedCost: Money;
  /** Each grant's part reaching the partner in full over the years, by grant name. */
  byGrant: Readonly<Record<string, Money>>;
  /** Per funded line, in the order given. */
  byLine: PartnerLineFunding[];
  fullAward: AwardPosition;
  fallbackAward: AwardPosition;
}

/**
 * Each partner's share of external funding and its own contribution, with payback and NPV net of
 * external funding, for the full grants and for the fallback awards. A line's grant is rounded to
 * the unit (halves away from zero) and split between the partners by their parts of the line's
 * cost in whole units, so the partners' grants add up exactly to the line's; at the fallback award
 * the line's grant × the awarded fraction is rounded and split the same way. Grants reach a
 * partner in the years the line's cost falls (grant × that year's fraction), so a grant on a
 * recurring line meets its cost year by year, as the line's amount is a year's.
 *
 * `partnerNetBenefit` is each partner's net benefit by year before any funding (as the business
 * case computes it). Grants without an entry in `awards` are awarded in full in the fallback too.
 * A line whose partners bear none of its cost (all parts zero) passes no grant to anyone.
 *
 * @example
 * const check = checkFunding(
 *   [{ label: "ICT", expenditure: "capital", cost: 100, funding: [{ source: "Grant", percent: 0.5 }] }],
 *   [{ name: "Grant", kind: "grant" }],
 * );
 * const [a] = partnerFundingPositions(check, [{ name: "Grant", kind: "grant" }],
 *   [{ label: "ICT", parts: { A: 60, B: 40 }, yearFractions: [1, 0] }],
 *   { A: [-60, 30], B: [-40, 20] }, { Grant: 0.5 }, { unit: 1, rate: 0 });
 * a.fullAward.externalFunding.toString() // → "30" (50 × 60/100)
 * a.fallbackAward.externalFunding.toString() // → "15" (25 × 60/100)
 */
export function partnerFundingPositions(
  check: FundingCheck,
  sources: readonly FundingSource[],
  lines: readonly FundedLineParts[],
  partnerNetBenefit: Readonly<Record<string, readonly Amount[]>>,
  awards: Readonly<Record<string, Amount>>,
  options: { unit: Amount; rate: DiscountRate },
): PartnerFundingPosition[] {
  const codes = Object.keys(partnerNetBenefit);
  requireValue(codes.length > 0, "partnerNetBenefit", "names no partners");
  const periods = partnerNetBenefit[codes[0]!]!.length;
  const unit = toMoney(options.unit, "unit");
  if (!unit.gt(0)) throw new EngineError("invalidNumber", "unit", "must be greater than zero");
  const grants = sources.filter((s) => s.kind === "grant").map((s) => s.name);
  const awardFractions = Object.fromEntries(
    grants.map((g) => [
      g,
      awards[g] === undefined ? new Money(1) : readFraction(awards[g]!, `award of '${g}'`),
    ]),
  );
  const rounded = (value: Money) => value.div(unit).toDecimalPlaces(0, Money.ROUND_HALF_UP).times(unit);
  const zeros = () => Array.from({ length: periods }, () => new Money(0));

  const apportioned = Object.fromEntries(codes.map((c) => [c, new Money(0)]));
  const byGrant = Object.fromEntries(
    codes.map((c) => [c, Object.fromEntries(grants.map((g) => [g, new Money(0)]))]),
  );
  const byLine = Object.fromEntries(codes.map((c) => [c, [] as PartnerLineFunding[]]));
  const byYear = {
    full: Object.fromEntries(codes.map((c) => [c, zeros()])),
    fallback: Object.fromEntries(codes.map((c) => [c, zeros()])),
  };

  for (const line of lines) {
    const funded = check.lines.find((l) => l.label === line.label);
    requireValue(funded !== undefined, `line '${line.label}'`, "is not one of the funding check's lines");
    requireValue(
      line.yearFractions.length === periods,
      `line '${line.label}' year fractions`,
      `cover ${line.yearFractions.length} years but the partners' net benefit covers ${periods}`,
    );
    const fractions = line.yearFractions.map((f, t) => toMoney(f, `line '${line.label}' year ${t}`));
    const weights = codes.map((c) =>
      line.parts[c] === undefined
        ? new Money(0)
        : toMoney(line.parts[c]!, `line '${line.label}' part of ${c}`),
    );
    weights.forEach((w, p) => {
      if (w.isNegative() && !w.isZero())
        throw new EngineError(
          "invalidNumber",
          `line '${line.label}' part of ${codes[p]}`,
          `is ${w.toString()}: a funded line's parts are costs, so positive`,
        );
      // Over the years, like the grants: a recurring line's part is a year's cost.
      const cost = sum(fractions.map((f) => w.times(f)));
      apportioned[codes[p]!] = apportioned[codes[p]!]!.plus(cost);
      byLine[codes[p]!]!.push({
        label: line.label,
        cost,
        grantsFullAward: new Money(0),
        grantsFallbackAward: new Money(0),
      });
    });
    if (sum(weights).isZero()) continue;
    for (const grant of grants) {
      const requested = funded.bySource[grant];
      if (requested === undefined || requested.isZero()) continue;
      const splits = {
        full: apportion(rounded(requested), weights, {
          unit,
          subject: `grant '${grant}' on line '${line.label}'`,
        }),
        fallback: apportion(rounded(requested.times(awardFractions[grant]!)), weights, {
          unit,
          subject: `fallback award of '${grant}' on line '${line.label}'`,
        }),
      };
      codes.forEach((c, p) => {
        const overYears = (part: Money) => sum(fractions.map((f) => part.times(f)));
        byGrant[c]![grant] = byGrant[c]![grant]!.plus(overYears(splits.full[p]!));
        const entry = byLine[c]![byLine[c]!.length - 1]!;
        entry.grantsFullAward = entry.grantsFullAward.plus(overYears(splits.full[p]!));
        entry.grantsFallbackAward = entry.grantsFallbackAward.plus(overYears(splits.fallback[p]!));
        for (const which of ["full", "fallback"] as const) {
          const part = splits[which][p]!;
          byYear[which][c] = byYear[which][c]!.map((v, t) => v.plus(part.times(fractions[t]!)));
        }
      });
    }
  }

  const position = (code: string, external: Money[]): AwardPosition => {
    const before = partnerNetBenefit[code]!;
    requireValue(
      before.length === periods,
      `net benefit of ${code}`,
      `covers ${before.length} years but ${codes[0]} covers ${periods}`,
    );
    const netBenefit = before.map((v, t) =>
      withoutNegativeZero(toMoney(v, `net benefit of ${code}[${t}]`).plus(external[t]!)),
    );
    const externalFunding = sum(external);
    return {
      externalFunding,
      ownContribution: withoutNegativeZero(apportioned[code]!.minus(externalFunding)),
      externalByYear: external,
      netBenefit,
      netPresentValue: netPresentValue(netBenefit, options.rate),
      payback: payback(netBenefit),
    };
  };
  return codes.map((code) => ({
    partner: code,
    apportionedCost: apportioned[code]!,
    byGrant: byGrant[code]!,
    byLine: byLine[code]!,
    fullAward: position(code, byYear.full[code]!),
    fallbackAward: position(code, byYear.fallback[code]!),
  }));
}
