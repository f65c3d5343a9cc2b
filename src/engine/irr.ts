import { EngineError, requireValue } from "./errors";
import { type Amount, toMoney } from "./money";

/**
 * The outcome of solving NPV(r) = 0. `rate` is the root nearest the guess; `roots` lists every real
 * root above −100%, ascending, so a case with several (signs changing more than once) shows them all.
 * "none" is a legitimate answer, with the reason in a finance officer's words.
 *
 * @example
 * const result: IrrResult = internalRateOfReturn(row);
 * const text = result.kind === "found" ? `${(result.rate * 100).toFixed(1)}%` : `No IRR: ${result.reason}`;
 */
export type IrrResult = { kind: "found"; rate: number; roots: number[] } | { kind: "none"; reason: string };

/**
 * Options of `internalRateOfReturn`.
 *
 * @example
 * internalRateOfReturn([-100, 230, -132], { guess: 0.19 }) // → { kind: "found", rate: 0.2, roots: [0.1, 0.2] } (to 1e-12)
 */
export interface IrrOptions {
  /** The rate the answer should be nearest to when there are several (default 0.1, as in Excel). */
  guess?: number;
}

/**
 * Internal rate of return: every rate r > −100% at which the net present value
 * Σ cashflows[t] / (1 + r)^t is zero (cashflows[0] is now), and the one nearest the guess.
 *
 * Unlike Excel's `IRR` (Newton's method from the guess, which can miss a root, wander off to a
 * non-root or say `#NUM!` when a root exists), this finds the roots by isolating them: with
 * v = 1 / (1 + r) the NPV is a polynomial in v, and between consecutive turning points of a
 * polynomial there is at most one root, so every sign change is bracketed and then refined by
 * Newton's method safeguarded with bisection to about 1e-15 in v (about 1e-12 in r for ordinary
 * rates). Rates at or below −100% are not returned: 1 + r must be positive for discounting to mean
 * anything. IRR is a ratio, so it is computed in ordinary floating point, not decimals.
 *
 * @example
 * internalRateOfReturn([-70000, 12000, 15000, 18000, 21000, 26000]) // → { kind: "found", rate: 0.0866…, roots: [0.0866…] }
 * internalRateOfReturn([-100, 230, -132]) // → { kind: "found", rate: 0.1, roots: [0.1, 0.2] } (to 1e-12)
 * internalRateOfReturn([100, 200]) // → { kind: "none", reason: "the cashflows never change sign, …" }
 */
export function internalRateOfReturn(cashflows: readonly Amount[], options: IrrOptions = {}): IrrResult {
  return solveInternalRateOfReturn(readFlows(cashflows), readGuess(options.guess));
}

/**
 * `internalRateOfReturn` for flows that are already plain numbers, for hot loops such as Monte Carlo
 * trials. Same checks, same answers, no decimal conversion.
 *
 * @example
 * internalRateOfReturnOfNumbers([-1000, 0, 0, 0, 2000]) // → { kind: "found", rate: 0.189207…, roots: [0.189207…] }
 */
export function internalRateOfReturnOfNumbers(
  cashflows: readonly number[],
  options: IrrOptions = {},
): IrrResult {
  return solveInternalRateOfReturn(readFlows(cashflows), readGuess(options.guess));
}

function readGuess(guess: unknown): number {
  if (guess === undefined) return 0.1;
  requireValue(typeof guess === "number", "guess", "must be a number, such as 0.1 for 10%");
  if (!Number.isFinite(guess)) throw new EngineError("invalidNumber", "guess", "is not a finite number");
  if (guess <= -1) throw new EngineError("invalidNumber", "guess", "must be greater than −100%");
  return guess;
}

function readFlows(cashflows: readonly unknown[]): number[] {
  requireValue(Array.isArray(cashflows), "cashflows", "must be a list of amounts");
  requireValue(cashflows.length > 0, "cashflows", "is empty: give at least one period");
  const flows = new Array<number>(cashflows.length);
  for (let t = 0; t < cashflows.length; t++) {
    const value = cashflows[t];
    const flow = typeof value === "number" ? value : toMoney(value, `cashflows[${t}]`).toNumber();
    if (!Number.isFinite(flow)) {
      throw new EngineError("invalidNumber", `cashflows[${t}]`, "is not a finite number within range");
    }
    flows[t] = flow;
  }
  return flows;
}

