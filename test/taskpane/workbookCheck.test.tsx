/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import "./jsdomTestSetup";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { TaskPaneApp } from "../../src/taskpane/TaskPaneApp";
import { FakeWorkbookActions, completeInspection, emptyInspection } from "./fakeWorkbookActions";

function renderPane(actions: FakeWorkbookActions) {
  const user = userEvent.setup();
  render(<TaskPaneApp actions={actions} theme="light" />);
  return user;
}

describe("workbook check on opening", () => {
  test("the pane says it is checking the workbook until the check answers", async () => {
    const actions = new FakeWorkbookActions();
    actions.holdInspect();
    renderPane(actions);
    expect(screen.getByText("Checking the workbook…")).toBeInTheDocument();
    actions.releaseInspect();
    expect(await screen.findByText("Inputs complete.")).toBeInTheDocument();
    expect(screen.queryByText("Checking the workbook…")).not.toBeInTheDocument();
  });

  test("a complete workbook lists every input range with where it was found", async () => {
    const actions = new FakeWorkbookActions();
    renderPane(actions);
    const table = await screen.findByRole("table", { name: "Input ranges" });
    const rows = within(table).getAllByRole("row");
    expect(rows).toHaveLength(5);
    expect(within(table).getByText("CBA_Lines").closest("tr")).toHaveTextContent("Found at Inputs!A21");
    expect(screen.getByText("Inputs complete.")).toBeInTheDocument();
  });

  test("a missing range is named as missing in words, not only in colour", async () => {
    const actions = new FakeWorkbookActions();
    const inspection = completeInspection();
    const lines = inspection.ranges.find((r) => r.name === "CBA_Lines")!;
    delete lines.location;
    const risks = inspection.ranges.find((r) => r.name === "CBA_Risks")!;
    delete risks.location;
    actions.inspection = inspection;
    renderPane(actions);
    const table = await screen.findByRole("table", { name: "Input ranges" });
    expect(within(table).getByText("CBA_Lines").closest("tr")).toHaveTextContent("Missing (required)");
    expect(within(table).getByText("CBA_Risks").closest("tr")).toHaveTextContent("Not present (optional)");
    expect(screen.getByText("1 required range missing.")).toBeInTheDocument();
  });

  test("each problem shows its cell address and a button that selects that cell", async () => {
    const actions = new FakeWorkbookActions();
    actions.inspection = completeInspection({
      problems: [
        {
          severity: "error",
          message: "Likelihood of risk 'HR 1' must be a whole number from 1 to 5 (got 7).",
          location: { sheet: "Risk register", address: "D7" },
          rangeName: "CBA_Risks",
        },
        {
          severity: "warning",
          message: "Line 'Estates' is not quantified in any case.",
          location: { sheet: "Lines", address: "A9" },
        },
      ],
    });
    const user = renderPane(actions);
    const list = await screen.findByRole("list", { name: "Problems found in the inputs" });
    expect(within(list).getAllByRole("listitem")).toHaveLength(2);
    expect(within(list).getByText("'Risk register'!D7")).toBeInTheDocument();
    expect(within(list).getByText("Lines!A9")).toBeInTheDocument();
    expect(
      within(list)
        .getByText(/Warning:/)
        .closest("li"),
    ).toHaveTextContent("Estates");
    expect(screen.getByText("2 problems in the inputs.")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Select cell D7 on sheet Risk register" }));
    expect(actions.callsOf("select")).toEqual([{ sheet: "Risk register", address: "D7" }]);
  });

  test("a workbook that cannot be read says so and offers to check again", async () => {
    const actions = new FakeWorkbookActions();
    actions.inspection = new Error("The workbook is protected.");
    const user = renderPane(actions);
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Could not check the workbook.");
    expect(alert).toHaveTextContent("The workbook is protected.");
    actions.inspection = completeInspection();
    await user.click(screen.getByRole("button", { name: "Check again" }));
    expect(await screen.findByText("Inputs complete.")).toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });
});

describe("starting from an empty workbook", () => {
  test("an empty workbook offers the Hampshire example and a blank template", async () => {
    const actions = new FakeWorkbookActions();
    actions.inspection = emptyInspection();
    renderPane(actions);
    expect(
      await screen.findByRole("heading", { name: "This workbook has no business case yet" }),
    ).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Insert the Hampshire example" })).toBeEnabled();
    expect(screen.getByRole("button", { name: "Insert a blank template" })).toBeEnabled();
  });

  test("inserting the example writes it, checks the workbook again and says what to do next", async () => {
    const actions = new FakeWorkbookActions();
    actions.inspection = emptyInspection();
    const user = renderPane(actions);
    await user.click(await screen.findByRole("button", { name: "Insert the Hampshire example" }));
    expect(await screen.findByText("Inputs complete.")).toBeInTheDocument();
    expect(screen.getByText(/Inserted the Hampshire example\. Refresh/)).toBeInTheDocument();
    expect(actions.calls.map((c) => c.action)).toEqual(["inspect", "insertExample", "inspect"]);
  });

  test("the Northshire example is offered beside Hampshire and inserted by name", async () => {
    const actions = new FakeWorkbookActions();
    actions.inspection = emptyInspection();
    const user = renderPane(actions);
    const northshire = await screen.findByRole("button", { name: "Insert the Northshire example" });
    expect(northshire).toBeEnabled();
    await user.click(northshire);
    expect(await screen.findByText(/Inserted the Northshire example\. Refresh/)).toBeInTheDocument();
    expect(actions.calls.filter((c) => c.action === "insertExample")).toEqual([
      { action: "insertExample", argument: "northshire" },
    ]);
  });

  test("inserting the blank template checks the workbook again", async () => {
    const actions = new FakeWorkbookActions();
    actions.inspection = emptyInspection();
    const user = renderPane(actions);
    await user.click(await screen.findByRole("button", { name: "Insert a blank template" }));
    expect(await screen.findByText(/Inserted a blank template/)).toBeInTheDocument();
    expect(actions.callsOf("insertTemplate")).toHaveLength(1);
  });

  test("a failed insert is reported in an error message bar and the offer stays", async () => {
    const actions = new FakeWorkbookActions();
    actions.inspection = emptyInspection();
    actions.insertFailure = new Error("A sheet named 'Lines' already exists and is not the product's.");
    const user = renderPane(actions);
    await user.click(await screen.findByRole("button", { name: "Insert the Hampshire example" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Could not insert the Hampshire example.");
    expect(alert).toHaveTextContent("A sheet named 'Lines' already exists");
    expect(screen.getByRole("button", { name: "Insert the Hampshire example" })).toBeEnabled();
    await user.click(screen.getByRole("button", { name: "Dismiss the error" }));
    await waitFor(() => expect(screen.queryByRole("alert")).not.toBeInTheDocument());
  });
});
