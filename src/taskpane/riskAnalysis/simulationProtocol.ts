/**
 * The messages between the task pane and the side that runs the trials (a Web Worker in the
 * add-in, the same code in-process in tests). Every message carries the run it belongs to, so a
 * late message from a cancelled run is never taken for the next run's.
 *
 * Pane → worker: `start` a run, `cancel` it. Worker → pane: `progress` (about ten a second),
 * then exactly one of `finished`, `cancelled` or `failed`.
 */
import type { BusinessCaseModel } from "../../engine/businessCaseModel";
import type { SimulationOptions, SimulationResult } from "../../engine/monteCarlo/simulation";
import type { Encoded } from "./moneyInMessages";

export interface StartMessage {
  kind: "start";
  run: number;
  model: Encoded<BusinessCaseModel>;
  options: SimulationOptions;
  /** Least time between two progress messages (100 ms: about ten a second). */
  progressIntervalMs: number;
  /** Time each chunk of trials aims to take; a cancel is seen between chunks. */
  chunkMs: number;
}

export interface CancelMessage {
  kind: "cancel";
  run: number;
}

export type PaneMessage = StartMessage | CancelMessage;

export interface ProgressMessage {
  kind: "progress";
  run: number;
  done: number;
  total: number;
}

export interface FinishedMessage {
  kind: "finished";
  run: number;
  result: Encoded<SimulationResult>;
  /** From receiving `start` to the summary being ready, in the worker. */
  elapsedMs: number;
}

export interface CancelledMessage {
  kind: "cancelled";
  run: number;
  /** Trials run before the cancel was seen; none of them is reported or written. */
  done: number;
  total: number;
}

export interface FailedMessage {
  kind: "failed";
  run: number;
  message: string;
  /** For the engine's own errors: what is at fault (e.g. "line 'ICT'") and what is wrong with it. */
  subject?: string;
  problem?: string;
}

export type WorkerMessage = ProgressMessage | FinishedMessage | CancelledMessage | FailedMessage;

/** About ten progress messages a second: smooth enough for a bar, few enough not to load the pane. */
export const progressIntervalMs = 100;

/** Chunks short enough that Cancel is seen within a few hundredths of a second. */
export const chunkMs = 25;
