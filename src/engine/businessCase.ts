import { apportionLines } from "./apportionLines";
import type {
  BusinessCaseModel,
  BusinessCaseResult,
  CaseDefinition,
  Line,
  LinePartsForCase,
  LineResult,
  LineValue,
  PartnerCaseResult,
  Pool,
  PoolResult,
} from "./businessCaseModel";
import { notQuantified } from "./businessCaseModel";
import { EngineError, requireValue } from "./errors";
import { Money, sum, toMoney } from "./money";
import { internalRateOfReturn } from "./irr";
import { netPresentValue } from "./npv";
import { payback } from "./payback";
import { lineYearFractions } from "./phasing";
import { netReturnOnInvestment, yearsToRecover } from "./returnOnInvestment";
import { basesFromBaseline, sharesFromBases } from "./shares";

/** The partner code under which programme-wide results are reported. */
export const programme = "Programme";

/**
 * Computes a whole business case: shares per pool, every line's parts per partner per case, and
 * per partner and for the programme the set-up, annual position, cashflows, payback, NPV, net ROI
 * and years to recover.
 *
 * Each pool's lines are apportioned together per timing and case (see `apportionLines`), so the
 * partner totals equal the pool total apportioned as one amount, as published business cases do.
 *
 * @example
 * const result = computeBusinessCase(model);
 * result.cases[0].partners.find((p) => p.partner === "HCC")?.setUp.total.toNumber(); // → 1858
 */
export function computeBusinessCase(model: BusinessCaseModel): BusinessCaseResult {
  const { settings } = model;
  const horizon = settings.horizonYears;
  requireValue(
    Number.isInteger(horizon) && horizon >= 1 && horizon <= 125,
    "horizon",
    `must be a whole number of years from 1 to 125 (got ${String(horizon)})`,
  );
  const unit = toMoney(settings.roundingUnit, "rounding unit");
  if (!unit.isPositive() || unit.isZero())
    throw new EngineError("invalidNumber", "rounding unit", "must be greater than zero");

  const partnerCodes = model.partners.map((p) => p.code);
  requireValue(partnerCodes.length > 0, "partners", "the case needs at least one partner");
  const seen = new Set<string>();
  for (const code of partnerCodes) {
    requireValue(!seen.has(code), `partner '${code}'`, "appears more than once");
    seen.add(code);
  }

  const pools = new Map(model.pools.map((pool) => [pool.name, computePool(model, pool)] as const));
  for (const line of model.lines) checkLine(line, pools, seen, model.profiles);
  const caseValues = resolveCases(model, unit);
  const periods = horizon + 1;
  const fractionsByLine = model.lines.map((line) => lineYearFractions(line, model.profiles, periods));

  const lineResults: LineResult[] = model.lines.map((line) => ({
    label: line.label,
    timing: line.timing,
    allocation: line.allocation,
    byCase: {},
  }));

  const cases = model.cases.map((definition) => {
    const values = caseValues.get(definition.name)!;
    const parts = partsForCase(model, pools, values, unit);
    model.lines.forEach((line, l) => {
      const entry: LinePartsForCase = parts[l]
        ? { amount: values[l]!, parts: parts[l] }
        : { amount: values[l]! };
      (lineResults[l]!.byCase as Record<string, LinePartsForCase>)[definition.name] = entry;
    });
    const partners = partnerCodes.map((code) =>
      partnerResult(
        code,
        model,
        values,
        parts,
        (line) => reaches(line, code, pools),
        fractionsByLine,
        settings.discountRate,
        periods,
      ),
    );
    partners.push(programmeResult(partners, model, values, settings.discountRate));
    return { name: definition.name, partners };
  });

  return {
    pools: [...pools.values()],
    lines: lineResults,
    cases,
    years: Array.from({ length: periods }, (_, t) => yearLabel(t, settings.firstFinancialYear)),
  };
}

