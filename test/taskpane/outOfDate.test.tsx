/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import "./jsdomTestSetup";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { TaskPaneApp } from "../../src/taskpane/TaskPaneApp";
import { completeInspection, FakeWorkbookActions } from "./fakeWorkbookActions";

async function refreshAndOpenSummary(actions: FakeWorkbookActions) {
  const user = userEvent.setup();
  render(<TaskPaneApp actions={actions} theme="light" />);
  await screen.findByText("Inputs complete.");
  await user.click(screen.getByRole("button", { name: "Refresh all results" }));
  await screen.findByText(/^Refreshed all results/);
  await user.click(screen.getByRole("tab", { name: "Summary" }));
  return user;
}

const lineError = {
  severity: "error" as const,
  message: 'CBA_Lines — Not a number: the Best amount of line "ICT" is not a number.',
  location: { sheet: "Lines", address: "D2" },
};

describe("results out of date", () => {
  test("after a refresh the summary says which refresh it shows, with no out-of-date mark", async () => {
    await refreshAndOpenSummary(new FakeWorkbookActions());
    expect(screen.getByText("From the refresh of 1 Apr 2026, 09:30 UTC.")).toBeInTheDocument();
    expect(screen.queryByText("Out of date")).not.toBeInTheDocument();
  });

  test("editing an input marks the summary and every section out of date; refreshing clears the mark", async () => {
    const actions = new FakeWorkbookActions();
    const user = await refreshAndOpenSummary(actions);

    act(() => actions.editInputs("2222222222222222"));

    const warning = await screen.findByText(/An input has changed since these figures were computed/);
    expect(warning).toHaveTextContent("(refresh of 1 Apr 2026, 09:30 UTC)");
    for (const section of ["Hampshire County Council (HCC)", "Programme", "Risk profile"]) {
      expect(
        within(screen.getByRole("region", { name: section })).getByText("Out of date"),
      ).toBeInTheDocument();
    }

    await user.click(screen.getByRole("button", { name: "Refresh now" }));
    await waitFor(() => expect(screen.queryByText("Out of date")).not.toBeInTheDocument());
    expect(actions.callsOf("refresh")).toEqual(["all", "all"]);
    expect(screen.getByText("From the refresh of 1 Apr 2026, 10:00 UTC.")).toBeInTheDocument();
  });

  test("a change event from the product's own writes (inputs unchanged) does not mark anything", async () => {
    const actions = new FakeWorkbookActions();
    await refreshAndOpenSummary(actions);
    const checks = actions.callsOf("inspect").length;

    act(() => actions.fireChange());

    // The pane re-checks after the event, finds the same fingerprint, and leaves the summary as it was.
    await waitFor(() => expect(actions.callsOf("inspect").length).toBe(checks + 1));
    expect(screen.queryByText("Out of date")).not.toBeInTheDocument();
    expect(screen.getByText("From the refresh of 1 Apr 2026, 09:30 UTC.")).toBeInTheDocument();
  });

  test("a burst of edits is checked once, after the edits stop", async () => {
    const actions = new FakeWorkbookActions();
    await refreshAndOpenSummary(actions);
    const checks = actions.callsOf("inspect").length;

    act(() => {
      for (let edit = 0; edit < 5; edit++) actions.editInputs(`333333333333333${edit}`);
    });

    await screen.findByText(/An input has changed/);
    expect(actions.callsOf("inspect").length).toBe(checks + 1);
  });

  test("without change events, regaining focus finds the edit", async () => {
    const actions = new FakeWorkbookActions();
    actions.changeListeners = null;
    await refreshAndOpenSummary(actions);

    actions.inspection = completeInspection({ inputFingerprint: "4444444444444444" });
    fireEvent.focus(window);

    expect(await screen.findByText(/An input has changed/)).toBeInTheDocument();
  });

  test("a Check after an edit marks the summary too", async () => {
    const actions = new FakeWorkbookActions();
    actions.changeListeners = null;
    const user = await refreshAndOpenSummary(actions);
    actions.inspection = completeInspection({ inputFingerprint: "5555555555555555" });

    await user.click(screen.getByRole("tab", { name: "Workbook" }));
    await user.click(screen.getByRole("button", { name: "Check again" }));
    await user.click(screen.getByRole("tab", { name: "Summary" }));

    expect(screen.getByText(/An input has changed/)).toBeInTheDocument();
  });

  test("an error that stopped a refresh disappears once the input is fixed", async () => {
    const actions = new FakeWorkbookActions();
    actions.inspection = completeInspection({ problems: [lineError] });
    actions.refreshOutcome = {
      kind: "invalid",
      section: "all",
      elapsedMs: 12,
      problems: [{ ...lineError, message: lineError.message }],
      stamp: { inputFingerprint: "1111111111111111", refreshedAt: "2026-04-01T09:30:00.000Z" },
    };
    const user = userEvent.setup();
    render(<TaskPaneApp actions={actions} theme="light" />);
    await screen.findByText(/1 problem in the inputs/);
    await user.click(screen.getByRole("button", { name: "Refresh all results" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Nothing was written.");

    // The user types a number into Lines!D2.
    act(() => actions.editInputs("6666666666666666", { problems: [] }));

    await waitFor(() => expect(screen.queryByRole("alert")).not.toBeInTheDocument());
    expect(await screen.findByText("Inputs complete.")).toBeInTheDocument();
    expect(screen.queryByText(/is not a number/)).not.toBeInTheDocument();
  });

  test("the pane stops listening for changes when it closes", async () => {
    const actions = new FakeWorkbookActions();
    const { unmount } = render(<TaskPaneApp actions={actions} theme="light" />);
    await screen.findByText("Inputs complete.");
    await waitFor(() => expect(actions.changeListeners!.size).toBe(1));
    unmount();
    await waitFor(() => expect(actions.changeListeners!.size).toBe(0));
  });
});
