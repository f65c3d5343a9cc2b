import { computeBusinessCase, programme } from "../businessCase";
import { lineYearFractions } from "../phasing";
import type { BusinessCaseModel, BusinessCaseResult, LineValue } from "../businessCaseModel";
import { notQuantified } from "../businessCaseModel";
import { discountFactors } from "../discounting";
import { EngineError } from "../errors";
import { Money } from "../money";

/**
 * Which cases give each line's range: `bestCase` and `worstCase` are its ends (default "Best" and
 * "Worst"), `baseCase` its most likely value. Without a base case the midpoint of best and worst
 * is taken as most likely.
 */
export interface CaseSelection {
  baseCase?: string;
  bestCase?: string;
  worstCase?: string;
}

/** One line's range and how a unit of its value moves each partner's net benefit. */
export interface LineEffect {
  label: string;
  /** Values in the best, worst and base cases; null where the case does not quantify the line. */
  best: Money | null;
  worst: Money | null;
  base: Money | null;
  /**
   * The value the sensitivity and simulation start from: the base value, else the midpoint of best
   * and worst, else whichever end is quantified; null when no case quantifies the line.
   */
  reference: Money | null;
  /**
   * Change in net benefit (savings minus costs) per unit increase of the line's value, by partner
   * (in `LineEffects.partners` order) and year. Negative for years the line falls in: a line's
   * value is a cost when positive.
   */
  netBenefitPerUnit: Money[][];
  /** The same discounted: change in each partner's NPV per unit of the line's value. */
  netPresentValuePerUnit: Money[];
}

/**
 * A business case opened up line by line. Every figure a partner gets is linear in the line
 * values (apportioned parts are fixed shares of each line, phased by fixed profiles), so each
 * partner's net benefit is the reference position plus Σ (value − reference) × per-unit effect.
 * Sensitivity and simulation use that, instead of recomputing the whole case thousands of times.
 */
export interface LineEffects {
  bestCase: string;
  worstCase: string;
  baseCase: string | undefined;
  /** Partner codes in model order, then the programme. */
  partners: string[];
  /** Years 0..horizon. */
  periods: number;
  discountFactors: Money[];
  lines: LineEffect[];
  /**
   * Net benefit by partner and year with every line at its reference value. With a base case this
   * is the base case exactly as `computeBusinessCase` gives it (its rounded apportioned parts).
   */
  referenceNetBenefit: Money[][];
  referenceNetPresentValue: Money[];
  /** Lines that no selected case quantifies: left out, as the business case leaves them out. */
  notQuantified: string[];
  /** The whole computed business case. */
  result: BusinessCaseResult;
}

/**
 * Opens up a business case line by line for sensitivity analysis and simulation.
 *
 * Each line's effect on a partner is its exact applied share of the line (1 for a line allocated
 * directly), phased by the line's profile and with the sign of net benefit. Apportioned parts in
 * the case itself are rounded to the rounding unit; the reference position keeps that rounding,
 * and changes from it use exact shares, so moving a line by an amount moves each partner by
 * exactly its share of that amount.
 *
 * @example
 * const effects = lineEffects(model, { bestCase: "Best", worstCase: "Worst" });
 * effects.lines[0].netPresentValuePerUnit.map(Number) // → e.g. [-0.73, -0.22, -0.05, -1] for a year-0 cost
 */