function computePool(model: BusinessCaseModel, pool: Pool): PoolResult {
  const subject = `pool '${pool.name}'`;
  const allCodes = model.partners.map((p) => p.code);
  const partners = pool.partners === "all" ? allCodes : [...pool.partners];
  requireValue(partners.length > 0, subject, "has no partners");
  for (const code of partners) {
    requireValue(
      allCodes.includes(code),
      subject,
      `names partner '${code}', which is not in the partner list`,
    );
  }
  let bases: Money[];
  if (pool.basis === "equal") {
    bases = partners.map(() => new Money(1));
  } else if (pool.basis === "manual") {
    bases = partners.map((code) => {
      const weight = pool.manualWeights?.[code];
      requireValue(weight !== undefined, subject, `has no manual weight for partner '${code}'`);
      return toMoney(weight, `${subject} weight for '${code}'`);
    });
  } else {
    const table = pool.basis === "fte" ? model.baselineFte : model.baseline;
    requireValue(table !== undefined, subject, "is shared by FTE but the case has no FTE baseline");
    bases = basesFromBaseline(table, pool.serviceAreas, partners, subject);
  }
  const options = pool.shareDecimals === undefined ? { subject } : { subject, decimals: pool.shareDecimals };
  return { pool: pool.name, partners, bases, shares: sharesFromBases(bases, options) };
}

function checkLine(
  line: Line,
  pools: ReadonlyMap<string, PoolResult>,
  partners: ReadonlySet<string>,
  profiles: BusinessCaseModel["profiles"],
): void {
  const subject = `line '${line.label}'`;
  if (line.allocation.kind === "pool") {
    requireValue(
      pools.has(line.allocation.pool),
      subject,
      `is allocated to pool '${line.allocation.pool}', which does not exist`,
    );
  } else {
    requireValue(
      partners.has(line.allocation.partner),
      subject,
      `is allocated to partner '${line.allocation.partner}', which is not in the partner list`,
    );
  }
  if (line.profile !== undefined) {
    requireValue(
      profiles[line.profile] !== undefined,
      subject,
      `uses profile '${line.profile}', which does not exist`,
    );
  }
}

/**
 * Each case's line values. Derived cases scale their source's costs and savings by the factors
 * and round to the rounding unit (half away from zero, as Excel's ROUND), so they apportion cleanly.
 */
function resolveCases(model: BusinessCaseModel, unit: Money): Map<string, LineValue[]> {
  const resolved = new Map<string, LineValue[]>();
  const definitions = new Map(model.cases.map((c) => [c.name, c] as const));
  const resolve = (definition: CaseDefinition, chain: string[]): LineValue[] => {
    const done = resolved.get(definition.name);
    if (done) return done;
    requireValue(!chain.includes(definition.name), `case '${definition.name}'`, "is derived from itself");
    let values: LineValue[];
    if (definition.derivedFrom === undefined) {
      values = model.lines.map((line) => {
        const value = line.values[definition.name];
        return value === undefined || value === notQuantified
          ? notQuantified
          : toMoney(value, `line '${line.label}' ${definition.name}`);
      });
    } else {
      const source = definitions.get(definition.derivedFrom);
      requireValue(
        source !== undefined,
        `case '${definition.name}'`,
        `is derived from '${definition.derivedFrom}', which is not a case`,
      );
      const costFactor = toMoney(definition.costFactor ?? 1, `case '${definition.name}' cost factor`);
      const savingFactor = toMoney(definition.savingFactor ?? 1, `case '${definition.name}' saving factor`);
      values = resolve(source, [...chain, definition.name]).map((value, l) =>
        value === notQuantified
          ? value
          : value
              .times(countsAsCost(model.lines[l]!, value) ? costFactor : savingFactor)
              .div(unit)
              .toDecimalPlaces(0, Money.ROUND_HALF_UP)
              .times(unit),
      );
    }
    resolved.set(definition.name, values);
    return values;
  };
  for (const definition of model.cases) resolve(definition, []);
  return resolved;
}

