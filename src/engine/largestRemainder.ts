import type Decimal from "decimal.js";
import { Money } from "./money";

/*
 * Largest remainder in whole numbers. Every weight is scaled by the same power of ten to a whole
 * number (0.73 / 0.22 / 0.05 → 73 / 22 / 5) and the lot divided by their greatest common divisor,
 * so each part's exact quota units × w / total is a whole quotient and a whole remainder over one
 * common denominator: floors and the ordering of remainders are exact integer comparisons, with no
 * rounding anywhere. While units × total stays a safe integer (below 2^53) the arithmetic runs in
 * plain numbers; beyond that guard it runs in BigInt, with the same results.
 */

const safeLimit = Number.MAX_SAFE_INTEGER;

/**
 * Weights prepared once for many apportionments: scaled to coprime whole numbers, with the
 * tie-break order. Build with `prepareUnitWeights`; treat as opaque.
 */
export interface UnitWeights {
  readonly count: number;
  /** Scaled weights as numbers, or null when their total is not a safe integer. */
  readonly small: Float64Array | null;
  readonly smallTotal: number;
  readonly big: readonly bigint[];
  readonly bigTotal: bigint;
  /** Dense rank by weight, largest first: partners with equal weights share a rank. */
  readonly tieRank: Int32Array;
  /** Largest number of units that still runs in plain numbers (units × total ≤ 2^53 − 1). */
  readonly smallUnitLimit: number;
  /** Work space reused by every call (the engine is single-threaded and these calls do not nest). */
  readonly scratch: Scratch;
}

/**
 * Scales non-negative decimal weights (at least one above zero) to whole numbers once, so that
 * `distributeUnitsInto` can hand out many amounts by them without decimals.
 *
 * @example
 * prepareUnitWeights([0.73, 0.22, 0.05].map((w) => new Money(w))).small // → Float64Array [73, 22, 5]
 */
export function prepareUnitWeights(weights: readonly Decimal[]): UnitWeights {
  const places = weights.reduce((most, w) => Math.max(most, w.decimalPlaces()), 0);
  let big = weights.map((w) => BigInt(w.toFixed(places).replace(".", "")));
  const divisor = big.reduce((g, w) => greatestCommonDivisor(g, w), 0n);
  if (divisor > 1n) big = big.map((w) => w / divisor);
  const bigTotal = big.reduce((a, b) => a + b, 0n);
  const smallEnough = bigTotal <= BigInt(safeLimit);
  const small = smallEnough ? Float64Array.from(big, Number) : null;
  const smallTotal = smallEnough ? Number(bigTotal) : 0;
  const distinct = [...new Set(big)].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0));
  const rankOf = new Map(distinct.map((w, rank) => [w, rank] as const));
  return {
    count: weights.length,
    small,
    smallTotal,
    big,
    bigTotal,
    tieRank: Int32Array.from(big, (w) => rankOf.get(w)!),
    smallUnitLimit: smallEnough && smallTotal > 0 ? Math.floor(safeLimit / smallTotal) : 0,
    scratch: newScratch(weights.length),
  };
}

/**
 * Hands out `units` whole units (a safe integer, 0 or more) by prepared weights, writing the parts
 * to `out[offset] .. out[offset + count − 1]` as whole numbers; the same rule as `distributeUnits`.
 * Allocates nothing while units × total stays below 2^53.
 *
 * @example
 * const out = new Float64Array(3);
 * distributeUnitsInto(1950, prepareUnitWeights([0.73, 0.22, 0.05].map((w) => new Money(w))), out, 0);
 * // out → [1424, 429, 97]
 */
export function distributeUnitsInto(
  units: number,
  weights: UnitWeights,
  out: Float64Array,
  offset: number,
): void {
  const n = weights.count;
  if (weights.small !== null && units <= weights.smallUnitLimit) {
    const w = weights.small;
    const total = weights.smallTotal;
    const { remainders, order } = weights.scratch;
    let handedOut = 0;
    for (let i = 0; i < n; i++) {
      // units × w[i] ≤ units × total ≤ 2^53 − 1, so the product, floor × total and the
      // remainder are exact; the float quotient is off by at most one, which the checks repair.
      const product = units * w[i]!;
      let floor = Math.floor(product / total);
      let remainder = product - floor * total;
      if (remainder < 0) {
        floor -= 1;
        remainder += total;
      } else if (remainder >= total) {
        floor += 1;
        remainder -= total;
      }
      out[offset + i] = floor;
      remainders[i] = remainder;
      handedOut += floor;
    }
    const leftover = units - handedOut;
    if (leftover > 0) raiseLargestRemainders(n, leftover, remainders, weights.tieRank, order, out, offset);
    return;
  }
  const parts = distributeBigUnits(BigInt(units), weights);
  for (let i = 0; i < n; i++) out[offset + i] = Number(parts[i]!);
}

