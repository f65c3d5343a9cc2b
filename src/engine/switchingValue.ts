import { computeBusinessCase } from "./businessCase";
import type { BusinessCaseModel, CaseResult } from "./businessCaseModel";
import { type DiscountRate, readAmounts } from "./discounting";
import { EngineError } from "./errors";
import { type Amount, Money, sum } from "./money";
import { presentValues } from "./npv";
import { type PaybackResult, payback } from "./payback";
import { scenarioNetCashflow } from "./scenarios";

/**
 * The proportional change in costs or benefits that brings NPV to zero, or why there is none.
 * `change` −0.35 means benefits can fall 35% (or costs would have to fall 35%) before NPV reaches
 * zero; 0.5 means costs can rise 50% (or benefits would have to rise 50%).
 */
export type SwitchingValueResult = { kind: "switches"; change: Money } | { kind: "none"; reason: string };

export interface SwitchingValueOptions {
  /** Default 3.5%, the Green Book rate; a per-period schedule is accepted. */
  rate?: DiscountRate;
  /** Which side moves: "benefits" (default) or "costs". */
  driver?: "benefits" | "costs";
}

/**
 * Switching value of a case: the proportional change in benefits (or costs) at which its NPV is
 * exactly zero. NPV is linear in the factor, NPV(f) = f × PV(benefits) − PV(costs), so the answer
 * is exact: change = PV(costs) / PV(benefits) − 1 for benefits, PV(benefits) / PV(costs) − 1 for
 * costs. Costs and benefits are positive amounts by period, period 0 undiscounted.
 *
 * No switching value when the driver has no present value (no change in it moves the NPV) or
 * when only a negative amount of it would do.
 *
 * @example
 * switchingValue([100, 0], [0, 207], { rate: 0.035 }) // → { kind: "switches", change: −0.5 } (benefits can halve)
 * switchingValue([100, 0], [0, 207], { rate: 0.035, driver: "costs" }) // → { kind: "switches", change: 1 } (costs can double)
 */
export function switchingValue(
  costs: readonly Amount[],
  benefits: readonly Amount[],
  options: SwitchingValueOptions = {},
): SwitchingValueResult {
  const driver = options.driver ?? "benefits";
  if (driver !== "benefits" && driver !== "costs") {
    throw new EngineError("invalidValue", "driver", `must be "benefits" or "costs" (got ${String(driver)})`);
  }
  const costValues = readAmounts(costs, "costs");
  const benefitValues = readAmounts(benefits, "benefits");
  if (costValues.length !== benefitValues.length) {
    throw new EngineError(
      "invalidValue",
      "benefits",
      `cover ${benefitValues.length} periods but costs cover ${costValues.length}: give both for the same periods`,
    );
  }
  const rate = options.rate ?? "0.035";
  const costValue = sum(presentValues(costValues, rate));
  const benefitValue = sum(presentValues(benefitValues, rate));
  const moving = driver === "benefits" ? benefitValue : costValue;
  const other = driver === "benefits" ? costValue : benefitValue;
  if (moving.isZero()) {
    return {
      kind: "none",
      reason: `the ${driver} have no present value, so no change in them moves the NPV`,
    };
  }
  const factor = other.div(moving);
  if (factor.isNegative()) {
    return { kind: "none", reason: `the NPV would only reach zero with negative ${driver}` };
  }
  const change = factor.minus(1);
  return { kind: "switches", change: change.isZero() ? new Money(0) : change };
}

/**
 * How a delayed start affects payback: the first whole-period delay at which the case no longer
 * pays back within its horizon; or that it does not pay back even on time; or that it pays back
 * whatever the delay (it never goes negative).
 */
export type PaybackDelayResult =
  | { kind: "failsAt"; delay: number; paybackOnTime: PaybackResult }
  | { kind: "neverPaysBack"; horizon: number }
  | { kind: "alwaysPaysBack" };

