import { apportionmentWeights } from "./apportion";
import { EngineError } from "./errors";
import { type UnitWeights, distributeBigUnits, distributeUnitsInto } from "./largestRemainder";
import { type Amount, Money } from "./money";
import { readRoundingUnit, wholeUnits } from "./roundingUnit";

/**
 * Apportions several lines of one pool at once, so the whole table foots both ways: each line's
 * parts add up to the line, and each partner's column adds up to that partner's share of the pool
 * total, apportioned as one amount. Business cases apportion the pool *total* (that is how
 * Hampshire's published per-partner figures arise); apportioning line by line and adding up can
 * drift by a unit per line. This is controlled rounding: every part is its exact share rounded
 * down or up to a whole unit.
 *
 * Exact quotas are whole-number fractions over one common denominator (the scaled weights'
 * total), so floors and remainders are exact integers: plain numbers while every product stays
 * below 2^53, BigInt beyond.
 *
 * @example
 * apportionLines([1140, 1440, 80, -115], [0.73, 0.22, 0.05], { unit: 1 })
 * // columns sum to apportion(2545, [0.73, 0.22, 0.05], { unit: 1 }) → [1858, 560, 127]
 */
export function apportionLines(
  amounts: readonly Amount[],
  weights: readonly Amount[],
  options: { unit?: Amount; subjects?: readonly string[] } = {},
): Money[][] {
  const unit = readRoundingUnit(options.unit);
  const subjectOf = (l: number) => options.subjects?.[l] ?? `amounts[${l + 1}]`;
  const sizes = amounts.map((a, l) => wholeUnits(a, unit, subjectOf(l)));
  const prepared = apportionmentWeights(weights);
  const cells = sizes.some((s) => s.count === undefined)
    ? bigQuotas(sizes.map(signedBig), prepared)
    : quotas(
        sizes.map((s) => (s.negative ? -s.count! : s.count!)),
        prepared,
      );
  const raised = controlledRounding(cells, prepared);
  const lines = sizes.length;
  const partners = prepared.count;
  const rows: Money[][] = [];
  for (let l = 0; l < lines; l++) {
    const row: Money[] = [];
    for (let p = 0; p < partners; p++) {
      const cell = l * partners + p;
      row.push(cells.part(cell, raised[cell] === 1, unit));
    }
    rows.push(row);
  }
  return rows;
}

/**
 * Controlled rounding of lines already in whole rounding units (signed safe integers), by weights
 * prepared with `apportionmentWeights`: the parts, in units, go to `out[offset + line × partners +
 * partner]`, by the same rule as `apportionLines`. Plain numbers in and out, for a simulation that
 * apportions every trial.
 *
 * @example
 * const out = new Float64Array(6);
 * apportionLineUnits([1140, -115], apportionmentWeights([0.73, 0.22, 0.05]), out); // out → [832, 251, 57, -84, -25, -6]
 */
export function apportionLineUnits(
  units: ArrayLike<number>,
  weights: UnitWeights,
  out: Float64Array,
  offset = 0,
): Float64Array {
  const values: number[] = [];
  for (let l = 0; l < units.length; l++) {
    const value = units[l]!;
    if (!Number.isSafeInteger(value)) {
      throw new EngineError(
        "invalidNumber",
        `units[${l + 1}]`,
        `${String(value)} is not a whole number of rounding units below 2^53`,
      );
    }
    values.push(value);
  }
  const cells = quotas(values, weights);
  const raised = controlledRounding(cells, weights);
  for (let cell = 0; cell < raised.length; cell++)
    out[offset + cell] = cells.partUnits(cell, raised[cell] === 1);
  return out;
}

function signedBig(size: { count?: number; exact?: Money; negative: boolean }): bigint {
  const magnitude = size.count !== undefined ? BigInt(size.count) : BigInt(size.exact!.toFixed(0));
  return size.negative ? -magnitude : magnitude;
}

