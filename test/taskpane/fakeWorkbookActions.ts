/**
 * A workbook the tests control: each action can answer at once, answer later (to see the pane
 * while it waits) or fail, and every call is recorded so a test can check what the pane asked for.
 */
import { Money } from "../../src/engine/money";
import type {
  BoardSummary,
  CaseSettingsValues,
  CellLocation,
  RefreshOutcome,
  RefreshSection,
  RefreshStage,
  WorkbookActions,
  WorkbookInspection,
  RefreshChoices,
} from "../../src/taskpane/workbookActions";

export const defaultSettings: CaseSettingsValues = {
  discountRate: 0.035,
  horizonYears: 10,
  roundingUnit: 1,
  riskBands: { thresholds: [10, 15], labels: ["Low", "Medium", "High"] },
  contingency: { costIncrease: 0.25, savingDecrease: 0.25 },
};

const contractRanges = [
  { name: "CBA_Partners", purpose: "Partner bodies", required: true },
  { name: "CBA_Baseline", purpose: "Baseline spend by service area", required: true },
  { name: "CBA_Lines", purpose: "Costs and savings", required: true },
  { name: "CBA_Risks", purpose: "Risk register", required: false },
];

export function emptyInspection(): WorkbookInspection {
  return {
    isEmpty: true,
    ranges: contractRanges.map((r) => ({ ...r })),
    problems: [],
    settings: defaultSettings,
    inputFingerprint: "0000000000000000",
  };
}

export function completeInspection(overrides: Partial<WorkbookInspection> = {}): WorkbookInspection {
  return {
    isEmpty: false,
    ranges: contractRanges.map((r, i) => ({
      ...r,
      location: { sheet: "Inputs", address: `A${1 + i * 10}` },
    })),
    problems: [],
    settings: defaultSettings,
    inputFingerprint: "1111111111111111",
    ...overrides,
  };
}

export function sampleSummary(): BoardSummary {
  const m = (v: number | string) => new Money(v);
  return {
    unitLabel: "£'000",
    cases: ["Best", "Worst"],
    rangeCases: ["Best", "Worst"],
    horizonYears: 10,
    partners: [
      {
        code: "HCC",
        name: "Hampshire County Council",
        setUp: [
          { case: "Best", value: m(1858) },
          { case: "Worst", value: m(2197) },
        ],
        annual: [
          { case: "Best", value: m(-1804) },
          { case: "Worst", value: m(-825) },
        ],
        payback: [
          { case: "Best", result: { kind: "paysBack", periods: m("2.03") } },
          { case: "Worst", result: { kind: "paysBack", periods: m("3.66") } },
        ],
        netPresentValue: [
          { case: "Best", value: m("12345.4") },
          { case: "Worst", value: m("-250.5") },
        ],
        notQuantified: ["Estates"],
      },
      {
        code: "Programme",
        name: "Programme",
        setUp: [
          { case: "Best", value: m(3045) },
          { case: "Worst", value: m(3680) },
        ],
        annual: [
          { case: "Best", value: m(-3930) },
          { case: "Worst", value: m(-1970) },
        ],
        payback: [
          { case: "Best", result: { kind: "paysBack", periods: m("1.5") } },
          { case: "Worst", result: { kind: "never", horizon: 10 } },
        ],
        netPresentValue: [
          { case: "Best", value: m(20000) },
          { case: "Worst", value: m(5000) },
        ],
        notQuantified: [],
      },
    ],
    riskProfile: [
      { band: "Low", count: 5 },
      { band: "Medium", count: 7 },
      { band: "High", count: 0 },
    ],
  };
}

export function writtenOutcome(
  section: RefreshSection = "all",
): Extract<RefreshOutcome, { kind: "written" }> {
  return {
    kind: "written",
    section,
    sheets: [
      { sheet: "CBA Apportionment", tables: ["CBA_Out_Shares", "CBA_Out_Lines"], cells: 120 },
      { sheet: "CBA Partners", tables: ["CBA_Out_Partners"], cells: 300 },
    ],
    inputCellsUpdated: 24,
    elapsedMs: 420,
    summary: sampleSummary(),
    stamp: { inputFingerprint: "1111111111111111", refreshedAt: "2026-04-01T09:30:00.000Z" },
  };
}

interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

type Answer<T> = T | Error | (() => T);

