import {
  Body1,
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useRef } from "react";
import { ChoiceField, TextField } from "../components/FormFields";
import { ProblemList } from "../components/ProblemList";
import { countOf, formatAmount, formatDuration } from "../figureFormatting";
import type { CellLocation } from "../workbookActions";
import type { RiskAnalysisDraft } from "./riskAnalysisDraft";
import type { RiskAnalysisSummary } from "./riskAnalysisSummary";
import type { RiskAnalysisOutcome, RiskAnalysisState, RiskAnalysisStatus } from "./useRiskAnalysis";
import { usePaneStyles } from "../components/paneStyles";

const useStyles = makeStyles({
  buttons: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

export interface RiskAnalysisPanelProps {
  state: RiskAnalysisState;
  /** True while the pane is refreshing or inserting: a simulation must not read half-written inputs. */
  paneBusy: boolean;
  onEdit: (change: Partial<RiskAnalysisDraft>) => void;
  onRun: () => void;
  onCancel: () => void;
  onSelect: (location: CellLocation) => void;
}

/** Run settings, progress with Cancel while a simulation runs, then what was written or why not. */
export function RiskAnalysisPanel({
  state,
  paneBusy,
  onEdit,
  onRun,
  onCancel,
  onSelect,
}: RiskAnalysisPanelProps) {
  const styles = useStyles();
  const pane = usePaneStyles();
  const { draft, errors, status, outcome } = state;
  const active = status.kind !== "idle";
  const runButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const outcomeMessage = useRef<HTMLDivElement>(null);
  const wasActive = useRef(active);

  // The button pressed disappears or is disabled: while a run goes, keep keyboard users on Cancel;
  // when it ends, take them to what it did (written, cancelled or refused), or back to Run.
  useEffect(() => {
    if (wasActive.current === active) return;
    wasActive.current = active;
    const focusLost = document.activeElement === null || document.activeElement === document.body;
    if (active && (focusLost || document.activeElement === runButton.current)) cancelButton.current?.focus();
    if (!active && (focusLost || document.activeElement === cancelButton.current))
      (outcomeMessage.current ?? runButton.current)?.focus();
  }, [active]);

  return (
    <section className={pane.stack} aria-labelledby="risk-analysis-heading">
      <Subtitle2 as="h2" id="risk-analysis-heading" className={pane.heading}>
        Monte Carlo simulation
      </Subtitle2>
      <Caption1 className={pane.caption}>
        Each line with Best and Worst values is drawn between them, peaking at Base (or the midpoint); with
        named cases, between the first and the last, peaking at the middle one. Results go to the CBA
        Simulation sheet.
      </Caption1>

      <form
        className={pane.closeStack}
        aria-label="Simulation settings"
        onSubmit={(event) => {
          event.preventDefault();
          onRun();
        }}
      >
        <TextField
          label="Trials"
          hint="1 to 100,000; 10,000 gives stable percentiles"
          error={errors.trials}
          value={draft.trials}
          inputMode="numeric"
          disabled={active}
          onChange={(trials) => onEdit({ trials })}
        />
        <TextField
          label="Seed"
          hint="Blank: the seed in CBA_Settings, or 1. The same seed always gives the same results."
          error={errors.seed}
          value={draft.seed}
          inputMode="numeric"
          disabled={active}
          onChange={(seed) => onEdit({ seed })}
        />
        <ChoiceField
          label="Sampling method"
          value={draft.sampling}
          choices={[
            { value: "latinHypercube", label: "Latin hypercube (even coverage of each range)" },
            { value: "plain", label: "Plain random" },
          ]}
          disabled={active}
          onChange={(sampling) => onEdit({ sampling })}
        />
        <ChoiceField
          label="Distribution"
          value={draft.distribution}
          choices={[
            { value: "triangular", label: "Triangular" },
            { value: "pert", label: "PERT (less weight on the extremes)" },
          ]}
          disabled={active}
          onChange={(distribution) => onEdit({ distribution })}
        />
        <div className={styles.buttons}>
          <Button ref={runButton} appearance="primary" type="submit" disabled={active || paneBusy}>
            {active ? "Simulating…" : "Run simulation"}
          </Button>
          {active && (
            <Button
              ref={cancelButton}
              type="button"
              disabled={status.kind === "writing" || status.kind === "cancelling"}
              onClick={onCancel}
            >
              Cancel
            </Button>
          )}
        </div>
      </form>

      {active && <Progress status={status} />}
      <div role="status" aria-live="polite">
        {statusWords(status, outcome)}
      </div>
      {!active && outcome && (
        // Focusable by script only: the end of a run moves the focus here (see the effect above).
        <div ref={outcomeMessage} tabIndex={-1} className={pane.stack} data-outcome="simulation">
          <OutcomeMessage outcome={outcome} onSelect={onSelect} />
        </div>
      )}
    </section>
  );
}

function Progress({ status }: { status: Exclude<RiskAnalysisStatus, { kind: "idle" }> }) {
  const value =
    status.kind === "running" || status.kind === "cancelling"
      ? status.total > 0
        ? status.done / status.total
        : 0
      : status.kind === "writing"
        ? 1
        : undefined;
  const detail =
    status.kind === "running" || status.kind === "cancelling"
      ? `${trialCount(status.done)} of ${trialCount(status.total)} trials`
      : status.kind === "writing"
        ? "Writing the CBA Simulation sheet…"
        : "Reading and checking the inputs…";
  return (
    <Field label="Simulation progress" validationState="none" validationMessage={detail}>
      <ProgressBar value={value} max={1} thickness="large" />
    </Field>
  );
}

/** Coarse words for the live region: screen readers hear each stage once, not ten updates a second. */
function statusWords(status: RiskAnalysisStatus, outcome: RiskAnalysisOutcome | null): string {
  switch (status.kind) {
    case "reading":
      return "Reading the inputs.";
    case "running":
      return `Simulating ${trialCount(status.total)} trials.`;
    case "cancelling":
      return "Cancelling; nothing will be written.";
    case "writing":
      return "Writing the results.";
    case "idle":
      if (outcome?.kind === "written") return "Simulation written to the workbook.";
      if (outcome?.kind === "cancelled") return "Simulation cancelled; nothing was written.";
      if (outcome) return "The simulation did not run; nothing was written.";
      return "";
  }
}

function OutcomeMessage({
  outcome,
  onSelect,
}: {
  outcome: RiskAnalysisOutcome;
  onSelect: (location: CellLocation) => void;
}) {
  switch (outcome.kind) {
    case "written":
      return <WrittenSummary summary={outcome.summary} elapsedMs={outcome.elapsedMs} />;
    case "cancelled":
      return (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Cancelled.</MessageBarTitle>
            {`Stopped after ${trialCount(outcome.done)} of ${trialCount(outcome.total)} trials. Nothing was written.`}
          </MessageBarBody>
        </MessageBar>
      );
    case "invalid":
      return (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>Nothing was written.</MessageBarTitle>
            {`The simulation found ${countOf(outcome.problems.length, "problem")}; fix ${
              outcome.problems.length === 1 ? "it" : "them"
            } and run it again.`}
            <ProblemList
              problems={outcome.problems}
              onSelect={onSelect}
              label="Problems that stopped the simulation"
            />
          </MessageBarBody>
        </MessageBar>
      );
    case "failed":
      return (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>The simulation failed; nothing was written.</MessageBarTitle>
            {outcome.message}
          </MessageBarBody>
        </MessageBar>
      );
  }
}

function WrittenSummary({ summary, elapsedMs }: { summary: RiskAnalysisSummary; elapsedMs: number }) {
  const pane = usePaneStyles();
  const amount = (value: RiskAnalysisSummary["partners"][number]["netPresentValue"]["p10"]) =>
    value === null ? "–" : formatAmount(value, summary.decimals);
  const within = summary.paybackWithinYears;
  const method = summary.sampling === "latinHypercube" ? "Latin hypercube" : "plain random";
  const shape = summary.distribution === "pert" ? "PERT" : "triangular";
  return (
    <>
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{`Simulated ${trialCount(summary.trials)} trials in ${formatDuration(summary.simulationMs)}.`}</MessageBarTitle>
          {`Seed ${summary.seed}, ${method} sampling, ${shape} distributions. Wrote ${countOf(summary.cellsWritten, "cell")} to ${summary.sheet} in ${formatDuration(elapsedMs)} in all.`}
        </MessageBarBody>
      </MessageBar>
      <Table
        size="extra-small"
        className={pane.table}
        aria-label={`Simulated NPV and payback, ${summary.unitLabel}`}
      >
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={pane.cell}>Partner</TableHeaderCell>
            {["P10", "P50", "P90"].map((label) => (
              <TableHeaderCell key={label} className={pane.cell} button={{ className: pane.headerEnd }}>
                {`NPV ${label}`}
              </TableHeaderCell>
            ))}
            <TableHeaderCell className={pane.cell} button={{ className: pane.headerEnd }}>
              {`Payback ≤ ${within} yrs`}
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {summary.partners.map((partner) => (
            <TableRow key={partner.code}>
              <TableCell className={pane.cell}>{partner.code}</TableCell>
              <TableCell className={mergeClasses(pane.cell, pane.figure)}>
                {amount(partner.netPresentValue.p10)}
              </TableCell>
              <TableCell className={mergeClasses(pane.cell, pane.figure)}>
                {amount(partner.netPresentValue.p50)}
              </TableCell>
              <TableCell className={mergeClasses(pane.cell, pane.figure)}>
                {amount(partner.netPresentValue.p90)}
              </TableCell>
              <TableCell className={mergeClasses(pane.cell, pane.figure)}>
                {percent(partner.probabilityOfPayback)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Body1>
        {`NPV in ${summary.unitLabel}, net benefit over the horizon (positive = better off): 10% of trials came out below P10. The last column is the share of trials paying back within ${within} years.`}
      </Body1>
      <ul className={pane.list} aria-label="Partners">
        {summary.partners.map((partner) => (
          <li key={partner.code}>
            <Caption1>
              {partner.code === partner.name ? partner.name : `${partner.code}: ${partner.name}`}
            </Caption1>
          </li>
        ))}
      </ul>
    </>
  );
}

function trialCount(count: number): string {
  return count.toLocaleString("en-GB");
}

function percent(fraction: number): string {
  return `${(fraction * 100).toFixed(1)}%`;
}
