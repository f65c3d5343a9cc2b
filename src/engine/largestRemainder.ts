import type Decimal from "decimal.js";
import { Money } from "./money";

/**
 * Hands out `units` whole units between parts in proportion to non-negative `weights`, so that the
 * parts add up to exactly `units`: every part gets the floor of its exact quota, and the units left
 * over go one each to the largest remainders. Ties go to the larger weight, then to the earlier
 * position, so the result depends on partner order only when two partners have identical weights
 * and remainders (a documented tie-break).
 *
 * This is the rule shared by rounding shares to whole percent and apportioning money to whole
 * pounds: it is what reproduces every published Hampshire figure.
 *
 * @example
 * distributeUnits(new Money(200), [1, 1, 1, 1, 1, 1, 1].map((w) => new Money(w)))
 * // → [29, 29, 29, 29, 28, 28, 28]
 */
export function distributeUnits(units: Decimal, weights: readonly Decimal[]): Money[] {
  const total = weights.reduce<Decimal>((acc, w) => acc.plus(w), new Money(0));
  const quotas = weights.map((w) => units.times(w).div(total));
  const floors = quotas.map((q) => q.floor());
  const handedOut = floors.reduce<Decimal>((acc, f) => acc.plus(f), new Money(0));
  let leftover = units.minus(handedOut).toNumber();
  const order = weights
    .map((weight, index) => ({ index, weight, remainder: quotas[index]!.minus(floors[index]!) }))
    .sort(
      (a, b) => b.remainder.comparedTo(a.remainder) || b.weight.comparedTo(a.weight) || a.index - b.index,
    );
  const parts = floors.map((f) => new Money(f));
  for (const { index } of order) {
    if (leftover <= 0) break;
    parts[index] = parts[index]!.plus(1);
    leftover -= 1;
  }
  return parts;
}