/** Parts per partner for every line of one case; undefined for lines not quantified. */
function partsForCase(
  model: BusinessCaseModel,
  pools: ReadonlyMap<string, PoolResult>,
  values: readonly LineValue[],
  unit: Money,
): (Record<string, Money> | undefined)[] {
  const parts: (Record<string, Money> | undefined)[] = model.lines.map(() => undefined);
  model.lines.forEach((line, l) => {
    const value = values[l]!;
    if (value !== notQuantified && line.allocation.kind === "partner")
      parts[l] = { [line.allocation.partner]: value };
  });
  for (const pool of pools.values()) {
    for (const timing of ["oneOff", "recurring"] as const) {
      const members = model.lines
        .map((line, l) => ({ line, l }))
        .filter(
          ({ line, l }) =>
            line.timing === timing &&
            line.allocation.kind === "pool" &&
            line.allocation.pool === pool.pool &&
            values[l] !== notQuantified,
        );
      if (members.length === 0) continue;
      const matrix = apportionLines(
        members.map(({ l }) => values[l] as Money),
        // The whole-number weights behind the applied shares: exact, and ties go by the rule.
        pool.shares.weights,
        { unit, subjects: members.map(({ line }) => `line '${line.label}'`) },
      );
      members.forEach(({ l }, row) => {
        parts[l] = Object.fromEntries(pool.partners.map((code, p) => [code, matrix[row]![p]!]));
      });
    }
  }
  return parts;
}

/**
 * Whether a line counts as a cost (scaled by a case's cost factor, and a cost in ROI and
 * benefit–cost ratios) or as a saving. A line's explicit kind decides; without one, one-off lines
 * are set-up and count as costs, so a negative one-off line (a transfer between pools, a credit)
 * reduces costs rather than becoming a benefit, and recurring lines are costs when positive and
 * savings when negative.
 *
 * @example
 * countsAsCost({ label: "Capital receipt", timing: "oneOff", allocation, values: {}, kind: "benefit" }, new Money(-500)); // → false
 * countsAsCost({ label: "Capital receipt", timing: "oneOff", allocation, values: {} }, new Money(-500)); // → true
 */
export function countsAsCost(line: Line, value: Money): boolean {
  if (line.kind !== undefined) return line.kind === "cost";
  return line.timing === "oneOff" || !value.isNegative();
}

function reaches(line: Line, code: string, pools: ReadonlyMap<string, PoolResult>): boolean {
  return line.allocation.kind === "partner"
    ? line.allocation.partner === code
    : pools.get(line.allocation.pool)!.partners.includes(code);
}

function partnerResult(
  code: string,
  model: BusinessCaseModel,
  values: readonly LineValue[],
  parts: readonly (Record<string, Money> | undefined)[],
  reachesPartner: (line: Line) => boolean,
  fractionsByLine: readonly (readonly Money[])[],
  rate: BusinessCaseModel["settings"]["discountRate"],
  periods: number,
): PartnerCaseResult {
  const zero = () => new Money(0);
  const costs = Array.from({ length: periods }, zero);
  const benefits = Array.from({ length: periods }, zero);
  const setUp = { apportioned: zero(), direct: zero() };
  const annual = { apportioned: zero(), direct: zero() };
  const missing: string[] = [];
  // Phasing is linear, so lines sharing a year profile are added up first and phased once.
  const byProfile = new Map<string, { fractions: readonly Money[]; isCost: boolean; total: Money }>();
  model.lines.forEach((line, l) => {
    if (!reachesPartner(line)) return;
    if (values[l] === notQuantified) {
      missing.push(line.label);
      return;
    }
    const part = parts[l]![code]!;
    const bucket = line.timing === "oneOff" ? setUp : annual;
    if (line.allocation.kind === "pool") bucket.apportioned = bucket.apportioned.plus(part);
    else bucket.direct = bucket.direct.plus(part);
    const isCost = countsAsCost(line, values[l]!);
    const key = `${line.timing}|${line.profile ?? ""}|${isCost ? "cost" : "saving"}`;
    const group = byProfile.get(key);
    if (group) group.total = group.total.plus(part);
    else byProfile.set(key, { fractions: fractionsByLine[l]!, isCost, total: part });
  });
  for (const { fractions, isCost, total } of byProfile.values()) {
    fractions.forEach((fraction, t) => {
      if (fraction.isZero()) return;
      const amount = total.times(fraction);
      if (isCost) costs[t] = costs[t]!.plus(amount);
      else benefits[t] = benefits[t]!.minus(amount);
    });
  }
  // A year whose one-off lines net to a saving shows it as a benefit, so costs stay positive; a
  // year whose benefits net below zero (a benefit line entered as positive) shows it as a cost.
  costs.forEach((cost, t) => {
    if (cost.isNegative()) {
      benefits[t] = benefits[t]!.minus(cost);
      costs[t] = new Money(0);
    }
    if (benefits[t]!.isNegative()) {
      costs[t] = costs[t]!.minus(benefits[t]!);
      benefits[t] = new Money(0);
    }
  });
  return appraise(code, costs, benefits, setUp, annual, missing, rate);
}

