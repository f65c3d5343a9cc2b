/**
 * The task pane's state and every call it makes to the workbook. Views receive what this hook
 * returns as props and never call the workbook themselves, so each view can be shown in any state.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import {
  draftFromSettings,
  settingsFromDraft,
  type SettingsDraft,
  type SettingsField,
} from "./settingsDraft";
import { defaultSampleWorkbook, sampleWorkbookNamed } from "../workbook/samples/sampleWorkbooks";
import type {
  BoardSummary,
  CellLocation,
  RefreshOutcome,
  RefreshSection,
  RefreshStage,
  ResultStamp,
  WorkbookActions,
  WorkbookInspection,
} from "./workbookActions";

/** What the pane is doing right now; while anything runs, every workbook action is disabled. */
export type Activity =
  | { kind: "idle" }
  | { kind: "checking" }
  | { kind: "refreshing"; section: RefreshSection; stage: RefreshStage | null }
  | { kind: "insertingExample"; example: string }
  | { kind: "insertingTemplate" }
  | { kind: "savingSettings" };

/** A failure the pane did not expect (Excel refused a call, the workbook was closed, …). */
export interface PaneFailure {
  title: string;
  message: string;
}

export type InspectionState =
  { status: "loading" } | { status: "ready"; inspection: WorkbookInspection } | { status: "failed" };

/**
 * Where the focus goes once an action ends: the message saying how it went, so a keyboard or
 * screen-reader user lands on the outcome rather than on a button that was disabled while it ran.
 */
export type OutcomeTarget = "check" | "refresh" | "notice" | "failure" | "settingsErrors";

export interface TaskPaneState {
  inspection: InspectionState;
  activity: Activity;
  /** The last refresh's outcome (written or refused); cleared when another action starts. */
  lastRefresh: RefreshOutcome | null;
  /** The latest board summary, kept while later refreshes are refused so figures stay visible. */
  summary: BoardSummary | null;
  /** What the summary was computed from; null before the first successful refresh. */
  summaryStamp: ResultStamp | null;
  /** True once the inputs read differently from `summaryStamp`: the summary is marked out of date. */
  summaryOutOfDate: boolean;
  failure: PaneFailure | null;
  /** A one-line confirmation of the last action that succeeded without a refresh, e.g. "Settings saved". */
  notice: string | null;
  settingsDraft: SettingsDraft | null;
  settingsErrors: Partial<Record<SettingsField, string>>;
  /** Refreshes write values instead of live formulas (for readers without the add-in). */
  valuesOnly: boolean;
  /** The outcome to focus; `request` grows with every action that ends, so the same target refocuses. */
  focus: { target: OutcomeTarget; request: number } | null;
}

export interface TaskPaneCommands {
  checkWorkbook(): Promise<void>;
  refresh(section: RefreshSection): Promise<void>;
  /** Chooses whether later refreshes write values only. */
  setValuesOnly(valuesOnly: boolean): void;
  /** Inserts a worked example by name (default Hampshire). */
  insertExample(example?: string): Promise<void>;
  insertTemplate(): Promise<void>;
  editSettings(change: Partial<SettingsDraft>): void;
  saveSettings(): Promise<void>;
  resetSettings(): void;
  select(location: CellLocation): Promise<void>;
  dismissFailure(): void;
}

const initialState: TaskPaneState = {
  inspection: { status: "loading" },
  activity: { kind: "idle" },
  lastRefresh: null,
  summary: null,
  summaryStamp: null,
  summaryOutOfDate: false,
  failure: null,
  notice: null,
  settingsDraft: null,
  settingsErrors: {},
  valuesOnly: false,
  focus: null,
};

function focusOn(state: TaskPaneState, target: OutcomeTarget): TaskPaneState["focus"] {
  return { target, request: (state.focus?.request ?? 0) + 1 };
}

/** How long the pane waits after the last change event before re-checking (edits come in bursts). */
const defaultRecheckDelayMs = 400;

export interface TaskPaneControllerOptions {
  recheckDelayMs?: number;
}

