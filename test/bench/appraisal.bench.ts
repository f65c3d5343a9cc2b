/**
 * Appraisal benchmarks: NPV, IRR and payback over 100,000 seeded cashflow series of 20 periods,
 * the engine against @formulajs/formulajs (or, for payback, which formulajs lacks, a plain-number
 * loop) in the same run. Every case also counts how many series it got right, judged against a
 * reference prepared in setup (untimed) by code independent of the engine.
 */
import Decimal from "decimal.js";
import { IRR, NPV } from "@formulajs/formulajs";
import type { BenchSection } from "./benchmark";
import { internalRateOfReturn } from "../../src/engine/irr";
import { netPresentValue, netPresentValues } from "../../src/engine/npv";
import { payback, paybackPeriods } from "../../src/engine/payback";

const seriesCount = 100_000;
const periods = 20;
const rate = 0.035;

/** A small linear congruential generator (Numerical Recipes constants): same seed, same series. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

/**
 * Business-case shapes in £'000, whole numbers: 70% conventional (0–2 years of delay, 1–4 years of
 * set-up costs, savings ramping up over 1–3 years), 15% with one or two later reinvestments (several
 * sign changes), 10% with a sign that changes year by year (several or no roots) and 5% that never
 * change sign (all savings, or costs that never stop).
 */
export function generateSeries(count = seriesCount, seed = 20120401): number[][] {
  const random = generator(seed);
  const between = (low: number, high: number) => Math.round(low + (high - low) * random());
  const all: number[][] = [];
  for (let i = 0; i < count; i++) {
    const shape = random();
    const flows = new Array<number>(periods).fill(0);
    if (shape < 0.85) {
      const delay = random() < 0.7 ? 0 : between(1, 2);
      const costYears = between(1, 4);
      const saving = between(50, 1000);
      const ramp = between(1, 3);
      for (let t = delay; t < periods; t++) {
        const year = t - delay;
        if (year < costYears) flows[t] = -between(200, 2000);
        else
          flows[t] = Math.round(saving * Math.min(1, (year - costYears + 1) / ramp) * (0.9 + 0.2 * random()));
      }
      if (shape >= 0.7) {
        const reinvestments = between(1, 2);
        for (let k = 0; k < reinvestments; k++)
          flows[between(delay + costYears + 2, periods - 1)] = -between(500, 4000);
      }
    } else if (shape < 0.95) {
      for (let t = 0; t < periods; t++) flows[t] = between(-1000, 1000);
    } else {
      const sign = random() < 0.5 ? 1 : -1;
      for (let t = 0; t < periods; t++) flows[t] = sign * between(0, 1000);
    }
    all.push(flows);
  }
  return all;
}

// ---------------------------------------------------------------------------------------------
// References, computed in setup by code that shares nothing with the engine.

const Precise = Decimal.clone({ precision: 60 });

function referenceNetPresentValue(flows: readonly number[]): number {
  const growth = new Precise(1).plus(rate);
  let total = new Precise(0);
  flows.forEach((flow, t) => (total = total.plus(new Precise(flow).div(growth.pow(t)))));
  return total.toNumber();
}

/**
 * First payback by the DOMAIN.md definition in 60-digit decimals: the first climb back to ≥ 0
 * after going negative, given even when the case falls back below zero by the end; null means
 * "never" (no such climb); 0 when the position never goes negative.
 */
function referencePayback(flows: readonly number[], discountRate: number): number | null {
  const growth = new Precise(1).plus(discountRate);
  const net = flows.map((flow, t) => new Precise(flow).div(growth.pow(t)));
  const cumulative: Decimal[] = [];
  net.forEach((value, t) => cumulative.push(t === 0 ? value : cumulative[t - 1]!.plus(value)));
  const firstNegative = cumulative.findIndex((c) => c.lt(0));
  if (firstNegative < 0) return 0;
  for (let t = firstNegative + 1; t < cumulative.length; t++) {
    if (cumulative[t]!.gte(0))
      return cumulative[t - 1]!.neg()
        .div(net[t]!)
        .plus(t - 1)
        .toNumber();
  }
  return null;
}

function countSignChanges(values: readonly number[]): number {
  let changes = 0;
  let previous = 0;
  for (const value of values) {
    if (value === 0) continue;
    if (previous !== 0 && value < 0 !== previous < 0) changes++;
    previous = value;
  }
  return changes;
}

/**
 * How many roots a brute-force scan sees: sign changes of NPV over 4,096 even steps of
 * v = 1/(1 + r) in (0, 1] (r ≥ 0) and of 1 + r in (0, 1] (−1 < r ≤ 0). An odd number of sign
 * changes in the flows guarantees a root (Descartes), none rules one out.
 */
