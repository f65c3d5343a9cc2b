/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import "./jsdomTestSetup";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { act } from "react";
import { TaskPaneApp } from "../../src/taskpane/TaskPaneApp";
import { FakeWorkbookActions, completeInspection, writtenOutcome } from "./fakeWorkbookActions";

async function renderReadyPane(actions: FakeWorkbookActions) {
  const user = userEvent.setup();
  render(<TaskPaneApp actions={actions} theme="light" />);
  await screen.findByText("Inputs complete.");
  return user;
}

function answerProblems(actions: FakeWorkbookActions) {
  const inspection = actions.inspection;
  return inspection instanceof Error || typeof inspection === "function" ? [] : inspection.problems;
}

const refreshAll = () => screen.getByRole("button", { name: "Refresh all results" });

describe("refreshing the results", () => {
  test("the values-only switch makes the next refresh write values instead of live formulas", async () => {
    const actions = new FakeWorkbookActions();
    const user = await renderReadyPane(actions);
    await user.click(refreshAll());
    await screen.findByText("Refreshed all results in 420 ms.");
    const valuesOnly = screen.getByRole("switch", { name: /Values only, no formulas/ });
    expect(valuesOnly).not.toBeChecked();
    await user.click(valuesOnly);
    expect(valuesOnly).toBeChecked();
    await user.click(refreshAll());
    await screen.findByText("Refreshed all results in 420 ms.");
    expect(actions.refreshChoices).toEqual([{ valuesOnly: false }, { valuesOnly: true }]);
  });

  test("refresh all reports what was written and how long it took", async () => {
    const actions = new FakeWorkbookActions();
    const user = await renderReadyPane(actions);
    await user.click(refreshAll());
    expect(await screen.findByText("Refreshed all results in 420 ms.")).toBeInTheDocument();
    expect(screen.getByText(/Wrote 2 sheets and 420 cells, and updated 24 input cells/)).toBeInTheDocument();
    const sheets = screen.getByRole("list", { name: "Sheets written" });
    expect(
      within(sheets)
        .getAllByRole("listitem")
        .map((item) => item.textContent),
    ).toEqual(["CBA Apportionment: 2 tables, 120 cells", "CBA Partners: 1 table, 300 cells"]);
    expect(actions.callsOf("refresh")).toEqual(["all"]);
  });

  test("while a refresh runs every action is disabled and progress names the current stage", async () => {
    const actions = new FakeWorkbookActions();
    const user = await renderReadyPane(actions);
    actions.holdRefresh();
    await user.click(refreshAll());

    expect(screen.getByRole("button", { name: "Refreshing…" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "Refresh apportionment only" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "Refresh risk register only" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "Check again" })).toBeDisabled();
    expect(screen.getByRole("progressbar")).toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent("Starting…");

    act(() => actions.reportStage("computing"));
    expect(screen.getByRole("status")).toHaveTextContent("Checking the inputs and computing…");
    expect(screen.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "0.4");

    await user.click(screen.getByRole("button", { name: "Refreshing…" }));
    expect(actions.callsOf("refresh")).toHaveLength(1);

    await act(async () => actions.releaseRefresh());
    expect(await screen.findByText("Refreshed all results in 420 ms.")).toBeInTheDocument();
    expect(refreshAll()).toBeEnabled();
    expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
  });

  test.each([
    ["apportionment", "Refresh apportionment only", "Refreshed apportionment in 420 ms."],
    ["partners", "Refresh partner results only", "Refreshed partner results in 420 ms."],
    ["risks", "Refresh risk register only", "Refreshed risk register in 420 ms."],
  ])("the %s button refreshes only that section", async (section, buttonName, confirmation) => {
    const actions = new FakeWorkbookActions();
    const user = await renderReadyPane(actions);
    await user.click(screen.getByRole("button", { name: buttonName }));
    expect(await screen.findByText(confirmation)).toBeInTheDocument();
    expect(actions.callsOf("refresh")).toEqual([section]);
  });

  test("invalid inputs stop the refresh: the error names every problem with its cell and nothing is written", async () => {
    const actions = new FakeWorkbookActions();
    actions.refreshOutcome = {
      kind: "invalid",
      section: "all",
      elapsedMs: 12,
      problems: [
        {
          severity: "error",
          message: "Line 'ICT' names pool 'Shared ICT', which CBA_Pools does not define.",
          location: { sheet: "Lines", address: "C4" },
        },
        { severity: "error", message: "CBA_Partners is missing.", rangeName: "CBA_Partners" },
      ],
    };
    const user = await renderReadyPane(actions);
    await user.click(refreshAll());

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Nothing was written.");
    expect(alert).toHaveTextContent("The inputs have 2 problems; fix them and refresh again.");
    const problems = within(alert).getByRole("list", { name: "Problems that stopped the refresh" });
    expect(within(problems).getAllByRole("listitem")).toHaveLength(2);
    expect(within(problems).getByText("Lines!C4")).toBeInTheDocument();
    expect(screen.queryByText(/^Refreshed/)).not.toBeInTheDocument();

    await user.click(within(alert).getByRole("button", { name: "Select cell C4 on sheet Lines" }));
    expect(actions.callsOf("select")).toEqual([{ sheet: "Lines", address: "C4" }]);
  });

  test("after a refresh the workbook check runs again, so the Workbook tab agrees with the refresh", async () => {
    const actions = new FakeWorkbookActions();
    const user = await renderReadyPane(actions);
    actions.inspection = completeInspection({
      problems: [
        {
          severity: "error",
          message: 'CBA_Lines — Not a number: the Best amount of line "ICT" is not a number.',
          location: { sheet: "Lines", address: "D2" },
        },
      ],
    });
    actions.refreshOutcome = {
      kind: "invalid",
      section: "all",
      elapsedMs: 3,
      problems: answerProblems(actions),
    };
    await user.click(refreshAll());
    expect(await screen.findByText("1 problem in the inputs.")).toBeInTheDocument();
    expect(screen.queryByText("Inputs complete.")).not.toBeInTheDocument();
    expect(actions.calls.map((c) => c.action)).toEqual(["inspect", "refresh", "inspect"]);
  });

  test("a refused refresh keeps the previous figures in the summary", async () => {
    const actions = new FakeWorkbookActions();
    const user = await renderReadyPane(actions);
    await user.click(refreshAll());
    await screen.findByText("Refreshed all results in 420 ms.");
    actions.refreshOutcome = {
      kind: "invalid",
      section: "all",
      elapsedMs: 5,
      problems: [{ severity: "error", message: "Horizon must be a whole number." }],
    };
    await user.click(refreshAll());
    expect(await screen.findByText("Nothing was written.")).toBeInTheDocument();
    await user.click(screen.getByRole("tab", { name: "Summary" }));
    expect(screen.getByRole("region", { name: "Hampshire County Council (HCC)" })).toBeInTheDocument();
  });

  test("an unexpected failure during a refresh is shown in an error message bar and the button comes back", async () => {
    const actions = new FakeWorkbookActions();
    actions.refreshOutcome = new Error(
      "Excel is in cell-editing mode. Press Enter or Esc, then refresh again.",
    );
    const user = await renderReadyPane(actions);
    await user.click(refreshAll());
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Could not refresh the results.");
    expect(alert).toHaveTextContent("cell-editing mode");
    expect(refreshAll()).toBeEnabled();
  });

  test("a second refresh replaces the first confirmation with its own", async () => {
    const actions = new FakeWorkbookActions();
    const user = await renderReadyPane(actions);
    await user.click(refreshAll());
    await screen.findByText("Refreshed all results in 420 ms.");
    actions.refreshOutcome = { ...writtenOutcome(), elapsedMs: 1530 };
    await user.click(refreshAll());
    expect(await screen.findByText("Refreshed all results in 1.5 s.")).toBeInTheDocument();
    expect(screen.queryByText("Refreshed all results in 420 ms.")).not.toBeInTheDocument();
  });
});
