import type { BusinessCaseModel } from "../businessCaseModel";
import { EngineError } from "../errors";
import { type Amount, Money, toMoney } from "../money";
import type { PaybackResult } from "../payback";
import {
  type DistributionShape,
  type PreparedPert,
  pertQuantileOf,
  preparePert,
  triangularQuantile,
} from "./distributions";
import { type CaseSelection, type LineEffects, lineEffects, lineIndices } from "./lineEffects";
import {
  type HistogramBin,
  histogram,
  percentileInterval,
  percentileOfSorted,
  readPercentiles,
  standardPercentiles,
  toReportedMoney,
} from "./percentiles";
import { percentileStandardError, trialsForPrecision } from "./percentilePrecision";
import { correlateGroups, readCorrelation } from "./groupCorrelation";
import { imposeRankCorrelation } from "./rankCorrelation";
import { type SamplingMethod, seededGenerator, uniformDraws } from "./sampling";
import { trialNetPresentValue, trialPayback } from "./trialAppraisal";
import { type TrialApportionment, apportionTrial, prepareTrialApportionment } from "./trialApportionment";

/** Lines whose ranks move together: every pair in the group has this rank correlation. */
export interface CorrelatedGroup {
  /** Shown in error messages, e.g. "ICT costs". */
  name?: string;
  lines: readonly string[];
  /**
   * Spearman rank correlation between each pair of the group's lines, from −1 to 1, measured from
   * best towards worst: 0.8 means that when one line turns out badly the others tend to as well.
   */
  rankCorrelation: number;
}

export interface SimulationOptions extends CaseSelection {
  /** Number of trials, 1 to 100,000 (default 10,000). */
  trials?: number;
  /** Whole number from 0 to 2^32 − 1 (default 1). The same seed always gives the same results. */
  seed?: number;
  /** Default "latinHypercube". */
  sampling?: SamplingMethod;
  /** Shape for every line with a range (default "triangular"); `lineDistributions` overrides per line. */
  distribution?: DistributionShape;
  lineDistributions?: Readonly<Record<string, DistributionShape>>;
  correlatedGroups?: readonly CorrelatedGroup[];
  /**
   * Correlation groups by line label (the contract's Group column): lines of a group move
   * together, at `correlationWithinGroups`; a line not listed is a group of its own. Lines sharing
   * a label share its group. Give this or `correlatedGroups`, not both.
   */
  lineGroups?: Readonly<Record<string, string>>;
  /** Rank correlation between the lines of each of `lineGroups`' groups, 0 to 1 (default 1: the same ranks). */
  correlationWithinGroups?: number;
  /**
   * Rank correlation between groups (`lineGroups` or `correlatedGroups`, each line in none a group
   * of its own), 0 to 1 (default 0: groups vary independently). See groupCorrelation.ts.
   */
  correlationBetweenGroups?: number;
  /** Fractions from 0 to 1 (default P5, P10, P50, P90, P95). */
  percentiles?: readonly number[];
  /** Bars in each NPV histogram (default 20). */
  histogramBins?: number;
  /** The N in "probability of paying back within N years" (default: the horizon). */
  paybackWithinYears?: number;
  /**
   * Apportion every trial as the business case does (default false): round each line's value to
   * the rounding unit and apportion each pool's lines by controlled rounding, so each trial's
   * partner figures are exactly what the case would show for those values. Without it a trial
   * moves each partner by its exact share of each line's change from the base case, which is
   * smoother (no unit steps) and is what the percentiles have always meant.
   */
  apportionEachTrial?: boolean;
  /**
   * The precision wanted of P10, P50 and P90, in the case's unit: the half-width of each one's 95%
   * confidence interval, from which the trials needed are worked out. Default, per partner: 1% of
   * its own P10–P90 spread, and never finer than the rounding unit. Not 1% of P50, which is
   * unreachable for a case whose P50 is near zero; the spread is the scale of the uncertainty.
   */
  precision?: Amount;
}

