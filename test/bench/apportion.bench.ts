/**
 * Apportionment benchmark: 100,000 seeded amounts in pence split over 10 partners, the engine's
 * largest-remainder apportionment against the two shortcuts it replaces, on the same data in the
 * same run. "Right" means identical to Hamilton's largest-remainder method (ties to the larger
 * share, then list order) computed here in exact BigInt arithmetic, independently of the engine;
 * "foot" counts results whose parts add up to the amount at all.
 */
import type { BenchSection } from "./benchmark";
import { apportion, apportionUnits, apportionmentWeights } from "../../src/engine/apportion";

const amountCount = 100_000;
const partners = 10;

function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

interface Workload {
  /** Amounts in pence, signed (costs positive, savings negative). */
  pence: number[];
  /** Whole-number weights (baselines in £'000). */
  weights: number[];
}

function workload(): Workload {
  const random = generator(20120401);
  const weights = Array.from({ length: partners }, () => 100 + Math.floor(random() * 50_000));
  const pence = Array.from({ length: amountCount }, () => {
    const size = Math.floor(random() * 1_000_000_000);
    return random() < 0.3 ? -size : size;
  });
  return { pence, weights };
}

/** Hamilton's method in exact integers: the reference every case is judged against. */
function largestRemainder(amount: number, weights: readonly number[]): number[] {
  const total = BigInt(weights.reduce((a, b) => a + b, 0));
  const size = BigInt(Math.abs(amount));
  const quotas = weights.map((w) => size * BigInt(w));
  const floors = quotas.map((q) => q / total);
  let leftover = size - floors.reduce((a, b) => a + b, 0n);
  const order = weights
    .map((w, i) => ({ i, w, remainder: quotas[i]! % total }))
    .sort((a, b) =>
      a.remainder === b.remainder ? b.w - a.w || a.i - b.i : a.remainder > b.remainder ? -1 : 1,
    );
  for (const { i } of order) {
    if (leftover === 0n) break;
    floors[i]! += 1n;
    leftover -= 1n;
  }
  return floors.map((f) => (f === 0n ? 0 : Number(f) * Math.sign(amount)));
}

interface Prepared extends Workload {
  expected: number[][];
}

function prepare(): Prepared {
  const data = workload();
  return { ...data, expected: data.pence.map((p) => largestRemainder(p, data.weights)) };
}

function score(results: number[][], data: Prepared): string {
  const right = results.filter((parts, i) => parts.every((part, p) => part === data.expected[i]![p])).length;
  const foot = results.filter((parts, i) => parts.reduce((a, b) => a + b, 0) === data.pence[i]).length;
  return `${right}/${results.length} right, ${foot} foot`;
}

export const sections: BenchSection[] = [
  {
    title: "Apportionment: 100,000 amounts over 10 partners",
    workload:
      "Amounts up to £10m in pence, 30% savings; weights are baselines. Right = identical to Hamilton's largest remainder (exact BigInt reference); foot = parts sum to the amount.",
    cases: [
      {
        name: "engine apportionUnits (batch: Float64Array in and out)",
        setup: () => {
          const data = prepare();
          return { ...data, matrix: new Float64Array(data.pence) };
        },
        peer: "round each part independently (Math.round)",
        run: (prepared) => {
          const data = prepared as Prepared & { matrix: Float64Array };
          const parts = apportionUnits(data.matrix, apportionmentWeights(data.weights));
          const results = data.pence.map((_, i) =>
            Array.from(parts.subarray(i * partners, (i + 1) * partners)),
          );
          return score(results, data);
        },
      },
      {
        name: "engine apportion (one call per amount, Money parts)",
        setup: prepare,
        peer: "round each part independently (Math.round)",
        run: (prepared) => {
          const data = prepared as Prepared;
          const results = data.pence.map((p) =>
            apportion(p, data.weights, { unit: 1 }).map((part) => part.toNumber()),
          );
          return score(results, data);
        },
      },
      {
        name: "round each part independently (Math.round)",
        setup: prepare,
        run: (prepared) => {
          const data = prepared as Prepared;
          const total = data.weights.reduce((a, b) => a + b, 0);
          const results = data.pence.map((p) => data.weights.map((w) => Math.round((p * w) / total)));
          return score(results, data);
        },
      },
      {
        name: "floor, leftovers in list order (money-library allocate)",
        setup: prepare,
        peer: "round each part independently (Math.round)",
        run: (prepared) => {
          const data = prepared as Prepared;
          const total = data.weights.reduce((a, b) => a + b, 0);
          const results = data.pence.map((p) => {
            const sign = p < 0 ? -1 : 1;
            const size = Math.abs(p);
            const parts = data.weights.map((w) => Math.floor((size * w) / total));
            let leftover = size - parts.reduce((a, b) => a + b, 0);
            for (let i = 0; leftover > 0; i++, leftover--) parts[i % partners]! += 1;
            return parts.map((part) => (part === 0 ? 0 : sign * part));
          });
          return score(results, data);
        },
      },
    ],
  },
];
