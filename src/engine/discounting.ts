import { EngineError, requireValue } from "./errors";
import { type Amount, Money, toMoney } from "./money";

/**
 * One discount rate for every period, or a schedule of per-period rates r1..rn where r_t discounts
 * period t back to period t − 1 (the Green Book's declining schedule is the usual example).
 *
 * @example
 * const flat: DiscountRate = 0.035;
 * const schedule: DiscountRate = greenBookRates(40); // 3.5% to year 30, then 3.0%
 */
export type DiscountRate = Amount | readonly Amount[];

/**
 * The Green Book's standard real discount rate, 3.5%, for years 1 to 30.
 *
 * @example
 * netPresentValue([-1000, 1035], greenBookStandardRate).toString() // → "0"
 */
export const greenBookStandardRate: Money = new Money("0.035");

/** The Green Book schedule as far as this product supports it: 3.5% to year 30, 3.0% to 75, 2.5% to 125. */
const greenBookSchedule: readonly { lastYear: number; rate: Money }[] = [
  { lastYear: 30, rate: greenBookStandardRate },
  { lastYear: 75, rate: new Money("0.03") },
  { lastYear: 125, rate: new Money("0.025") },
];

/**
 * The last year the Green Book schedule covers here.
 *
 * @example
 * greenBookRates(greenBookLastYear).length // → 125
 */
export const greenBookLastYear = 125;

/**
 * The Green Book's per-period real discount rates r1..r_periods: 3.5% for years 1–30, 3.0% for
 * years 31–75 and 2.5% for years 76–125. Pass the result as a `DiscountRate` so that each year is
 * discounted at its own rate, cumulatively (year 31's factor is 1 / (1.035^30 × 1.03)).
 *
 * Throws `invalidNumber` for more than 125 periods: the Green Book's lower rates beyond year 125
 * are meant for very long-lived effects, not for business cases.
 *
 * @example
 * greenBookRates(3).map(String) // → ["0.035", "0.035", "0.035"]
 * greenBookRates(31)[30]!.toString() // → "0.03"
 */
export function greenBookRates(periods: number): Money[] {
  requirePeriods(periods, "periods");
  if (periods > greenBookLastYear) {
    throw new EngineError(
      "invalidNumber",
      "periods",
      `is ${periods}, but the Green Book discount schedule supported here stops at year ${greenBookLastYear}`,
    );
  }
  const rates: Money[] = [];
  for (let year = 1; year <= periods; year++) {
    rates.push(greenBookSchedule.find((band) => year <= band.lastYear)!.rate);
  }
  return rates;
}

/**
 * Discount factors for periods 0..`periods` (so `periods + 1` factors): 1 for now, then
 * 1 / (1 + r1), 1 / ((1 + r1)(1 + r2)), … Each factor is built from the previous one, so a per-period
 * schedule applies cumulatively. A schedule may be longer than needed (the extra rates are ignored)
 * but not shorter.
 *
 * Throws `invalidNumber` for a rate of −100% or less, a negative or fractional `periods`, or a
 * schedule with too few rates; `invalidValue` for a non-numeric rate.
 *
 * @example
 * discountFactors(2, 0.1).map((f) => f.toFixed(6)) // → ["1.000000", "0.909091", "0.826446"]
 * discountFactors(2, [0.1, 0.2]).map((f) => f.toFixed(6)) // → ["1.000000", "0.909091", "0.757576"]
 */
export function discountFactors(periods: number, rate: DiscountRate): Money[] {
  requirePeriods(periods, "periods");
  if (!isSchedule(rate))
    return constantRateFactors(readDiscountRate(rate, "rate"), periods).slice(0, periods + 1);
  const rates = ratesForPeriods(periods, rate);
  const factors: Money[] = [new Money(1)];
  for (let t = 1; t <= periods; t++) factors.push(factors[t - 1]!.div(rates[t - 1]!.plus(1)));
  return factors;
}

/**
 * The rates r1..r_periods a `DiscountRate` stands for: one rate repeated, or the first `periods`
 * entries of a schedule. Each rate is checked to be a number greater than −100%.
 *
 * @example
 * ratesForPeriods(2, 0.035).map(String) // → ["0.035", "0.035"]
 * ratesForPeriods(2, [0.035, 0.03, 0.025]).map(String) // → ["0.035", "0.03"]
 */
export function ratesForPeriods(periods: number, rate: DiscountRate, subject = "rate"): Money[] {
  requirePeriods(periods, "periods");
  if (!isSchedule(rate)) {
    const single = readDiscountRate(rate, subject);
    return Array.from({ length: periods }, () => single);
  }
  if (rate.length < periods) {
    throw new EngineError(
      "invalidNumber",
      subject,
      `gives ${rate.length} per-period rate${rate.length === 1 ? "" : "s"} but ${periods} period${periods === 1 ? "" : "s"} need discounting`,
    );
  }
  return rate.slice(0, periods).map((r, i) => readDiscountRate(r, `${subject}[${i + 1}]`));
}

/**
 * Reads a row of amounts (a cashflow, a line of costs) as decimals, naming the first bad entry by
 * its period index: `cashflows[3]` is year 3, with `cashflows[0]` being now.
 *
 * @example
 * readAmounts([-100, "60", 60], "cashflows").map(String) // → ["-100", "60", "60"]
 */
export function readAmounts(values: readonly Amount[], subject: string): Money[] {
  requireValue(Array.isArray(values), subject, "must be a list of amounts");
  requireValue(values.length > 0, subject, "is empty: give at least one period");
  return values.map((value, t) => toMoney(value, `${subject}[${t}]`));
}

function isSchedule(rate: DiscountRate): rate is readonly Amount[] {
  return Array.isArray(rate);
}

/**
 * Reads one discount rate, rejecting −100% and below (1 + r must stay positive for discounting to
 * mean anything).
 *
 * @example
 * readDiscountRate("0.035", "rate").toString() // → "0.035"
 */
export function readDiscountRate(rate: unknown, subject: string): Money {
  const value = toMoney(rate, subject);
  if (value.lte(-1)) {
    throw new EngineError(
      "invalidNumber",
      subject,
      `is ${value.toString()}: a discount rate must be greater than −100%`,
    );
  }
  return value;
}

function requirePeriods(periods: number, subject: string): void {
  requireValue(typeof periods === "number", subject, "must be a whole number of periods");
  if (!Number.isInteger(periods) || periods < 0) {
    throw new EngineError(
      "invalidNumber",
      subject,
      `is ${String(periods)}: it must be a whole number, 0 or more`,
    );
  }
}

/**
 * Factors for one constant rate, remembered per rate: NPV, payback and Monte Carlo trials ask for
 * the same few rates thousands of times, and the divisions dominate the cost. Decimals are
 * immutable, so sharing the cached values is safe; callers get a fresh array.
 */
const constantRateCache = new Map<string, Money[]>();
const constantRateCacheLimit = 32;

function constantRateFactors(rate: Money, periods: number): Money[] {
  const key = rate.toString();
  let factors = constantRateCache.get(key);
  if (!factors) {
    if (constantRateCache.size >= constantRateCacheLimit) constantRateCache.clear();
    factors = [new Money(1)];
    constantRateCache.set(key, factors);
  }
  const growth = rate.plus(1);
  while (factors.length <= periods) factors.push(factors[factors.length - 1]!.div(growth));
  return factors;
}
