/**
 * Monte Carlo benchmark: 10,000 trials of a 30-line, 10-year, 5-partner business case, the engine
 * (model → line effects → seeded draws → trials → percentiles, payback and histograms for every
 * partner) against a bare float64 loop doing the same sampling and arithmetic on arrays prepared in
 * setup: the practical limit for this work in JavaScript. Both report the programme's P50 NPV, which
 * should agree to within the business case's rounding of apportioned parts.
 */
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import type { BusinessCaseModel, Line } from "../../src/engine/businessCaseModel";
import {
  type PreparedPert,
  pertQuantileOf,
  preparePert,
  triangularQuantile,
} from "../../src/engine/monteCarlo/distributions";
import { type SimulationOptions, simulateBusinessCase } from "../../src/engine/monteCarlo/simulation";
import { Money } from "../../src/engine/money";
import type { BenchSection } from "./benchmark";

const trials = 10_000;
const horizon = 10;
const periods = horizon + 1;
const seed = 20120401;
const partnerCodes = ["P1", "P2", "P3", "P4", "P5"];
const rate = 0.035;

/** A 30-line case: set-up costs, recurring costs and savings, two pools, direct items and profiles. */
function benchModel(): BusinessCaseModel {
  let state = 12345;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  const whole = (low: number, high: number) => Math.round(low + (high - low) * random());
  const lines: Line[] = [];
  const add = (
    label: string,
    timing: Line["timing"],
    best: number,
    worst: number,
    allocation: Line["allocation"],
    profile?: string,
  ) => {
    const base = Math.round(best + (worst - best) * (0.3 + 0.3 * random()));
    lines.push({
      label,
      timing,
      allocation,
      values: { Best: new Money(best), Worst: new Money(worst), Base: new Money(base) },
      ...(profile === undefined ? {} : { profile }),
    });
  };
  const joint = { kind: "pool", pool: "Joint" } as const;
  const subset = { kind: "pool", pool: "Three" } as const;
  for (let i = 0; i < 8; i++) {
    const best = whole(100, 900);
    add(
      `Set-up ${i + 1}`,
      "oneOff",
      best,
      best + whole(50, 600),
      i % 2 ? subset : joint,
      i % 3 === 0 ? "Spread" : undefined,
    );
  }
  for (let i = 0; i < 6; i++) {
    const best = whole(50, 300);
    add(`Running cost ${i + 1}`, "recurring", best, best + whole(20, 200), i % 2 ? joint : subset);
  }
  for (let i = 0; i < 12; i++) {
    const worst = -whole(50, 400);
    add(
      `Saving ${i + 1}`,
      "recurring",
      worst - whole(20, 300),
      worst,
      i % 3 ? joint : subset,
      i % 2 ? "Ramp" : undefined,
    );
  }
  for (let i = 0; i < 4; i++) {
    const worst = -whole(20, 200);
    add(`Direct saving ${i + 1}`, "recurring", worst - whole(10, 100), worst, {
      kind: "partner",
      partner: partnerCodes[i]!,
    });
  }
  return {
    partners: partnerCodes.map((code) => ({ code, name: code })),
    baseline: [{ serviceArea: "Back office", amounts: { P1: 5200, P2: 3100, P3: 1800, P4: 1200, P5: 700 } }],
    pools: [
      { name: "Joint", basis: "baseline", serviceAreas: "all", partners: "all" },
      { name: "Three", basis: "baseline", serviceAreas: "all", partners: ["P1", "P2", "P3"] },
    ],
    lines,
    profiles: { Spread: [0.6, 0.4], Ramp: [0, 0.5, 0.8, 1] },
    cases: [{ name: "Best" }, { name: "Worst" }, { name: "Base" }],
    settings: { discountRate: rate, horizonYears: horizon, roundingUnit: 1, unitLabel: "£'000" },
  };
}

const engineOptions: SimulationOptions = { baseCase: "Base", trials, seed, sampling: "latinHypercube" };

function engineCase(options: SimulationOptions): () => string {
  return () => {
    const result = simulateBusinessCase(benchModel(), options);
    const total = result.partners.at(-1)!;
    return `P50 NPV ${total.netPresentValue.percentiles.find((q) => q.percentile === 0.5)!.value.toFixed(1)}`;
  };
}

// ---------------------------------------------------------------------------------------------
// The bare loop: the same model turned into flat arrays in setup, by code of its own.

interface Flat {
  lines: number;
  low: Float64Array;
  mode: Float64Array;
  high: Float64Array;
  perts: PreparedPert[];
  /** Per line, partner (5 + programme) and year: net benefit per unit of the line's value. */
  effect: Float64Array;
  factors: Float64Array;
}

