import type Decimal from "decimal.js";
import { apportion } from "./apportion";
import { EngineError } from "./errors";
import { type Amount, Money, sum, toMoney } from "./money";

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
export function apportionLines(
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
  const columnTargets = apportion(sum(values), weights, { unit, subject: "total of the lines" }).map((t) =>
    t.div(unit),
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