export function useTaskPaneController(
  actions: WorkbookActions,
  options: TaskPaneControllerOptions = {},
): {
  state: TaskPaneState;
  commands: TaskPaneCommands;
} {
  const [state, setState] = useState<TaskPaneState>(initialState);
  // Read by the refresh callback, which must not change identity whenever the choice does.
  const valuesOnly = useRef(initialState.valuesOnly);
  // A ref as well as state: two clicks in the same frame must not both start an action.
  const busy = useRef(false);

  /** Runs one workbook action at a time; turns an unexpected failure into a message. */
  const run = useCallback(
    async (
      activity: Activity,
      failureTitle: string,
      action: () => Promise<void>,
      outcome: OutcomeTarget | null,
    ): Promise<void> => {
      if (busy.current) return;
      busy.current = true;
      setState((s) => ({ ...s, activity, failure: null, notice: null }));
      let failed = false;
      try {
        await action();
      } catch (error) {
        failed = true;
        setState((s) => ({ ...s, failure: { title: failureTitle, message: messageOf(error) } }));
      } finally {
        busy.current = false;
        setState((s) => ({
          ...s,
          activity: { kind: "idle" },
          focus: failed ? focusOn(s, "failure") : outcome ? focusOn(s, outcome) : s.focus,
        }));
      }
    },
    [],
  );

  const inspectNow = useCallback(async (): Promise<void> => {
    try {
      const inspection = await actions.inspect();
      setState((s) => ({
        ...s,
        inspection: { status: "ready", inspection },
        ...staleness(s, inspection.inputFingerprint),
        // The draft follows the workbook unless the user is part-way through editing it.
        settingsDraft:
          s.settingsDraft && isEdited(s) ? s.settingsDraft : draftFromSettings(inspection.settings),
        settingsErrors: s.settingsDraft && isEdited(s) ? s.settingsErrors : {},
      }));
    } catch (error) {
      setState((s) => ({ ...s, inspection: { status: "failed" } }));
      throw error;
    }
  }, [actions]);

  const checkWorkbook = useCallback(
    () => run({ kind: "checking" }, "Could not check the workbook", inspectNow, "check"),
    [run, inspectNow],
  );

  // The first check runs as the pane opens: its outcome is shown but takes no focus from the page.
  useEffect(() => {
    void run({ kind: "checking" }, "Could not check the workbook", inspectNow, null);
  }, [run, inspectNow]);

  const refresh = useCallback(
    (section: RefreshSection) =>
      run(
        { kind: "refreshing", section, stage: null },
        "Could not refresh the results",
        async () => {
          setState((s) => ({ ...s, lastRefresh: null }));
          const outcome = await actions.refresh(
            section,
            (stage) =>
              setState((s) =>
                s.activity.kind === "refreshing" ? { ...s, activity: { ...s.activity, stage } } : s,
              ),
            { valuesOnly: valuesOnly.current },
          );
          setState((s) => ({
            ...s,
            lastRefresh: outcome,
            summary: outcome.kind === "written" ? outcome.summary : s.summary,
            summaryStamp: outcome.kind === "written" ? outcome.stamp : s.summaryStamp,
          }));
          // The workbook changed or was found wanting: the check view must agree with what the refresh saw.
          await inspectNow();
        },
        "refresh",
      ),
    [run, actions, inspectNow],
  );

  // Re-checks quietly (no "Checking…", no failure shown) a moment after the workbook changes or the
  // pane regains focus: the out-of-date mark follows the inputs, and a fixed error disappears.
  const recheckDelayMs = options.recheckDelayMs ?? defaultRecheckDelayMs;
  const recheckTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const scheduleRecheck = useCallback(() => {
    if (recheckTimer.current !== null) clearTimeout(recheckTimer.current);
    recheckTimer.current = setTimeout(() => {
      recheckTimer.current = null;
      // An action in progress re-checks when it ends, or writes what it read: try again after it.
      if (busy.current) {
        scheduleRecheck();
        return;
      }
      inspectNow().catch(() => {
        // A failed background check changes nothing; the next change or a Check tries again.
      });
    }, recheckDelayMs);
  }, [inspectNow, recheckDelayMs]);

  useEffect(() => {
    let stop: (() => Promise<void>) | null = null;
    let unmounted = false;
    actions
      .watchChanges?.(scheduleRecheck)
      .then((stopWatching) => {
        if (unmounted) void stopWatching?.();
        else stop = stopWatching;
      })
      .catch(() => {
        // No change events: the focus and Check re-checks below still find edits.
      });
    // Where there are change events this is a second chance; where there are none, the only one.
    window.addEventListener("focus", scheduleRecheck);
    return () => {
      unmounted = true;
      window.removeEventListener("focus", scheduleRecheck);
      if (recheckTimer.current !== null) clearTimeout(recheckTimer.current);
      void stop?.().catch(() => undefined);
    };
  }, [actions, scheduleRecheck]);

  const insertExample = useCallback(
    (example?: string) => {
      const sample =
        (example === undefined ? undefined : sampleWorkbookNamed(example)) ?? defaultSampleWorkbook;
      return run(
        { kind: "insertingExample", example: sample.name },
        `Could not insert the ${sample.title} example`,
        async () => {
          await actions.insertExample(sample.name);
          await inspectNow();
          setState((s) => ({
            ...s,
            notice: `Inserted the ${sample.title} example. Refresh to compute its results.`,
          }));
        },
        "notice",
      );
    },
    [run, actions, inspectNow],
  );

  const insertTemplate = useCallback(
    () =>
      run(
        { kind: "insertingTemplate" },
        "Could not insert the blank template",
        async () => {
          await actions.insertTemplate();
          await inspectNow();
          setState((s) => ({
            ...s,
            notice: "Inserted a blank template. Fill in the input sheets, then refresh.",
          }));
        },
        "notice",
      ),
    [run, actions, inspectNow],
  );

  const editSettings = useCallback((change: Partial<SettingsDraft>) => {
    setState((s) =>
      s.settingsDraft ? { ...s, settingsDraft: { ...s.settingsDraft, ...change }, notice: null } : s,
    );
  }, []);

  const resetSettings = useCallback(() => {
    setState((s) =>
      s.inspection.status === "ready"
        ? { ...s, settingsDraft: draftFromSettings(s.inspection.inspection.settings), settingsErrors: {} }
        : s,
    );
  }, []);

  const draft = state.settingsDraft;
  const saveSettings = useCallback(async () => {
    if (!draft) return;
    const check = settingsFromDraft(draft);
    if (!check.ok) {
      setState((s) => ({
        ...s,
        settingsErrors: check.errors,
        notice: null,
        focus: focusOn(s, "settingsErrors"),
      }));
      return;
    }
    await run(
      { kind: "savingSettings" },
      "Could not save the settings",
      async () => {
        await actions.saveSettings(check.values);
        setState((s) => ({ ...s, settingsErrors: {}, settingsDraft: draftFromSettings(check.values) }));
        await inspectNow();
        setState((s) => ({
          ...s,
          notice: "Settings saved in CBA_Settings. Refresh to apply them to the results.",
        }));
      },
      "notice",
    );
  }, [draft, run, actions, inspectNow]);

  const select = useCallback(
    async (location: CellLocation) => {
      try {
        await actions.select(location);
      } catch (error) {
        setState((s) => ({
          ...s,
          failure: {
            title: `Could not select ${location.sheet}!${location.address}`,
            message: messageOf(error),
          },
          focus: focusOn(s, "failure"),
        }));
      }
    },
    [actions],
  );

  const dismissFailure = useCallback(() => setState((s) => ({ ...s, failure: null })), []);
  const setValuesOnly = useCallback((choice: boolean) => {
    valuesOnly.current = choice;
    setState((s) => ({ ...s, valuesOnly: choice }));
  }, []);

  return {
    state,
    commands: {
      checkWorkbook,
      refresh,
      setValuesOnly,
      insertExample,
      insertTemplate,
      editSettings,
      saveSettings,
      resetSettings,
      select,
      dismissFailure,
    },
  };
}

/**
 * The summary is out of date when the inputs no longer read as they did for its refresh; a refused
 * refresh's errors are dropped once the inputs they were found in have changed, leaving the check's
 * findings on the current inputs.
 */
function staleness(
  state: TaskPaneState,
  fingerprint: string,
): Pick<TaskPaneState, "summaryOutOfDate" | "lastRefresh"> {
  const refused = state.lastRefresh?.kind === "invalid" ? state.lastRefresh : null;
  return {
    summaryOutOfDate: state.summaryStamp !== null && state.summaryStamp.inputFingerprint !== fingerprint,
    lastRefresh: refused?.stamp && refused.stamp.inputFingerprint !== fingerprint ? null : state.lastRefresh,
  };
}

/** True when the draft differs from what the workbook holds. */
function isEdited(state: TaskPaneState): boolean {
  if (state.inspection.status !== "ready" || !state.settingsDraft) return false;
  const stored = draftFromSettings(state.inspection.inspection.settings);
  return JSON.stringify(stored) !== JSON.stringify(state.settingsDraft);
}

function messageOf(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === "string" && error) return error;
  return "Excel did not say why. Try again; if it keeps failing, reopen the workbook.";
}