function referenceRootCount(flows: readonly number[]): number {
  const changes = countSignChanges(flows);
  if (changes <= 1) return changes;
  const steps = 4096;
  let count = 0;
  for (const coefficients of [flows, flows.slice().reverse()]) {
    let previous = 0;
    for (let j = 1; j <= steps; j++) {
      const x = j / steps;
      let value = 0;
      for (let k = coefficients.length - 1; k >= 0; k--) value = value * x + coefficients[k]!;
      if (value !== 0 && previous !== 0 && value < 0 !== previous < 0) count++;
      if (value !== 0) previous = value;
    }
  }
  return count;
}

/** A rate above −100% at which |NPV| is within 1e-6 of the discounted gross flows. */
function isRoot(flows: readonly number[], r: number): boolean {
  if (!(r > -1) || !Number.isFinite(r)) return false;
  const v = 1 / (1 + r);
  let value = 0;
  let gross = 0;
  for (let t = flows.length - 1; t >= 0; t--) {
    value = value * v + flows[t]!;
    gross = gross * v + Math.abs(flows[t]!);
  }
  return Math.abs(value) <= 1e-6 * gross;
}

// ---------------------------------------------------------------------------------------------
// Sections

interface NpvData {
  series: number[][];
  reference: number[];
}

function prepareNpv(): NpvData {
  const series = generateSeries();
  return { series, reference: series.map(referenceNetPresentValue) };
}

const npvSection: BenchSection = {
  title: "Appraisal: net present value",
  workload: `${seriesCount.toLocaleString("en-GB")} seeded series × ${periods} periods (year 0 undiscounted) at 3.5%; right = within half a penny (0.005) of a 60-digit decimal reference. formulajs computes NPV(r, cf[1..]) + cf[0].`,
  cases: [
    {
      name: "engine netPresentValues (float64 batch, compensated, bound-checked)",
      setup: () => {
        const data = prepareNpv();
        return { ...data, matrix: new Float64Array(data.series.flat()) };
      },
      peer: "formulajs NPV",
      repeat: 5,
      run: (prepared) => {
        const { matrix, reference } = prepared as NpvData & { matrix: Float64Array };
        const values = netPresentValues(matrix, periods, rate);
        let right = 0;
        for (let i = 0; i < values.length; i++) if (Math.abs(values[i]! - reference[i]!) < 0.005) right++;
        return `${right}/${values.length} right`;
      },
    },
    {
      name: "engine netPresentValue (exact decimal, one call per series)",
      setup: prepareNpv,
      peer: "formulajs NPV",
      repeat: 3,
      run: (prepared) => {
        const { series, reference } = prepared as NpvData;
        let right = 0;
        for (let i = 0; i < series.length; i++) {
          if (Math.abs(netPresentValue(series[i]!, rate).toNumber() - reference[i]!) < 0.005) right++;
        }
        return `${right}/${series.length} right`;
      },
    },
    {
      name: "formulajs NPV",
      setup: prepareNpv,
      repeat: 3,
      run: (prepared) => {
        const { series, reference } = prepared as NpvData;
        let right = 0;
        for (let i = 0; i < series.length; i++) {
          const flows = series[i]!;
          const value = (NPV(rate, flows.slice(1)) as number) + flows[0]!;
          if (Math.abs(value - reference[i]!) < 0.005) right++;
        }
        return `${right}/${series.length} right`;
      },
    },
  ],
};

interface IrrData {
  series: number[][];
  rootCounts: number[];
}

function prepareIrr(): IrrData {
  const series = generateSeries();
  return { series, rootCounts: series.map(referenceRootCount) };
}

function describeIrr(right: number, total: number, extra: string): string {
  return `${right}/${total} right${extra}`;
}

const irrSection: BenchSection = {
  title: "Appraisal: internal rate of return",
  workload: `${seriesCount.toLocaleString("en-GB")} seeded series × ${periods} periods (70% conventional, 15% with reinvestments, 10% sign changing yearly, 5% never changing sign); right = a rate above −100% with |NPV| ≤ 1e-6 × discounted gross flows, or "none"/#NUM! where a 4,096-step scan and Descartes' rule find no root. The engine must also return every root the scan sees, each one a root.`,
  cases: [
    {
      name: "engine internalRateOfReturn",
      setup: prepareIrr,
      peer: "formulajs IRR",
      repeat: 3,
      run: (prepared) => {
        const { series, rootCounts } = prepared as IrrData;
        let right = 0;
        let several = 0;
        for (let i = 0; i < series.length; i++) {
          const flows = series[i]!;
          const result = internalRateOfReturn(flows);
          if (result.kind === "none") {
            if (rootCounts[i] === 0) right++;
            continue;
          }
          if (result.roots.length > 1) several++;
          if (
            isRoot(flows, result.rate) &&
            result.roots.length >= rootCounts[i]! &&
            result.roots.every((root) => isRoot(flows, root))
          ) {
            right++;
          }
        }
        return describeIrr(right, series.length, ` (${several} with several roots)`);
      },
    },
    {
      name: "formulajs IRR",
      setup: prepareIrr,
      repeat: 3,
      run: (prepared) => {
        const { series, rootCounts } = prepared as IrrData;
        let right = 0;
        for (let i = 0; i < series.length; i++) {
          const flows = series[i]!;
          const result: unknown = IRR(flows);
          if (typeof result === "number" ? isRoot(flows, result) : rootCounts[i] === 0) right++;
        }
        return describeIrr(right, series.length, "");
      },
    },
  ],
};

