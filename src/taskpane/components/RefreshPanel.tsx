import {
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Switch,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { countOf, formatDuration } from "../figureFormatting";
import type { Activity } from "../useTaskPaneController";
import type { CellLocation, RefreshOutcome, RefreshSection, RefreshStage } from "../workbookActions";
import { ProblemList } from "./ProblemList";
import { usePaneStyles } from "./paneStyles";

const useStyles = makeStyles({
  sections: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
});

/** Words for each section, used on its button and in the progress line. */
const sectionNames: Record<RefreshSection, string> = {
  all: "all results",
  apportionment: "apportionment",
  partners: "partner results",
  risks: "risk register",
};

const stageWords: Record<RefreshStage, string> = {
  reading: "Reading the inputs",
  computing: "Checking the inputs and computing",
  writing: "Writing the result sheets",
};

// Rough share of a refresh done when each stage starts, so the bar moves in the right direction.
const stageProgress: Record<RefreshStage, number> = { reading: 0.1, computing: 0.4, writing: 0.8 };

export interface RefreshPanelProps {
  activity: Activity;
  lastRefresh: RefreshOutcome | null;
  onRefresh: (section: RefreshSection) => void;
  onSelect: (location: CellLocation) => void;
  /** Refreshes write every live formula as its value. */
  valuesOnly?: boolean;
  onValuesOnlyChange?: (valuesOnly: boolean) => void;
}

/** The primary action, the per-section actions, progress while a refresh runs and what it wrote. */
export function RefreshPanel({
  activity,
  lastRefresh,
  onRefresh,
  onSelect,
  valuesOnly = false,
  onValuesOnlyChange,
}: RefreshPanelProps) {
  const styles = useStyles();
  const pane = usePaneStyles();
  const busy = activity.kind !== "idle";
  const refreshing = activity.kind === "refreshing" ? activity : null;

  return (
    <section className={pane.closeStack} aria-label="Refresh">
      <Button appearance="primary" size="large" disabled={busy} onClick={() => onRefresh("all")}>
        {refreshing?.section === "all" ? "Refreshing…" : "Refresh all results"}
      </Button>
      <div className={styles.sections} role="group" aria-label="Refresh one part">
        <Caption1>Or refresh only:</Caption1>
        {(["apportionment", "partners", "risks"] as const).map((section) => (
          <Button
            key={section}
            size="small"
            disabled={busy}
            aria-label={`Refresh ${sectionNames[section]} only`}
            onClick={() => onRefresh(section)}
          >
            {capitalise(sectionNames[section])}
          </Button>
        ))}
      </div>

      {onValuesOnlyChange && (
        <Switch
          checked={valuesOnly}
          disabled={busy}
          label="Values only, no formulas (for readers without the add-in)"
          onChange={(_, data) => onValuesOnlyChange(data.checked)}
        />
      )}

      <div role="status" aria-live="polite">
        {refreshing && (
          <Field
            validationState="none"
            validationMessage={`${refreshing.stage ? stageWords[refreshing.stage] : "Starting"}…`}
            label={`Refreshing ${sectionNames[refreshing.section]}`}
          >
            <ProgressBar
              value={refreshing.stage ? stageProgress[refreshing.stage] : undefined}
              thickness="large"
            />
          </Field>
        )}
        {!refreshing && lastRefresh?.kind === "written" && <WrittenSummary outcome={lastRefresh} />}
      </div>

      {!refreshing && lastRefresh?.kind === "invalid" && (
        <MessageBar intent="error" layout="multiline" role="alert" tabIndex={-1} data-outcome="refresh">
          <MessageBarBody>
            <MessageBarTitle>Nothing was written.</MessageBarTitle>
            {`The inputs have ${countOf(lastRefresh.problems.length, "problem")}; fix ${
              lastRefresh.problems.length === 1 ? "it" : "them"
            } and refresh again.`}
            <ProblemList
              problems={lastRefresh.problems}
              onSelect={onSelect}
              label="Problems that stopped the refresh"
            />
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}

function WrittenSummary({ outcome }: { outcome: Extract<RefreshOutcome, { kind: "written" }> }) {
  const pane = usePaneStyles();
  const cells = outcome.sheets.reduce((total, sheet) => total + sheet.cells, 0);
  return (
    <MessageBar intent="success" layout="multiline" tabIndex={-1} data-outcome="refresh">
      <MessageBarBody>
        <MessageBarTitle>{`Refreshed ${sectionNames[outcome.section]} in ${formatDuration(outcome.elapsedMs)}.`}</MessageBarTitle>
        {`Wrote ${countOf(outcome.sheets.length, "sheet")} and ${countOf(cells, "cell")}`}
        {outcome.inputCellsUpdated > 0
          ? `, and updated ${countOf(outcome.inputCellsUpdated, "input cell")}:`
          : ":"}
        <ul className={pane.list} aria-label="Sheets written">
          {outcome.sheets.map((sheet) => (
            <li key={sheet.sheet}>
              {`${sheet.sheet}: ${countOf(sheet.tables.length, "table")}, ${countOf(sheet.cells, "cell")}`}
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
