/** @jest-environment jsdom */
/**
 * After every main action the focus lands on the message saying how it went, so a keyboard or
 * screen-reader user hears the outcome; and problems that follow from one mistake are folded
 * under it, the cause first.
 */
import "@testing-library/jest-dom";
import "./jsdomTestSetup";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { TaskPaneApp } from "../../src/taskpane/TaskPaneApp";
import { groupedByCause } from "../../src/taskpane/components/ProblemList";
import type { WorkbookProblem } from "../../src/taskpane/workbookActions";
import { FakeWorkbookActions, completeInspection, emptyInspection } from "./fakeWorkbookActions";

async function readyPane(actions = new FakeWorkbookActions()) {
  const user = userEvent.setup();
  render(<TaskPaneApp actions={actions} theme="light" />);
  await screen.findByText("Inputs complete.");
  return { user, actions };
}

/** The outcome message holding `text`: the element marked `data-outcome` around it. */
function outcomeHolding(text: string | RegExp): HTMLElement {
  const message = screen.getByText(text).closest<HTMLElement>("[data-outcome]");
  if (!message) throw new Error(`no outcome message holds ${String(text)}`);
  return message;
}

const partnerCause = '"HFRS" is not a partner code in CBA_Partners';
const cascade: WorkbookProblem[] = [
  {
    severity: "error",
    message: 'CBA_Baseline — Unknown partner code: column "HFRS" holds amounts.',
    location: { sheet: "Baseline", address: "D1" },
    cause: partnerCause,
  },
  {
    severity: "error",
    message: 'CBA_Lines — Not a number: the Best value of line "ICT" is "lots".',
    location: { sheet: "Lines", address: "D2" },
  },
  {
    severity: "error",
    message: 'CBA_Baseline — Total disagrees: the total of "ICT" shows 62,100.',
    location: { sheet: "Baseline", address: "E3" },
    cause: partnerCause,
  },
  {
    severity: "error",
    message: 'CBA_Lines — Unknown pool or partner: line "HFRS category management" is allocated to "HFRS".',
    location: { sheet: "Lines", address: "C23" },
    cause: partnerCause,
  },
  {
    severity: "error",
    message: 'CBA_Pools — Unknown partner code: pool "Fleet" lists partner "XX".',
    cause: '"XX" is not a partner code in CBA_Partners',
  },
];

describe("focus after each action", () => {
  test("opening the pane checks the workbook without taking the focus", async () => {
    await readyPane();
    expect(document.body).toHaveFocus();
  });

  test("Check again: the focus lands on the check's outcome", async () => {
    const { user } = await readyPane();
    await user.click(screen.getByRole("button", { name: "Check again" }));
    await screen.findByRole("button", { name: "Check again" });
    expect(outcomeHolding("Inputs complete.")).toHaveFocus();
    expect(outcomeHolding("Inputs complete.")).toHaveAttribute("tabindex", "-1");
  });

  test("refresh: the focus lands on what was written, or on why nothing was", async () => {
    const { user, actions } = await readyPane();
    await user.click(screen.getByRole("button", { name: "Refresh all results" }));
    await screen.findByText("Refreshed all results in 420 ms.");
    expect(outcomeHolding("Refreshed all results in 420 ms.")).toHaveFocus();

    actions.refreshOutcome = { kind: "invalid", section: "all", problems: cascade, elapsedMs: 5 };
    await user.click(screen.getByRole("button", { name: "Refresh risk register only" }));
    const refused = await screen.findByRole("alert");
    expect(refused).toHaveFocus();
    expect(refused).toHaveTextContent("Nothing was written.");
  });

  test("insert the example: the focus lands on the notice saying what to do next", async () => {
    const actions = new FakeWorkbookActions();
    actions.inspection = emptyInspection();
    const user = userEvent.setup();
    render(<TaskPaneApp actions={actions} theme="light" />);
    await user.click(await screen.findByRole("button", { name: "Insert the Hampshire example" }));
    await screen.findByText("Inputs complete.");
    expect(outcomeHolding(/Inserted the Hampshire example/)).toHaveFocus();
  });

  test("save settings: refused, the focus goes to the field in error; saved, to the notice", async () => {
    const { user } = await readyPane();
    await user.click(screen.getByRole("tab", { name: "Settings" }));
    const horizon = screen.getByRole("textbox", { name: "Horizon (years)" });
    await user.clear(horizon);
    await user.type(horizon, "ten");
    await user.click(screen.getByRole("button", { name: "Save settings" }));
    expect(horizon).toHaveAttribute("aria-invalid", "true");
    expect(horizon).toHaveFocus();

    await user.clear(horizon);
    await user.type(horizon, "8{Enter}");
    await screen.findByText(/Settings saved in CBA_Settings/);
    expect(outcomeHolding(/Settings saved in CBA_Settings/)).toHaveFocus();
  });

  test("a failure: the focus lands on the error message", async () => {
    const actions = new FakeWorkbookActions();
    const { user } = await readyPane(actions);
    actions.refreshOutcome = new Error("The workbook was closed.");
    await user.click(screen.getByRole("button", { name: "Refresh all results" }));
    const failure = await screen.findByText("The workbook was closed.");
    expect(failure.closest("[data-outcome]")).toHaveAttribute("data-outcome", "failure");
    expect(failure.closest("[data-outcome]")).toHaveFocus();
  });
});

describe("problems grouped by cause", () => {
  test("problems sharing a cause form one group where the first appears; a lone cause stays a problem", () => {
    const groups = groupedByCause(cascade);
    expect(groups.map((g) => [g.cause, g.problems.map((p) => p.location?.address)])).toEqual([
      [partnerCause, ["D1", "E3", "C23"]],
      [undefined, ["D2"]],
      [undefined, [undefined]],
    ]);
    // Nothing is lost or repeated.
    expect(groups.flatMap((g) => g.problems)).toHaveLength(cascade.length);
  });

  test("the pane shows the cause first with its consequences folded under it, opened on request", async () => {
    const actions = new FakeWorkbookActions();
    actions.inspection = completeInspection({ problems: cascade });
    const user = userEvent.setup();
    render(<TaskPaneApp actions={actions} theme="light" />);
    const list = await screen.findByRole("list", { name: "Problems found in the inputs" });
    const items = within(list)
      .getAllByRole("listitem")
      .filter((item) => item.parentElement === list);
    expect(items).toHaveLength(3);
    const cause = within(items[0]!).getByRole("button", {
      name: `Cause: ${partnerCause}. 3 problems follow from it.`,
    });
    expect(cause).toHaveAttribute("aria-expanded", "false");
    expect(screen.queryByText(/Total disagrees/)).not.toBeInTheDocument();
    expect(items[1]).toHaveTextContent("Not a number");
    // The lone problem with a cause of its own reads as its message, not as a group of one.
    expect(items[2]).toHaveTextContent('lists partner "XX"');
    expect(within(items[2]!).queryByRole("button", { name: /^Cause:/ })).not.toBeInTheDocument();

    cause.focus();
    await user.keyboard("{Enter}");
    expect(cause).toHaveAttribute("aria-expanded", "true");
    const consequences = screen.getByRole("list", { name: `Problems that follow from: ${partnerCause}` });
    expect(within(consequences).getAllByRole("listitem")).toHaveLength(3);
    await user.click(within(consequences).getByRole("button", { name: "Select cell E3 on sheet Baseline" }));
    expect(actions.callsOf("select")).toEqual([{ sheet: "Baseline", address: "E3" }]);
  });
});