export const largestTrialCount = 100_000;

/** How one line was simulated. */
export interface SimulatedLine {
  label: string;
  distribution: DistributionShape;
  best: Money;
  mostLikely: Money;
  worst: Money;
}

/**
 * A simulation in progress: prepared by `prepareSimulation`, advanced by `runTrials` in chunks of
 * any size (the results do not depend on the chunking), summarised by `summariseSimulation`.
 * Internal arrays are plain float64; treat the state as opaque.
 */
export interface SimulationState {
  readonly trials: number;
  /** Trials run so far. */
  done: number;
  readonly options: ResolvedOptions;
  readonly effects: LineEffects;
  readonly simulatedLines: SimulatedLine[];
  readonly fixedLines: string[];
  readonly periods: number;
  readonly partnerCount: number;
  readonly discountFactors: Float64Array;
  readonly referenceNetBenefit: Float64Array;
  // One entry per simulated line.
  readonly shapes: Uint8Array;
  readonly reversed: Uint8Array;
  readonly low: Float64Array;
  readonly mode: Float64Array;
  readonly high: Float64Array;
  readonly reference: Float64Array;
  readonly perts: (PreparedPert | undefined)[];
  // Sparse per-unit effects: entries entryStart[v] .. entryStart[v + 1] − 1 of entryIndex / entryEffect.
  readonly entryStart: Int32Array;
  readonly entryIndex: Int32Array;
  readonly entryEffect: Float64Array;
  readonly draws: Float64Array;
  readonly net: Float64Array;
  readonly netPresentValues: Float64Array;
  readonly paybacks: Float64Array;
  readonly discountedPaybacks: Float64Array;
  /** Set when every trial is apportioned (`apportionEachTrial`); the line values of the trial go to `values`. */
  readonly apportionment: TrialApportionment | undefined;
  readonly values: Float64Array;
  /** Model line index of each simulated line (line labels need not be unique). */
  readonly lineOfSimulated: Int32Array;
}

interface ResolvedOptions {
  trials: number;
  seed: number;
  sampling: SamplingMethod;
  percentiles: number[];
  histogramBins: number;
  paybackWithinYears: number;
  /** Absent: each partner's default (see `SimulationOptions.precision`). */
  precision: number | undefined;
  roundingUnit: number;
}

export interface SimulationProgress {
  done: number;
  total: number;
  finished: boolean;
}

export interface PaybackPercentile {
  percentile: number;
  payback: PaybackResult;
}

export interface PaybackDistribution {
  percentiles: PaybackPercentile[];
  /** Share of trials paying back within `paybackWithinYears`. */
  probabilityWithin: number;
  /** Entry N: share of trials paying back within N years, N = 0..horizon. */
  probabilityByYear: number[];
}

export interface PartnerSimulation {
  /** Partner code, or "Programme". */
  partner: string;
  netPresentValue: {
    /**
     * Each percentile with a 95% distribution-free confidence interval for it, its standard error
     * (see percentilePrecision.ts) and the trials that would pin it down to ± `precision`.
     */
    percentiles: {
      percentile: number;
      value: Money;
      interval: { lower: Money; upper: Money };
      standardError: Money;
      trialsNeeded: number;
    }[];
    /** The half-width of the 95% interval wanted of P10, P50 and P90 (see `SimulationOptions.precision`). */
    precision: Money;
    /** Trials for P10, P50 and P90 all to reach `precision`: the most any of them needs. */
    trialsNeeded: number;
    mean: Money;
    standardDeviation: Money;
    /** Share of trials with an NPV below zero. */
    probabilityNegative: number;
    histogram: HistogramBin[];
  };
  payback: PaybackDistribution;
  discountedPayback: PaybackDistribution;
}

