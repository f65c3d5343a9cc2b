/**
 * The simulation protocol run in-process, exactly as the Web Worker runs it: the same seed gives
 * the same summary as calling the engine directly, whatever the chunk size; a cancel stops the run
 * and reports nothing; an engine refusal comes back naming the line; decimals survive the trip.
 */
import fc from "fast-check";
import { Money } from "../../src/engine/money";
import {
  type SimulationOptions,
  prepareSimulation,
  runTrials,
  summariseSimulation,
} from "../../src/engine/monteCarlo/simulation";
import { decodeMoney, encodeMoney } from "../../src/taskpane/riskAnalysis/moneyInMessages";
import {
  type SimulationModel,
  engineProblem,
  riskAnalysisActionsOverPort,
} from "../../src/taskpane/riskAnalysis/riskAnalysisActions";
import { nextChunkTrials, simulationHost } from "../../src/taskpane/riskAnalysis/simulationHost";
import type { PaneMessage, WorkerMessage } from "../../src/taskpane/riskAnalysis/simulationProtocol";
import {
  type SimulationProgressReport,
  inProcessSimulationRunner,
  lazySimulationRunner,
} from "../../src/taskpane/riskAnalysis/simulationRunner";
import { copyLikePostMessage, hampshireWorkbook } from "./riskAnalysisWorkbook";

let hampshire: SimulationModel;

beforeAll(async () => {
  const reading = await riskAnalysisActionsOverPort(hampshireWorkbook().port).readModel();
  if (reading.kind !== "ready") throw new Error(`the example did not read: ${JSON.stringify(reading)}`);
  hampshire = reading;
});

function options(seed: number, trials: number, extra: Partial<SimulationOptions> = {}): SimulationOptions {
  return { ...hampshire.cases, seed, trials, ...extra };
}

/** The engine called directly, in one go: what the worker must reproduce. */
function direct(run: SimulationOptions) {
  const state = prepareSimulation(hampshire.model, run);
  runTrials(state, state.trials);
  return encodeMoney(summariseSimulation(state));
}