/** Records calls; `hold*` makes the next call of that action wait until the test releases it. */
export class FakeWorkbookActions implements WorkbookActions {
  calls: { action: string; argument?: unknown }[] = [];
  inspection: Answer<WorkbookInspection> = completeInspection();
  refreshOutcome: Answer<RefreshOutcome> = writtenOutcome();
  insertFailure: Error | null = null;
  saveFailure: Error | null = null;
  /** Stages reported to the pane before a refresh answers. */
  stages: RefreshStage[] = ["reading", "computing", "writing"];
  private heldRefresh: Deferred<void> | null = null;
  private heldInspect: Deferred<void> | null = null;
  private stageListener: ((stage: RefreshStage) => void) | undefined;
  /** Listeners the pane registered through `watchChanges`; null makes the fake a host without events. */
  changeListeners: Set<() => void> | null = new Set();

  holdRefresh(): void {
    this.heldRefresh = deferred<void>();
  }

  releaseRefresh(): void {
    this.heldRefresh?.resolve();
  }

  holdInspect(): void {
    this.heldInspect = deferred<void>();
  }

  releaseInspect(): void {
    this.heldInspect?.resolve();
  }

  /** Reports a stage to the pane while a held refresh is waiting. */
  reportStage(stage: RefreshStage): void {
    this.stageListener?.(stage);
  }

  async inspect(): Promise<WorkbookInspection> {
    this.calls.push({ action: "inspect" });
    if (this.heldInspect) {
      await this.heldInspect.promise;
      this.heldInspect = null;
    }
    return answer(this.inspection);
  }

  /** The choices each refresh was called with, in order. */
  refreshChoices: RefreshChoices[] = [];

  async refresh(
    section: RefreshSection,
    onStage?: (stage: RefreshStage) => void,
    choices: RefreshChoices = {},
  ): Promise<RefreshOutcome> {
    this.calls.push({ action: "refresh", argument: section });
    this.refreshChoices.push(choices);
    this.stageListener = onStage;
    if (this.heldRefresh) {
      await this.heldRefresh.promise;
      this.heldRefresh = null;
    } else {
      for (const stage of this.stages) onStage?.(stage);
    }
    const outcome = answer(this.refreshOutcome);
    return { ...outcome, section };
  }

  async insertExample(example?: string): Promise<void> {
    this.calls.push(
      example === undefined ? { action: "insertExample" } : { action: "insertExample", argument: example },
    );
    if (this.insertFailure) throw this.insertFailure;
    this.inspection = completeInspection();
  }

  async insertTemplate(): Promise<void> {
    this.calls.push({ action: "insertTemplate" });
    if (this.insertFailure) throw this.insertFailure;
    this.inspection = completeInspection();
  }

  async saveSettings(settings: CaseSettingsValues): Promise<void> {
    this.calls.push({ action: "saveSettings", argument: settings });
    if (this.saveFailure) throw this.saveFailure;
    const current = answer(this.inspection);
    this.inspection = { ...current, settings };
  }

  async select(location: CellLocation): Promise<void> {
    this.calls.push({ action: "select", argument: location });
  }

  async watchChanges(onChange: () => void): Promise<(() => Promise<void>) | null> {
    const listeners = this.changeListeners;
    if (!listeners) return null;
    listeners.add(onChange);
    return async () => {
      listeners.delete(onChange);
    };
  }

  /**
   * A user edit: the inputs now read as `fingerprint` (and the check finds what `inspection`
   * says, when given), and the workbook reports a change to every listener.
   */
  editInputs(fingerprint: string, inspection?: Partial<WorkbookInspection>): void {
    const current = answer(this.inspection);
    this.inspection = { ...current, ...inspection, inputFingerprint: fingerprint };
    const refreshed = answer(this.refreshOutcome);
    if (refreshed.kind === "written") {
      this.refreshOutcome = {
        ...refreshed,
        stamp: { inputFingerprint: fingerprint, refreshedAt: "2026-04-01T10:00:00.000Z" },
      };
    }
    this.fireChange();
  }

  /** A change event alone, as the product's own writes cause: the inputs read as before. */
  fireChange(): void {
    for (const listener of this.changeListeners ?? []) listener();
  }

  callsOf(action: string): unknown[] {
    return this.calls.filter((c) => c.action === action).map((c) => c.argument);
  }
}

function answer<T>(value: Answer<T>): T {
  if (value instanceof Error) throw value;
  if (typeof value === "function") return (value as () => T)();
  return value;
}