export interface SimulationResult {
  trials: number;
  seed: number;
  sampling: SamplingMethod;
  paybackWithinYears: number;
  /** Per partner in model order, then the programme. */
  partners: PartnerSimulation[];
  simulatedLines: SimulatedLine[];
  /** Lines with a single value (no range): held at it in every trial. */
  fixedLines: string[];
  /** Lines no selected case quantifies: left out, as the business case leaves them out. */
  notQuantified: string[];
}

/**
 * Prepares a Monte Carlo simulation of a business case: each line with a best and worst value
 * becomes a triangular or PERT distribution between them, with the base value (or the midpoint)
 * as most likely; optional groups of lines are rank-correlated (Iman–Conover); and every random
 * draw is made now, from the seed, so that `runTrials` can then run in chunks of any size.
 *
 * @example
 * // In a Web Worker: run in chunks, report progress, stop when asked.
 * const state = prepareSimulation(model, { trials: 10000, seed: 7 });
 * while (!cancelled && !runTrials(state, 500).finished) { postMessage(progressOf(state)); await nextTick(); }
 * postMessage(summariseSimulation(state));
 */
export function prepareSimulation(
  model: BusinessCaseModel,
  options: SimulationOptions = {},
): SimulationState {
  const resolved = resolveOptions(options, model.settings.horizonYears, model.settings.roundingUnit);
  const effects = lineEffects(model, options);
  const defaultShape = readShape(options.distribution ?? "triangular", "distribution");
  const lineShapes = new Map<string, DistributionShape>();
  for (const [label, shape] of Object.entries(options.lineDistributions ?? {})) {
    lineIndices(effects, [label], "line distributions");
    lineShapes.set(label, readShape(shape, `distribution of line '${label}'`));
  }

  const simulatedLines: SimulatedLine[] = [];
  const simulatedIndices: number[] = [];
  const fixedLines: string[] = [];
  effects.lines.forEach((line, l) => {
    if (line.reference === null) return;
    if (line.best === null || line.worst === null) {
      fixedLines.push(line.label);
      return;
    }
    const low = Money.min(line.best, line.worst);
    const high = Money.max(line.best, line.worst);
    if (line.reference.lt(low) || line.reference.gt(high)) {
      throw new EngineError(
        "invalidValue",
        `line '${line.label}'`,
        `has a base value of ${line.reference.toString()}, outside its best–worst range ${low.toString()} to ${high.toString()}`,
      );
    }
    if (low.eq(high)) {
      fixedLines.push(line.label);
      return;
    }
    simulatedIndices.push(l);
    simulatedLines.push({
      label: line.label,
      distribution: lineShapes.get(line.label) ?? defaultShape,
      best: line.best,
      mostLikely: line.reference,
      worst: line.worst,
    });
  });

  const count = simulatedLines.length;
  const periods = effects.periods;
  const partnerCount = effects.partners.length;
  const shapes = new Uint8Array(count);
  const reversed = new Uint8Array(count);
  const low = new Float64Array(count);
  const mode = new Float64Array(count);
  const high = new Float64Array(count);
  const reference = new Float64Array(count);
  const perts: (PreparedPert | undefined)[] = [];
  const entries: { index: number; effect: number }[][] = [];
  simulatedLines.forEach((line, v) => {
    const effect = effects.lines[simulatedIndices[v]!]!;
    const best = line.best.toNumber();
    const worst = line.worst.toNumber();
    shapes[v] = line.distribution === "pert" ? 1 : 0;
    // Draws run from best (0) to worst (1), so positive correlation means "turn out badly together".
    reversed[v] = best > worst ? 1 : 0;
    low[v] = Math.min(best, worst);
    high[v] = Math.max(best, worst);
    mode[v] = line.mostLikely.toNumber();
    reference[v] = mode[v]!;
    perts.push(line.distribution === "pert" ? preparePert(low[v]!, mode[v]!, high[v]!) : undefined);
    const lineEntries: { index: number; effect: number }[] = [];
    effect.netBenefitPerUnit.forEach((row, p) =>
      row.forEach((perUnit, t) => {
        if (!perUnit.isZero()) lineEntries.push({ index: p * periods + t, effect: perUnit.toNumber() });
      }),
    );
    entries.push(lineEntries);
  });
  const entryStart = new Int32Array(count + 1);
  entries.forEach((list, v) => (entryStart[v + 1] = entryStart[v]! + list.length));
  const entryIndex = new Int32Array(entryStart[count]!);
  const entryEffect = new Float64Array(entryStart[count]!);
  entries.flat().forEach((entry, e) => {
    entryIndex[e] = entry.index;
    entryEffect[e] = entry.effect;
  });

  const generator = seededGenerator(resolved.seed);
  const trials = resolved.trials;
  const draws = uniformDraws(generator, trials, count, resolved.sampling);
  const groups = correlationGroups(options, effects, simulatedLines);
  for (const { subject, members, rankCorrelation: rho } of groups) {
    const target = members.map((_, a) => members.map((__, b) => (a === b ? 1 : rho)));
    // Draws measure how badly a line turns out (0 best, 1 worst, whichever end is larger), so
    // correlating the draws makes lines turn out badly together.
    imposeRankCorrelation(draws, trials, members, target, generator, `${subject} rank correlation`);
  }
  const between = readCorrelation(options.correlationBetweenGroups ?? 0, "correlation between groups");
  if (between > 0) {
    const grouped = new Set(groups.flatMap((group) => group.members));
    const units = [
      ...groups.map((group) => group.members),
      ...simulatedLines.flatMap((_, v) => (grouped.has(v) ? [] : [[v]])),
    ];
    correlateGroups(draws, trials, units, between, generator);
  }

  const factors = Float64Array.from(effects.discountFactors, (f) => f.toNumber());
  let apportionment: TrialApportionment | undefined;
  if (options.apportionEachTrial === true) {
    const simulatedOf = new Int32Array(model.lines.length).fill(-1);
    simulatedIndices.forEach((l, v) => (simulatedOf[l] = v));
    apportionment = prepareTrialApportionment(model, effects, simulatedOf);
  }
  const referenceNetBenefit = Float64Array.from(effects.referenceNetBenefit.flat(), (v) => v.toNumber());
  return {
    trials,
    done: 0,
    options: resolved,
    effects,
    simulatedLines,
    fixedLines,
    periods,
    partnerCount,
    discountFactors: factors,
    referenceNetBenefit,
    shapes,
    reversed,
    low,
    mode,
    high,
    reference,
    perts,
    entryStart,
    entryIndex,
    entryEffect,
    draws,
    net: new Float64Array(partnerCount * periods),
    netPresentValues: new Float64Array(partnerCount * trials),
    paybacks: new Float64Array(partnerCount * trials),
    discountedPaybacks: new Float64Array(partnerCount * trials),
    apportionment,
    values: new Float64Array(count),
    lineOfSimulated: Int32Array.from(simulatedIndices),
  };
}