describe("running a simulation through the protocol", () => {
  test("the same seed gives the same serialised result as summariseSimulation called directly", async () => {
    const run = options(7, 2000);
    const progress: SimulationProgressReport[] = [];
    const runner = inProcessSimulationRunner({ copyMessage: copyLikePostMessage });
    const outcome = await runner.start({ model: hampshire.model, options: run }, (p) => progress.push(p))
      .outcome;
    expect(outcome.kind).toBe("finished");
    if (outcome.kind !== "finished") return;
    expect(encodeMoney(outcome.result)).toEqual(direct(run));
    // Decoded values are decimals again, not plain objects left by the copy.
    expect(outcome.result.partners[0]!.netPresentValue.mean).toBeInstanceOf(Money);
    expect(progress.at(-1)).toEqual({ done: 2000, total: 2000 });
  });

  test.each([
    ["PERT, plain sampling", { distribution: "pert", sampling: "plain" }],
    ["triangular, Latin hypercube", { distribution: "triangular", sampling: "latinHypercube" }],
  ] as const)("%s: tiny chunks give the same result as one chunk", async (_, extra) => {
    const run = options(42, 600, extra);
    // A chunk target of 0 ms keeps every chunk at its smallest, so the run is split many ways.
    const runner = inProcessSimulationRunner({ copyMessage: copyLikePostMessage, chunkMs: 0 });
    const outcome = await runner.start({ model: hampshire.model, options: run }, () => {}).outcome;
    expect(outcome.kind === "finished" && encodeMoney(outcome.result)).toEqual(direct(run));
  });

  test("another seed gives another result", async () => {
    const runner = inProcessSimulationRunner({ copyMessage: copyLikePostMessage });
    const a = await runner.start({ model: hampshire.model, options: options(1, 500) }, () => {}).outcome;
    const b = await runner.start({ model: hampshire.model, options: options(2, 500) }, () => {}).outcome;
    expect(a.kind === "finished" && b.kind === "finished").toBe(true);
    if (a.kind !== "finished" || b.kind !== "finished") return;
    expect(encodeMoney(a.result.partners)).not.toEqual(encodeMoney(b.result.partners));
  });

  test("progress is reported at most about ten times a second, and at the end", async () => {
    const runner = inProcessSimulationRunner({ copyMessage: copyLikePostMessage, progressIntervalMs: 100 });
    const seen: { at: number; done: number }[] = [];
    const started = performance.now();
    const outcome = await runner.start({ model: hampshire.model, options: options(3, 20000) }, (p) =>
      seen.push({ at: performance.now(), done: p.done }),
    ).outcome;
    const elapsed = performance.now() - started;
    expect(outcome.kind).toBe("finished");
    // One at the start, one at the end, and one per 100 ms at most in between.
    expect(seen.length).toBeLessThanOrEqual(2 + Math.ceil(elapsed / 100));
    expect(seen.map((s) => s.done)).toEqual([...seen.map((s) => s.done)].sort((x, y) => x - y));
    expect(seen.at(-1)?.done).toBe(20000);
  });

  test("a cancel stops the run at the end of a chunk and reports how far it got, not a result", async () => {
    const runner = inProcessSimulationRunner({ copyMessage: copyLikePostMessage, progressIntervalMs: 0 });
    let cancel = () => {};
    let cancelledAt = -1;
    const running = runner.start({ model: hampshire.model, options: options(5, 100000) }, (p) => {
      if (p.done > 0 && cancelledAt < 0) {
        cancelledAt = p.done;
        cancel();
      }
    });
    cancel = running.cancel;
    const outcome = await running.outcome;
    expect(outcome.kind).toBe("cancelled");
    if (outcome.kind !== "cancelled") return;
    expect(outcome.total).toBe(100000);
    expect(outcome.done).toBeGreaterThanOrEqual(cancelledAt);
    expect(outcome.done).toBeLessThan(100000);
  });

  test("a run started after a cancelled one is unaffected by it", async () => {
    const runner = inProcessSimulationRunner({ copyMessage: copyLikePostMessage });
    const first = runner.start({ model: hampshire.model, options: options(9, 50000) }, () => {});
    first.cancel();
    const second = runner.start({ model: hampshire.model, options: options(9, 300) }, () => {});
    expect((await first.outcome).kind).toBe("cancelled");
    const outcome = await second.outcome;
    expect(outcome.kind === "finished" && encodeMoney(outcome.result)).toEqual(direct(options(9, 300)));
  });

  test("an engine refusal comes back with the line it names, and the pane points at its cell", async () => {
    const line = hampshire.model.lines.find((l) => l.values["Best"] !== undefined)!;
    const broken = {
      ...hampshire.model,
      lines: hampshire.model.lines.map((l) =>
        l === line ? { ...l, values: { ...l.values, Base: new Money(1e9) } } : l,
      ),
      cases: [...hampshire.model.cases, { name: "Base" }],
    };
    const runner = inProcessSimulationRunner({ copyMessage: copyLikePostMessage });
    const outcome = await runner.start(
      { model: broken, options: { ...options(1, 100), baseCase: "Base" } },
      () => {},
    ).outcome;
    expect(outcome).toMatchObject({ kind: "failed", subject: `line '${line.label}'` });
    if (outcome.kind !== "failed") return;
    const problem = engineProblem(hampshire, outcome);
    expect(problem.message).toContain(`line '${line.label}'`);
    expect(problem.location).toEqual(hampshire.lineCells.get(line.label));
    expect(problem.location?.sheet).toBe("Lines");
  });

  test("invalid options are refused by the engine in the worker, with its message", async () => {
    const runner = inProcessSimulationRunner({ copyMessage: copyLikePostMessage });
    const outcome = await runner.start({ model: hampshire.model, options: options(1, 0) }, () => {}).outcome;
    expect(outcome).toMatchObject({ kind: "failed", subject: "trials" });
  });

  test("the host answers a start with progress then exactly one finished message", async () => {
    const posted: WorkerMessage[] = [];
    const receive = simulationHost({
      post: (m) => posted.push(copyLikePostMessage(m)),
      yieldToEvents: () => new Promise((resolve) => setTimeout(resolve, 0)),
      now: () => performance.now(),
    });
    const start: PaneMessage = {
      kind: "start",
      run: 4,
      model: encodeMoney(hampshire.model),
      options: options(4, 200),
      progressIntervalMs: 100,
      chunkMs: 25,
    };
    receive(copyLikePostMessage(start));
    await new Promise<void>((resolve) => {
      const wait = () => (posted.some((m) => m.kind !== "progress") ? resolve() : setTimeout(wait, 5));
      wait();
    });
    expect(posted.every((m) => m.run === 4)).toBe(true);
    expect(posted.filter((m) => m.kind !== "progress").map((m) => m.kind)).toEqual(["finished"]);
    expect(posted[0]).toEqual({ kind: "progress", run: 4, done: 0, total: 200 });
  });

  test("a runner that cannot load reports a failure, and a cancel before it loads starts nothing", async () => {
    const failing = lazySimulationRunner(() => Promise.reject(new Error("chunk 12 failed to load")));
    const failed = await failing.start({ model: hampshire.model, options: options(1, 10) }, () => {}).outcome;
    expect(failed).toEqual({
      kind: "failed",
      message: "The simulation could not start: chunk 12 failed to load",
    });
    let started = 0;
    const slow = lazySimulationRunner(async () => ({
      start: () => {
        started++;
        return { outcome: new Promise(() => {}), cancel: () => {} };
      },
    }));
    const running = slow.start({ model: hampshire.model, options: options(1, 10) }, () => {});
    running.cancel();
    expect(await running.outcome).toEqual({ kind: "cancelled", done: 0, total: 10 });
    expect(started).toBe(0);
  });
});

