/**
 * The Risk analysis panel's state and the calls it makes: read and check the business case, run
 * the Monte Carlo simulation through a runner (a Web Worker in the add-in), report progress, and
 * write the CBA Simulation sheet, or write nothing when cancelled, refused or failed.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { SimulationOptions } from "../../engine/monteCarlo/simulation";
import type { WorkbookProblem } from "../workbookActions";
import { engineProblem, type RiskAnalysisActions } from "./riskAnalysisActions";
import {
  initialRiskAnalysisDraft,
  runSettingsFromDraft,
  type RiskAnalysisDraft,
  type RiskAnalysisField,
} from "./riskAnalysisDraft";
import { riskAnalysisSummary, type RiskAnalysisSummary } from "./riskAnalysisSummary";
import type { RunningSimulation, SimulationRunner } from "./simulationRunner";

/** What the panel is doing; anything but "idle" locks the settings. */
export type RiskAnalysisStatus =
  | { kind: "idle" }
  | { kind: "reading" }
  | { kind: "running"; done: number; total: number }
  | { kind: "cancelling"; done: number; total: number }
  | { kind: "writing"; total: number };

/** How the last run ended; cleared when the next one starts. */
export type RiskAnalysisOutcome =
  | { kind: "written"; summary: RiskAnalysisSummary; elapsedMs: number }
  | { kind: "cancelled"; done: number; total: number }
  /** Nothing was written: the inputs, or the sheet to write, have problems. */
  | { kind: "invalid"; problems: WorkbookProblem[] }
  /** Nothing was written: something unexpected (Excel refused a call, the worker stopped). */
  | { kind: "failed"; message: string };

export interface RiskAnalysisState {
  draft: RiskAnalysisDraft;
  errors: Partial<Record<RiskAnalysisField, string>>;
  status: RiskAnalysisStatus;
  outcome: RiskAnalysisOutcome | null;
}

export interface RiskAnalysisCommands {
  edit(change: Partial<RiskAnalysisDraft>): void;
  run(): Promise<void>;
  /** Stops a run before anything is written; does nothing once writing has begun. */
  cancel(): void;
}

const initialState: RiskAnalysisState = {
  draft: initialRiskAnalysisDraft,
  errors: {},
  status: { kind: "idle" },
  outcome: null,
};

const performanceNow = () => performance.now();

/**
 * `actions` reads and writes the workbook; `runner` runs the trials (a Web Worker in the add-in);
 * `now` times the run (milliseconds).
 */
export function useRiskAnalysis(
  actions: RiskAnalysisActions,
  runner: SimulationRunner,
  now: () => number = performanceNow,
): { state: RiskAnalysisState; commands: RiskAnalysisCommands } {
  const [state, setState] = useState<RiskAnalysisState>(initialState);
  // Refs as well as state: a second click in the same frame must not start a second run, and a
  // cancel must reach the run even before React has re-rendered.
  const busy = useRef(false);
  const writing = useRef(false);
  const cancelRequested = useRef(false);
  const running = useRef<RunningSimulation | undefined>(undefined);

  useEffect(
    () => () => {
      // The pane is closing: stop the worker's run; nothing will be written.
      cancelRequested.current = true;
      running.current?.cancel();
    },
    [],
  );

  const edit = useCallback((change: Partial<RiskAnalysisDraft>) => {
    setState((s) => (s.status.kind === "idle" ? { ...s, draft: { ...s.draft, ...change } } : s));
  }, []);

  const draft = state.draft;
  const run = useCallback(async () => {
    if (busy.current) return;
    const check = runSettingsFromDraft(draft);
    if (!check.ok) {
      setState((s) => ({ ...s, errors: check.errors }));
      return;
    }
    busy.current = true;
    cancelRequested.current = false;
    const started = now();
    const finish = (outcome: RiskAnalysisOutcome) => setState((s) => ({ ...s, outcome }));
    setState((s) => ({ ...s, errors: {}, outcome: null, status: { kind: "reading" } }));
    try {
      const reading = await actions.readModel();
      if (reading.kind === "invalid") return finish({ kind: "invalid", problems: reading.problems });
      const { trials, seed, sampling, distribution } = check.values;
      if (cancelRequested.current) return finish({ kind: "cancelled", done: 0, total: trials });

      const options: SimulationOptions = {
        ...reading.cases,
        trials,
        seed: seed ?? reading.workbookSeed ?? 1,
        sampling,
        distribution,
      };
      setState((s) => ({ ...s, status: { kind: "running", done: 0, total: trials } }));
      const simulation = runner.start({ model: reading.model, options }, ({ done, total }) =>
        setState((s) =>
          s.status.kind === "running" || s.status.kind === "cancelling"
            ? { ...s, status: { kind: s.status.kind, done, total } }
            : s,
        ),
      );
      running.current = simulation;
      const outcome = await simulation.outcome;
      running.current = undefined;

      // A cancel that crossed the finished message still means "write nothing".
      if (outcome.kind === "cancelled" || cancelRequested.current) {
        return finish({
          kind: "cancelled",
          done: outcome.kind === "cancelled" ? outcome.done : trials,
          total: trials,
        });
      }
      if (outcome.kind === "failed") {
        return finish(
          outcome.subject !== undefined
            ? { kind: "invalid", problems: [engineProblem(reading, outcome)] }
            : { kind: "failed", message: outcome.message },
        );
      }
      writing.current = true;
      setState((s) => ({ ...s, status: { kind: "writing", total: trials } }));
      const written = await actions.writeResults(outcome.result, options);
      if (written.kind === "invalid") return finish({ kind: "invalid", problems: written.problems });
      finish({
        kind: "written",
        elapsedMs: now() - started,
        summary: riskAnalysisSummary(outcome.result, reading, options, {
          simulationMs: outcome.elapsedMs,
          sheet: written.sheet,
          cellsWritten: written.cells,
        }),
      });
    } catch (error) {
      finish({ kind: "failed", message: messageOf(error) });
    } finally {
      running.current = undefined;
      writing.current = false;
      busy.current = false;
      setState((s) => ({ ...s, status: { kind: "idle" } }));
    }
  }, [actions, runner, now, draft]);

  const cancel = useCallback(() => {
    // Writing is one batch that cannot be taken back half-way; a cancel then comes too late.
    if (!busy.current || writing.current) return;
    cancelRequested.current = true;
    running.current?.cancel();
    setState((s) => {
      if (s.status.kind === "running") return { ...s, status: { ...s.status, kind: "cancelling" } };
      if (s.status.kind === "reading") return { ...s, status: { kind: "cancelling", done: 0, total: 0 } };
      return s;
    });
  }, []);

  return { state, commands: { edit, run, cancel } };
}

function messageOf(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === "string" && error) return error;
  return "Excel did not say why. Try again; if it keeps failing, reopen the workbook.";
}