/**
 * Runs up to `count` more trials and says how far the simulation has got. Call it repeatedly (for
 * example from a Web Worker, yielding between calls so a "cancel" message can arrive); stopping
 * early is cancelling. The results are the same whatever the chunk sizes.
 *
 * @example
 * runTrials(state, 1000) // → { done: 1000, total: 10000, finished: false }
 */
export function runTrials(state: SimulationState, count: number): SimulationProgress {
  if (!Number.isInteger(count) || count < 0) {
    throw new EngineError(
      "invalidNumber",
      "count",
      `must be a whole number of trials, 0 or more (got ${String(count)})`,
    );
  }
  const { trials, periods, partnerCount, net, draws, shapes, reversed, low, mode, high, reference, perts } =
    state;
  const { entryStart, entryIndex, entryEffect, referenceNetBenefit, discountFactors } = state;
  const { netPresentValues, paybacks, discountedPaybacks, apportionment, values } = state;
  const lines = shapes.length;
  const end = Math.min(trials, state.done + count);
  for (let i = state.done; i < end; i++) {
    if (!apportionment) net.set(referenceNetBenefit);
    for (let v = 0; v < lines; v++) {
      let u = draws[v * trials + i]!;
      if (reversed[v] === 1) u = 1 - u;
      const value =
        shapes[v] === 1 ? pertQuantileOf(perts[v]!, u) : triangularQuantile(u, low[v]!, mode[v]!, high[v]!);
      if (apportionment) {
        values[v] = value;
        continue;
      }
      const change = value - reference[v]!;
      if (change === 0) continue;
      for (let e = entryStart[v]!, last = entryStart[v + 1]!; e < last; e++)
        net[entryIndex[e]!]! += change * entryEffect[e]!;
    }
    if (apportionment) apportionTrial(apportionment, values, net, periods, partnerCount);
    for (let p = 0; p < partnerCount; p++) {
      const offset = p * periods;
      netPresentValues[p * trials + i] = trialNetPresentValue(net, offset, periods, discountFactors);
      paybacks[p * trials + i] = trialPayback(net, offset, periods);
      discountedPaybacks[p * trials + i] = trialPayback(net, offset, periods, discountFactors);
    }
  }
  state.done = end;
  return progressOf(state);
}

