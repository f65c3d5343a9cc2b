/**
 * How the pane asks for a simulation, whatever runs it: a Web Worker in the add-in
 * (`workerSimulationRunner`), or the same host code in-process, in chunks, where there is no
 * Worker (jest's jsdom). Both speak the message protocol of simulationProtocol.ts.
 */
import type { BusinessCaseModel } from "../../engine/businessCaseModel";
import type { SimulationOptions, SimulationResult } from "../../engine/monteCarlo/simulation";
import { decodeMoney, encodeMoney } from "./moneyInMessages";
import { simulationHost } from "./simulationHost";
import { chunkMs, type PaneMessage, progressIntervalMs, type WorkerMessage } from "./simulationProtocol";

export interface SimulationRequest {
  model: BusinessCaseModel;
  options: SimulationOptions;
}

export interface SimulationProgressReport {
  done: number;
  total: number;
}

export type SimulationOutcome =
  | { kind: "finished"; result: SimulationResult; elapsedMs: number }
  | { kind: "cancelled"; done: number; total: number }
  | { kind: "failed"; message: string; subject?: string; problem?: string };

export interface RunningSimulation {
  /** Settles once, with the summary, the point it was cancelled at, or why it failed; never rejects. */
  outcome: Promise<SimulationOutcome>;
  /** Asks the run to stop; it stops at the end of the chunk it is in, and nothing is reported. */
  cancel(): void;
}

export interface SimulationRunner {
  start(
    request: SimulationRequest,
    onProgress: (progress: SimulationProgressReport) => void,
  ): RunningSimulation;
}

/**
 * A connection to the side that runs the trials: `connect` is given where to deliver its messages
 * and whom to tell if it breaks (a worker that fails to load), and returns how to send to it.
 */
export type SimulationConnector = (
  deliver: (message: WorkerMessage) => void,
  broken: (reason: string) => void,
) => (message: PaneMessage) => void;

/**
 * A runner over any connection that speaks the protocol. It connects on the first run and keeps
 * the connection for later runs; after a break, the next run connects afresh.
 *
 * @example
 * const runner = simulationRunnerOverChannel((deliver) => { worker.onmessage = (e) => deliver(e.data); return (m) => worker.postMessage(m); });
 */
export function simulationRunnerOverChannel(connect: SimulationConnector): SimulationRunner {
  let send: ((message: PaneMessage) => void) | undefined;
  let lastRun = 0;
  const pending = new Map<
    number,
    { settle: (outcome: SimulationOutcome) => void; onProgress: (progress: SimulationProgressReport) => void }
  >();

  const deliver = (message: WorkerMessage) => {
    const waiting = pending.get(message.run);
    if (!waiting) return;
    switch (message.kind) {
      case "progress":
        waiting.onProgress({ done: message.done, total: message.total });
        return;
      case "finished":
        waiting.settle({
          kind: "finished",
          result: decodeMoney<SimulationResult>(message.result),
          elapsedMs: message.elapsedMs,
        });
        return;
      case "cancelled":
        waiting.settle({ kind: "cancelled", done: message.done, total: message.total });
        return;
      case "failed": {
        const outcome: SimulationOutcome = { kind: "failed", message: message.message };
        if (message.subject !== undefined) outcome.subject = message.subject;
        if (message.problem !== undefined) outcome.problem = message.problem;
        waiting.settle(outcome);
        return;
      }
    }
  };
  const broken = (reason: string) => {
    send = undefined;
    for (const waiting of [...pending.values()]) waiting.settle({ kind: "failed", message: reason });
  };

  return {
    start(request, onProgress) {
      const run = ++lastRun;
      const outcome = new Promise<SimulationOutcome>((resolve) => {
        pending.set(run, {
          onProgress,
          settle: (result) => {
            pending.delete(run);
            resolve(result);
          },
        });
      });
      try {
        send ??= connect(deliver, broken);
        send({
          kind: "start",
          run,
          model: encodeMoney(request.model),
          options: request.options,
          progressIntervalMs,
          chunkMs,
        });
      } catch (error) {
        pending.get(run)?.settle({ kind: "failed", message: messageOf(error) });
      }
      return {
        outcome,
        cancel: () => {
          if (pending.has(run)) send?.({ kind: "cancel", run });
        },
      };
    },
  };
}

