/**
 * The side of the protocol that runs the trials: prepares the simulation (every random draw is made
 * here, from the seed), runs it in chunks sized to take about `chunkMs`, yields between chunks so a
 * cancel can arrive, reports progress about ten times a second and posts the summary when done.
 * The Web Worker and the in-process runner used by tests both run exactly this code.
 */
import type { BusinessCaseModel } from "../../engine/businessCaseModel";
import { EngineError } from "../../engine/errors";
import {
  largestTrialCount,
  prepareSimulation,
  progressOf,
  runTrials,
  type SimulationState,
  summariseSimulation,
} from "../../engine/monteCarlo/simulation";
import { decodeMoney, encodeMoney } from "./moneyInMessages";
import type { FailedMessage, PaneMessage, StartMessage, WorkerMessage } from "./simulationProtocol";

export interface SimulationHostEnvironment {
  post(message: WorkerMessage): void;
  /** Resolves after messages already queued (a cancel) have been delivered. */
  yieldToEvents(): Promise<void>;
  /** Milliseconds from a fixed point (`performance.now`). */
  now(): number;
}

/** Trials in the first chunk, before the host has timed one. */
const firstChunkTrials = 64;

/**
 * Returns the handler for messages from the pane. Runs are independent: a cancel stops only the
 * run it names, and is ignored once that run has ended.
 *
 * @example
 * const receive = simulationHost({ post: (m) => self.postMessage(m), yieldToEvents, now: () => performance.now() });
 * self.onmessage = (event) => receive(event.data);
 */
export function simulationHost(environment: SimulationHostEnvironment): (message: PaneMessage) => void {
  const active = new Map<number, { cancelled: boolean }>();

  async function run(start: StartMessage): Promise<void> {
    const control = { cancelled: false };
    active.set(start.run, control);
    const began = environment.now();
    try {
      const state = prepareSimulation(decodeMoney<BusinessCaseModel>(start.model), start.options);
      environment.post({ kind: "progress", run: start.run, done: 0, total: state.trials });
      let lastProgress = environment.now();
      let chunk = firstChunkTrials;
      for (;;) {
        await environment.yieldToEvents();
        if (control.cancelled) {
          const { done, total } = progressOf(state);
          environment.post({ kind: "cancelled", run: start.run, done, total });
          return;
        }
        const chunkStarted = environment.now();
        const progress = runTrials(state, chunk);
        const now = environment.now();
        chunk = nextChunkTrials(chunk, now - chunkStarted, start.chunkMs);
        if (progress.finished) break;
        if (now - lastProgress >= start.progressIntervalMs) {
          environment.post({ kind: "progress", run: start.run, done: progress.done, total: progress.total });
          lastProgress = now;
        }
      }
      environment.post(finalProgress(start.run, state));
      const result = encodeMoney(summariseSimulation(state));
      environment.post({ kind: "finished", run: start.run, result, elapsedMs: environment.now() - began });
    } catch (error) {
      environment.post(failure(start.run, error));
    } finally {
      active.delete(start.run);
    }
  }

  return (message) => {
    if (message.kind === "cancel") {
      const control = active.get(message.run);
      if (control) control.cancelled = true;
      return;
    }
    void run(message);
  };
}

/**
 * Scales the next chunk so it takes about `targetMs`, changing by at most a factor of two each time
 * so one slow chunk (a garbage collection) does not shrink the next to nothing.
 *
 * @example
 * nextChunkTrials(100, 50, 25); // 50
 */
export function nextChunkTrials(trials: number, spentMs: number, targetMs: number): number {
  const factor = spentMs <= 0 ? 2 : Math.min(2, Math.max(0.5, targetMs / spentMs));
  return Math.min(largestTrialCount, Math.max(1, Math.round(trials * factor)));
}

function finalProgress(run: number, state: SimulationState): WorkerMessage {
  const { done, total } = progressOf(state);
  return { kind: "progress", run, done, total };
}

function failure(run: number, error: unknown): FailedMessage {
  if (error instanceof EngineError) {
    return { kind: "failed", run, message: error.message, subject: error.subject, problem: error.problem };
  }
  const message = error instanceof Error && error.message ? error.message : String(error);
  return { kind: "failed", run, message };
}
