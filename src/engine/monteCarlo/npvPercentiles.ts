import { type DiscountRate, discountFactors } from "../discounting";
import { EngineError, requireValue } from "../errors";
import { type Amount, type Money, toMoney } from "../money";
import {
  type DistributionShape,
  type PreparedPert,
  pertQuantileOf,
  preparePert,
  triangularQuantile,
} from "./distributions";
import { percentileOfSorted, readPercentiles, standardPercentiles, toReportedMoney } from "./percentiles";
import { type SamplingMethod, seededGenerator, uniformDraws } from "./sampling";
import { trialNetPresentValue } from "./trialAppraisal";

/** A range for one amount: low ≤ likely ≤ high. */
export interface ThreePointEstimate {
  low: Amount;
  likely: Amount;
  high: Amount;
}

/**
 * One line of a cashflow over periods 0..n (period 0 = now), each period a three-point estimate.
 * A row varies as one: in each trial all its periods sit at the same point of their ranges (a line
 * that comes in high comes in high every year), while different rows vary independently.
 */
export type UncertainRow = readonly ThreePointEstimate[];

export interface NpvPercentileOptions {
  /** Fractions from 0 to 1 (default P5, P10, P50, P90, P95). */
  percentiles?: readonly number[];
  /** 1 to 100,000 (default 10,000). */
  trials?: number;
  /** Whole number from 0 to 2^32 − 1 (default 1). */
  seed?: number;
  /** Default 3.5%, the Green Book rate. */
  rate?: DiscountRate;
  /** Default "triangular". */
  distribution?: DistributionShape;
  /** Default "latinHypercube". */
  sampling?: SamplingMethod;
}

export interface NpvPercentiles {
  /** The percentiles asked for, as fractions, in the order given. */
  percentiles: number[];
  /** NPV at each of those percentiles, to a millionth of the unit. */
  netPresentValues: Money[];
  mean: Money;
  trials: number;
}

/**
 * Percentiles of the NPV of uncertain costs and benefits by Monte Carlo: benefits minus costs in
 * each period, discounted with period 0 undiscounted. Each row's periods are triangular or PERT
 * distributions over their low–likely–high ranges, and the row moves as one (see `UncertainRow`).
 * Seeded: the same inputs and seed give the same percentiles on every machine.
 *
 * @example
 * monteCarloNpvPercentiles(
 *   [[{ low: 90, likely: 100, high: 130 }, { low: 0, likely: 0, high: 0 }]],
 *   [[{ low: 0, likely: 0, high: 0 }, { low: 80, likely: 120, high: 140 }]],
 *   { percentiles: [0.1, 0.5, 0.9], seed: 42, rate: 0.035 },
 * ).netPresentValues // → three NPVs, P10 ≤ P50 ≤ P90
 */
