/**
 * The benchmark harness behind `npm run bench`.
 *
 * A bench file (`*.bench.ts` in this folder) exports `sections`: each section is a titled table
 * of cases run on the same data in the same run, so ratios between a case and its peer are
 * meaningful. Every case runs in a child process of its own, so the peak memory reported is
 * that case's alone: `peak MB` is the growth of the resident set (maxRSS) over what the process
 * held after setup.
 */
export interface BenchCase {
  /** Row label, e.g. "engine IRR" or "formulajs IRR". */
  name: string;
  /** Untimed preparation; its result is passed to `run`. */
  setup?: () => unknown;
  /** The timed work. May return a summary (e.g. how many results were correct) shown in the table. */
  run: (prepared: unknown) => unknown;
  /** Name of the case in the same section this one is compared with (ratio = this time / peer time). */
  peer?: string;
  /** Timed repetitions; the median is reported (default 3). */
  repeat?: number;
}

export interface BenchSection {
  title: string;
  /** One line saying what the workload is, printed under the title. */
  workload: string;
  cases: BenchCase[];
}

export interface CaseMeasurement {
  medianMs: number;
  peakMb: number;
  result: string;
}
