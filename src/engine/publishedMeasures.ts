import { programme } from "./businessCase";
import { type BusinessCaseResult, notQuantified } from "./businessCaseModel";
import type { DiscountRate } from "./discounting";
import { EngineError, requireValue } from "./errors";
import { Money, sum } from "./money";
import type { PaybackResult } from "./payback";
import { benefitCostRatio, benefitMultiple } from "./returnOnInvestment";

/** What a published figure claims to summarise: a headline measure, or one line's total. */
export type PublishedMeasure =
  | {
      kind:
        | "setUp"
        | "annualSaving"
        | "netReturnOnInvestment"
        | "benefitMultiple"
        | "benefitCostRatio"
        | "payback"
        | "finalPayback"
        | "discountedPayback"
        | "netPresentValue"
        | "yearsToRecover";
    }
  | { kind: "line"; label: string };

/** A measure's computed value, or why the case gives none (it never pays back, it has no costs). */
export type MeasureValue = { kind: "figure"; value: Money } | { kind: "none"; reason: string };

export interface MeasureOptions {
  /** The case, exactly as the result names it. */
  caseName: string;
  /** Partner code, or "Programme". */
  partner: string;
  /** For the benefit–cost ratio: the model's discount rate. */
  discountRate: DiscountRate;
  /**
   * An annual saving printed negative (in brackets, as a table prints it) is compared with the
   * document's sign; a positive one (as a headline prints it) with the saving as a positive amount.
   */
  savingPrintedNegative?: boolean;
}

/**
 * The computed counterpart of a published figure: the measure for one partner (or the programme)
 * in one case of a computed business case. A line measure sums every line of that label, the
 * programme's amounts or the partner's parts.
 *
 * @throws EngineError when the case or the partner is not in the result.
 * @example
 * measureValue(result, { kind: "setUp" }, { caseName: "Best", partner: "Programme", discountRate: 0.035 });
 * // { kind: "figure", value: the Best case programme's set-up total }
 */
export function measureValue(
  result: BusinessCaseResult,
  measure: PublishedMeasure,
  options: MeasureOptions,
): MeasureValue {
  const { caseName, partner: code } = options;
  const caseResult = result.cases.find((c) => c.name === caseName);
  requireValue(caseResult !== undefined, "case", `'${caseName}' is not one of the computed cases`);
  const partner = caseResult.partners.find((p) => p.partner === code);
  requireValue(partner !== undefined, "partner", `'${code}' is not a partner of the ${caseName} case`);
  const figure = (value: Money): MeasureValue => ({ kind: "figure", value });
  const none = (reason: string): MeasureValue => ({ kind: "none", reason });
  const paybackOf = (value: PaybackResult, endsPaidBack: boolean): MeasureValue =>
    value.kind === "paysBack"
      ? figure(value.periods)
      : none(
          `the case does not ${endsPaidBack ? "end paid back" : "pay back"} within ${yearsText(value.horizon)}`,
        );
  const ratio = (what: string, work: () => Money): MeasureValue => {
    if (sum(partner.costs).isZero()) return none(`the case has no costs, so no ${what}`);
    try {
      return figure(work());
    } catch (error) {
      if (error instanceof EngineError) return none(`no figure follows from the case: ${error.problem}`);
      throw error;
    }
  };
  switch (measure.kind) {
    case "setUp":
      return figure(partner.setUp.total);
    case "annualSaving":
      return figure(options.savingPrintedNegative ? partner.annual.total : partner.annual.total.neg());
    case "netReturnOnInvestment":
      return partner.netReturnOnInvestment === null
        ? none("the case has no costs, so no net ROI")
        : figure(partner.netReturnOnInvestment);
    case "benefitMultiple":
      return ratio("benefit multiple", () => benefitMultiple(partner.costs, partner.benefits));
    case "benefitCostRatio":
      return ratio("benefit–cost ratio", () =>
        benefitCostRatio(partner.costs, partner.benefits, options.discountRate),
      );
    case "payback":
      return paybackOf(partner.payback, false);
    case "finalPayback":
      return paybackOf(partner.finalPayback, true);
    case "discountedPayback":
      return paybackOf(partner.discountedPayback, false);
    case "netPresentValue":
      return figure(partner.netPresentValue);
    case "yearsToRecover":
      return partner.yearsToRecover === null
        ? none("the case has no annual saving, so no years to recover")
        : figure(partner.yearsToRecover);
    case "line": {
      const label = measure.label.toLowerCase();
      const entries = result.lines
        .filter((line) => line.label.toLowerCase() === label)
        .map((line) => line.byCase[caseName]);
      if (entries.some((entry) => entry === undefined || entry.amount === notQuantified))
        return none(`line "${measure.label}" is not quantified (N/A) in the ${caseName} case`);
      if (code === programme) return figure(sum(entries.map((entry) => entry!.amount as Money)));
      return figure(sum(entries.map((entry) => entry!.parts?.[code] ?? new Money(0))));
    }
  }
}

function yearsText(count: number): string {
  return `${count} ${count === 1 ? "year" : "years"}`;
}