/**
 * The delay, in whole periods, at which payback leaves the horizon: each delay shifts costs and
 * benefits later together and cuts them off at the last period (as `scenarioNetCashflow`). Simple
 * payback unless a rate is given, then discounted payback.
 *
 * @example
 * delayToLosePayback([100, 0, 0, 0], [0, 60, 60, 60]) // → { kind: "failsAt", delay: 2, paybackOnTime: 1.67 periods }
 */
export function delayToLosePayback(
  costs: readonly Amount[],
  benefits: readonly Amount[],
  options: { rate?: DiscountRate } = {},
): PaybackDelayResult {
  // "final": a case that falls back below zero by the end has not paid back within the horizon.
  const paybackOptions = {
    which: "final" as const,
    ...(options.rate === undefined ? {} : { rate: options.rate }),
  };
  const onTime = payback(scenarioNetCashflow(costs, benefits), paybackOptions);
  const horizon = costs.length - 1;
  if (onTime.kind === "never") return { kind: "neverPaysBack", horizon };
  for (let delay = 1; delay <= horizon; delay++) {
    const delayed = payback(scenarioNetCashflow(costs, benefits, { delay }), paybackOptions);
    if (delayed.kind === "never") return { kind: "failsAt", delay, paybackOnTime: onTime };
  }
  return { kind: "alwaysPaysBack" };
}

export interface PartnerSwitchingValues {
  /** Partner code, or "Programme". */
  partner: string;
  netPresentValue: Money;
  /** Change in benefits that brings NPV to zero (usually a fall: negative). */
  benefits: SwitchingValueResult;
  /** Change in costs that brings NPV to zero (usually a rise: positive). */
  costs: SwitchingValueResult;
  /** Years of delay at which simple payback leaves the horizon. */
  paybackDelay: PaybackDelayResult;
  /** Years of delay at which discounted payback leaves the horizon. */
  discountedPaybackDelay: PaybackDelayResult;
}

/**
 * Switching values of one case of a business case, per partner and for the programme, from each
 * one's costs and benefits by year at the model's discount rate: how far benefits can fall, how
 * far costs can rise, and how many years' delay each can bear, before NPV reaches zero or payback
 * leaves the horizon. Exact: the factors are not rounded, so they are thresholds, not scenarios.
 *
 * @example
 * switchingValues(model, { case: "Best" }).at(-1)?.benefits // → { kind: "switches", change: −0.62… }
 */
export function switchingValues(
  model: BusinessCaseModel,
  options: { case: string },
): PartnerSwitchingValues[] {
  const result = computeBusinessCase(model);
  const caseResult = result.cases.find((c) => c.name === options.case);
  if (!caseResult) {
    throw new EngineError(
      "invalidValue",
      "case",
      `'${String(options.case)}' is not one of the model's cases (${result.cases.map((c) => c.name).join(", ")})`,
    );
  }
  return caseSwitchingValues(caseResult, model.settings.discountRate);
}

/**
 * Switching values of one computed case, per partner and for the programme, at the given rate:
 * what `switchingValues` gives, for a case already computed (a delayed scenario included).
 *
 * @example
 * caseSwitchingValues(computeBusinessCase(model).cases[0]!, model.settings.discountRate).at(-1)?.costs
 */
export function caseSwitchingValues(caseResult: CaseResult, rate: DiscountRate): PartnerSwitchingValues[] {
  return caseResult.partners.map((partner) => ({
    partner: partner.partner,
    netPresentValue: partner.netPresentValue,
    benefits: switchingValue(partner.costs, partner.benefits, { rate, driver: "benefits" }),
    costs: switchingValue(partner.costs, partner.benefits, { rate, driver: "costs" }),
    paybackDelay: delayToLosePayback(partner.costs, partner.benefits),
    discountedPaybackDelay: delayToLosePayback(partner.costs, partner.benefits, { rate }),
  }));
}