export function lineEffects(model: BusinessCaseModel, selection: CaseSelection = {}): LineEffects {
  const bestCase = selection.bestCase ?? "Best";
  const worstCase = selection.worstCase ?? "Worst";
  const baseCase = selection.baseCase;
  const caseNames = new Set(model.cases.map((c) => c.name));
  for (const [role, name] of [
    ["best case", bestCase],
    ["worst case", worstCase],
    ["base case", baseCase],
  ] as const) {
    if (name !== undefined && !caseNames.has(name)) {
      throw new EngineError(
        "invalidValue",
        role,
        `'${name}' is not one of the model's cases (${[...caseNames].join(", ")})`,
      );
    }
  }
  const result = computeBusinessCase(model);
  const partners = [...model.partners.map((p) => p.code), programme];
  const partnerCount = partners.length;
  const periods = model.settings.horizonYears + 1;
  const factors = discountFactors(periods - 1, model.settings.discountRate);
  const pools = new Map(result.pools.map((pool) => [pool.pool, pool] as const));
  const zeroRow = () => Array.from({ length: periods }, () => new Money(0));

  const valueIn = (l: number, name: string | undefined): Money | null => {
    if (name === undefined) return null;
    const amount: LineValue | undefined = result.lines[l]!.byCase[name]?.amount;
    return amount === undefined || amount === notQuantified ? null : amount;
  };

  const lines = model.lines.map((line, l): LineEffect => {
    const best = valueIn(l, bestCase);
    const worst = valueIn(l, worstCase);
    const base = valueIn(l, baseCase);
    const reference = base ?? (best && worst ? best.plus(worst).div(2) : (best ?? worst));
    const weights = new Map<string, Money>();
    if (line.allocation.kind === "partner") {
      weights.set(line.allocation.partner, new Money(1));
    } else {
      const pool = pools.get(line.allocation.pool)!;
      pool.partners.forEach((code, p) => weights.set(code, pool.shares.applied[p]!));
    }
    const fractions = lineYearFractions(line, model.profiles, periods);
    const netBenefitPerUnit = partners.map(() => zeroRow());
    partners.forEach((code, p) => {
      if (code === programme) return;
      const weight = weights.get(code);
      if (weight === undefined) return;
      netBenefitPerUnit[p] = fractions.map((fraction) => {
        const perUnit = weight.times(fraction).neg();
        // Keep zeros positive: decimal.js keeps the sign of −0, which would show as "-0".
        return perUnit.isZero() ? new Money(0) : perUnit;
      });
    });
    // The programme is the sum of the partners, as in the business case.
    netBenefitPerUnit[partnerCount - 1] = zeroRow().map((_, t) =>
      netBenefitPerUnit.slice(0, partnerCount - 1).reduce((total, row) => total.plus(row[t]!), new Money(0)),
    );
    return {
      label: line.label,
      best,
      worst,
      base,
      reference,
      netBenefitPerUnit,
      netPresentValuePerUnit: netBenefitPerUnit.map((row) => presentValue(row, factors)),
    };
  });

  let referenceNetBenefit: Money[][];
  if (baseCase !== undefined) {
    const baseResult = result.cases.find((c) => c.name === baseCase)!;
    referenceNetBenefit = baseResult.partners.map((partner) => partner.netBenefit.map((v) => new Money(v)));
    // Lines the base case leaves unquantified still have a reference from their range.
    lines.forEach((effect) => {
      if (effect.base === null && effect.reference !== null)
        addScaled(referenceNetBenefit, effect, effect.reference);
    });
  } else {
    referenceNetBenefit = partners.map(() => zeroRow());
    lines.forEach((effect) => {
      if (effect.reference !== null) addScaled(referenceNetBenefit, effect, effect.reference);
    });
  }

  return {
    bestCase,
    worstCase,
    baseCase,
    partners,
    periods,
    discountFactors: factors,
    lines,
    referenceNetBenefit,
    referenceNetPresentValue: referenceNetBenefit.map((row) => presentValue(row, factors)),
    notQuantified: lines.filter((effect) => effect.reference === null).map((effect) => effect.label),
    result,
  };
}

/**
 * Change in each partner's NPV when the lines at `indices` move by `changes` (same order) from
 * their reference values.
 *
 * @example
 * netPresentValueChange(effects, [0], [new Money(100)]) // → per partner, 100 × the line's NPV per unit
 */
export function netPresentValueChange(
  effects: LineEffects,
  indices: readonly number[],
  changes: readonly Money[],
): Money[] {
  return effects.partners.map((_, p) =>
    indices.reduce(
      (total, l, k) => total.plus(changes[k]!.times(effects.lines[l]!.netPresentValuePerUnit[p]!)),
      new Money(0),
    ),
  );
}

/**
 * Finds lines by label, naming the first unknown one in the error.
 *
 * @example
 * lineIndices(effects, ["ICT", "Legal model"], "tornado group 'Set-up'") // → [0, 4]
 */
export function lineIndices(effects: LineEffects, labels: readonly string[], subject: string): number[] {
  return labels.map((label) => {
    const index = effects.lines.findIndex((line) => line.label === label);
    if (index < 0)
      throw new EngineError("invalidValue", subject, `names line '${label}', which is not in the model`);
    return index;
  });
}

function addScaled(rows: Money[][], effect: LineEffect, amount: Money): void {
  rows.forEach((row, p) => {
    effect.netBenefitPerUnit[p]!.forEach((perUnit, t) => {
      row[t] = row[t]!.plus(perUnit.times(amount));
    });
  });
}

function presentValue(row: readonly Money[], factors: readonly Money[]): Money {
  return row.reduce((total, value, t) => total.plus(value.times(factors[t]!)), new Money(0));
}
