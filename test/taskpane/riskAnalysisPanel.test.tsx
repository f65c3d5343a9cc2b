/** @jest-environment jsdom */
/**
 * The Risk analysis panel as a user sees it in each state: idle, running with progress, cancelling,
 * cancelled, written, refused (problems with their cells) and failed.
 */
import "@testing-library/jest-dom";
import "./jsdomTestSetup";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Money } from "../../src/engine/money";
import {
  RiskAnalysisPanel,
  type RiskAnalysisPanelProps,
} from "../../src/taskpane/riskAnalysis/RiskAnalysisPanel";
import { initialRiskAnalysisDraft } from "../../src/taskpane/riskAnalysis/riskAnalysisDraft";
import type { RiskAnalysisSummary } from "../../src/taskpane/riskAnalysis/riskAnalysisSummary";
import type { RiskAnalysisState } from "../../src/taskpane/riskAnalysis/useRiskAnalysis";

function idleState(overrides: Partial<RiskAnalysisState> = {}): RiskAnalysisState {
  return {
    draft: initialRiskAnalysisDraft,
    errors: {},
    status: { kind: "idle" },
    outcome: null,
    ...overrides,
  };
}

function show(state: RiskAnalysisState, props: Partial<RiskAnalysisPanelProps> = {}) {
  const handlers = {
    onEdit: jest.fn(),
    onRun: jest.fn(),
    onCancel: jest.fn(),
    onSelect: jest.fn(),
  };
  const element = (s: RiskAnalysisState) => (
    <FluentProvider theme={webLightTheme}>
      <RiskAnalysisPanel state={s} paneBusy={false} {...handlers} {...props} />
    </FluentProvider>
  );
  const view = render(element(state));
  return {
    ...handlers,
    user: userEvent.setup(),
    rerender: (s: RiskAnalysisState) => view.rerender(element(s)),
  };
}

function summary(): RiskAnalysisSummary {
  return {
    trials: 10000,
    seed: 7,
    sampling: "latinHypercube",
    distribution: "pert",
    paybackWithinYears: 10,
    unitLabel: "£'000",
    decimals: 0,
    simulationMs: 1234,
    sheet: "CBA Simulation",
    cellsWritten: 1500,
    partners: [
      {
        code: "HCC",
        name: "Hampshire County Council",
        netPresentValue: { p10: new Money("-1234.5"), p50: new Money(5678), p90: new Money("9876.4") },
        probabilityNegative: 0.12,
        probabilityOfPayback: 0.875,
      },
      {
        code: "Programme",
        name: "Total programme",
        netPresentValue: { p10: new Money(100), p50: null, p90: new Money(30000) },
        probabilityNegative: 0,
        probabilityOfPayback: 1,
      },
    ],
  };
}

const runButton = () => screen.getByRole("button", { name: /Run simulation|Simulating/ });