function flatten(model: BusinessCaseModel): Flat {
  const n = model.lines.length;
  const width = (partnerCodes.length + 1) * periods;
  const flat: Flat = {
    lines: n,
    low: new Float64Array(n),
    mode: new Float64Array(n),
    high: new Float64Array(n),
    perts: [],
    effect: new Float64Array(n * width),
    factors: Float64Array.from({ length: periods }, (_, t) => 1 / (1 + rate) ** t),
  };
  const baseline = model.baseline[0]!.amounts;
  model.lines.forEach((line, l) => {
    const best = Number(line.values.Best);
    const worst = Number(line.values.Worst);
    flat.low[l] = Math.min(best, worst);
    flat.high[l] = Math.max(best, worst);
    flat.mode[l] = Number(line.values.Base);
    flat.perts.push(preparePert(flat.low[l]!, flat.mode[l]!, flat.high[l]!));
    const members =
      line.allocation.kind === "partner"
        ? [line.allocation.partner]
        : model.pools.find((p) => p.name === (line.allocation as { pool: string }).pool)!.partners === "all"
          ? partnerCodes
          : ["P1", "P2", "P3"];
    const total = members.reduce((sum, code) => sum + Number(baseline[code]), 0);
    const profile = line.profile
      ? model.profiles[line.profile]!.map(Number)
      : line.timing === "oneOff"
        ? [1]
        : [0, 1];
    for (let t = 0; t < periods; t++) {
      const fraction =
        t < profile.length ? profile[t]! : line.timing === "oneOff" ? 0 : profile[profile.length - 1]!;
      members.forEach((code) => {
        const share = members.length === 1 ? 1 : Number(baseline[code]) / total;
        const p = partnerCodes.indexOf(code);
        flat.effect[l * width + p * periods + t]! -= share * fraction;
        flat.effect[l * width + partnerCodes.length * periods + t]! -= share * fraction;
      });
    }
  });
  return flat;
}

function bareLoop(flat: Flat, shape: "triangular" | "pert"): string {
  const partners = partnerCodes.length + 1;
  const width = partners * periods;
  const generator = xoroshiro128plus(seed);
  // Latin hypercube draws, line by line.
  const draws = new Float64Array(flat.lines * trials);
  const order = new Int32Array(trials);
  for (let l = 0; l < flat.lines; l++) {
    for (let i = 0; i < trials; i++) order[i] = i;
    for (let i = trials - 1; i > 0; i--) {
      const j = uniformInt(generator, 0, i);
      const held = order[i]!;
      order[i] = order[j]!;
      order[j] = held;
    }
    for (let i = 0; i < trials; i++) draws[l * trials + i] = (order[i]! + uniformFloat64(generator)) / trials;
  }
  const npv = new Float64Array(partners * trials);
  const simple = new Float64Array(partners * trials);
  const discounted = new Float64Array(partners * trials);
  const net = new Float64Array(width);
  for (let i = 0; i < trials; i++) {
    net.fill(0);
    for (let l = 0; l < flat.lines; l++) {
      const u = draws[l * trials + i]!;
      const value =
        shape === "pert"
          ? pertQuantileOf(flat.perts[l]!, u)
          : triangularQuantile(u, flat.low[l]!, flat.mode[l]!, flat.high[l]!);
      const offset = l * width;
      for (let k = 0; k < width; k++) net[k]! += value * flat.effect[offset + k]!;
    }
    for (let p = 0; p < partners; p++) {
      let present = 0;
      let cumulative = 0;
      let discountedCumulative = 0;
      let paidBack = -1;
      let discountedPaidBack = -1;
      let wentNegative = false;
      let discountedNegative = false;
      for (let t = 0; t < periods; t++) {
        const value = net[p * periods + t]!;
        const presentValue = value * flat.factors[t]!;
        present += presentValue;
        const before = cumulative;
        cumulative += value;
        if (cumulative < 0) wentNegative = true;
        else if (before < 0 && paidBack < 0) paidBack = t - 1 - before / value;
        const discountedBefore = discountedCumulative;
        discountedCumulative += presentValue;
        if (discountedCumulative < 0) discountedNegative = true;
        else if (discountedBefore < 0 && discountedPaidBack < 0)
          discountedPaidBack = t - 1 - discountedBefore / presentValue;
      }
      npv[p * trials + i] = present;
      simple[p * trials + i] = cumulative < 0 ? Infinity : wentNegative ? paidBack : 0;
      discounted[p * trials + i] =
        discountedCumulative < 0 ? Infinity : discountedNegative ? discountedPaidBack : 0;
    }
  }
  // The summary's arithmetic: sort each partner's NPVs and paybacks for their percentiles.
  let median = 0;
  for (let p = 0; p < partners; p++) {
    const sorted = npv.slice(p * trials, (p + 1) * trials).sort();
    simple.slice(p * trials, (p + 1) * trials).sort();
    discounted.slice(p * trials, (p + 1) * trials).sort();
    const position = (trials - 1) * 0.5;
    const below = Math.floor(position);
    median = sorted[below]! + (position - below) * (sorted[below + 1]! - sorted[below]!);
  }
  return `P50 NPV ${median.toFixed(1)}`;
}