/** Floors and remainders of every cell's exact quota, in whichever arithmetic is exact for them. */
interface Quotas {
  lines: number;
  /** What each line still needs after its floors, and each partner column after its floors. */
  rowNeed: number[];
  columnNeed: number[];
  /** Whether the cell's exact quota has a fraction (a whole one must not be raised). */
  fractional: Uint8Array;
  /** Compares the remainders of two cells: positive when the first is larger. */
  compareRemainders(a: number, b: number): number;
  part(cell: number, raised: boolean, unit: ReturnType<typeof readRoundingUnit>): Money;
  /** The part in units as a number (exact while amounts are below 2^53 units). */
  partUnits(cell: number, raised: boolean): number;
}

/** Plain numbers: valid while Σ|units| × total stays a safe integer (checked here, else BigInt). */
function quotas(units: readonly number[], weights: UnitWeights): Quotas {
  const lines = units.length;
  const partners = weights.count;
  let magnitude = 0;
  let total = 0;
  for (const u of units) {
    magnitude += Math.abs(u);
    total += u;
  }
  if (weights.small === null || magnitude > weights.smallUnitLimit)
    return bigQuotas(units.map(BigInt), weights);
  const w = weights.small;
  const denominator = weights.smallTotal;
  const floors = new Float64Array(lines * partners);
  const remainders = new Float64Array(lines * partners);
  const fractional = new Uint8Array(lines * partners);
  const rowNeed = new Array<number>(lines);
  const columnFloors = new Float64Array(partners);
  for (let l = 0; l < lines; l++) {
    let handedOut = 0;
    for (let p = 0; p < partners; p++) {
      // |product| ≤ Σ|units| × total < 2^53: exact, and so are floor × total and the remainder
      // (the float quotient can be one off, which the checks repair). Floors round down, also
      // for negative lines, so every remainder is in [0, total).
      const product = units[l]! * w[p]!;
      let floor = Math.floor(product / denominator);
      let remainder = product - floor * denominator;
      if (remainder < 0) {
        floor -= 1;
        remainder += denominator;
      } else if (remainder >= denominator) {
        floor += 1;
        remainder -= denominator;
      }
      const cell = l * partners + p;
      floors[cell] = floor;
      remainders[cell] = remainder;
      fractional[cell] = remainder === 0 ? 0 : 1;
      handedOut += floor;
      columnFloors[p]! += floor;
    }
    rowNeed[l] = units[l]! - handedOut;
  }
  // The partner columns must foot to the pool total apportioned as one amount.
  const targets = new Float64Array(partners);
  distributeUnitsInto(Math.abs(total), weights, targets, 0);
  const columnNeed = Array.from(targets, (t, p) => (total < 0 ? -t : t) - columnFloors[p]!);
  return {
    lines,
    rowNeed,
    columnNeed,
    fractional,
    compareRemainders: (a, b) => remainders[a]! - remainders[b]!,
    part: (cell, raised, unit) => unit.toAmount(floors[cell]! + (raised ? 1 : 0), false),
    partUnits: (cell, raised) => floors[cell]! + (raised ? 1 : 0) || 0,
  };
}

/** The same in BigInt, for amounts or weights beyond the safe-integer guard. */
function bigQuotas(units: readonly bigint[], weights: UnitWeights): Quotas {
  const lines = units.length;
  const partners = weights.count;
  const denominator = weights.bigTotal;
  const floors: bigint[] = [];
  const remainders: bigint[] = [];
  const fractional = new Uint8Array(lines * partners);
  const rowNeed: number[] = [];
  const columnFloors = new Array<bigint>(partners).fill(0n);
  let total = 0n;
  for (let l = 0; l < lines; l++) {
    let handedOut = 0n;
    for (let p = 0; p < partners; p++) {
      const product = units[l]! * weights.big[p]!;
      let floor = product / denominator;
      let remainder = product % denominator;
      if (remainder < 0n) {
        // BigInt division truncates towards zero; floors round down.
        floor -= 1n;
        remainder += denominator;
      }
      floors.push(floor);
      remainders.push(remainder);
      fractional[l * partners + p] = remainder === 0n ? 0 : 1;
      handedOut += floor;
      columnFloors[p]! += floor;
    }
    rowNeed.push(Number(units[l]! - handedOut));
    total += units[l]!;
  }
  const targets = distributeBigUnits(total < 0n ? -total : total, weights);
  const columnNeed = targets.map((t, p) => Number((total < 0n ? -t : t) - columnFloors[p]!));
  return {
    lines,
    rowNeed,
    columnNeed,
    fractional,
    compareRemainders: (a, b) =>
      remainders[a]! > remainders[b]! ? 1 : remainders[a]! < remainders[b]! ? -1 : 0,
    part: (cell, raised, unit) => {
      const units = floors[cell]! + (raised ? 1n : 0n);
      if (units === 0n) return new Money(0);
      return new Money(units.toString()).times(unit.value);
    },
    partUnits: (cell, raised) => Number(floors[cell]! + (raised ? 1n : 0n)),
  };
}