function programmeResult(
  partners: readonly PartnerCaseResult[],
  model: BusinessCaseModel,
  values: readonly LineValue[],
  rate: BusinessCaseModel["settings"]["discountRate"],
): PartnerCaseResult {
  const total = (pick: (p: PartnerCaseResult) => Money) => sum(partners.map(pick));
  const byYear = (pick: (p: PartnerCaseResult) => Money[]) =>
    partners[0]!.costs.map((_, t) => sum(partners.map((p) => pick(p)[t]!)));
  const missing = model.lines.filter((_, l) => values[l] === notQuantified).map((line) => line.label);
  return appraise(
    programme,
    byYear((p) => p.costs),
    byYear((p) => p.benefits),
    { apportioned: total((p) => p.setUp.apportioned), direct: total((p) => p.setUp.direct) },
    { apportioned: total((p) => p.annual.apportioned), direct: total((p) => p.annual.direct) },
    missing,
    rate,
  );
}

function appraise(
  partner: string,
  costs: Money[],
  benefits: Money[],
  setUp: { apportioned: Money; direct: Money },
  annual: { apportioned: Money; direct: Money },
  missing: string[],
  rate: BusinessCaseModel["settings"]["discountRate"],
): PartnerCaseResult {
  const netBenefit = costs.map((c, t) => benefits[t]!.minus(c));
  let running = new Money(0);
  const cumulativeNetBenefit = netBenefit.map((n) => (running = running.plus(n)));
  const setUpTotal = setUp.apportioned.plus(setUp.direct);
  const annualTotal = annual.apportioned.plus(annual.direct);
  return {
    partner,
    setUp: { ...setUp, total: setUpTotal },
    annual: { ...annual, total: annualTotal },
    notQuantified: missing,
    netBenefit,
    cumulativeNetBenefit,
    costs,
    benefits,
    payback: payback(netBenefit),
    finalPayback: payback(netBenefit, { which: "final" }),
    discountedPayback: payback(netBenefit, { rate }),
    finalDiscountedPayback: payback(netBenefit, { rate, which: "final" }),
    netPresentValue: netPresentValue(netBenefit, rate),
    internalRateOfReturn: internalRateOfReturn(netBenefit),
    netReturnOnInvestment: sum(costs).isZero() ? null : netReturnOnInvestment(costs, benefits),
    yearsToRecover: !annualTotal.isNegative()
      ? null
      : setUpTotal.greaterThan(0)
        ? yearsToRecover(setUpTotal, annualTotal)
        : new Money(0), // a set-up that is itself a net saving has nothing to recover
  };
}

function yearLabel(t: number, firstFinancialYear: number | undefined): string {
  if (firstFinancialYear === undefined) return `Year ${t}`;
  const start = firstFinancialYear + t;
  return `${start}/${String((start + 1) % 100).padStart(2, "0")}`;
}
