import type { DiscountRate } from "./discounting";
import { EngineError, requireValue } from "./errors";
import { withoutNegativeZero, isList } from "./engineInputs";
import { type Amount, Money, toMoney } from "./money";
import { netPresentValue } from "./npv";

/**
 * Real and nominal prices. Amounts entered in one price base (the prices of `baseYear`) are
 * *real*; the same amounts in each year's own prices are *nominal* (cash). A price index (the GDP
 * deflator, or the partnership's own pay and prices index) with one value per period converts
 * between them: nominal[t] = real[t] × index[t] / index[baseYear]. The Green Book discounts in
 * real terms, so convert nominal cash figures to real before discounting at its rates.
 *
 * The product ships no index data: the index is an input, so its source is the user's to cite
 * (for the GDP deflator, HM Treasury's "GDP deflators at market prices, and money GDP" series).
 */

/**
 * Real amounts in the prices of `baseYear` (a period index; 0 = the first period) turned into
 * nominal amounts: amount[t] × index[t] / index[baseYear].
 *
 * Throws `invalidValue` when the index covers fewer periods than the amounts, and `invalidNumber`
 * for an index value that is not above zero or a base year outside the index.
 *
 * @example
 * realToNominal([100, 100, 100], [100, 102, 104.04]).map(String) // → ["100", "102", "104.04"]
 */
export function realToNominal(amounts: readonly Amount[], index: readonly Amount[], baseYear = 0): Money[] {
  const { values, indices, base } = readConversion(amounts, index, baseYear);
  return values.map((v, t) => withoutNegativeZero(v.times(indices[t]!).div(base)));
}

/**
 * Nominal (cash) amounts turned into real amounts in the prices of `baseYear`:
 * amount[t] × index[baseYear] / index[t]. The inverse of `realToNominal`.
 *
 * @example
 * nominalToReal([100, 102, 104.04], [100, 102, 104.04]).map(String) // → ["100", "100", "100"]
 */
export function nominalToReal(amounts: readonly Amount[], index: readonly Amount[], baseYear = 0): Money[] {
  const { values, indices, base } = readConversion(amounts, index, baseYear);
  return values.map((v, t) => withoutNegativeZero(v.times(base).div(indices[t]!)));
}

/**
 * Net present value of nominal (cash) amounts the Green Book way: deflated to real terms in the
 * prices of `baseYear` first, then discounted at a real rate or schedule (such as
 * `greenBookRates`). Discounting cash figures at a real rate would count inflation as a benefit.
 *
 * @example
 * realNetPresentValue([-100, 105.06], [100, 102], 0.03).toFixed(6) // → "0.000000" (105.06 cash is 103 real)
 */
export function realNetPresentValue(
  amounts: readonly Amount[],
  index: readonly Amount[],
  rate: DiscountRate,
  baseYear = 0,
): Money {
  return netPresentValue(nominalToReal(amounts, index, baseYear), rate);
}

/**
 * A price index built from annual inflation rates: index[0] = 1 and index[t] = index[t − 1] ×
 * (1 + rate[t]), so `rates[0]` is ignored (year 0 is the base). For a user's own assumption such as
 * "2% a year" where no published index covers the years ahead.
 *
 * @example
 * priceIndexFromInflation([0, 0.02, 0.02]).map(String) // → ["1", "1.02", "1.0404"]
 */
export function priceIndexFromInflation(rates: readonly Amount[]): Money[] {
  requireValue(isList(rates) && rates.length > 0, "rates", "needs at least one period");
  const index: Money[] = [new Money(1)];
  for (let t = 1; t < rates.length; t++) {
    const rate = toMoney(rates[t], `rates[${t}]`);
    if (rate.lte(-1)) {
      throw new EngineError(
        "invalidNumber",
        `rates[${t}]`,
        `is ${rate.toString()}: prices cannot fall by 100% or more`,
      );
    }
    index.push(index[t - 1]!.times(rate.plus(1)));
  }
  return index;
}

/**
 * The rates that discount nominal (cash) amounts as the Green Book discounts real ones: period t's
 * real rate combined with the index's change over the period, (1 + r[t]) × index[t] / index[t − 1]
 * − 1, so discounting the cash flows at these rates equals deflating them and discounting at `real`.
 * `real[t − 1]` is the rate of period t, as `ratesForPeriods` lists them; the index needs one more
 * value than there are rates.
 *
 * @example
 * nominalDiscountRates([0.035, 0.035], [1, 1.02, 1.0404]).map(String) // → ["0.0557", "0.0557"]
 */
export function nominalDiscountRates(real: readonly Amount[], index: readonly Amount[]): Money[] {
  requireValue(isList(real) && isList(index), "rates", "must be lists of numbers");
  requireValue(
    index.length > real.length,
    "index",
    `needs ${real.length + 1} values, one per period from year 0`,
  );
  const levels = index.map((value, t) => {
    const level = toMoney(value, `index[${t}]`);
    if (!level.gt(0))
      throw new EngineError(
        "invalidNumber",
        `index[${t}]`,
        `is ${level.toString()}: an index must be above zero`,
      );
    return level;
  });
  return real.map((rate, t) =>
    toMoney(rate, `rates[${t}]`)
      .plus(1)
      .times(levels[t + 1]!)
      .div(levels[t]!)
      .minus(1),
  );
}

function readConversion(
  amounts: readonly Amount[],
  index: readonly Amount[],
  baseYear: number,
): { values: Money[]; indices: Money[]; base: Money } {
  requireValue(isList(amounts) && amounts.length > 0, "amounts", "needs at least one period");
  requireValue(isList(index) && index.length > 0, "index", "needs one value per period");
  const values = amounts.map((a, t) => toMoney(a, `amounts[${t}]`));
  if (index.length < values.length) {
    throw new EngineError(
      "invalidValue",
      "index",
      `has ${index.length} values but the amounts cover ${values.length} periods: give an index value for every period`,
    );
  }
  const indices = index.map((value, t) => {
    const v = toMoney(value, `index[${t}]`);
    if (!v.greaterThan(0)) {
      throw new EngineError(
        "invalidNumber",
        `index[${t}]`,
        `is ${v.toString()}: a price index must be greater than zero`,
      );
    }
    return v;
  });
  requireValue(typeof baseYear === "number", "baseYear", "must be a whole number of periods");
  if (!Number.isInteger(baseYear) || baseYear < 0 || baseYear >= indices.length) {
    throw new EngineError(
      "invalidNumber",
      "baseYear",
      `is ${String(baseYear)}: it must be a period of the index, 0 to ${indices.length - 1}`,
    );
  }
  return { values, indices, base: indices[baseYear]! };
}