/** Work space for `distributeUnitsInto`, reusable across calls with the same partner count. */
export interface Scratch {
  remainders: Float64Array;
  order: Int32Array;
}

/**
 * Work space for `distributeUnitsInto` over `partners` partners, so a loop over many amounts
 * allocates nothing.
 *
 * @example
 * const scratch = newScratch(10);
 */
function newScratch(partners: number): Scratch {
  return { remainders: new Float64Array(partners), order: new Int32Array(partners) };
}

/** The `leftover` largest remainders get one unit each; ties to the larger weight, then the earlier partner. */
function raiseLargestRemainders(
  n: number,
  leftover: number,
  remainders: Float64Array,
  tieRank: Int32Array,
  order: Int32Array,
  out: Float64Array,
  offset: number,
): void {
  // Insertion sort of the partner indices: partner counts are small, and it allocates nothing.
  for (let i = 0; i < n; i++) {
    let j = i;
    while (j > 0 && comesFirst(i, order[j - 1]!, remainders, tieRank)) {
      order[j] = order[j - 1]!;
      j--;
    }
    order[j] = i;
  }
  for (let k = 0; k < leftover; k++) out[offset + order[k]!]! += 1;
}

function comesFirst(a: number, b: number, remainders: Float64Array, tieRank: Int32Array): boolean {
  const ra = remainders[a]!;
  const rb = remainders[b]!;
  if (ra !== rb) return ra > rb;
  const ta = tieRank[a]!;
  const tb = tieRank[b]!;
  return ta !== tb ? ta < tb : a < b;
}

/**
 * The same rule in BigInt, for amounts beyond the safe-integer guard: whole parts of `units`.
 *
 * @example
 * distributeBigUnits(10n ** 20n, prepareUnitWeights([1, 1].map((w) => new Money(w)))) // → [5n * 10n ** 19n, 5n * 10n ** 19n]
 */
export function distributeBigUnits(units: bigint, weights: UnitWeights): bigint[] {
  const total = weights.bigTotal;
  const floors = weights.big.map((w) => (units * w) / total);
  const remainders = weights.big.map((w) => (units * w) % total);
  let leftover = units - floors.reduce((a, b) => a + b, 0n);
  const order = floors
    .map((_, i) => i)
    .sort((a, b) =>
      remainders[a] !== remainders[b]
        ? remainders[a]! > remainders[b]!
          ? -1
          : 1
        : weights.tieRank[a]! - weights.tieRank[b]! || a - b,
    );
  for (const i of order) {
    if (leftover <= 0n) break;
    floors[i]! += 1n;
    leftover -= 1n;
  }
  return floors;
}

function greatestCommonDivisor(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/**
 * Hands out `units` whole units between parts in proportion to non-negative `weights`, so that the
 * parts add up to exactly `units`: every part gets the floor of its exact quota, and the units left
 * over go one each to the largest remainders. Ties go to the larger weight, then to the earlier
 * position, so the result depends on partner order only when two partners have identical weights
 * and remainders (a documented tie-break). Quotas and remainders are exact (whole-number
 * arithmetic on the scaled weights), so equal remainders really are ties.
 *
 * This is the rule shared by rounding shares to whole percent and apportioning money to whole
 * pounds: it is what reproduces every published Hampshire figure.
 *
 * @example
 * distributeUnits(new Money(200), [1, 1, 1, 1, 1, 1, 1].map((w) => new Money(w)))
 * // → [29, 29, 29, 29, 28, 28, 28]
 */
export function distributeUnits(units: Decimal, weights: readonly Decimal[]): Money[] {
  const prepared = prepareUnitWeights(weights);
  const count = units.toNumber();
  if (Number.isSafeInteger(count)) {
    const out = new Float64Array(prepared.count);
    distributeUnitsInto(count, prepared, out, 0);
    return Array.from(out, (part) => new Money(part));
  }
  return distributeBigUnits(BigInt(units.toFixed(0)), prepared).map((part) => new Money(part.toString()));
}
