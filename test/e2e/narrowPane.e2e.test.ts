/**
 * The pane at Excel's narrowest task pane width (320 px) in headless Chromium over a simulated
 * Excel: every view fits without sideways scrolling, the main actions run from the keyboard alone,
 * focus lands on each action's outcome, and one mistake shows as one group of problems.
 */
import type { Page } from "playwright-core";
import {
  emptyWorkbookHeading,
  paneWidth,
  screenshot,
  tabTo,
  timeUntilText,
  typeIntoCell,
  workbookDump,
} from "./taskpanePage";
import { expectFitsPaneWidth, expectNoSeriousViolations, setUpTaskPaneSession } from "./taskpaneSession";

const browserTestTimeout = 180_000;

const session = setUpTaskPaneSession({
  figuresFile: "narrow-pane-figures.json",
  figuresHeading: "Narrow pane figures",
});

/** The `data-outcome` of the focused element and its text: where an action left the focus. */
function focusedOutcome(page: Page): Promise<{ outcome: string | null; text: string }> {
  return page.evaluate(() => ({
    outcome: document.activeElement?.getAttribute("data-outcome") ?? null,
    text: (document.activeElement?.textContent ?? "").trim(),
  }));
}

/** Kept as a screenshot under test-results/screenshots (before the checks, to see a failure), fits the width, is accessible. */
async function checkView(page: Page, name: string): Promise<void> {
  await screenshot(page, `narrow-${name}`);
  await expectFitsPaneWidth(page);
  await expectNoSeriousViolations(page);
}

/** From anywhere in the pane: to the tab list (one Tab stop), then along it with the arrow keys. */
async function openTabByKeyboard(page: Page, from: string, to: string, key: "ArrowRight" | "ArrowLeft") {
  await tabTo(page, page.getByRole("tab", { name: from }), { backwards: true });
  const target = page.getByRole("tab", { name: to });
  for (let presses = 0; presses < 4; presses++) {
    if (await target.evaluate((tab) => tab === document.activeElement)) break;
    await page.keyboard.press(key);
  }
  await page.keyboard.press("Enter");
  await expect(target.getAttribute("aria-selected")).resolves.toBe("true");
}

