/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import "./jsdomTestSetup";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { TaskPaneApp } from "../../src/taskpane/TaskPaneApp";
import { FakeWorkbookActions, sampleSummary, writtenOutcome } from "./fakeWorkbookActions";

async function refreshAndOpenSummary(actions: FakeWorkbookActions) {
  const user = userEvent.setup();
  render(<TaskPaneApp actions={actions} theme="light" />);
  await screen.findByText("Inputs complete.");
  await user.click(screen.getByRole("button", { name: "Refresh all results" }));
  await screen.findByText(/^Refreshed all results/);
  await user.click(screen.getByRole("tab", { name: "Summary" }));
  return user;
}

/** The figures of one row of a partner's table, by the row's label. */
function rowFigures(region: HTMLElement, label: string): string[] {
  const row = within(region).getByRole("cell", { name: label }).closest("tr")!;
  return within(row)
    .getAllByRole("cell")
    .slice(1)
    .map((cell) => cell.textContent ?? "");
}

describe("board summary", () => {
  test("before any refresh the summary says how to get figures", async () => {
    const user = userEvent.setup();
    render(<TaskPaneApp actions={new FakeWorkbookActions()} theme="light" />);
    await screen.findByText("Inputs complete.");
    await user.click(screen.getByRole("tab", { name: "Summary" }));
    expect(screen.getByText(/Refresh all results to see the figures/)).toBeInTheDocument();
  });

  test("each partner shows set-up, annual position, payback and NPV per case, savings in brackets", async () => {
    await refreshAndOpenSummary(new FakeWorkbookActions());
    const hcc = screen.getByRole("region", { name: "Hampshire County Council (HCC)" });
    expect(
      within(hcc)
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toEqual(["£'000", "Best", "Worst"]);
    expect(rowFigures(hcc, "Set-up")).toEqual(["1,858", "2,197"]);
    expect(rowFigures(hcc, "Annual net")).toEqual(["(1,804)", "(825)"]);
    expect(rowFigures(hcc, "Payback")).toEqual(["2.0 years", "3.7 years"]);
    expect(rowFigures(hcc, "NPV")).toEqual(["12,345", "(251)"]);
    expect(within(hcc).getByText("Payback (Best–Worst): 2.0–3.7 years")).toBeInTheDocument();
  });

  test("the unit and bracket convention are stated above the figures", async () => {
    await refreshAndOpenSummary(new FakeWorkbookActions());
    expect(
      screen.getByText(
        "Figures in £'000: costs positive, savings in brackets. NPV is the net benefit over 10 years (positive = better off).",
      ),
    ).toBeInTheDocument();
  });

  test("a case that does not pay back is said in words, never as a number", async () => {
    await refreshAndOpenSummary(new FakeWorkbookActions());
    const programme = screen.getByRole("region", { name: "Programme" });
    expect(rowFigures(programme, "Payback")).toEqual(["1.5 years", "not within 10 years"]);
    expect(
      within(programme).getByText("Payback (Best–Worst): 1.5 years (Best) to not within 10 years (Worst)"),
    ).toBeInTheDocument();
  });

  test("lines not quantified are listed as N/A, not counted as zero", async () => {
    await refreshAndOpenSummary(new FakeWorkbookActions());
    const hcc = screen.getByRole("region", { name: "Hampshire County Council (HCC)" });
    expect(within(hcc).getByText("Not quantified (N/A, not zero): Estates.")).toBeInTheDocument();
    const programme = screen.getByRole("region", { name: "Programme" });
    expect(within(programme).queryByText(/Not quantified/)).not.toBeInTheDocument();
  });

  test("the risk profile counts risks by band, highest band first, with a total", async () => {
    await refreshAndOpenSummary(new FakeWorkbookActions());
    const profile = screen.getByRole("table", { name: "Risks by band" });
    const rows = within(profile)
      .getAllByRole("row")
      .slice(1)
      .map((row) =>
        within(row)
          .getAllByRole("cell")
          .map((c) => c.textContent),
      );
    expect(rows).toEqual([
      ["High", "0"],
      ["Medium", "7"],
      ["Low", "5"],
      ["Total", "12"],
    ]);
  });

  test("a workbook without a risk register says so instead of showing empty counts", async () => {
    const actions = new FakeWorkbookActions();
    actions.refreshOutcome = { ...writtenOutcome(), summary: { ...sampleSummary(), riskProfile: null } };
    await refreshAndOpenSummary(actions);
    expect(screen.getByText("No risk register in this workbook.")).toBeInTheDocument();
    expect(screen.queryByRole("table", { name: "Risks by band" })).not.toBeInTheDocument();
  });

  test("a third case (contingency) gets its own column", async () => {
    const actions = new FakeWorkbookActions();
    const summary = sampleSummary();
    summary.cases = ["Best", "Worst", "Worst + contingency"];
    actions.refreshOutcome = { ...writtenOutcome(), summary };
    await refreshAndOpenSummary(actions);
    const hcc = screen.getByRole("region", { name: "Hampshire County Council (HCC)" });
    expect(within(hcc).getByRole("columnheader", { name: "Worst + contingency" })).toBeInTheDocument();
    // The headline spread stays best–worst: the contingency case is in the table, not the range.
    expect(within(hcc).getByText("Payback (Best–Worst): 2.0–3.7 years")).toBeInTheDocument();
    // The fixture has no figures for the new case: the pane shows a dash, not a zero.
    expect(rowFigures(hcc, "Set-up")).toEqual(["1,858", "2,197", "—"]);
  });
});
