import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import type { RandomGenerator } from "pure-rand/types/RandomGenerator";
import { EngineError } from "../errors";

/**
 * "latinHypercube": each input's trials are spread one to each of `trials` equal-probability
 * strata, so even a few thousand trials cover the tails evenly. "plain": independent uniform draws.
 */
export type SamplingMethod = "latinHypercube" | "plain";

/** The largest seed accepted: seeds are whole numbers from 0 to 2^32 − 1. */
export const largestSeed = 4294967295;

/**
 * The simulation's random number generator (xoroshiro128+ from pure-rand), seeded so that the same
 * seed gives the same sequence on every machine.
 *
 * @example
 * const generator = seededGenerator(42);
 * generator.next() === seededGenerator(42).next() // → true
 */
export function seededGenerator(seed: number, subject = "seed"): RandomGenerator {
  if (typeof seed !== "number" || !Number.isInteger(seed) || seed < 0 || seed > largestSeed) {
    throw new EngineError(
      "invalidNumber",
      subject,
      `must be a whole number from 0 to ${largestSeed} (got ${String(seed)})`,
    );
  }
  return xoroshiro128plus(seed);
}

/**
 * Uniform draws on [0, 1) for `variables` inputs × `trials` trials, stored input by input: the
 * draw for input v in trial i is at `v × trials + i`. All randomness is consumed here, in a fixed
 * order, so that later work on the draws can be split into chunks of any size without changing a
 * single result.
 *
 * With Latin hypercube sampling the draws of each input fall one in each interval [k/n, (k+1)/n),
 * in a random order.
 *
 * @example
 * const draws = uniformDraws(seededGenerator(1), 4, 2, "latinHypercube");
 * Array.from(draws.subarray(0, 4), (u) => Math.floor(u * 4)).sort() // → [0, 1, 2, 3]
 */
export function uniformDraws(
  generator: RandomGenerator,
  trials: number,
  variables: number,
  method: SamplingMethod,
): Float64Array {
  const draws = new Float64Array(trials * variables);
  if (method === "plain") {
    for (let k = 0; k < draws.length; k++) draws[k] = uniformFloat64(generator);
    return draws;
  }
  if (method !== "latinHypercube") {
    throw new EngineError(
      "invalidValue",
      "sampling",
      `must be "latinHypercube" or "plain" (got ${String(method)})`,
    );
  }
  const strata = new Int32Array(trials);
  for (let v = 0; v < variables; v++) {
    shuffledIndices(generator, strata);
    const offset = v * trials;
    for (let i = 0; i < trials; i++) draws[offset + i] = (strata[i]! + uniformFloat64(generator)) / trials;
  }
  return draws;
}

/**
 * Fills `order` with 0 … length − 1 in a uniformly random order (Fisher–Yates).
 *
 * @example
 * const order = new Int32Array(5);
 * shuffledIndices(seededGenerator(7), order); // order holds 0..4 once each
 */
export function shuffledIndices(generator: RandomGenerator, order: Int32Array): void {
  for (let i = 0; i < order.length; i++) order[i] = i;
  for (let i = order.length - 1; i > 0; i--) {
    const j = uniformInt(generator, 0, i);
    const held = order[i]!;
    order[i] = order[j]!;
    order[j] = held;
  }
}
