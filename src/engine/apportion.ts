import { EngineError, requireValue } from "./errors";
import {
  type UnitWeights,
  distributeBigUnits,
  distributeUnitsInto,
  prepareUnitWeights,
} from "./largestRemainder";
import { type Amount, Money, sum, toMoney } from "./money";
import { readRoundingUnit, wholeUnits } from "./roundingUnit";

export interface ApportionOptions {
  /** The rounding unit: 0.01 (1p, the default), 1 (£1, or £1k when amounts are in £'000), 1000. */
  unit?: Amount;
  /** Name of the amount in error messages (default "amount"). */
  subject?: string;
}

/**
 * Splits an amount between partners in proportion to weights, in whole rounding units, so the parts
 * add up to exactly the amount. Weights may be shares or raw bases. Works on the absolute value and
 * applies the sign afterwards, so a saving splits exactly like a cost of the same size
 * (Hampshire: −1,950 at 73/22/5 → −1,424 / −429 / −97). The arithmetic is in whole numbers (see
 * `distributeUnits`), so it is exact at any size.
 *
 * @example
 * apportion(2545, [0.73, 0.22, 0.05], { unit: 1 }).map(Number) // → [1858, 560, 127]
 * apportion(2, [1, 1, 1, 1, 1, 1, 1]).map(Number) // → [0.29, 0.29, 0.29, 0.29, 0.28, 0.28, 0.28]
 */
export function apportion(
  amount: Amount,
  weights: readonly Amount[],
  options: ApportionOptions = {},
): Money[] {
  const subject = options.subject ?? "amount";
  const unit = readRoundingUnit(options.unit);
  const prepared = readWeights(weights);
  const units = wholeUnits(amount, unit, subject, "; round it first");
  const out = new Float64Array(prepared.count);
  if (units.count !== undefined) {
    distributeUnitsInto(units.count, prepared, out, 0);
    const parts: Money[] = [];
    for (let p = 0; p < out.length; p++) parts.push(unit.toAmount(out[p]!, units.negative));
    return parts;
  }
  // Beyond 2^53 units: decimal in, BigInt arithmetic, decimal out.
  return distributeLarge(units.exact!, prepared).map((part) =>
    part.isZero() ? new Money(0) : units.negative ? part.times(unit.value).neg() : part.times(unit.value),
  );
}

/**
 * Apportions many amounts, each already in whole rounding units (pence for a unit of 1p, £k for
 * £1k), by the same weights in one call: row `i` of the result (`out[i × partners + p]`) holds
 * amount `i`'s parts in units, with the sign of the amount, by the same rule as `apportion`.
 * Plain numbers in and out and no allocation per amount, for simulations and large tables.
 *
 * @example
 * apportionUnits([2545, -1950], [0.73, 0.22, 0.05]) // → Float64Array [1858, 560, 127, -1424, -429, -97]
 */
export function apportionUnits(
  amounts: ArrayLike<number>,
  weights: readonly Amount[] | UnitWeights,
  out?: Float64Array,
  subject = "amounts",
): Float64Array {
  const prepared = isPrepared(weights) ? weights : readWeights(weights);
  const partners = prepared.count;
  const result = out ?? new Float64Array(amounts.length * partners);
  requireValue(
    result.length >= amounts.length * partners,
    "out",
    `has room for ${result.length} parts but ${amounts.length} amounts × ${partners} partners need ${amounts.length * partners}`,
  );
  for (let i = 0; i < amounts.length; i++) {
    const amount = amounts[i]!;
    if (!Number.isSafeInteger(amount)) {
      throw new EngineError(
        "invalidNumber",
        `${subject}[${i + 1}]`,
        `${String(amount)} is not a whole number of rounding units below 2^53`,
      );
    }
    const offset = i * partners;
    distributeUnitsInto(Math.abs(amount), prepared, result, offset);
    if (amount < 0)
      for (let p = offset; p < offset + partners; p++) if (result[p] !== 0) result[p] = -result[p]!;
  }
  return result;
}

/**
 * Checks and prepares apportionment weights once (non-negative, not all zero): pass the result
 * to `apportionUnits` to apportion many batches by the same weights.
 *
 * @example
 * const byBaseline = apportionmentWeights([63000, 20600, 4500]);
 */
export function apportionmentWeights(weights: readonly Amount[], subject = "weights"): UnitWeights {
  requireValue(Array.isArray(weights) && weights.length > 0, subject, "needs at least one partner");
  const shares = weights.map((w, i) => toMoney(w, `${subject}[${i + 1}]`));
  shares.forEach((s, i) => {
    if (s.isNegative()) throw new EngineError("invalidNumber", `${subject}[${i + 1}]`, "is negative");
  });
  if (sum(shares).isZero())
    throw new EngineError("invalidNumber", subject, "are all zero, so nobody can bear the amount");
  return prepareUnitWeights(shares);
}

function isPrepared(weights: readonly Amount[] | UnitWeights): weights is UnitWeights {
  return !Array.isArray(weights);
}

/**
 * The last weights prepared, kept with the entries they were read from: callers apportion many
 * amounts by the same weights, and preparing them is most of the cost of one call. Entries are
 * compared one by one (numbers and strings by value, decimals by identity, as they are immutable),
 * so changing the array in place is noticed.
 */
let lastWeights: { entries: Amount[]; prepared: UnitWeights } | undefined;

function readWeights(weights: readonly Amount[]): UnitWeights {
  if (lastWeights && Array.isArray(weights) && sameEntries(lastWeights.entries, weights))
    return lastWeights.prepared;
  const prepared = apportionmentWeights(weights);
  lastWeights = { entries: [...weights], prepared };
  return prepared;
}

function sameEntries(a: readonly Amount[], b: readonly Amount[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function distributeLarge(units: Money, prepared: UnitWeights): Money[] {
  return distributeBigUnits(BigInt(units.toFixed(0)), prepared).map((part) => new Money(part.toString()));
}