describe("decimals in messages", () => {
  const decimal = fc
    .tuple(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.integer({ min: -40, max: 40 }))
    .map(([digits, exponent]) => new Money(`${digits}e${exponent}`));
  const tree = fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: "small" },
      decimal,
      fc.string(),
      fc.double({ noNaN: true }),
      fc.constantFrom(null, true, "notQuantified"),
      fc.array(tie("node"), { maxLength: 4 }),
      fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), tie("node"), { maxKeys: 4 }),
    ),
  })).node;

  test("encoding, copying as postMessage does, and decoding gives back equal decimals and everything else unchanged", () => {
    fc.assert(
      fc.property(tree, (value) => {
        const back = decodeMoney(copyLikePostMessage(encodeMoney(value)));
        expect(sameTree(back, value)).toBe(true);
      }),
    );
  });

  test("negative zero keeps its sign", () => {
    const back = decodeMoney<{ zero: Money }>(encodeMoney({ zero: new Money("-0") }));
    expect(back.zero.isZero() && back.zero.isNegative()).toBe(true);
  });

  test("a decimal sent without encoding is refused by the copy, which is why the encoding exists", () => {
    expect(() => copyLikePostMessage({ npv: new Money(1) })).toThrow();
  });

  test("values the copy would change are refused when encoding, naming where they are", () => {
    expect(() => encodeMoney({ lines: [{ parts: new Map() }] })).toThrow("message.lines[0].parts is a Map");
    expect(() => encodeMoney({ f: () => 1 })).toThrow("message.f is a function");
  });
});

describe("chunk sizes", () => {
  test("the next chunk is a whole number of trials from 1 to 100,000, at most double or half the last", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100000 }),
        fc.double({ min: 0, max: 10000, noNaN: true }),
        fc.double({ min: 0, max: 1000, noNaN: true }),
        (trials, spent, target) => {
          const next = nextChunkTrials(trials, spent, target);
          expect(Number.isInteger(next)).toBe(true);
          expect(next).toBeGreaterThanOrEqual(Math.max(1, Math.round(trials / 2)));
          expect(next).toBeLessThanOrEqual(Math.min(100000, trials * 2));
        },
      ),
    );
  });

  test("a chunk that took twice the target halves; one that took half doubles", () => {
    expect(nextChunkTrials(400, 50, 25)).toBe(200);
    expect(nextChunkTrials(400, 12.5, 25)).toBe(800);
  });
});

function sameTree(a: unknown, b: unknown): boolean {
  if (Money.isDecimal(a) || Money.isDecimal(b)) {
    return (
      Money.isDecimal(a) &&
      Money.isDecimal(b) &&
      (a as Money).equals(b as Money) &&
      (a as Money).isNegative() === (b as Money).isNegative()
    );
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameTree(x, b[i]))
    );
  }
  if (a !== null && b !== null && typeof a === "object" && typeof b === "object") {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every((k) => sameTree((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
    );
  }
  return Object.is(a, b);
}
