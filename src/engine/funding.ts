import { apportion } from "./apportion";
import { apportionLines } from "./apportionLines";
import { EngineError, requireValue } from "./errors";
import { readFraction, withoutNegativeZero, isList } from "./engineInputs";
import { type Amount, Money, sum, toMoney } from "./money";
import { payback, type PaybackResult } from "./payback";

/**
 * How a business case is funded. Each cost line is met from funding sources (a central grant, the
 * partners' match funding, reserves, borrowing), each by an amount or a percentage of the line;
 * the check says, per line and in total, whether the sources cover the costs, and where they fall
 * short or go over. Every line is capital or revenue, because grants and borrowing are usually
 * restricted to one of them.
 */

export type FundingSourceKind = "grant" | "matchFunding" | "reserves" | "borrowing" | "other";
/**
 * Every kind of funding source, for checking input.
 *
 * @example
 * fundingSourceKinds.includes("grant") // → true
 */
export const fundingSourceKinds: readonly FundingSourceKind[] = [
  "grant",
  "matchFunding",
  "reserves",
  "borrowing",
  "other",
];

export type ExpenditureType = "capital" | "revenue";
/**
 * Capital and revenue, for checking input.
 *
 * @example
 * expenditureTypes.includes("capital") // → true
 */
export const expenditureTypes: readonly ExpenditureType[] = ["capital", "revenue"];

export interface FundingSource {
  name: string;
  kind: FundingSourceKind;
  /** The partner whose money it is (match funding, reserves), where there is one. */
  partner?: string;
  /**
   * For a grant: the largest fraction of the total costs it may meet (its pump-priming
   * percentage, e.g. 0.5 where the fund pays at most half). Omitted: no limit.
   */
  pumpPrimingLimit?: Amount;
  /** Restricts the source to capital or to revenue lines; omitted: either. */
  restrictedTo?: ExpenditureType;
}

/** One source's part in meeting a cost line: an amount, or a fraction of the line's cost. */
export type FundingContribution = { source: string; amount: Amount } | { source: string; percent: Amount };

export interface FundedCostLine {
  label: string;
  expenditure: ExpenditureType;
  /** The line's cost, positive, in the case's unit. */
  cost: Amount;
  funding: readonly FundingContribution[];
}

/** Cost, funding and the gap of a line, an expenditure type or the whole case. */
export interface FundingPosition {
  cost: Money;
  funded: Money;
  /** Cost not met by any source (0 or more). */
  shortfall: Money;
  /** Funding beyond the cost (0 or more). */
  overFunding: Money;
}

export interface LineFunding extends FundingPosition {
  label: string;
  expenditure: ExpenditureType;
  /** Amount from each source named on the line (percentages resolved against the cost). */
  bySource: Readonly<Record<string, Money>>;
}

export interface PumpPriming {
  source: string;
  /** The grant's share of the total costs. */
  share: Money;
  limit?: Money;
  withinLimit: boolean;
}

export interface FundingCheck {
  lines: LineFunding[];
  /** Totals per source, in the order the sources were given. */
  bySource: Readonly<Record<string, Money>>;
  byExpenditure: Readonly<Record<ExpenditureType, FundingPosition>>;
  /** Shortfalls and over-fundings are summed line by line: one line's excess does not fill another's gap. */
  total: FundingPosition;
  pumpPriming: PumpPriming[];
  /** True when every line is met exactly: no shortfall, no over-funding, every grant within its limit. */
  balanced: boolean;
  /** Each failure of the check in words, naming the line or source; empty when balanced. */
  problems: string[];
}

/**
 * Checks that funding sources cover the cost lines: each line's contributions (amounts as given,
 * percentages × the line's cost) against its cost, the shortfall or over-funding per line, per
 * expenditure type and in total, totals per source, and each grant's pump-priming share of the
 * total costs against its limit. Amounts are exact decimals.
 *
 * Throws `invalidValue` naming the line for an unknown or restricted source, a repeated source or
 * an unknown expenditure type; `invalidNumber` for a negative cost, amount or percentage.
 *
 * @example
 * const check = checkFunding(
 *   [{ label: "ICT", expenditure: "capital", cost: 1000, funding: [{ source: "Grant", percent: 0.6 }, { source: "HCC reserves", amount: 300 }] }],
 *   [{ name: "Grant", kind: "grant", pumpPrimingLimit: 0.75 }, { name: "HCC reserves", kind: "reserves", partner: "HCC" }],
 * );
 * check.total.shortfall.toString() // → "100"
 * check.problems // → ["line 'ICT': 100 of its cost of 1000 is not funded"]
 */
