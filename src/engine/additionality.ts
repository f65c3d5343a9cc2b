import { requireValue } from "./errors";
import { readFraction, withoutNegativeZero, isList } from "./engineInputs";
import { type Amount, Money, toMoney } from "./money";

/** The adjustments from gross to net additional benefit, each a fraction from 0 to 1. */
export interface Additionality {
  /** Share of the outcome that would have happened anyway. */
  deadweight: Amount;
  /** Share of what remains that is due to others (other services, other funding). */
  attribution: Amount;
  /** Share of the benefit lost each year after its first, compounding. Default 0. */
  dropOff?: Amount;
}

/** Net additional benefits per period and the factor applied to each period's gross benefit. */
export interface AdditionalityResult {
  net: Money[];
  factors: Money[];
}

/**
 * Net additional benefit from gross benefit, period by period:
 * net[t] = gross[t] × (1 − deadweight) × (1 − attribution) × (1 − dropOff)^k,
 * where k counts periods since the first period with a non-zero gross benefit (k = 0 there and in
 * every earlier period). So the first year of a benefit is counted in full after deadweight and
 * attribution, and each later year keeps (1 − dropOff) of the year before's share: a 20% drop-off
 * leaves 80%, 64%, 51.2%, … Other models start drop-off in the first year or apply it to a
 * straight line; this is the product's stated convention, so show it wherever the figures are.
 *
 * Signs are kept, so savings entered as negative amounts shrink towards zero as benefits should.
 *
 * @example
 * netAdditionalBenefits([0, 1000, 1000, 1000], { deadweight: 0.2, attribution: 0.25, dropOff: 0.1 }).net.map(String)
 * // → ["0", "600", "540", "486"]
 */
export function netAdditionalBenefits(
  gross: readonly Amount[],
  additionality: Additionality,
): AdditionalityResult {
  requireValue(isList(gross) && gross.length > 0, "benefits", "needs at least one period of gross benefits");
  const amounts = gross.map((g, t) => toMoney(g, `benefits[${t}]`));
  const one = new Money(1);
  const kept = one
    .minus(readFraction(additionality.deadweight, "deadweight"))
    .times(one.minus(readFraction(additionality.attribution, "attribution")));
  const retained = one.minus(readFraction(additionality.dropOff ?? 0, "dropOff"));
  const first = amounts.findIndex((a) => !a.isZero());
  const factors = amounts.map((_, t) =>
    first < 0 || t <= first ? kept : kept.times(retained.pow(t - first)),
  );
  return { net: amounts.map((a, t) => withoutNegativeZero(a.times(factors[t]!))), factors };
}
