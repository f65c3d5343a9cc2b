/**
 * What the task pane asks of a workbook, and what it gets back, in the pane's own terms.
 *
 * The controller hook talks only to this interface, so the views can be tested with a fake and the
 * add-in wires in the real pipeline (src/workbook) over an Office.js port. Every figure a view
 * shows arrives here already computed; the views only format and lay it out.
 */
import type { Money } from "../engine/money";
import type { PaybackResult } from "../engine/payback";
import type { RefreshSection } from "../workbook/refreshSections";
import type { CaseSettingsValues } from "../workbook/settingsWriter";

// Defined beside the workbook logic that gives them meaning (which sheets a section rewrites, how
// settings are stored in CBA_Settings), and part of the pane's vocabulary too.
export type { CaseSettingsValues, RefreshSection };

/** A named input range the contract expects, and whether the workbook has it. */
export interface InputRangeStatus {
  /** Workbook name, e.g. `CBA_Lines`. */
  name: string;
  /** What the range holds, in a finance officer's words. */
  purpose: string;
  required: boolean;
  /** Where it was found; absent when missing. */
  location?: CellLocation;
}

export interface CellLocation {
  sheet: string;
  /** A1 address without `$`, a cell or a range. */
  address: string;
}

/** One thing wrong with the workbook's inputs, tied to the cell at fault whenever it is known. */
export interface WorkbookProblem {
  /** Errors stop a refresh before anything is written; warnings are reported but do not. */
  severity: "error" | "warning";
  /** The full sentence shown to the user, e.g. "Likelihood of risk 'HR 1' must be 1–5 (got 7)". */
  message: string;
  /** The cell (or range) at fault, so the pane can offer to select it. */
  location?: CellLocation;
  /** The input range the problem belongs to, e.g. `CBA_Risks`. */
  rangeName?: string;
  /** The one mistake it follows from, when known: problems sharing a cause are shown under it. */
  cause?: string;
}

/** Result of checking a workbook against the input contract. */
export interface WorkbookInspection {
  /** True when none of the contract's input ranges exist: the pane offers the example and template. */
  isEmpty: boolean;
  ranges: InputRangeStatus[];
  problems: WorkbookProblem[];
  /** Settings as stored in `CBA_Settings`, or the defaults when the workbook has none. */
  settings: CaseSettingsValues;
  /** `inputFingerprint` of the inputs as checked: differs from a refresh's once an input changes. */
  inputFingerprint: string;
}

/** What a refresh was computed from: compared with the workbook's inputs to tell whether it is out of date. */
export interface ResultStamp {
  inputFingerprint: string;
  /** When the refresh ran, UTC in ISO 8601 (as on the result sheets' provenance blocks). */
  refreshedAt: string;
}

/** Stages of a refresh, reported as they start so the pane can say what it is doing. */
export type RefreshStage = "reading" | "computing" | "writing";

/** One sheet the refresh wrote, with its tables and the number of cells filled. */
export interface WrittenSheet {
  sheet: string;
  tables: string[];
  cells: number;
}

export type RefreshOutcome =
  | {
      kind: "written";
      section: RefreshSection;
      sheets: WrittenSheet[];
      /** Cells written back into input ranges the product owns columns of (e.g. risk Score and Band). */
      inputCellsUpdated: number;
      elapsedMs: number;
      summary: BoardSummary;
      stamp: ResultStamp;
    }
  | {
      /** Nothing was written: the problems say why. */
      kind: "invalid";
      section: RefreshSection;
      problems: WorkbookProblem[];
      elapsedMs: number;
      /** The inputs the refresh was refused on; absent when it never read them. */
      stamp?: ResultStamp;
    };

/** A figure that may be "not quantified" in the documents' sense, which is never shown as zero. */
export interface CaseFigure {
  case: string;
  value: Money;
}

/** What a board asks for first, for one partner or the whole programme. */
export interface PartnerSummary {
  /** Partner code, or "Programme". */
  code: string;
  name: string;
  /** One entry per case, in case order. Document convention: costs positive, savings negative. */
  setUp: CaseFigure[];
  annual: CaseFigure[];
  payback: { case: string; result: PaybackResult }[];
  /** Net benefit (positive = better off) discounted over the horizon. */
  netPresentValue: CaseFigure[];
  /** Labels of lines that are not quantified for this partner in some case. */
  notQuantified: string[];
}

export interface BoardSummary {
  /** E.g. "£'000". */
  unitLabel: string;
  /** Case names in order, e.g. ["Best", "Worst", "Worst + contingency"]. */
  cases: string[];
  /** The input cases whose spread the headline gives, e.g. ["Best", "Worst"] for "best–worst". */
  rangeCases: string[];
  horizonYears: number;
  /** Per partner in model order, then the programme. */
  partners: PartnerSummary[];
  /** Risk counts by band, lowest band first; null when the workbook has no risk register. */
  riskProfile: { band: string; count: number }[] | null;
}

/** How a refresh writes, as chosen in the pane. */
export interface RefreshChoices {
  /** Every live formula written as its value: a copy for readers without the add-in (default false). */
  valuesOnly?: boolean;
}

/** Calls into the workbook. Implementations never write anything when validation fails. */
export interface WorkbookActions {
  /** Reads the inputs and checks them against the contract, without writing. */
  inspect(): Promise<WorkbookInspection>;
  /** Recomputes and rewrites the results of one section (or all), reporting stages as they start. */
  refresh(
    section: RefreshSection,
    onStage?: (stage: RefreshStage) => void,
    options?: RefreshChoices,
  ): Promise<RefreshOutcome>;
  /** Writes a worked example's input sheets (by name, default Hampshire) into an empty workbook. */
  insertExample(example?: string): Promise<void>;
  /** Writes blank input sheets with the named ranges, headers, formats and an instruction line. */
  insertTemplate(): Promise<void>;
  /** Stores the settings in `CBA_Settings`. */
  saveSettings(settings: CaseSettingsValues): Promise<void>;
  /** Selects a cell or range in the workbook so the user can correct it. */
  select(location: CellLocation): Promise<void>;
  /**
   * Calls `onChange` whenever a cell of the workbook changes (the product's own writes included:
   * the pane compares fingerprints, so those never mark results out of date). Resolves to a
   * function that stops listening, or to null where the host has no change events; the pane
   * then re-checks when it regains focus. Absent: no events.
   */
  watchChanges?(onChange: () => void): Promise<(() => Promise<void>) | null>;
}