// ---------------------------------------------------------------------------------------------
// The bare loop that also apportions every trial: values rounded to the unit, each pool's lines of
// one timing split by largest remainder with both lines and partner columns footing (the greedy
// pass of controlled rounding; the engine adds augmenting paths for the rare stranded unit).

interface Group {
  lines: number[];
  /** Whole-number weights (baselines) of the group's partners and their partner rows. */
  weights: number[];
  rows: number[];
  /** Year fractions of each line of the group, line after line. */
  fractions: Float64Array;
}

interface FlatApportioned {
  lines: number;
  low: Float64Array;
  mode: Float64Array;
  high: Float64Array;
  groups: Group[];
  factors: Float64Array;
}

function flattenForApportioning(model: BusinessCaseModel): FlatApportioned {
  const n = model.lines.length;
  const baseline = model.baseline[0]!.amounts;
  const byKey = new Map<string, Group>();
  model.lines.forEach((line, l) => {
    const members =
      line.allocation.kind === "partner"
        ? [line.allocation.partner]
        : model.pools.find((p) => p.name === (line.allocation as { pool: string }).pool)!.partners === "all"
          ? partnerCodes
          : ["P1", "P2", "P3"];
    const key = line.allocation.kind === "partner" ? `direct ${l}` : `${line.allocation.pool} ${line.timing}`;
    const group = byKey.get(key) ?? {
      lines: [],
      weights: members.length === 1 ? [1] : members.map((code) => Number(baseline[code])),
      rows: members.map((code) => partnerCodes.indexOf(code)),
      fractions: new Float64Array(0),
    };
    group.lines.push(l);
    byKey.set(key, group);
  });
  for (const group of byKey.values()) {
    group.fractions = new Float64Array(group.lines.length * periods);
    group.lines.forEach((l, k) => {
      const line = model.lines[l]!;
      const profile = line.profile
        ? model.profiles[line.profile]!.map(Number)
        : line.timing === "oneOff"
          ? [1]
          : [0, 1];
      for (let t = 0; t < periods; t++)
        group.fractions[k * periods + t] =
          t < profile.length ? profile[t]! : line.timing === "oneOff" ? 0 : profile[profile.length - 1]!;
    });
  }
  const flat: FlatApportioned = {
    lines: n,
    low: new Float64Array(n),
    mode: new Float64Array(n),
    high: new Float64Array(n),
    groups: [...byKey.values()],
    factors: Float64Array.from({ length: periods }, (_, t) => 1 / (1 + rate) ** t),
  };
  model.lines.forEach((line, l) => {
    const best = Number(line.values.Best);
    const worst = Number(line.values.Worst);
    flat.low[l] = Math.min(best, worst);
    flat.high[l] = Math.max(best, worst);
    flat.mode[l] = Number(line.values.Base);
  });
  return flat;
}

/** Largest remainder of `size` ≥ 0 units by whole weights into parts (the column targets). */
function hamiltonInto(size: number, weights: readonly number[], total: number, parts: number[]): void {
  let handedOut = 0;
  const remainders = weights.map((w, q) => {
    parts[q] = Math.floor((size * w) / total);
    handedOut += parts[q]!;
    return size * w - parts[q]! * total;
  });
  const order = weights
    .map((_, q) => q)
    .sort((a, b) => remainders[b]! - remainders[a]! || weights[b]! - weights[a]! || a - b);
  for (let k = 0; k < size - handedOut; k++) parts[order[k]!]! += 1;
}