export function monteCarloNpvPercentiles(
  costs: readonly UncertainRow[],
  benefits: readonly UncertainRow[],
  options: NpvPercentileOptions = {},
): NpvPercentiles {
  const percentiles = readPercentiles(options.percentiles ?? standardPercentiles);
  const trials = options.trials ?? 10_000;
  if (!Number.isInteger(trials) || trials < 1 || trials > 100_000) {
    throw new EngineError(
      "invalidNumber",
      "trials",
      `must be a whole number from 1 to 100,000 (got ${String(trials)})`,
    );
  }
  const shape = options.distribution ?? "triangular";
  if (shape !== "triangular" && shape !== "pert") {
    throw new EngineError(
      "invalidValue",
      "distribution",
      `must be "triangular" or "pert" (got ${String(shape)})`,
    );
  }
  requireValue(Array.isArray(costs), "costs", "must be a list of rows");
  requireValue(Array.isArray(benefits), "benefits", "must be a list of rows");
  const rows = [
    ...costs.map((row, r) => readRow(row, `costs row ${r + 1}`, -1)),
    ...benefits.map((row, r) => readRow(row, `benefits row ${r + 1}`, 1)),
  ];
  requireValue(rows.length > 0, "costs", "and benefits are both empty: give at least one row");
  const periods = rows[0]!.low.length;
  rows.forEach((row) =>
    requireValue(
      row.low.length === periods,
      row.subject,
      `covers ${row.low.length} periods but the first row covers ${periods}: give every row for the same periods`,
    ),
  );
  const factors = Float64Array.from(discountFactors(periods - 1, options.rate ?? "0.035"), (f) =>
    f.toNumber(),
  );
  const generator = seededGenerator(options.seed ?? 1);
  const draws = uniformDraws(generator, trials, rows.length, options.sampling ?? "latinHypercube");

  // Periods of a row whose ranges have the same shape share one standard quantile per trial.
  const prepared = rows.map((row) => prepareRow(row, shape));
  const net = new Float64Array(periods);
  const results = new Float64Array(trials);
  let total = 0;
  for (let i = 0; i < trials; i++) {
    net.fill(0);
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r]!;
      const { standardQuantiles, shapeOf, perts, modeFractions } = prepared[r]!;
      const u = draws[r * trials + i]!;
      for (let s = 0; s < standardQuantiles.length; s++) {
        standardQuantiles[s] =
          shape === "pert" ? pertQuantileOf(perts[s]!, u) : triangularQuantile(u, 0, modeFractions[s]!, 1);
      }
      for (let t = 0; t < periods; t++) {
        const width = row.high[t]! - row.low[t]!;
        const value = width > 0 ? row.low[t]! + width * standardQuantiles[shapeOf[t]!]! : row.low[t]!;
        net[t]! += row.sign * value;
      }
    }
    const npv = trialNetPresentValue(net, 0, periods, factors);
    results[i] = npv;
    total += npv;
  }
  results.sort();
  return {
    percentiles,
    netPresentValues: percentiles.map((p) => toReportedMoney(percentileOfSorted(results, p))),
    mean: toReportedMoney(total / trials),
    trials,
  };
}

interface ReadRow {
  subject: string;
  sign: number;
  low: Float64Array;
  likely: Float64Array;
  high: Float64Array;
}

function readRow(row: UncertainRow, subject: string, sign: number): ReadRow {
  requireValue(
    Array.isArray(row) && row.length > 0,
    subject,
    "must list a low, likely and high amount for each period",
  );
  const low = new Float64Array(row.length);
  const likely = new Float64Array(row.length);
  const high = new Float64Array(row.length);
  row.forEach((estimate, t) => {
    const where = `${subject}, period ${t}`;
    requireValue(typeof estimate === "object" && estimate !== null, where, "must give low, likely and high");
    const l = toMoney(estimate.low, `${where} low`);
    const m = toMoney(estimate.likely, `${where} likely`);
    const h = toMoney(estimate.high, `${where} high`);
    if (l.gt(m) || m.gt(h)) {
      throw new EngineError(
        "invalidNumber",
        where,
        `needs low ≤ likely ≤ high (got ${l.toString()}, ${m.toString()}, ${h.toString()})`,
      );
    }
    low[t] = l.toNumber();
    likely[t] = m.toNumber();
    high[t] = h.toNumber();
  });
  return { subject, sign, low, likely, high };
}

interface PreparedRow {
  /** Per period: which distinct shape it has. */
  shapeOf: Int32Array;
  modeFractions: Float64Array;
  perts: PreparedPert[];
  /** Scratch: each shape's standard quantile in the current trial. */
  standardQuantiles: Float64Array;
}

function prepareRow(row: ReadRow, shape: DistributionShape): PreparedRow {
  const fractions: number[] = [];
  const shapeOf = new Int32Array(row.low.length);
  for (let t = 0; t < row.low.length; t++) {
    const width = row.high[t]! - row.low[t]!;
    const fraction = width > 0 ? (row.likely[t]! - row.low[t]!) / width : 0.5;
    let s = fractions.indexOf(fraction);
    if (s < 0) {
      s = fractions.length;
      fractions.push(fraction);
    }
    shapeOf[t] = s;
  }
  return {
    shapeOf,
    modeFractions: Float64Array.from(fractions),
    perts: shape === "pert" ? fractions.map((f) => preparePert(0, f, 1)) : [],
    standardQuantiles: new Float64Array(fractions.length),
  };
}
