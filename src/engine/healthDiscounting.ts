import { EngineError, requireValue } from "./errors";
import { Money } from "./money";

/*
 * The Green Book's health discount rate, for appraisals whose effects are valued as health (QALYs,
 * lives saved): the standard 3.5% less the 2% "wealth effect", i.e. 1.5%, declining in the same
 * proportion as the standard schedule (3.0% × 1.5 / 3.5 = 1.286%, 2.5% × 1.5 / 3.5 = 1.071%).
 * Source: HM Treasury, The Green Book, Annex A6 on discounting (long-term discount rates: health
 * 1.50% years 0–30, 1.29% years 31–75, 1.07% years 76–125, printed to two decimals), as repeated
 * in DfT's TAG "Forthcoming change: Green Book updates" (April 2026). Here the rates are kept to
 * three decimals as the derivation gives them.
 */
const healthSchedule: readonly { lastYear: number; rate: Money }[] = [
  { lastYear: 30, rate: new Money("0.015") },
  { lastYear: 75, rate: new Money("0.01286") },
  { lastYear: 125, rate: new Money("0.01071") },
];

/**
 * The last year the health schedule covers here, matching the standard schedule's limit.
 *
 * @example
 * greenBookHealthRates(greenBookHealthLastYear).length // → 125
 */
export const greenBookHealthLastYear = 125;

/**
 * The Green Book's per-period health discount rates r1..r_periods: 1.5% for years 1–30, 1.286%
 * for years 31–75 and 1.071% for years 76–125. Like `greenBookRates`, r_t discounts year t back to
 * year t − 1, so the result is a `DiscountRate` schedule for `discountFactors`, `netPresentValue`
 * and `payback`.
 *
 * Throws `invalidNumber` for a negative or fractional number of periods or more than 125.
 *
 * @example
 * greenBookHealthRates(2).map(String) // → ["0.015", "0.015"]
 * greenBookHealthRates(31)[30]!.toString() // → "0.01286"
 */
export function greenBookHealthRates(periods: number): Money[] {
  requireValue(typeof periods === "number", "periods", "must be a whole number of periods");
  if (!Number.isInteger(periods) || periods < 0) {
    throw new EngineError(
      "invalidNumber",
      "periods",
      `is ${String(periods)}: it must be a whole number, 0 or more`,
    );
  }
  if (periods > greenBookHealthLastYear) {
    throw new EngineError(
      "invalidNumber",
      "periods",
      `is ${periods}, but the Green Book health discount schedule supported here stops at year ${greenBookHealthLastYear}`,
    );
  }
  return Array.from(
    { length: periods },
    (_, t) => healthSchedule.find((band) => t + 1 <= band.lastYear)!.rate,
  );
}