function bareLoopApportioning(flat: FlatApportioned): string {
  const partners = partnerCodes.length + 1;
  const generator = xoroshiro128plus(seed);
  const draws = new Float64Array(flat.lines * trials);
  const order = new Int32Array(trials);
  for (let l = 0; l < flat.lines; l++) {
    for (let i = 0; i < trials; i++) order[i] = i;
    for (let i = trials - 1; i > 0; i--) {
      const j = uniformInt(generator, 0, i);
      const held = order[i]!;
      order[i] = order[j]!;
      order[j] = held;
    }
    for (let i = 0; i < trials; i++) draws[l * trials + i] = (order[i]! + uniformFloat64(generator)) / trials;
  }
  const npv = new Float64Array(partners * trials);
  const net = new Float64Array(partners * periods);
  const units = new Float64Array(flat.lines);
  for (let i = 0; i < trials; i++) {
    net.fill(0);
    for (let l = 0; l < flat.lines; l++) {
      const value = triangularQuantile(draws[l * trials + i]!, flat.low[l]!, flat.mode[l]!, flat.high[l]!);
      units[l] = value < 0 ? -Math.round(-value) : Math.round(value);
    }
    for (const group of flat.groups) {
      const width = group.weights.length;
      const total = group.weights.reduce((a, b) => a + b, 0);
      const cells = group.lines.length * width;
      const floors = new Float64Array(cells);
      const remainders = new Float64Array(cells);
      const rowNeed = group.lines.map(() => 0);
      const columnNeed = group.weights.map(() => 0);
      let groupTotal = 0;
      group.lines.forEach((l, k) => {
        let handedOut = 0;
        for (let q = 0; q < width; q++) {
          const product = units[l]! * group.weights[q]!;
          const floor = Math.floor(product / total);
          floors[k * width + q] = floor;
          remainders[k * width + q] = product - floor * total;
          handedOut += floor;
          columnNeed[q]! -= floor;
        }
        rowNeed[k] = units[l]! - handedOut;
        groupTotal += units[l]!;
      });
      const targets: number[] = [];
      hamiltonInto(Math.abs(groupTotal), group.weights, total, targets);
      targets.forEach((t, q) => (columnNeed[q]! += groupTotal < 0 ? -t : t));
      const cellOrder = Array.from({ length: cells }, (_, c) => c)
        .filter((c) => remainders[c]! > 0)
        .sort(
          (a, b) =>
            remainders[b]! - remainders[a]! || group.weights[b % width]! - group.weights[a % width]! || a - b,
        );
      for (const c of cellOrder) {
        const k = Math.floor(c / width);
        const q = c % width;
        if (rowNeed[k]! > 0 && columnNeed[q]! > 0) {
          floors[c]! += 1;
          rowNeed[k]!--;
          columnNeed[q]!--;
        }
      }
      group.lines.forEach((_, k) => {
        for (let q = 0; q < width; q++) {
          const part = floors[k * width + q]!;
          const row = group.rows[q]! * periods;
          const programme = partnerCodes.length * periods;
          for (let t = 0; t < periods; t++) {
            const change = part * group.fractions[k * periods + t]!;
            net[row + t]! -= change;
            net[programme + t]! -= change;
          }
        }
      });
    }
    for (let p = 0; p < partners; p++) {
      let present = 0;
      for (let t = 0; t < periods; t++) present += net[p * periods + t]! * flat.factors[t]!;
      npv[p * trials + i] = present;
    }
  }
  const sorted = npv.slice(partnerCodes.length * trials).sort();
  const position = (trials - 1) * 0.5;
  const below = Math.floor(position);
  return `P50 NPV ${(sorted[below]! + (position - below) * (sorted[below + 1]! - sorted[below]!)).toFixed(1)}`;
}

export const sections: BenchSection[] = [
  {
    title: "Monte Carlo simulation",
    workload: `${trials.toLocaleString("en-GB")} trials of a 30-line, ${horizon}-year, 5-partner case (two pools, direct lines, profiles); Latin hypercube; NPV, simple and discounted payback for 5 partners + programme`,
    cases: [
      { name: "engine, triangular", run: engineCase(engineOptions), peer: "bare float64 loop, triangular" },
      {
        name: "bare float64 loop, triangular",
        setup: () => flatten(benchModel()),
        run: (flat) => bareLoop(flat as Flat, "triangular"),
      },
      {
        name: "engine, triangular, apportioning every trial",
        run: engineCase({ ...engineOptions, apportionEachTrial: true }),
        peer: "bare float64 loop, triangular, apportioning every trial (greedy controlled rounding, NPV only)",
      },
      {
        name: "bare float64 loop, triangular, apportioning every trial (greedy controlled rounding, NPV only)",
        setup: () => flattenForApportioning(benchModel()),
        run: (flat) => bareLoopApportioning(flat as FlatApportioned),
      },
      {
        name: "engine, PERT",
        run: engineCase({ ...engineOptions, distribution: "pert" }),
        peer: "bare float64 loop, PERT",
      },
      {
        name: "bare float64 loop, PERT",
        setup: () => flatten(benchModel()),
        run: (flat) => bareLoop(flat as Flat, "pert"),
      },
      {
        name: "engine, PERT + 3 correlated groups",
        run: engineCase({
          ...engineOptions,
          distribution: "pert",
          correlatedGroups: [
            { lines: ["Set-up 1", "Set-up 2", "Set-up 3", "Set-up 4"], rankCorrelation: 0.6 },
            {
              lines: ["Saving 1", "Saving 2", "Saving 3", "Saving 4", "Saving 5", "Saving 6"],
              rankCorrelation: 0.5,
            },
            { lines: ["Running cost 1", "Running cost 2"], rankCorrelation: 0.8 },
          ],
        }),
        peer: "bare float64 loop, PERT",
      },
    ],
  },
];