describe(`the task pane at ${paneWidth} px`, () => {
  test(
    "keyboard only: insert, refresh, summary, simulation, settings, check; focus lands on each outcome",
    async () => {
      const { page } = await session.open();
      await timeUntilText(page, emptyWorkbookHeading);
      expect(await page.evaluate(() => window.innerWidth)).toBe(paneWidth);
      await checkView(page, "01-empty");

      await tabTo(page, page.getByRole("button", { name: "Insert the Hampshire example" }));
      await page.keyboard.press("Enter");
      await page.getByText("Inputs complete.").waitFor();
      expect(await focusedOutcome(page)).toEqual({
        outcome: "notice",
        text: expect.stringContaining("Inserted the Hampshire example"),
      });
      await checkView(page, "02-inserted");

      await tabTo(page, page.getByRole("button", { name: "Refresh all results" }), { backwards: true });
      await page.keyboard.press("Enter");
      await page.getByText(/^Refreshed all results in/).waitFor();
      expect(await focusedOutcome(page)).toEqual({
        outcome: "refresh",
        text: expect.stringMatching(/^Refreshed all results in/),
      });
      expect((await workbookDump(page)).sheetOrder).toContain("CBA Partners");
      await checkView(page, "03-refreshed");

      await openTabByKeyboard(page, "Workbook", "Summary", "ArrowRight");
      await page.getByText("From the refresh of").waitFor();
      await expect(
        page
          .getByRole("region", { name: "Hampshire County Council (HCC)" })
          .getByRole("cell", { name: "1,858" })
          .count(),
      ).resolves.toBe(1);
      await checkView(page, "04-summary");

      await openTabByKeyboard(page, "Summary", "Risk analysis", "ArrowRight");
      const trials = page.getByRole("textbox", { name: "Trials" });
      await tabTo(page, trials);
      await page.keyboard.press("Control+A");
      await page.keyboard.type("2000");
      await page.keyboard.press("Enter");
      await page.getByText(/^Simulated 2,000 trials in/).waitFor();
      expect(await focusedOutcome(page)).toEqual({
        outcome: "simulation",
        text: expect.stringMatching(/^Simulated 2,000 trials in/),
      });
      await checkView(page, "05-simulation");

      await openTabByKeyboard(page, "Risk analysis", "Settings", "ArrowRight");
      const horizon = page.getByRole("textbox", { name: "Horizon (years)" });
      await tabTo(page, horizon);
      await page.keyboard.press("Control+A");
      await page.keyboard.type("ten");
      await page.keyboard.press("Enter");
      await page.getByText("The horizon must be a whole number of years from 1 to 125.").waitFor();
      // Refused: the focus goes to the field in error, whose description says what is wrong.
      await expect(horizon.evaluate((box) => box === document.activeElement)).resolves.toBe(true);
      await checkView(page, "06-settings-error");
      await page.keyboard.press("Control+A");
      await page.keyboard.type("8");
      await page.keyboard.press("Enter");
      await page.getByText(/Settings saved in CBA_Settings/).waitFor();
      expect((await focusedOutcome(page)).outcome).toBe("notice");
      const settingsSheet = (await workbookDump(page)).sheets["Settings"]!;
      expect(settingsSheet.find((row) => row[0] === "Horizon (years)")?.[1]).toBe(8);
      await checkView(page, "07-settings-saved");

      await openTabByKeyboard(page, "Settings", "Workbook", "ArrowLeft");
      await tabTo(page, page.getByRole("button", { name: "Check again" }));
      await page.keyboard.press("Space");
      await page.waitForFunction(() => document.activeElement?.getAttribute("data-outcome") === "check");
      expect((await focusedOutcome(page)).text).toMatch(/^Inputs complete\./);
      await checkView(page, "08-checked");

      await tabTo(page, page.getByRole("button", { name: "Refresh risk register only" }), {
        backwards: true,
      });
      await page.keyboard.press("Space");
      await page.getByText(/^Refreshed risk register in/).waitFor();
      expect((await focusedOutcome(page)).outcome).toBe("refresh");
    },
    browserTestTimeout,
  );

  test(
    "one wrong partner code: one group, the cause first and its consequences folded under it",
    async () => {
      const page = await session.openWithHampshireExample();
      await typeIntoCell(page, "Partners", "A4", "HFR");
      await page.getByRole("button", { name: "Refresh all results" }).click();
      const alert = page.getByRole("alert").filter({ hasText: "Nothing was written." });
      await alert.waitFor();
      expect(await focusedOutcome(page)).toEqual({
        outcome: "refresh",
        text: expect.stringContaining("Nothing was written."),
      });
      const group = alert.getByRole("button", { name: /"HFRS" is not a partner code in CBA_Partners/ });
      await expect(group.getAttribute("aria-expanded")).resolves.toBe("false");
      await checkView(page, "09-grouped-problems");

      // Opened from the keyboard: the consequences each name their cell.
      await tabTo(page, group);
      await page.keyboard.press("Enter");
      await expect(group.getAttribute("aria-expanded")).resolves.toBe("true");
      await expect(alert.getByText("Baseline!D1", { exact: true }).count()).resolves.toBe(1);
      await expect(alert.getByText("Lines!C23", { exact: true }).count()).resolves.toBe(1);
      await checkView(page, "10-grouped-problems-open");
    },
    browserTestTimeout,
  );

  test(
    "the Northshire example's summary (more cases, longer names) fits too",
    async () => {
      const { page } = await session.open();
      await timeUntilText(page, emptyWorkbookHeading);
      await page.getByRole("button", { name: "Insert the Northshire example" }).click();
      await page.getByRole("button", { name: "Refresh all results" }).click();
      await page.getByText(/^Refreshed all results in/).waitFor();
      await checkView(page, "11-northshire-refreshed");
      await page.getByRole("tab", { name: "Summary" }).click();
      await page.getByText("From the refresh of").waitFor();
      await checkView(page, "12-northshire-summary");
    },
    browserTestTimeout,
  );
});