interface PaybackData {
  series: number[][];
  simple: (number | null)[];
  discounted: (number | null)[];
}

function preparePayback(): PaybackData {
  const series = generateSeries();
  return {
    series,
    simple: series.map((flows) => referencePayback(flows, 0)),
    discounted: series.map((flows) => referencePayback(flows, rate)),
  };
}

/** The obvious floating-point payback loop a spreadsheet developer would write. */
function plainPayback(flows: readonly number[], discountRate: number): number | null {
  let cumulative = 0;
  let factor = 1;
  let wentNegative = false;
  let crossing: number | null = null;
  for (let t = 0; t < flows.length; t++) {
    const net = flows[t]! * factor;
    const before = cumulative;
    cumulative += net;
    if (cumulative < 0) wentNegative = true;
    else if (before < 0 && crossing === null) crossing = t - 1 + -before / net;
    factor /= 1 + discountRate;
  }
  return wentNegative ? crossing : 0;
}

function paybackMatches(found: number | null, expected: number | null): boolean {
  return found === null || expected === null ? found === expected : Math.abs(found - expected) < 1e-9;
}

function enginePaybackCase(discounted: boolean): BenchSection["cases"][number] {
  return {
    name: discounted
      ? "engine payback (exact figure, one call per series), discounted 3.5%"
      : "engine payback (exact figure, one call per series), simple",
    setup: preparePayback,
    peer: discounted ? "plain-number loop, discounted 3.5%" : "plain-number loop, simple",
    repeat: 3,
    run: (prepared) => {
      const data = prepared as PaybackData;
      const expected = discounted ? data.discounted : data.simple;
      let right = 0;
      for (let i = 0; i < data.series.length; i++) {
        const result = payback(data.series[i]!, discounted ? { rate } : {});
        if (paybackMatches(result.kind === "never" ? null : result.periods.toNumber(), expected[i]!)) right++;
      }
      return `${right}/${data.series.length} right`;
    },
  };
}

function plainPaybackCase(discounted: boolean): BenchSection["cases"][number] {
  return {
    name: discounted ? "plain-number loop, discounted 3.5%" : "plain-number loop, simple",
    setup: preparePayback,
    repeat: 3,
    run: (prepared) => {
      const data = prepared as PaybackData;
      const expected = discounted ? data.discounted : data.simple;
      let right = 0;
      for (let i = 0; i < data.series.length; i++) {
        if (paybackMatches(plainPayback(data.series[i]!, discounted ? rate : 0), expected[i]!)) right++;
      }
      return `${right}/${data.series.length} right`;
    },
  };
}

function batchPaybackCase(discounted: boolean): BenchSection["cases"][number] {
  return {
    name: discounted
      ? "engine paybackPeriods (batch), discounted 3.5%"
      : "engine paybackPeriods (batch), simple",
    setup: () => {
      const data = preparePayback();
      return { ...data, matrix: new Float64Array(data.series.flat()) };
    },
    peer: discounted ? "plain-number loop, discounted 3.5%" : "plain-number loop, simple",
    repeat: 5,
    run: (prepared) => {
      const data = prepared as PaybackData & { matrix: Float64Array };
      const expected = discounted ? data.discounted : data.simple;
      const found = paybackPeriods(data.matrix, periods, discounted ? { rate } : {});
      let right = 0;
      for (let i = 0; i < found.length; i++) {
        if (paybackMatches(found[i] === Infinity ? null : found[i]!, expected[i]!)) right++;
      }
      return `${right}/${found.length} right`;
    },
  };
}

const paybackSection: BenchSection = {
  title: "Appraisal: payback",
  workload: `${seriesCount.toLocaleString("en-GB")} seeded series × ${periods} periods, first payback (given even when the case falls back below zero later), simple and discounted at 3.5%; right = same "never" or the same interpolated period within 1e-9 of a 60-digit decimal reference. formulajs has no payback, so the peer is a plain-number loop.`,
  cases: [
    batchPaybackCase(false),
    enginePaybackCase(false),
    plainPaybackCase(false),
    batchPaybackCase(true),
    enginePaybackCase(true),
    plainPaybackCase(true),
  ],
};

export const sections: BenchSection[] = [npvSection, irrSection, paybackSection];