/**
 * How far a simulation has got.
 *
 * @example
 * progressOf(state) // → { done: 2500, total: 10000, finished: false }
 */
export function progressOf(state: SimulationState): SimulationProgress {
  return { done: state.done, total: state.trials, finished: state.done >= state.trials };
}

/**
 * Percentiles, mean, spread and histogram of NPV, and percentiles and probabilities of payback
 * (simple and discounted), per partner and for the programme, over the trials run so far (all of
 * them once the simulation has finished).
 *
 * @example
 * summariseSimulation(state).partners[0].netPresentValue.percentiles // → [{ percentile: 0.05, value: … }, …]
 */
export function summariseSimulation(state: SimulationState): SimulationResult {
  const n = state.done;
  if (n === 0) throw new EngineError("noResult", "simulation", "has not run any trials yet");
  const { options, trials, periods } = state;
  const horizon = periods - 1;
  const partners = state.effects.partners.map((partner, p): PartnerSimulation => {
    const npv = state.netPresentValues.slice(p * trials, p * trials + n);
    let total = 0;
    let negative = 0;
    for (let i = 0; i < n; i++) {
      total += npv[i]!;
      if (npv[i]! < 0) negative++;
    }
    const mean = total / n;
    let squares = 0;
    for (let i = 0; i < n; i++) squares += (npv[i]! - mean) * (npv[i]! - mean);
    const sorted = npv.sort();
    const precision = options.precision ?? defaultPrecision(sorted, options.roundingUnit);
    const needed = (percentile: number) =>
      trialsForPrecision(percentileStandardError(sorted, percentile), n, precision);
    return {
      partner,
      netPresentValue: {
        percentiles: options.percentiles.map((percentile) => {
          const interval = percentileInterval(sorted, percentile, 0.95);
          return {
            percentile,
            value: toReportedMoney(percentileOfSorted(sorted, percentile)),
            interval: { lower: toReportedMoney(interval.lower), upper: toReportedMoney(interval.upper) },
            standardError: toReportedMoney(percentileStandardError(sorted, percentile)),
            trialsNeeded: needed(percentile),
          };
        }),
        precision: toReportedMoney(precision),
        trialsNeeded: Math.max(...precisionPercentiles.map(needed)),
        mean: toReportedMoney(mean),
        standardDeviation: toReportedMoney(n > 1 ? Math.sqrt(squares / (n - 1)) : 0),
        probabilityNegative: negative / n,
        histogram: histogram(sorted, options.histogramBins),
      },
      payback: paybackDistribution(state.paybacks.slice(p * trials, p * trials + n).sort(), options, horizon),
      discountedPayback: paybackDistribution(
        state.discountedPaybacks.slice(p * trials, p * trials + n).sort(),
        options,
        horizon,
      ),
    };
  });
  return {
    trials: n,
    seed: options.seed,
    sampling: options.sampling,
    paybackWithinYears: options.paybackWithinYears,
    partners,
    simulatedLines: state.simulatedLines,
    fixedLines: state.fixedLines,
    notQuantified: state.effects.notQuantified,
  };
}