export interface InProcessRunnerOptions {
  /**
   * Copies each message as `postMessage` would. Default: `structuredClone` where the environment
   * has it; tests under jsdom pass Node's `v8.deserialize(v8.serialize(m))`, the same algorithm.
   */
  copyMessage?: <T>(message: T) => T;
  /** Default 100 ms, as in the worker. */
  progressIntervalMs?: number;
  /** Default 25 ms, as in the worker. */
  chunkMs?: number;
}

/**
 * The worker's host run in this thread, with every message copied and delivered asynchronously as
 * `postMessage` would, and a macrotask between chunks so a cancel can arrive. For tests and for
 * environments without Web Workers; it shares the thread with the pane, so the pane is only as
 * responsive as one chunk is short.
 *
 * @example
 * const running = inProcessSimulationRunner().start({ model, options: { trials: 2000, seed: 7 } }, console.log);
 */
export function inProcessSimulationRunner(options: InProcessRunnerOptions = {}): SimulationRunner {
  const copy =
    options.copyMessage ??
    (typeof structuredClone === "function" ? <T>(message: T) => structuredClone(message) : <T>(m: T) => m);
  const later = (task: () => void) => void setTimeout(task, 0);
  // Tests may ask for other intervals; the protocol carries them in the start message.
  const adjusted = (message: PaneMessage): PaneMessage =>
    message.kind === "start"
      ? {
          ...message,
          progressIntervalMs: options.progressIntervalMs ?? message.progressIntervalMs,
          chunkMs: options.chunkMs ?? message.chunkMs,
        }
      : message;
  return simulationRunnerOverChannel((deliver) => {
    const receive = simulationHost({
      post: (message) => {
        const copied = copy(message);
        later(() => deliver(copied));
      },
      yieldToEvents: () => new Promise((resolve) => setTimeout(resolve, 0)),
      now: () => performance.now(),
    });
    return (message) => {
      const copied = copy(adjusted(message));
      later(() => receive(copied));
    };
  });
}

/**
 * A runner made when first needed: the add-in loads its worker code only when a user first runs a
 * simulation. A cancel before the runner has loaded stops the run before it starts.
 *
 * @example
 * const runner = lazySimulationRunner(() => import("./workerSimulationRunner").then((m) => m.workerSimulationRunner()));
 */
export function lazySimulationRunner(load: () => Promise<SimulationRunner>): SimulationRunner {
  let loading: Promise<SimulationRunner> | undefined;
  return {
    start(request, onProgress) {
      let cancelled = false;
      let running: RunningSimulation | undefined;
      loading ??= load();
      const attempt = loading;
      const outcome = attempt.then(
        (runner) => {
          if (cancelled) return { kind: "cancelled", done: 0, total: request.options.trials ?? 0 } as const;
          running = runner.start(request, onProgress);
          return running.outcome;
        },
        (error: unknown): SimulationOutcome => {
          // Let the next run try loading again (the add-in's files may have been unreachable).
          if (loading === attempt) loading = undefined;
          return { kind: "failed", message: `The simulation could not start: ${messageOf(error)}` };
        },
      );
      return {
        outcome,
        cancel: () => {
          cancelled = true;
          running?.cancel();
        },
      };
    },
  };
}

function messageOf(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return String(error);
}

/**
 * The runner the add-in uses: a Web Worker, whose code is loaded on the first run; in-process
 * where the host has no Web Workers.
 *
 * @example
 * const runner = addinSimulationRunner();
 */
export function addinSimulationRunner(): SimulationRunner {
  if (typeof Worker === "undefined") return inProcessSimulationRunner();
  return lazySimulationRunner(() =>
    import(/* webpackChunkName: "simulation-runner" */ "./workerSimulationRunner").then((module) =>
      module.workerSimulationRunner(),
    ),
  );
}
