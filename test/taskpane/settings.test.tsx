/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import "./jsdomTestSetup";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { TaskPaneApp } from "../../src/taskpane/TaskPaneApp";
import type { CaseSettingsValues } from "../../src/taskpane/workbookActions";
import { FakeWorkbookActions, completeInspection, defaultSettings } from "./fakeWorkbookActions";

async function openSettings(actions: FakeWorkbookActions) {
  const user = userEvent.setup();
  render(<TaskPaneApp actions={actions} theme="light" />);
  await screen.findByText("Inputs complete.");
  await user.click(screen.getByRole("tab", { name: "Settings" }));
  return user;
}

async function replace(user: ReturnType<typeof userEvent.setup>, label: string, text: string) {
  const input = screen.getByRole("textbox", { name: label });
  await user.clear(input);
  if (text !== "") await user.type(input, text);
}

describe("settings", () => {
  test("every setting has a labelled control filled from CBA_Settings", async () => {
    const actions = new FakeWorkbookActions();
    actions.inspection = completeInspection({
      settings: { ...defaultSettings, discountRate: 0.06, horizonYears: 7, roundingUnit: 0.01 },
    });
    await openSettings(actions);
    expect(screen.getByRole("radio", { name: "One rate for every year" })).toBeChecked();
    expect(screen.getByRole("textbox", { name: "Discount rate (%)" })).toHaveValue("6");
    expect(screen.getByRole("textbox", { name: "Horizon (years)" })).toHaveValue("7");
    expect(screen.getByRole("textbox", { name: "Rounding unit" })).toHaveValue("0.01");
    expect(screen.getByRole("textbox", { name: "Highest score in each band but the last" })).toHaveValue(
      "10, 15",
    );
    expect(screen.getByRole("textbox", { name: "Band labels, lowest first" })).toHaveValue(
      "Low, Medium, High",
    );
    expect(screen.getByRole("textbox", { name: "Increase to costs (%)" })).toHaveValue("25");
    expect(screen.getByRole("textbox", { name: "Decrease to savings (%)" })).toHaveValue("25");
  });

  test("saving stores the converted settings and confirms where they went", async () => {
    const actions = new FakeWorkbookActions();
    const user = await openSettings(actions);
    await replace(user, "Discount rate (%)", "3");
    await replace(user, "Horizon (years)", "12");
    await replace(user, "Highest score in each band but the last", "4, 9, 16");
    await replace(user, "Band labels, lowest first", "Low, Moderate, Significant, High");
    await replace(user, "Increase to costs (%)", "20");
    await replace(user, "Decrease to savings (%)", "10");
    await user.click(screen.getByRole("button", { name: "Save settings" }));

    expect(await screen.findByText(/Settings saved in CBA_Settings/)).toBeInTheDocument();
    const expected: CaseSettingsValues = {
      discountRate: 0.03,
      horizonYears: 12,
      roundingUnit: 1,
      riskBands: { thresholds: [4, 9, 16], labels: ["Low", "Moderate", "Significant", "High"] },
      contingency: { costIncrease: 0.2, savingDecrease: 0.1 },
    };
    expect(actions.callsOf("saveSettings")).toEqual([expected]);
  });

  test("the Green Book schedule disables the single rate and is saved as the schedule", async () => {
    const actions = new FakeWorkbookActions();
    const user = await openSettings(actions);
    await user.click(screen.getByRole("radio", { name: /Green Book schedule/ }));
    expect(screen.getByRole("textbox", { name: "Discount rate (%)" })).toBeDisabled();
    await user.click(screen.getByRole("button", { name: "Save settings" }));
    await screen.findByText(/Settings saved/);
    expect((actions.callsOf("saveSettings")[0] as CaseSettingsValues).discountRate).toBe("greenBook");
  });

  test("wrong values are explained next to their fields and nothing is saved", async () => {
    const actions = new FakeWorkbookActions();
    const user = await openSettings(actions);
    await replace(user, "Horizon (years)", "ten");
    await replace(user, "Rounding unit", "0");
    await replace(user, "Band labels, lowest first", "Low, High");
    await user.click(screen.getByRole("button", { name: "Save settings" }));

    expect(screen.getByRole("textbox", { name: "Horizon (years)" })).toHaveAccessibleDescription(
      expect.stringContaining("whole number of years from 1 to 125"),
    );
    expect(screen.getByRole("textbox", { name: "Horizon (years)" })).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByText(/rounding unit must be a number above 0/)).toBeInTheDocument();
    expect(screen.getByText(/there must be 3 labels .* found 2/)).toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: "Discount rate (%)" })).not.toHaveAttribute(
      "aria-invalid",
      "true",
    );
    expect(actions.callsOf("saveSettings")).toHaveLength(0);
  });

  test("undo changes puts back what the workbook holds", async () => {
    const actions = new FakeWorkbookActions();
    const user = await openSettings(actions);
    await replace(user, "Horizon (years)", "99");
    await user.click(screen.getByRole("button", { name: "Undo changes" }));
    expect(screen.getByRole("textbox", { name: "Horizon (years)" })).toHaveValue("10");
  });

  test("a save Excel refuses is reported and the typed values stay for another try", async () => {
    const actions = new FakeWorkbookActions();
    actions.saveFailure = new Error("The sheet holding CBA_Settings is protected.");
    const user = await openSettings(actions);
    await replace(user, "Horizon (years)", "15");
    await user.click(screen.getByRole("button", { name: "Save settings" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Could not save the settings.");
    expect(alert).toHaveTextContent("protected");
    expect(screen.getByRole("textbox", { name: "Horizon (years)" })).toHaveValue("15");
  });

  test("the form can be saved from the keyboard alone", async () => {
    const actions = new FakeWorkbookActions();
    const user = await openSettings(actions);
    screen.getByRole("textbox", { name: "Horizon (years)" }).focus();
    await user.keyboard("{Control>}a{/Control}20{Enter}");
    expect(await screen.findByText(/Settings saved/)).toBeInTheDocument();
    expect((actions.callsOf("saveSettings")[0] as CaseSettingsValues).horizonYears).toBe(20);
  });
});
