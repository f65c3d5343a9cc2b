import { greenBookRates } from "../engine/discounting";
import type { DiscountRate } from "../engine/discounting";
import { greenBookHealthRates } from "../engine/healthDiscounting";
import type { DiscountRateSetting } from "./contractInputs";

/**
 * The discount rate the engine uses for the `Discount rate` setting over the horizon: one rate,
 * the Green Book standard schedule, or the Green Book health schedule (1.5% to year 30, then
 * declining), both per year 1..horizon.
 *
 * @example
 * discountRateFor({ kind: "greenBookHealth" }, 2).map(String); // ["0.015", "0.015"]
 */
export function discountRateFor(setting: DiscountRateSetting, horizonYears: number): DiscountRate {
  if (setting.kind === "greenBook") return greenBookRates(horizonYears);
  if (setting.kind === "greenBookHealth") return greenBookHealthRates(horizonYears);
  return setting.rate;
}

/**
 * The name shown before the rates in the provenance block for the health schedule. Undefined for
 * a typed rate and for the standard schedule, whose provenance reads as it always has (its rates,
 * 3.5% then 3%, already say which schedule it is).
 *
 * @example
 * discountScheduleName({ kind: "greenBookHealth" }); // "Green Book health"
 */
export function discountScheduleName(setting: DiscountRateSetting): string | undefined {
  if (setting.kind === "greenBookHealth") return "Green Book health";
  return undefined;
}
