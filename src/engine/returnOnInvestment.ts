import { type DiscountRate, greenBookLastYear, greenBookRates, readAmounts } from "./discounting";
import { EngineError } from "./errors";
import { type Amount, Money, sum, toMoney } from "./money";
import { presentValues } from "./npv";

/*
 * Three different figures are all called "return on investment" in published business cases, so
 * each has its own name here (see DOMAIN.md):
 *   netReturnOnInvestment  (Σ benefits − Σ costs) / Σ costs   Cheshire's "633%"
 *   benefitMultiple        Σ benefits / Σ costs                "a return of over 18 times"
 *   yearsToRecover         set-up ÷ full annual saving         Hampshire's "ROI", in years
 * and the Green Book's benefit–cost ratio is PV(benefits) / PV(costs).
 *
 * Costs and benefits are both given as positive amounts per period (index 0 = now). When the costs
 * total zero there is no investment to return on: that is a `noResult` error (#N/A), not a division
 * by zero; costs that total less than zero are an `invalidNumber` error (#NUM!), because they are
 * almost always savings entered with the document's sign convention.
 */

/**
 * Net return on investment, (Σ benefits − Σ costs) / Σ costs, as a fraction (6.33 = 633%).
 * Undiscounted unless a rate is given, in which case both lines are taken at present value.
 *
 * @example
 * netReturnOnInvestment([100, 50], [0, 300]).toString() // → "1" (100%)
 * netReturnOnInvestment([100, 0], [0, 220], 0.1).toString() // → "1"
 */
export function netReturnOnInvestment(
  costs: readonly Amount[],
  benefits: readonly Amount[],
  rate?: DiscountRate,
): Money {
  const { cost, benefit } = totals(costs, benefits, rate);
  return benefit.minus(cost).div(cost);
}

/**
 * Benefit multiple, Σ benefits / Σ costs, undiscounted ("a return of over 18 times").
 *
 * @example
 * benefitMultiple([100, 50], [0, 300]).toString() // → "2"
 */
export function benefitMultiple(costs: readonly Amount[], benefits: readonly Amount[]): Money {
  const { cost, benefit } = totals(costs, benefits, undefined);
  return benefit.div(cost);
}

/**
 * Benefit–cost ratio in the Green Book sense, PV(benefits) / PV(costs). Without a rate it uses the
 * Green Book schedule, which is 3.5% (`greenBookStandardRate`) for every year up to year 30 and
 * 3.0% / 2.5% for later years, so cases of up to 30 years are discounted at exactly 3.5%.
 *
 * @example
 * benefitCostRatio([100, 0], [0, 110], 0.1).toString() // → "1"
 * benefitCostRatio([1000, 0], [0, 1035]).toString() // → "1" (3.5% by default)
 */
export function benefitCostRatio(
  costs: readonly Amount[],
  benefits: readonly Amount[],
  rate?: DiscountRate,
): Money {
  let discount = rate;
  if (discount === undefined) {
    const periods = Array.isArray(costs) ? Math.max(costs.length - 1, 0) : 0;
    if (periods > greenBookLastYear) {
      throw new EngineError(
        "invalidNumber",
        "costs",
        `cover ${periods} years, beyond the Green Book schedule's year ${greenBookLastYear}: give a rate`,
      );
    }
    discount = greenBookRates(periods);
  }
  const { cost, benefit } = totals(costs, benefits, discount);
  return benefit.div(cost);
}

/**
 * Hampshire's "return on investment": one-off set-up cost ÷ the full annual saving, which is a
 * number of years (1,858 / 1,804 = 1.03). The saving may be given with the document's sign
 * (savings negative) or as a positive amount: its size is used.
 *
 * Errors: a zero saving never recovers anything (`noResult`); a negative set-up cost is a saving,
 * with nothing to recover (`invalidNumber`).
 *
 * @example
 * yearsToRecover(1858, -1804).toFixed(2) // → "1.03"
 */
export function yearsToRecover(setUpCost: Amount, annualSaving: Amount): Money {
  const setUp = toMoney(setUpCost, "setUpCost");
  const saving = toMoney(annualSaving, "annualSaving").abs();
  if (setUp.isNegative() && !setUp.isZero()) {
    throw new EngineError(
      "invalidNumber",
      "setUpCost",
      "is negative: a one-off saving has nothing to recover",
    );
  }
  if (saving.isZero()) {
    throw new EngineError("noResult", "annualSaving", "is zero, so the set-up cost is never recovered");
  }
  return setUp.div(saving);
}

/** Σ costs and Σ benefits (present values when a rate is given), checked. */
function totals(
  costs: readonly Amount[],
  benefits: readonly Amount[],
  rate: DiscountRate | undefined,
): { cost: Money; benefit: Money } {
  const costValues = readAmounts(costs, "costs");
  const benefitValues = readAmounts(benefits, "benefits");
  if (costValues.length !== benefitValues.length) {
    throw new EngineError(
      "invalidValue",
      "benefits",
      `covers ${benefitValues.length} periods but costs cover ${costValues.length}: give both for the same years`,
    );
  }
  const cost = sum(rate === undefined ? costValues : presentValues(costValues, rate));
  const benefit = sum(rate === undefined ? benefitValues : presentValues(benefitValues, rate));
  if (cost.isZero()) {
    throw new EngineError(
      "noResult",
      "costs",
      "total zero, so there is no investment to measure a return on",
    );
  }
  if (cost.isNegative()) {
    throw new EngineError(
      "invalidNumber",
      "costs",
      `total ${cost.toString()}: give costs as positive amounts (savings belong in benefits)`,
    );
  }
  return { cost, benefit };
}