describe("the Risk analysis panel", () => {
  test("idle: every control has a label, and the defaults are 10,000 trials, Latin hypercube, triangular", () => {
    show(idleState());
    expect(screen.getByRole("textbox", { name: "Trials" })).toHaveValue("10,000");
    expect(screen.getByRole("textbox", { name: "Seed" })).toHaveValue("");
    expect(screen.getByRole("radiogroup", { name: "Sampling method" })).toBeInTheDocument();
    expect(screen.getByRole("radio", { name: /Latin hypercube/ })).toBeChecked();
    expect(screen.getByRole("radio", { name: "Plain random" })).not.toBeChecked();
    expect(screen.getByRole("radiogroup", { name: "Distribution" })).toBeInTheDocument();
    expect(screen.getByRole("radio", { name: "Triangular" })).toBeChecked();
    expect(screen.getByRole("button", { name: "Run simulation" })).toBeEnabled();
    expect(screen.queryByRole("button", { name: "Cancel" })).not.toBeInTheDocument();
    expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
  });

  test("idle: typing and choosing report each change; Enter in a field runs the simulation", async () => {
    const { user, onEdit, onRun } = show(idleState());
    await user.type(screen.getByRole("textbox", { name: "Seed" }), "4");
    expect(onEdit).toHaveBeenLastCalledWith({ seed: "4" });
    await user.click(screen.getByRole("radio", { name: "Plain random" }));
    expect(onEdit).toHaveBeenLastCalledWith({ sampling: "plain" });
    await user.click(screen.getByRole("radio", { name: /PERT/ }));
    expect(onEdit).toHaveBeenLastCalledWith({ distribution: "pert" });
    await user.type(screen.getByRole("textbox", { name: "Trials" }), "{Enter}");
    expect(onRun).toHaveBeenCalledTimes(1);
  });

  test("idle: the keyboard alone reaches Run simulation and starts it", async () => {
    const { user, onRun } = show(idleState());
    for (let presses = 0; presses < 12 && document.activeElement !== runButton(); presses++) await user.tab();
    expect(runButton()).toHaveFocus();
    await user.keyboard("{Enter}");
    expect(onRun).toHaveBeenCalledTimes(1);
  });

  test("idle: errors in the settings show beside their fields", () => {
    show(idleState({ errors: { trials: "Trials must be a whole number from 1 to 100,000." } }));
    const trials = screen.getByRole("textbox", { name: "Trials" });
    expect(trials).toHaveAccessibleDescription(/Trials must be a whole number from 1 to 100,000\./);
    expect(trials).toHaveAttribute("aria-invalid", "true");
  });

  test("while the rest of the pane is busy, Run simulation waits", () => {
    show(idleState(), { paneBusy: true });
    expect(screen.getByRole("button", { name: "Run simulation" })).toBeDisabled();
  });

  test("running: progress shows trials done of the total, settings are locked, Cancel is offered", async () => {
    const { user, onCancel } = show(idleState({ status: { kind: "running", done: 4000, total: 10000 } }));
    const bar = screen.getByRole("progressbar");
    expect(bar).toHaveAttribute("aria-valuenow", "0.4");
    expect(bar).toHaveAccessibleName("Simulation progress");
    expect(screen.getByText("4,000 of 10,000 trials")).toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent("Simulating 10,000 trials.");
    expect(screen.getByRole("button", { name: "Simulating…" })).toBeDisabled();
    expect(screen.getByRole("textbox", { name: "Trials" })).toBeDisabled();
    expect(screen.getByRole("textbox", { name: "Seed" })).toBeDisabled();
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  test("running: focus moves from Run to Cancel when the run starts, and to the outcome when it ends", async () => {
    const { user, rerender } = show(idleState());
    await user.click(runButton());
    expect(runButton()).toHaveFocus();
    rerender(idleState({ status: { kind: "running", done: 0, total: 2000 } }));
    expect(screen.getByRole("button", { name: "Cancel" })).toHaveFocus();
    rerender(idleState({ outcome: { kind: "cancelled", done: 600, total: 2000 } }));
    // Ended: the focus lands on what the run did, here the cancellation.
    expect(screen.getByText("Cancelled.").closest('[data-outcome="simulation"]')).toHaveFocus();
  });

  test("cancelling and writing: Cancel can no longer be pressed", () => {
    const { rerender } = show(idleState({ status: { kind: "cancelling", done: 5000, total: 10000 } }));
    expect(screen.getByRole("button", { name: "Cancel" })).toBeDisabled();
    expect(screen.getByRole("status")).toHaveTextContent("Cancelling; nothing will be written.");
    rerender(idleState({ status: { kind: "writing", total: 10000 } }));
    expect(screen.getByRole("button", { name: "Cancel" })).toBeDisabled();
    expect(screen.getByText("Writing the CBA Simulation sheet…")).toBeInTheDocument();
  });

  test("cancelled: says how far it got and that nothing was written", () => {
    show(idleState({ outcome: { kind: "cancelled", done: 3200, total: 10000 } }));
    expect(
      screen.getByText("Stopped after 3,200 of 10,000 trials. Nothing was written."),
    ).toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent("Simulation cancelled; nothing was written.");
    expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
  });

  test("done: P10, P50 and P90 of NPV and the chance of payback for each partner, as a board reads them", () => {
    show(idleState({ outcome: { kind: "written", summary: summary(), elapsedMs: 2345 } }));
    expect(screen.getByText("Simulated 10,000 trials in 1.2 s.")).toBeInTheDocument();
    expect(
      screen.getByText(
        /Seed 7, Latin hypercube sampling, PERT distributions\. Wrote 1,500 cells to CBA Simulation in 2\.3 s/,
      ),
    ).toBeInTheDocument();
    const table = screen.getByRole("table", { name: "Simulated NPV and payback, £'000" });
    const headers = within(table)
      .getAllByRole("columnheader")
      .map((cell) => cell.textContent);
    const rows = within(table)
      .getAllByRole("row")
      .slice(1)
      .map((row) =>
        within(row)
          .getAllByRole("cell")
          .map((cell) => cell.textContent),
      );
    expect(headers).toEqual(["Partner", "NPV P10", "NPV P50", "NPV P90", "Payback ≤ 10 yrs"]);
    expect(rows).toEqual([
      ["HCC", "(1,235)", "5,678", "9,876", "87.5%"],
      ["Programme", "100", "–", "30,000", "100.0%"],
    ]);
    expect(
      within(screen.getByRole("list", { name: "Partners" })).getByText("HCC: Hampshire County Council"),
    ).toBeInTheDocument();
  });

  test("error: each problem names its cell, and Select cell selects it", async () => {
    const { user, onSelect } = show(
      idleState({
        outcome: {
          kind: "invalid",
          problems: [
            {
              severity: "error",
              message: 'CBA_Lines — Not a number: the Worst value of line "ICT" is not a number.',
              location: { sheet: "Lines", address: "E5" },
              rangeName: "CBA_Lines",
            },
            { severity: "error", message: "CBA_Partners — Missing range: no partners." },
          ],
        },
      }),
    );
    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent("Nothing was written.");
    expect(alert).toHaveTextContent("The simulation found 2 problems; fix them and run it again.");
    expect(within(alert).getByText("Lines!E5")).toBeInTheDocument();
    await user.click(within(alert).getByRole("button", { name: "Select cell E5 on sheet Lines" }));
    expect(onSelect).toHaveBeenCalledWith({ sheet: "Lines", address: "E5" });
  });

  test("failed: the reason is shown and nothing was written", () => {
    show(idleState({ outcome: { kind: "failed", message: "The simulation stopped unexpectedly." } }));
    expect(screen.getByRole("alert")).toHaveTextContent(
      "The simulation failed; nothing was written.The simulation stopped unexpectedly.",
    );
  });
});
