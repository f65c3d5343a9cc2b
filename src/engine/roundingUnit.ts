import { EngineError } from "./errors";
import { type Amount, Money, toMoney } from "./money";

/** The size of an amount in whole rounding units, and its sign. */
export interface WholeUnits {
  /** The number of units when it is a safe integer (below 2^53). */
  count?: number;
  /** The number of units as an exact decimal when it is not. */
  exact?: Money;
  negative: boolean;
}

/** A rounding unit, with a fast way back from a whole number of units to an amount. */
export interface RoundingUnit {
  value: Money;
  /** 10^-places when the unit is a power of ten at or below 1 (1, 0.1, 0.01 …); else undefined. */
  places: number | undefined;
  toAmount(units: number, negative: boolean): Money;
}

const unitCache = new Map<Amount, RoundingUnit>();

/**
 * Reads a rounding unit (default 1p), refusing zero and below. Units are remembered by value, as
 * every apportionment of a case uses the same one.
 *
 * @example
 * readRoundingUnit(1).toAmount(1424, true).toString() // → "-1424"
 */
export function readRoundingUnit(given: Amount | undefined): RoundingUnit {
  const key = given ?? "0.01";
  const known = typeof key === "object" ? undefined : unitCache.get(key);
  if (known) return known;
  const value = toMoney(key, "unit");
  if (!value.isPositive() || value.isZero())
    throw new EngineError("invalidNumber", "unit", "must be greater than zero");
  const places = value.decimalPlaces();
  const powerOfTen = places <= 15 && value.times(new Money(10).pow(places)).eq(1) ? places : undefined;
  const unit: RoundingUnit = {
    value,
    places: powerOfTen,
    toAmount: (units, negative) => {
      // Zero parts stay +0 so a saving never shows Excel a "-0".
      if (units === 0) return new Money(0);
      const signed = negative ? -units : units;
      if (powerOfTen === 0) return new Money(signed);
      if (powerOfTen !== undefined) return new Money(`${signed}e-${powerOfTen}`);
      return new Money(signed).times(value);
    },
  };
  if (typeof key !== "object") {
    if (unitCache.size > 16) unitCache.clear();
    unitCache.set(key, unit);
  }
  return unit;
}

/**
 * The size of an amount in whole units, with its sign: as a safe integer where it is one, else as
 * an exact decimal. Refuses an amount that is not a whole number of units, naming `subject`.
 *
 * @example
 * wholeUnits(-19.5, readRoundingUnit(0.01), "amount") // → { count: 1950, negative: true }
 */
export function wholeUnits(amount: Amount, unit: RoundingUnit, subject: string, advice = ""): WholeUnits {
  if (typeof amount === "number" && Number.isFinite(amount) && unit.places !== undefined) {
    // A number stands for its shortest decimal (as decimal.js reads it). Below 2^52 units that
    // decimal has at most `places` decimals exactly when scaling, rounding and scaling back gives
    // the number again, and the rounded figure is then its exact size in units.
    const scale = 10 ** unit.places;
    const count = Math.round(Math.abs(amount) * scale);
    if (count < 2 ** 52 && count / scale === Math.abs(amount)) return { count, negative: amount < 0 };
  }
  const value = toMoney(amount, subject);
  const units = value.abs().div(unit.value);
  if (!units.isInteger()) {
    throw new EngineError(
      "invalidNumber",
      subject,
      `${value.toString()} is not a whole number of rounding units of ${unit.value.toString()}${advice}`,
    );
  }
  const count = units.toNumber();
  return Number.isSafeInteger(count)
    ? { count, negative: value.isNegative() }
    : { exact: units, negative: value.isNegative() };
}