/**
 * Which cells are raised one unit above their floor so that every row and column foots: greedily
 * by largest remainder (ties to the larger share, then the earlier line, then the earlier partner),
 * then augmenting paths for any unit the greedy pass strands.
 */
function controlledRounding(cells: Quotas, weights: UnitWeights): Uint8Array {
  const { lines, rowNeed, columnNeed, fractional } = cells;
  const partners = weights.count;
  const raised = new Uint8Array(lines * partners);
  const order: number[] = [];
  for (let cell = 0; cell < fractional.length; cell++) if (fractional[cell] === 1) order.push(cell);
  const rank = weights.tieRank;
  order.sort((a, b) => {
    const byRemainder = cells.compareRemainders(b, a);
    if (byRemainder !== 0) return byRemainder;
    const pa = a % partners;
    const pb = b % partners;
    // The cell index is line × partners + partner, so comparing it orders by line, then partner.
    return rank[pa]! - rank[pb]! || a - b;
  });
  for (const cell of order) {
    const line = (cell - (cell % partners)) / partners;
    const partner = cell % partners;
    if (rowNeed[line]! > 0 && columnNeed[partner]! > 0) {
      raised[cell] = 1;
      rowNeed[line]!--;
      columnNeed[partner]!--;
    }
  }
  // Rarely the greedy pass strands a unit; augmenting paths move raises around until both foot.
  // A cell whose exact share is already whole must not be raised (it would be a unit too high),
  // unless no other way to foot exists.
  const strictly = (cell: number) => fractional[cell] === 1;
  const anyCell = () => true;
  for (let line = 0; line < lines; line++) {
    while (rowNeed[line]! > 0) {
      if (
        !augment(line, raised, lines, columnNeed, strictly) &&
        !augment(line, raised, lines, columnNeed, anyCell)
      ) {
        throw new EngineError(
          "invalidNumber",
          "lines",
          "cannot be apportioned so that lines and partner totals both foot",
        );
      }
      rowNeed[line]!--;
    }
  }
  return raised;
}

/**
 * Finds a path row → column (not yet raised) → row (raised there) → … ending at a column that
 * still needs a unit, and flips the raises along it. Breadth-first over the line × partner graph.
 */
function augment(
  startLine: number,
  raised: Uint8Array,
  lines: number,
  columnNeed: number[],
  mayRaise: (cell: number) => boolean,
): boolean {
  const partners = columnNeed.length;
  const cameFromLine = new Int32Array(partners).fill(-1); // column → line that reached it
  const cameFromColumn = new Int32Array(lines).fill(-1); // line → column that reached it
  const seenLines = new Uint8Array(lines);
  seenLines[startLine] = 1;
  const queue = [startLine];
  for (let head = 0; head < queue.length; head++) {
    const line = queue[head]!;
    for (let p = 0; p < partners; p++) {
      const cell = line * partners + p;
      if (raised[cell] === 1 || cameFromLine[p] !== -1 || !mayRaise(cell)) continue;
      cameFromLine[p] = line;
      if (columnNeed[p]! > 0) {
        columnNeed[p]!--;
        let column = p;
        for (;;) {
          const l = cameFromLine[column]!;
          raised[l * partners + column] = 1;
          if (l === startLine) return true;
          const previous = cameFromColumn[l]!;
          raised[l * partners + previous] = 0;
          column = previous;
        }
      }
      for (let l = 0; l < lines; l++) {
        if (raised[l * partners + p] === 1 && seenLines[l] === 0) {
          seenLines[l] = 1;
          cameFromColumn[l] = p;
          queue.push(l);
        }
      }
    }
  }
  return false;
}