export function checkFunding(
  lines: readonly FundedCostLine[],
  sources: readonly FundingSource[],
): FundingCheck {
  requireValue(isList(lines) && lines.length > 0, "cost lines", "needs at least one cost line");
  requireValue(isList(sources), "funding sources", "must be a list of funding sources");
  const sourceNames = sources.map((s, i) => {
    requireValue(
      typeof s.name === "string" && s.name.trim() !== "",
      `funding source ${i + 1}`,
      "has no name",
    );
    requireValue(
      fundingSourceKinds.includes(s.kind),
      `funding source '${s.name}'`,
      `kind must be one of ${fundingSourceKinds.join(", ")} (got ${String(s.kind)})`,
    );
    return s.name;
  });
  sourceNames.forEach((n, i) => {
    if (sourceNames.indexOf(n) !== i)
      throw new EngineError("invalidValue", "funding sources", `name '${n}' twice`);
  });
  const problems: string[] = [];

  const lineResults = lines.map((line): LineFunding => {
    const name = `line '${line.label}'`;
    requireValue(
      expenditureTypes.includes(line.expenditure),
      `${name} expenditure`,
      `must be capital or revenue (got ${String(line.expenditure)})`,
    );
    const cost = toMoney(line.cost, `${name} cost`);
    if (cost.isNegative() && !cost.isZero())
      throw new EngineError(
        "invalidNumber",
        `${name} cost`,
        `is ${cost.toString()}: enter a cost to be funded as a positive amount`,
      );
    requireValue(isList(line.funding), `${name} funding`, "must be a list of contributions");
    const bySource: Record<string, Money> = {};
    line.funding.forEach((contribution) => {
      const source = sources.find((s) => s.name === contribution.source);
      if (!source) {
        throw new EngineError(
          "invalidValue",
          `${name} funding`,
          `names '${String(contribution.source)}', which is not one of the funding sources (${sourceNames.join(", ") || "none given"})`,
        );
      }
      if (bySource[source.name] !== undefined)
        throw new EngineError("invalidValue", `${name} funding`, `names '${source.name}' twice`);
      if (source.restrictedTo !== undefined && source.restrictedTo !== line.expenditure) {
        throw new EngineError(
          "invalidValue",
          `${name} funding`,
          `'${source.name}' may fund only ${source.restrictedTo} costs, and this line is ${line.expenditure}`,
        );
      }
      const subject = `${name} funding from '${source.name}'`;
      let amount: Money;
      if ("percent" in contribution) {
        amount = cost.times(readFraction(contribution.percent, subject));
      } else {
        amount = toMoney(contribution.amount, subject);
        if (amount.isNegative() && !amount.isZero())
          throw new EngineError(
            "invalidNumber",
            subject,
            `is ${amount.toString()}: a contribution cannot be negative`,
          );
      }
      bySource[source.name] = amount;
    });
    const position = positionOf(cost, sum(Object.values(bySource)));
    if (position.shortfall.gt(0))
      problems.push(
        `${name}: ${position.shortfall.toString()} of its cost of ${cost.toString()} is not funded`,
      );
    if (position.overFunding.gt(0))
      problems.push(
        `${name}: funded ${position.overFunding.toString()} more than its cost of ${cost.toString()}`,
      );
    return { label: line.label, expenditure: line.expenditure, ...position, bySource };
  });

  const totalOf = (items: readonly LineFunding[]): FundingPosition => ({
    cost: sum(items.map((l) => l.cost)),
    funded: sum(items.map((l) => l.funded)),
    shortfall: sum(items.map((l) => l.shortfall)),
    overFunding: sum(items.map((l) => l.overFunding)),
  });
  const total = totalOf(lineResults);
  const bySource = Object.fromEntries(
    sourceNames.map((n) => [n, sum(lineResults.map((l) => l.bySource[n] ?? new Money(0)))]),
  );
  const pumpPriming = sources
    .filter((s) => s.kind === "grant")
    .map((s): PumpPriming => {
      const share = total.cost.isZero() ? new Money(0) : bySource[s.name]!.div(total.cost);
      const limit =
        s.pumpPrimingLimit === undefined
          ? undefined
          : readFraction(s.pumpPrimingLimit, `funding source '${s.name}' pump-priming limit`);
      const withinLimit = limit === undefined || share.lte(limit);
      if (!withinLimit) {
        problems.push(
          `grant '${s.name}': meets ${share.times(100).toSignificantDigits(6).toString()}% of the costs, above its pump-priming limit of ${limit!.times(100).toString()}%`,
        );
      }
      return { source: s.name, share, ...(limit === undefined ? {} : { limit }), withinLimit };
    });
  return {
    lines: lineResults,
    bySource,
    byExpenditure: {
      capital: totalOf(lineResults.filter((l) => l.expenditure === "capital")),
      revenue: totalOf(lineResults.filter((l) => l.expenditure === "revenue")),
    },
    total,
    pumpPriming,
    balanced: problems.length === 0,
    problems,
  };
}