/**
 * Prepares, runs and summarises a whole simulation in one call (for tests and small models; a
 * task pane should use the chunked functions in a worker).
 *
 * @example
 * simulateBusinessCase(model, { trials: 5000, seed: 42, distribution: "pert" }).partners.at(-1)?.payback.probabilityWithin
 */
export function simulateBusinessCase(
  model: BusinessCaseModel,
  options: SimulationOptions = {},
): SimulationResult {
  const state = prepareSimulation(model, options);
  runTrials(state, state.trials);
  return summariseSimulation(state);
}

function paybackDistribution(
  sorted: Float64Array,
  options: ResolvedOptions,
  horizon: number,
): PaybackDistribution {
  const n = sorted.length;
  const within = (years: number) => {
    let count = 0;
    while (count < n && sorted[count]! <= years) count++;
    return count / n;
  };
  return {
    percentiles: options.percentiles.map((percentile) => {
      const value = percentileOfSorted(sorted, percentile);
      const payback: PaybackResult =
        value === Infinity
          ? { kind: "never", horizon }
          : { kind: "paysBack", periods: toReportedMoney(value) };
      return { percentile, payback };
    }),
    probabilityWithin: within(options.paybackWithinYears),
    probabilityByYear: Array.from({ length: horizon + 1 }, (_, years) => within(years)),
  };
}

/** The percentiles the trials needed are worked out for. */
const precisionPercentiles = [0.1, 0.5, 0.9] as const;

/** 1% of the P10–P90 spread, not finer than the rounding unit (finer would not show). */
function defaultPrecision(sorted: Float64Array, roundingUnit: number): number {
  const spread = percentileOfSorted(sorted, 0.9) - percentileOfSorted(sorted, 0.1);
  return Math.max(roundingUnit, spread / 100);
}

interface GroupToCorrelate {
  subject: string;
  /** Simulated line indices, the group's leader first. */
  members: number[];
  rankCorrelation: number;
}

/** The groups of `correlatedGroups` or of `lineGroups`, checked, with their simulated lines. */
function correlationGroups(
  options: SimulationOptions,
  effects: LineEffects,
  simulatedLines: readonly SimulatedLine[],
): GroupToCorrelate[] {
  if (options.lineGroups !== undefined && options.correlatedGroups !== undefined) {
    throw new EngineError(
      "invalidValue",
      "correlation groups",
      "are given twice: give line groups or correlated groups, not both",
    );
  }
  if (options.lineGroups !== undefined) {
    const within = readCorrelation(options.correlationWithinGroups ?? 1, "correlation within groups");
    const labels = Object.keys(options.lineGroups);
    lineIndices(effects, labels, "line groups");
    const byName = new Map<string, number[]>();
    for (const label of labels) {
      const name = options.lineGroups[label]!;
      if (typeof name !== "string" || name.trim() === "")
        throw new EngineError("invalidValue", `group of line '${label}'`, "must be a name");
      if (!byName.has(name)) byName.set(name, []);
    }
    // Groups in the order their first line comes among the simulated lines; members in line order.
    simulatedLines.forEach((line, v) => {
      const name = options.lineGroups![line.label];
      if (name !== undefined) byName.get(name)!.push(v);
    });
    return [...byName]
      .filter(([, members]) => members.length > 0)
      .sort(([, a], [, b]) => a[0]! - b[0]!)
      .map(([name, members]) => ({ subject: `group '${name}'`, members, rankCorrelation: within }));
  }
  const groupOfLine = new Map<string, string>();
  return (options.correlatedGroups ?? []).map((group, g) => {
    const subject = `correlated group '${group.name ?? String(g + 1)}'`;
    const members = correlatedMembers(group, effects, simulatedLines, subject);
    for (const label of group.lines) {
      const other = groupOfLine.get(label);
      if (other !== undefined) {
        throw new EngineError(
          "invalidValue",
          subject,
          `includes line '${label}', which is already in ${other}`,
        );
      }
      groupOfLine.set(label, subject);
    }
    const rho = group.rankCorrelation;
    if (typeof rho !== "number" || !Number.isFinite(rho) || rho < -1 || rho > 1) {
      throw new EngineError(
        "invalidNumber",
        `${subject} rank correlation`,
        `must be a number from −1 to 1 (got ${String(rho)})`,
      );
    }
    return { subject, members, rankCorrelation: rho };
  });
}

