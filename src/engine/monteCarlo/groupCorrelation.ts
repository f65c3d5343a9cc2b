import type { RandomGenerator } from "pure-rand/types/RandomGenerator";
import { EngineError } from "../errors";
import { imposeRankCorrelation, ranksOf } from "./rankCorrelation";

/*
 * Correlation between groups of lines. Inside a group the lines already move together (the same
 * ranks, or a within-group rank correlation); between groups each group is represented by its
 * first line, the "leader". The leaders' draws are rank-correlated with Iman–Conover, and every
 * other line of a group follows its leader by the same reordering of trials. Reordering whole
 * trials keeps each line's values (its distribution and Latin hypercube strata) and the group's
 * inner correlation, and lines of different groups end up correlated by about the between-group
 * correlation times the within-group one: a common shock, in ranks.
 */

/**
 * Rank-correlates groups of draws with each other at `correlation` (0 to 1). `groups` lists each
 * group's inputs (rows of `draws`, stored input by input), leader first; a line in no group is a
 * group of its own. Correlation 0, or fewer than two groups, leaves the draws as they are and
 * takes nothing from the generator, so results without it are exactly what they were.
 *
 * @example
 * correlateGroups(draws, 1000, [[0, 1], [2]], 0.5, seededGenerator(4)); // lines 0 and 1 keep their ranks together; line 2 correlates with them
 */
export function correlateGroups(
  draws: Float64Array,
  trials: number,
  groups: readonly (readonly number[])[],
  correlation: number,
  generator: RandomGenerator,
  subject = "correlation between groups",
): void {
  readCorrelation(correlation, subject);
  const used = groups.filter((members) => members.length > 0);
  if (correlation === 0 || used.length < 2 || trials < 2) return;
  const count = used.length;
  // The leaders' draws, copied so that their old order stays readable.
  const leaders = new Float64Array(count * trials);
  used.forEach((members, g) =>
    leaders.set(draws.subarray(members[0]! * trials, (members[0]! + 1) * trials), g * trials),
  );
  const before = used.map((_, g) => ranksOf(leaders.subarray(g * trials, (g + 1) * trials)));
  const target = used.map((_, a) => used.map((__, b) => (a === b ? 1 : correlation)));
  imposeRankCorrelation(
    leaders,
    trials,
    used.map((_, g) => g),
    target,
    generator,
    subject,
  );
  const column = new Float64Array(trials);
  used.forEach((members, g) => {
    const after = ranksOf(leaders.subarray(g * trials, (g + 1) * trials));
    // trialOfRank[r]: the trial where the leader had rank r; trial i now takes the trial whose
    // leader held the rank the leader now has in trial i, for every line of the group alike.
    const trialOfRank = new Int32Array(trials);
    for (let i = 0; i < trials; i++) trialOfRank[before[g]![i]!] = i;
    for (const input of members) {
      const row = draws.subarray(input * trials, (input + 1) * trials);
      column.set(row);
      for (let i = 0; i < trials; i++) row[i] = column[trialOfRank[after[i]!]!]!;
    }
  });
}

/**
 * Checks a correlation setting: a number from 0 to 1.
 *
 * @example
 * readCorrelation(0.5, "correlation between groups") // → 0.5
 */
export function readCorrelation(value: unknown, subject: string): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || value > 1) {
    throw new EngineError("invalidNumber", subject, `must be a number from 0 to 1 (got ${String(value)})`);
  }
  return value;
}