function positionOf(cost: Money, funded: Money): FundingPosition {
  const gap = cost.minus(funded);
  return {
    cost,
    funded,
    shortfall: gap.gt(0) ? gap : new Money(0),
    overFunding: gap.lt(0) ? gap.neg() : new Money(0),
  };
}

/** What falls to the partners when only part of a grant is awarded. */
export interface PartialAward {
  requested: Money;
  awarded: Money;
  /** requested − awarded: the unfunded remainder the partners must meet. */
  unfunded: Money;
  /** The remainder per line, in proportion to each line's grant request. */
  byLine: { label: string; requested: Money; unfunded: Money }[];
  /** The remainder per partner by their shares, in whole units, adding up to exactly `unfunded`. */
  byPartner: Readonly<Record<string, Money>>;
}

/**
 * A fallback award: if only part of a grant is awarded (a fraction of the request, or an amount),
 * the unfunded remainder falls to the partners by their shares. The awarded amount is rounded to
 * the unit (halves away from zero); the remainder is split between lines in proportion to their
 * request and between partners by `partnerWeights`, both in whole units that add up exactly.
 *
 * @example
 * const check = checkFunding(
 *   [{ label: "ICT", expenditure: "capital", cost: 1000, funding: [{ source: "Grant", amount: 1000 }] }],
 *   [{ name: "Grant", kind: "grant" }],
 * );
 * partialGrantAward(check, "Grant", { fraction: 0.6 }, { HCC: 0.73, HFRS: 0.22, HPA: 0.05 }, 1).byPartner
 * // → { HCC: 292, HFRS: 88, HPA: 20 }
 */
export function partialGrantAward(
  check: FundingCheck,
  grant: string,
  award: { fraction: Amount } | { amount: Amount },
  partnerWeights: Readonly<Record<string, Amount>>,
  unit: Amount = "0.01",
): PartialAward {
  requireValue(check.bySource[grant] !== undefined, "grant", `'${grant}' is not one of the funding sources`);
  const requested = check.bySource[grant]!;
  const unitValue = toMoney(unit, "unit");
  if (!unitValue.gt(0)) throw new EngineError("invalidNumber", "unit", "must be greater than zero");
  let awarded: Money;
  if ("fraction" in award) {
    awarded = requested.times(readFraction(award.fraction, "awarded fraction"));
  } else {
    awarded = toMoney(award.amount, "awarded amount");
    if (awarded.isNegative() || awarded.gt(requested)) {
      throw new EngineError(
        "invalidNumber",
        "awarded amount",
        `is ${awarded.toString()}: it must be from 0 to the ${requested.toString()} requested`,
      );
    }
  }
  awarded = awarded.div(unitValue).toDecimalPlaces(0, Money.ROUND_HALF_UP).times(unitValue);
  const unfunded = withoutNegativeZero(requested.minus(awarded));
  const requests = check.lines.map((l) => l.bySource[grant] ?? new Money(0));
  const byLineParts =
    unfunded.isZero() || requested.isZero()
      ? requests.map(() => new Money(0))
      : apportion(unfunded, requests, { unit: unitValue, subject: "unfunded remainder" });
  const codes = Object.keys(partnerWeights);
  requireValue(codes.length > 0, "partnerWeights", "name no partners to meet the remainder");
  const partnerParts = apportion(
    unfunded,
    codes.map((c) => partnerWeights[c]!),
    { unit: unitValue, subject: "unfunded remainder" },
  );
  return {
    requested,
    awarded,
    unfunded,
    byLine: check.lines.map((l, i) => ({
      label: l.label,
      requested: requests[i]!,
      unfunded: byLineParts[i]!,
    })),
    byPartner: Object.fromEntries(codes.map((c, i) => [c, partnerParts[i]!])),
  };
}

