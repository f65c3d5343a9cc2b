import type { BusinessCaseModel, Line } from "./businessCaseModel";
import { EngineError, requireValue } from "./errors";
import { type Amount, Money, sum, toMoney } from "./money";

/**
 * Spreads a full annual amount over periods by a phasing profile: period t gets
 * annual × profile[t], and the last fraction carries on for the remaining periods (a ramp-up
 * [0.25, 0.5, 1] over 5 periods is 25%, 50%, 100%, 100%, 100%). `periods` defaults to the profile's
 * length; fewer periods than the profile truncates it (the case's horizon wins).
 *
 * Fractions may exceed 1 (a peak year of double running) but not be negative. Results are exact
 * decimals, not rounded: round them with `apportion` or at presentation.
 *
 * @example
 * phase(-1804, [0.25, 0.5, 1], 5).map(String) // → ["-451", "-902", "-1804", "-1804", "-1804"]
 * phase(1000, [0, 1]).map(String) // → ["0", "1000"]
 */
export function phase(annual: Amount, profile: readonly Amount[], periods?: number): Money[] {
  const amount = toMoney(annual, "annual");
  requireValue(Array.isArray(profile), "profile", "must be a list of fractions, one a period");
  requireValue(
    profile.length > 0,
    "profile",
    "is empty: give at least one fraction, such as 1 for the full amount",
  );
  const fractions = profile.map((fraction, t) => {
    const value = toMoney(fraction, `profile[${t}]`);
    if (value.isNegative() && !value.isZero()) {
      throw new EngineError(
        "invalidNumber",
        `profile[${t}]`,
        `is ${value.toString()}: a phasing fraction cannot be negative`,
      );
    }
    return value;
  });
  const count = periods ?? fractions.length;
  requireValue(typeof count === "number", "periods", "must be a whole number of periods");
  if (!Number.isInteger(count) || count < 0) {
    throw new EngineError(
      "invalidNumber",
      "periods",
      `is ${String(count)}: it must be a whole number, 0 or more`,
    );
  }
  const lastFraction = fractions[fractions.length - 1]!;
  return Array.from({ length: count }, (_, t) => {
    const part = amount.times(fractions[t] ?? lastFraction);
    // A saving times a zero fraction is −0 in decimal.js; keep it +0 so Excel never shows "-0".
    return part.isZero() ? new Money(0) : part;
  });
}

/**
 * Fractions of a business-case line's amount in years 0..periods − 1. A named profile gives the
 * fractions by year; one-off amounts are spent once, so nothing follows the profile's end, while
 * recurring amounts run on at its last fraction (a ramp-up reaches its run rate and stays there).
 * Without a profile, one-off lines fall wholly in year 0 and recurring lines run in full from year 1.
 *
 * @example
 * lineYearFractions({ label: "ICT", timing: "recurring", allocation, values: {} }, {}, 3).map(String)
 * // → ["0", "1", "1"]
 */
export function lineYearFractions(
  line: Line,
  profiles: BusinessCaseModel["profiles"],
  periods: number,
): Money[] {
  const profile = line.profile === undefined ? undefined : profiles[line.profile];
  const given = profile
    ? profile.map((f, t) => toMoney(f, `profile '${line.profile ?? ""}' year ${t}`))
    : line.timing === "oneOff"
      ? [new Money(1)]
      : [new Money(0), new Money(1)];
  const after = line.timing === "oneOff" || given.length === 0 ? new Money(0) : given[given.length - 1]!;
  return Array.from({ length: periods }, (_, t) => given[t] ?? after);
}

/** How far fractions typed as formulas (=80/120) may be off 1 and still add to 100%. */
const wholeTolerance = new Money("1e-9");

/**
 * What a one-off profile's fractions add to, and whether that is the whole amount (100%) within
 * the rounding of fractions typed as formulas: a one-off line phased by a profile that does not
 * add to 1 spends part of (or more than) its amount within the horizon.
 *
 * @example
 * oneOffProfileTotal([0.5, 0.3]); // { total: 0.8, addsToWhole: false }
 * oneOffProfileTotal([1 / 3, 1 / 3, 1 / 3]).addsToWhole; // → true
 */
export function oneOffProfileTotal(fractions: readonly Amount[]): { total: Money; addsToWhole: boolean } {
  requireValue(Array.isArray(fractions), "profile", "must be a list of fractions");
  const total = sum(fractions.map((f, t) => toMoney(f, `profile year ${t}`)));
  return { total, addsToWhole: total.minus(1).abs().lte(wholeTolerance) };
}