function solveInternalRateOfReturn(flows: readonly number[], guess: number): IrrResult {
  // Zeros before the first and after the last non-zero flow change no root (for v > 0), so drop them.
  let first = 0;
  while (first < flows.length && flows[first] === 0) first++;
  if (first === flows.length)
    return { kind: "none", reason: "the cashflows are all zero, so every rate gives NPV zero" };
  let last = flows.length - 1;
  while (flows[last] === 0) last--;
  const coefficients = flows.slice(first, last + 1);
  const changes = signChanges(coefficients);
  if (changes === 0) {
    return { kind: "none", reason: "the cashflows never change sign, so no rate makes NPV zero" };
  }

  const roots: number[] = [];
  const atZeroRate = sumOf(coefficients); // NPV at r = 0, i.e. at v = 1
  if (atZeroRate === 0) roots.push(0);
  // v = 1 / (1 + r) in (0, 1) covers r > 0; w = 1 + r = 1 / v in (0, 1) covers −1 < r < 0. Both
  // variables stay within [0, 1], so no power overflows however long the cashflow.
  const reversed = coefficients.slice().reverse();
  if (changes === 1) {
    // Descartes' rule of signs: exactly one positive root in v. NPV at r = 0 says on which side.
    if (atZeroRate !== 0) {
      const earliest = coefficients[0]!;
      if (atZeroRate < 0 !== earliest < 0) {
        const v = refineRoot(
          coefficients,
          0,
          1,
          earliest,
          atZeroRate,
          guess > 0 ? 1 / (1 + guess) : undefined,
        );
        roots.push(rateFromDiscount(v));
      } else {
        const w = refineRoot(reversed, 0, 1, reversed[0]!, atZeroRate, guess < 0 ? 1 + guess : undefined);
        roots.push(w - 1);
      }
    }
  } else {
    for (const v of rootsInUnitInterval(coefficients)) roots.push(rateFromDiscount(v));
    for (const w of rootsInUnitInterval(reversed)) roots.push(w - 1);
  }
  if (roots.length === 0) {
    return {
      kind: "none",
      reason: "the cashflows change sign but no rate above −100% makes NPV zero",
    };
  }
  const distinct = distinctAscending(roots);
  let nearest = distinct[0]!;
  for (const root of distinct) if (Math.abs(root - guess) < Math.abs(nearest - guess)) nearest = root;
  return { kind: "found", rate: nearest, roots: distinct };
}

function rateFromDiscount(v: number): number {
  return (1 - v) / v;
}