/** Each partner's payback with the full grant and with the partial award. */
export interface PartialAwardPayback {
  /** Extra cost per partner per year: that year's unawarded grant, split by shares. */
  extraCosts: Readonly<Record<string, Money[]>>;
  partners: {
    partner: string;
    fullAward: PaybackResult;
    partialAward: PaybackResult;
    netBenefitPartialAward: Money[];
  }[];
  /** The partners together. */
  programme: { fullAward: PaybackResult; partialAward: PaybackResult; netBenefitPartialAward: Money[] };
}

/**
 * What a partial award does to payback: each year's unawarded grant (grant × (1 − fraction),
 * rounded to the unit) falls to the partners by their shares, as extra cost, and each partner's
 * net benefit (savings minus costs, positive = better off, assuming the full grant) falls by its
 * part. Payback is worked out both ways, per partner and for the partners together. The extra
 * costs foot both ways: each year's parts add up to that year's remainder, and each partner's years
 * add up to its share of the whole remainder.
 *
 * @example
 * const result = partialAwardPayback({ HCC: [-100, 60, 60], HFRS: [-50, 30, 30] }, [100, 0, 0], 0.5, { HCC: 2, HFRS: 1 }, 1);
 * result.extraCosts.HCC!.map(String) // → ["33", "0", "0"] (and HFRS 17: the year's 50 in whole units)
 */
export function partialAwardPayback(
  partnerNetBenefit: Readonly<Record<string, readonly Amount[]>>,
  grantByYear: readonly Amount[],
  awardedFraction: Amount,
  partnerWeights: Readonly<Record<string, Amount>>,
  unit: Amount = "0.01",
  rate?: Amount,
): PartialAwardPayback {
  const codes = Object.keys(partnerNetBenefit);
  requireValue(codes.length > 0, "partnerNetBenefit", "names no partners");
  const periods = partnerNetBenefit[codes[0]!]!.length;
  requireValue(
    isList(grantByYear) && grantByYear.length === periods,
    "grantByYear",
    `must give the grant for each of the ${periods} years of the partners' net benefit`,
  );
  codes.forEach((c) => {
    requireValue(partnerWeights[c] !== undefined, "partnerWeights", `give no share for partner ${c}`);
    requireValue(
      partnerNetBenefit[c]!.length === periods,
      `net benefit of ${c}`,
      `covers ${partnerNetBenefit[c]!.length} years but ${codes[0]} covers ${periods}`,
    );
  });
  const fraction = readFraction(awardedFraction, "awarded fraction");
  const unitValue = toMoney(unit, "unit");
  if (!unitValue.gt(0)) throw new EngineError("invalidNumber", "unit", "must be greater than zero");
  const remainders = grantByYear.map((g, t) => {
    const grant = toMoney(g, `grantByYear[${t}]`);
    const unawarded = grant.times(new Money(1).minus(fraction));
    return unawarded.div(unitValue).toDecimalPlaces(0, Money.ROUND_HALF_UP).times(unitValue);
  });
  const table = apportionLines(
    remainders,
    codes.map((c) => partnerWeights[c]!),
    {
      unit: unitValue,
      subjects: remainders.map((_, t) => `unawarded grant in year ${t}`),
    },
  );
  const extraCosts = Object.fromEntries(codes.map((c, p) => [c, table.map((row) => row[p]!)]));
  const options = rate === undefined ? {} : { rate };
  const partners = codes.map((c) => {
    const full = partnerNetBenefit[c]!.map((v, t) => toMoney(v, `net benefit of ${c}[${t}]`));
    const partial = full.map((v, t) => withoutNegativeZero(v.minus(extraCosts[c]![t]!)));
    return {
      partner: c,
      fullAward: payback(full, options),
      partialAward: payback(partial, options),
      netBenefitPartialAward: partial,
      full,
    };
  });
  const programmeFull = Array.from({ length: periods }, (_, t) => sum(partners.map((p) => p.full[t]!)));
  const programmePartial = Array.from({ length: periods }, (_, t) =>
    sum(partners.map((p) => p.netBenefitPartialAward[t]!)),
  );
  return {
    extraCosts,
    partners: partners.map(({ full: _full, ...rest }) => rest),
    programme: {
      fullAward: payback(programmeFull, options),
      partialAward: payback(programmePartial, options),
      netBenefitPartialAward: programmePartial,
    },
  };
}