function correlatedMembers(
  group: CorrelatedGroup,
  effects: LineEffects,
  simulatedLines: readonly SimulatedLine[],
  subject: string,
): number[] {
  if (!Array.isArray(group.lines))
    throw new EngineError("invalidValue", subject, "must list the lines it correlates");
  lineIndices(effects, group.lines, subject);
  const members: number[] = [];
  for (const label of group.lines) {
    const v = simulatedLines.findIndex((line) => line.label === label);
    // A line without a range does not vary, so there is nothing to correlate.
    if (v >= 0 && !members.includes(v)) members.push(v);
  }
  return members;
}

function resolveOptions(options: SimulationOptions, horizon: number, roundingUnit: Amount): ResolvedOptions {
  const trials = options.trials ?? 10_000;
  if (!Number.isInteger(trials) || trials < 1 || trials > largestTrialCount) {
    throw new EngineError(
      "invalidNumber",
      "trials",
      `must be a whole number from 1 to 100,000 (got ${String(trials)})`,
    );
  }
  const paybackWithinYears = options.paybackWithinYears ?? horizon;
  if (
    typeof paybackWithinYears !== "number" ||
    !Number.isFinite(paybackWithinYears) ||
    paybackWithinYears < 0
  ) {
    throw new EngineError(
      "invalidNumber",
      "payback within years",
      `must be a number of years, 0 or more (got ${String(paybackWithinYears)})`,
    );
  }
  const sampling = options.sampling ?? "latinHypercube";
  if (sampling !== "latinHypercube" && sampling !== "plain") {
    throw new EngineError(
      "invalidValue",
      "sampling",
      `must be "latinHypercube" or "plain" (got ${String(sampling)})`,
    );
  }
  const histogramBins = options.histogramBins ?? 20;
  if (!Number.isInteger(histogramBins) || histogramBins < 1 || histogramBins > 1000) {
    throw new EngineError(
      "invalidNumber",
      "histogram bins",
      `must be a whole number from 1 to 1000 (got ${String(histogramBins)})`,
    );
  }
  let precision: number | undefined;
  if (options.precision !== undefined) {
    const amount = toMoney(options.precision, "simulation precision");
    if (!amount.isPositive() || amount.isZero()) {
      throw new EngineError(
        "invalidNumber",
        "simulation precision",
        `must be an amount greater than zero (got ${amount.toString()})`,
      );
    }
    precision = amount.toNumber();
  }
  return {
    trials,
    seed: options.seed ?? 1,
    sampling,
    percentiles: readPercentiles(options.percentiles ?? standardPercentiles),
    histogramBins,
    paybackWithinYears,
    precision,
    roundingUnit: toMoney(roundingUnit, "rounding unit").toNumber(),
  };
}

function readShape(shape: unknown, subject: string): DistributionShape {
  if (shape !== "triangular" && shape !== "pert") {
    throw new EngineError("invalidValue", subject, `must be "triangular" or "pert" (got ${String(shape)})`);
  }
  return shape;
}