function sumOf(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

function signChanges(coefficients: readonly number[]): number {
  let changes = 0;
  let previous = 0;
  for (const c of coefficients) {
    if (c === 0) continue;
    if (previous !== 0 && c < 0 !== previous < 0) changes++;
    previous = c;
  }
  return changes;
}

/** Horner evaluation of Σ c[k] x^k. */
function evaluate(c: readonly number[], x: number): number {
  let value = c[c.length - 1]!;
  for (let k = c.length - 2; k >= 0; k--) value = value * x + c[k]!;
  return value;
}

/** Σ |c[k]| x^k: the size of the terms, against which a near-zero value is judged. */
function magnitude(c: readonly number[], x: number): number {
  let value = Math.abs(c[c.length - 1]!);
  for (let k = c.length - 2; k >= 0; k--) value = value * x + Math.abs(c[k]!);
  return value;
}

/**
 * The root of Σ c[k] x^k in (lo, hi), where the values at the ends have opposite signs and there is
 * exactly one root between them. Newton's method, falling back to bisection whenever a step would
 * leave the bracket, so it always converges.
 */
function refineRoot(
  c: readonly number[],
  lo: number,
  hi: number,
  valueAtLo: number,
  valueAtHi: number,
  start: number | undefined,
): number {
  let x =
    start !== undefined && start > lo && start < hi
      ? start
      : lo + (hi - lo) * (valueAtLo / (valueAtLo - valueAtHi));
  if (!(x > lo && x < hi)) x = lo + (hi - lo) / 2;
  const loNegative = valueAtLo < 0;
  const degree = c.length - 1;
  for (let iteration = 0; iteration < 200; iteration++) {
    let value = c[degree]!;
    let slope = 0;
    for (let k = degree - 1; k >= 0; k--) {
      slope = slope * x + value;
      value = value * x + c[k]!;
    }
    if (value === 0) return x;
    if (value < 0 === loNegative) lo = x;
    else hi = x;
    let next = x - value / slope;
    if (!(next > lo && next < hi)) next = lo + (hi - lo) / 2;
    if (Math.abs(next - x) <= 2e-16 * x || hi - lo <= 2e-16 * hi) return next;
    x = next;
  }
  return x;
}

/**
 * Every root of Σ c[k] x^k strictly inside (0, 1). The roots of the derivative split [0, 1] into
 * pieces on which the polynomial is monotone, so each piece holds at most one root and a sign change
 * brackets it. A turning point where the polynomial only touches zero is a root too.
 */
function rootsInUnitInterval(coefficients: readonly number[]): number[] {
  let low = 0;
  while (low < coefficients.length && coefficients[low] === 0) low++;
  let high = coefficients.length - 1;
  while (high >= low && coefficients[high] === 0) high--;
  if (high - low < 1) return [];
  // Dividing by x^low moves no root inside (0, 1).
  const c = low === 0 && high === coefficients.length - 1 ? coefficients : coefficients.slice(low, high + 1);
  const changes = signChanges(c);
  if (changes === 0) return [];
  const atZero = c[0]!;
  const atOne = sumOf(c);
  if (c.length === 2) {
    const x = -c[0]! / c[1]!;
    return x > 0 && x < 1 ? [x] : [];
  }
  const endsDiffer = atOne !== 0 && atZero < 0 !== atOne < 0;
  if (changes === 1) {
    // At most one positive root: it is inside (0, 1) exactly when the ends differ in sign.
    return endsDiffer ? [refineRoot(c, 0, 1, atZero, atOne, undefined)] : [];
  }
  // Descartes on (0, 1) itself usually settles it at once: none, or exactly one to refine.
  const inside = signChangesInsideUnitInterval(c);
  if (inside === 0) return [];
  if (inside === 1 && endsDiffer) return [refineRoot(c, 0, 1, atZero, atOne, undefined)];
  // Otherwise split [0, 1] at the turning points, the roots of the derivative.
  const derivative = new Array<number>(c.length - 1);
  for (let k = 1; k < c.length; k++) derivative[k - 1] = k * c[k]!;
  const points = rootsInUnitInterval(derivative);
  points.unshift(0);
  points.push(1);
  const values = new Array<number>(points.length);
  for (let i = 0; i < points.length; i++) values[i] = evaluate(c, points[i]!);
  const roots: number[] = [];
  let bracketedBefore = false;
  for (let i = 0; i < points.length - 1; i++) {
    const bracketed = values[i]! * values[i + 1]! < 0;
    if (i > 0 && !bracketedBefore && !bracketed && touchesZero(c, points[i]!, values[i]!))
      roots.push(points[i]!);
    if (bracketed)
      roots.push(refineRoot(c, points[i]!, points[i + 1]!, values[i]!, values[i + 1]!, undefined));
    bracketedBefore = bracketed;
  }
  return roots;
}

/**
 * An upper bound on the number of roots of Σ c[k] x^k inside (0, 1), of the same parity: the sign
 * changes of (1 + y)^d P(1 / (1 + y)), whose positive roots y are the roots x = 1 / (1 + y) in (0, 1)
 * (Descartes' rule after a Möbius change of variable). Returns -1 when rounding leaves a coefficient's
 * sign in doubt, so the caller does the full search.
 */
function signChangesInsideUnitInterval(c: readonly number[]): number {
  const degree = c.length - 1;
  // Reverse the coefficients, then shift x → x + 1 by repeated synthetic division (Taylor shift),
  // carrying the sizes of the terms alongside to judge rounding.
  const shifted = new Array<number>(c.length);
  const sizes = new Array<number>(c.length);
  for (let k = 0; k <= degree; k++) {
    shifted[k] = c[degree - k]!;
    sizes[k] = Math.abs(c[degree - k]!);
  }
  for (let i = 0; i < degree; i++) {
    for (let j = degree - 1; j >= i; j--) {
      shifted[j] = shifted[j]! + shifted[j + 1]!;
      sizes[j] = sizes[j]! + sizes[j + 1]!;
    }
  }
  for (let k = 0; k <= degree; k++) {
    if (shifted[k] !== 0 && Math.abs(shifted[k]!) <= 1e-12 * sizes[k]!) return -1;
  }
  return signChanges(shifted);
}

function touchesZero(c: readonly number[], x: number, value: number): boolean {
  return Math.abs(value) <= 1e-12 * magnitude(c, x);
}

function distinctAscending(roots: number[]): number[] {
  roots.sort((a, b) => a - b);
  const distinct: number[] = [];
  for (const root of roots) {
    const previous = distinct[distinct.length - 1];
    if (previous === undefined || root - previous > 1e-12 * Math.max(1, Math.abs(root)))
      distinct.push(root + 0);
  }
  return distinct;
}
