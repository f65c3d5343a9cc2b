/*
 * The decimal.js implementations of largest remainder, apportionment and controlled rounding as
 * they were before the whole-number engine, kept in the tests (not in src) as an oracle. Their
 * quotas are 40-digit decimals, so they agree with exact arithmetic wherever those represent the
 * quotas faithfully (for example shares in whole percent); elsewhere ties can be broken by which
 * quota lost more digits (see apportionExact.test.ts).
 */
import type Decimal from "decimal.js";
import { EngineError, requireValue } from "../../src/engine/errors";
import { type Amount, Money, sum, toMoney } from "../../src/engine/money";

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
export function decimalDistributeUnits(units: Decimal, weights: readonly Decimal[]): Money[] {
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

interface ApportionOptions {
  /** The rounding unit: 0.01 (1p, the default), 1 (£1, or £1k when amounts are in £'000), 1000. */
  unit?: Amount;
  /** Name of the amount in error messages (default "amount"). */
  subject?: string;
}

/**
 * Splits an amount between partners in proportion to weights, in whole rounding units, so the parts
 * add up to exactly the amount. Weights may be shares or raw bases. Works on the absolute value and
 * applies the sign afterwards, so a saving splits exactly like a cost of the same size
 * (Hampshire: −1,950 at 73/22/5 → −1,424 / −429 / −97).
 *
 * @example
 * apportion(2545, [0.73, 0.22, 0.05], { unit: 1 }).map(Number) // → [1858, 560, 127]
 * apportion(2, [1, 1, 1, 1, 1, 1, 1]).map(Number) // → [0.29, 0.29, 0.29, 0.29, 0.28, 0.28, 0.28]
 */
export function decimalApportion(
  amount: Amount,
  weights: readonly Amount[],
  options: ApportionOptions = {},
): Money[] {
  const subject = options.subject ?? "amount";
  const unit = toMoney(options.unit ?? "0.01", "unit");
  if (!unit.isPositive() || unit.isZero())
    throw new EngineError("invalidNumber", "unit", "must be greater than zero");
  requireValue(Array.isArray(weights) && weights.length > 0, "weights", "needs at least one partner");
  const shares = weights.map((w, i) => toMoney(w, `weights[${i + 1}]`));
  shares.forEach((s, i) => {
    if (s.isNegative()) throw new EngineError("invalidNumber", `weights[${i + 1}]`, "is negative");
  });
  if (sum(shares).isZero())
    throw new EngineError("invalidNumber", "weights", "are all zero, so nobody can bear the amount");
  const value = toMoney(amount, subject);
  const units = value.abs().div(unit);
  if (!units.isInteger()) {
    throw new EngineError(
      "invalidNumber",
      subject,
      `${value.toString()} is not a whole number of rounding units of ${unit.toString()}; round it first`,
    );
  }
  // Zero parts stay +0 so a saving never shows Excel a "-0".
  return decimalDistributeUnits(units, shares).map((parts) =>
    value.isNegative() && !parts.isZero() ? parts.times(unit).neg() : parts.times(unit),
  );
}

/**
 * Apportions several lines of one pool at once, so the whole table foots both ways: each line's
 * parts add up to the line, and each partner's column adds up to that partner's share of the pool
 * total, apportioned as one amount. Business cases apportion the pool *total* (that is how
 * Hampshire's published per-partner figures arise); apportioning line by line and adding up can
 * drift by a unit per line. This is controlled rounding: every part is its exact share rounded
 * down or up to a whole unit.
 *
 * @example
 * apportionLines([1140, 1440, 80, -115], [0.73, 0.22, 0.05], { unit: 1 })
 * // columns sum to apportion(2545, [0.73, 0.22, 0.05], { unit: 1 }) → [1858, 560, 127]
 */
export function decimalApportionLines(
  amounts: readonly Amount[],
  weights: readonly Amount[],
  options: { unit?: Amount; subjects?: readonly string[] } = {},
): Money[][] {
  const unit = toMoney(options.unit ?? "0.01", "unit");
  if (!unit.greaterThan(0)) throw new EngineError("invalidNumber", "unit", "must be greater than zero");
  const subjectOf = (l: number) => options.subjects?.[l] ?? `amounts[${l + 1}]`;
  const values = amounts.map((a, l) => toMoney(a, subjectOf(l)));
  values.forEach((v, l) => {
    if (!v.div(unit).isInteger()) {
      throw new EngineError(
        "invalidNumber",
        subjectOf(l),
        `${v.toString()} is not a whole number of rounding units of ${unit.toString()}`,
      );
    }
  });
  // Validates weights and unit; the partner columns must foot to this apportionment of the total.
  const columnTargets = decimalApportion(sum(values), weights, { unit, subject: "total of the lines" }).map(
    (t) => t.div(unit),
  );
  const shares = weights.map((w, i) => toMoney(w, `weights[${i + 1}]`));
  const shareTotal = sum(shares);
  const partners = shares.length;

  // Exact quotas in units, their floors, and what each row and column still needs.
  const quotas = values.map((v) => shares.map((s) => v.div(unit).times(s).div(shareTotal)));
  const floors = quotas.map((row) => row.map((q) => q.floor()));
  const rowNeed = values.map((v, l) => v.div(unit).minus(sum(floors[l]!)).toNumber());
  const columnNeed = columnTargets.map((target, p) =>
    target.minus(sum(floors.map((row) => row[p]!))).toNumber(),
  );
  const raised = floors.map(() => new Array<boolean>(partners).fill(false));

  // Greedy: raise the cells with the largest remainders first, while their row and column need it.
  const cells: { line: number; partner: number; remainder: Decimal }[] = [];
  quotas.forEach((row, line) =>
    row.forEach((q, partner) => cells.push({ line, partner, remainder: q.minus(floors[line]![partner]!) })),
  );
  cells.sort(
    (a, b) =>
      b.remainder.comparedTo(a.remainder) ||
      shares[b.partner]!.comparedTo(shares[a.partner]!) ||
      a.line - b.line ||
      a.partner - b.partner,
  );
  for (const { line, partner, remainder } of cells) {
    if (!remainder.isZero() && rowNeed[line]! > 0 && columnNeed[partner]! > 0) {
      raised[line]![partner] = true;
      rowNeed[line]!--;
      columnNeed[partner]!--;
    }
  }
  // Rarely the greedy pass strands a unit; augmenting paths move raises around until both foot.
  // A cell whose exact share is already whole must not be raised (it would be a unit too high),
  // unless no other way to foot exists.
  const fractional = quotas.map((row, l) => row.map((q, p) => !q.equals(floors[l]![p]!)));
  const strictly = (l: number, p: number) => fractional[l]![p]!;
  const anyCell = () => true;
  for (let line = 0; line < values.length; line++) {
    while (rowNeed[line]! > 0) {
      if (!augment(line, raised, columnNeed, strictly) && !augment(line, raised, columnNeed, anyCell)) {
        throw new EngineError(
          "invalidNumber",
          "lines",
          "cannot be apportioned so that lines and partner totals both foot",
        );
      }
      rowNeed[line]!--;
    }
  }
  return floors.map((row, l) => row.map((f, p) => toPart(raised[l]![p] ? f.plus(1) : f, unit)));
}

function toPart(units: Decimal, unit: Decimal): Money {
  const part = new Money(units.times(unit));
  return part.isZero() ? new Money(0) : part;
}

/**
 * Finds a path row → column (not yet raised) → row (raised there) → … ending at a column that
 * still needs a unit, and flips the raises along it. Breadth-first over the small line × partner
 * graph.
 */
function augment(
  startLine: number,
  raised: boolean[][],
  columnNeed: number[],
  mayRaise: (line: number, partner: number) => boolean,
): boolean {
  const partners = columnNeed.length;
  const cameFromLine = new Map<number, number>(); // column → line that reached it
  const cameFromColumn = new Map<number, number>(); // line → column that reached it
  const queue = [startLine];
  const seenLines = new Set([startLine]);
  while (queue.length > 0) {
    const line = queue.shift()!;
    for (let p = 0; p < partners; p++) {
      if (raised[line]![p] || cameFromLine.has(p) || !mayRaise(line, p)) continue;
      cameFromLine.set(p, line);
      if (columnNeed[p]! > 0) {
        columnNeed[p]!--;
        let column = p;
        for (;;) {
          const l = cameFromLine.get(column)!;
          raised[l]![column] = true;
          if (l === startLine) return true;
          const previous = cameFromColumn.get(l)!;
          raised[l]![previous] = false;
          column = previous;
        }
      }
      raised.forEach((row, l) => {
        if (row[p] && !seenLines.has(l)) {
          seenLines.add(l);
          cameFromColumn.set(l, p);
          queue.push(l);
        }
      });
    }
  }
  return false;
}
