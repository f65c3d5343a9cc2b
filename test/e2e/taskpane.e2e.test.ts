/**
 * The built add-in in headless Chromium over a simulated Excel: what a user sees and does, and what
 * lands in the workbook. Needs Debian's Chromium (`apt-get install -y chromium`); without it these
 * tests fail with that instruction rather than skip.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { bundleSizes, kilobytes } from "./addinBuild";
import {
  cellSelected,
  emptyWorkbookHeading,
  insertHampshireExample,
  screenshot,
  timeUntilText,
  typeIntoCell,
  workbookDump,
  workbookSelection,
} from "./taskpanePage";
import { expectNoSeriousViolations, setUpTaskPaneSession } from "./taskpaneSession";
import type { WorkbookDump } from "../simulatedExcel";

interface Golden {
  per_organisation: Record<string, [number, number, number, number]>;
}
const golden = JSON.parse(
  readFileSync(resolve(__dirname, "../../../shared/golden/hampshire.json"), "utf8"),
) as Golden;

/** A browser test drives several screens; each gets this long (the build has its own limit). */
const browserTestTimeout = 120_000;

const session = setUpTaskPaneSession({
  figuresFile: "taskpane-figures.json",
  figuresHeading: "Task pane figures",
  afterBuild: (build, figures) => {
    for (const size of bundleSizes(build.folder)) {
      figures[`${size.file} minified`] = kilobytes(size.minifiedBytes);
      figures[`${size.file} gzipped`] = kilobytes(size.gzippedBytes);
    }
    figures["build (add-in + simulated host), ms"] = build.buildMs;
  },
});
const { figures } = session;

/** Rows of the per-partner results table on the CBA Partners sheet, keyed by its own headers. */
function partnerResults(dump: WorkbookDump): Record<string, string | number | boolean | null>[] {
  const rows = dump.sheets["CBA Partners"] ?? [];
  const headerIndex = rows.findIndex(
    (row) => row.includes("Partner") && row.includes("Set-up") && row.includes("Case"),
  );
  if (headerIndex === -1)
    throw new Error("CBA Partners has no results table with Partner, Case and Set-up headers");
  const header = rows[headerIndex]!;
  const body: Record<string, string | number | boolean | null>[] = [];
  for (const row of rows.slice(headerIndex + 1)) {
    if (row.every((cell) => cell === null)) break;
    body.push(Object.fromEntries(header.map((name, column) => [String(name), row[column] ?? null])));
  }
  return body;
}

describe("the task pane in Chromium over a simulated workbook", () => {
  test(
    "empty workbook → insert the Hampshire example → refresh → the results are in the workbook",
    async () => {
      const { page } = await session.open();
      figures["page load to interactive pane (empty workbook), ms"] = Math.round(
        await timeUntilText(page, emptyWorkbookHeading),
      );
      await screenshot(page, "01-empty-workbook");
      await expectNoSeriousViolations(page);

      // office.js's stand-in saw the custom functions register from the same page.
      const associated = await page.evaluate(
        () => (window as unknown as { __cbaAssociatedFunctions: string[] }).__cbaAssociatedFunctions,
      );
      expect(associated.length).toBeGreaterThan(0);

      // Keyboard only: Tab to the example button and press Enter; focus must be visible on the way.
      const insert = page.getByRole("button", { name: "Insert the Hampshire example" });
      for (
        let presses = 0;
        presses < 15 && !(await insert.evaluate((button) => button === document.activeElement));
        presses++
      ) {
        await page.keyboard.press("Tab");
      }
      await expect(insert.evaluate((button) => button === document.activeElement)).resolves.toBe(true);
      const outline = await insert.evaluate((button) => {
        const after = getComputedStyle(button, "::after");
        const own = getComputedStyle(button);
        return {
          pseudo: after.borderTopWidth + " " + after.borderTopStyle,
          outline: own.outlineStyle + " " + own.outlineWidth,
        };
      });
      expect(outline.pseudo !== "0px none" || outline.outline !== "none 0px").toBe(true);
      await screenshot(page, "02-keyboard-focus-on-insert");
      await page.keyboard.press("Enter");
      await page.getByText("Inputs complete.").waitFor();
      await screenshot(page, "03-example-inserted");
      const inserted = await workbookDump(page);
      expect(inserted.sheetOrder).toEqual(
        expect.arrayContaining(["Partners", "Baseline", "Pools", "Lines", "Settings", "Risks"]),
      );
      expect(inserted.sheetOrder).not.toContain("CBA Partners");

      const startedAt = await page.evaluate(() => performance.now());
      await page.getByRole("button", { name: "Refresh all results" }).click();
      const finishedAt = await timeUntilText(page, "Refreshed all results in");
      figures["full refresh of the Hampshire example (click to confirmation), ms"] = Math.round(
        finishedAt - startedAt,
      );
      const reported = await page.getByText(/^Refreshed all results in/).textContent();
      figures["full refresh as the pane reports it"] =
        reported?.replace("Refreshed all results in ", "").replace(/\.$/, "") ?? "";
      await expect(page.getByRole("button", { name: "Refresh all results" }).isEnabled()).resolves.toBe(true);
      await screenshot(page, "04-refreshed");
      await expectNoSeriousViolations(page);

      const dump = await workbookDump(page);
      for (const sheet of ["CBA Apportionment", "CBA Partners", "CBA Risks", "CBA Checks"])
        expect(dump.sheetOrder).toContain(sheet);
      const results = partnerResults(dump);
      for (const [code, label] of [
        ["HCC", "HCC total"],
        ["HC", "HC total"],
        ["HFRS", "HFRS total"],
        ["Programme", "Total programme"],
      ] as const) {
        const [setUpBest, setUpWorst, annualBest, annualWorst] = golden.per_organisation[label]!;
        const row = (caseName: string) =>
          results.find((r) => r["Partner"] === code && r["Case"] === caseName);
        expect([row("Best")?.["Set-up"], row("Worst")?.["Set-up"]]).toEqual([setUpBest, setUpWorst]);
        const annualHeader = Object.keys(results[0]!).find((h) => h.startsWith("Annual"))!;
        expect([row("Best")?.[annualHeader], row("Worst")?.[annualHeader]]).toEqual([
          annualBest,
          annualWorst,
        ]);
      }
      // Risk scores and bands were written back into the register's own columns.
      const register = dump.sheets["Risks"]!;
      const scoreColumn = register[0]!.indexOf("Score");
      expect(register.slice(1).every((row) => typeof row[scoreColumn] === "number")).toBe(true);

      await page.getByRole("tab", { name: "Summary" }).click();
      const hcc = page.getByRole("region", { name: "Hampshire County Council (HCC)" });
      await expect(hcc.getByRole("cell", { name: "1,858" }).count()).resolves.toBe(1);
      await expect(hcc.getByRole("cell", { name: "(1,804)" }).count()).resolves.toBe(1);
      await screenshot(page, "05-summary");
      await expectNoSeriousViolations(page);

      await page.getByRole("tab", { name: "Settings" }).click();
      await page.getByRole("textbox", { name: "Discount rate (%)" }).waitFor();
      await screenshot(page, "06-settings");
      await expectNoSeriousViolations(page);
    },
    browserTestTimeout,
  );

  test(
    "a broken input: the error names the cell, the cell can be selected, and nothing is written",
    async () => {
      const page = await session.openWithHampshireExample();
      await typeIntoCell(page, "Lines", "D2", "about a million");
      const before = await workbookDump(page);

      await page.getByRole("button", { name: "Refresh all results" }).click();
      const alert = page.getByRole("alert").filter({ hasText: "Nothing was written." });
      await alert.waitFor();
      await expect(alert.textContent()).resolves.toMatch(/CBA_Lines/);
      await expect(alert.getByText("Lines!D2").count()).resolves.toBe(1);
      // The Workbook tab was checked again and agrees: it lists the same problem.
      await page.getByText("1 problem in the inputs.").waitFor();
      await expect(page.getByText("Inputs complete.").count()).resolves.toBe(0);
      await screenshot(page, "07-invalid-input");
      await expectNoSeriousViolations(page);
      expect(await workbookDump(page)).toEqual(before);

      await alert.getByRole("button", { name: "Select cell D2 on sheet Lines" }).click();
      await cellSelected(page);
      expect(await workbookSelection(page)).toEqual({ sheet: "Lines", address: "D2" });

      // Fixed, the same refresh goes through.
      await typeIntoCell(page, "Lines", "D2", 1140);
      await page.getByRole("button", { name: "Refresh all results" }).click();
      await page.getByText(/^Refreshed all results in/).waitFor();
      expect((await workbookDump(page)).sheetOrder).toContain("CBA Partners");
    },
    browserTestTimeout,
  );

  test(
    "settings saved from the pane travel in CBA_Settings and change the next refresh",
    async () => {
      // 8 years, not more: the example's phasing profiles run to year 10, and a longer horizon is refused.
      const page = await session.openWithHampshireExample();
      await page.getByRole("tab", { name: "Settings" }).click();
      const horizon = page.getByRole("textbox", { name: "Horizon (years)" });
      await horizon.fill("ten");
      await page.getByRole("button", { name: "Save settings" }).click();
      await page.getByText("The horizon must be a whole number of years from 1 to 125.").waitFor();
      await screenshot(page, "08-settings-error");
      await horizon.fill("8");
      await page.getByRole("button", { name: "Save settings" }).click();
      await page.getByText(/Settings saved in CBA_Settings/).waitFor();
      const settingsSheet = (await workbookDump(page)).sheets["Settings"]!;
      expect(settingsSheet.find((row) => row[0] === "Horizon (years)")?.[1]).toBe(8);

      await page.getByRole("button", { name: "Refresh all results" }).click();
      await page.getByText(/^Refreshed all results in/).waitFor();
      await page.getByRole("tab", { name: "Summary" }).click();
      await page.getByText(/NPV is the net benefit over 8 years/).waitFor();
    },
    browserTestTimeout,
  );

  test(
    "per-section refresh: the risk register alone rewrites only its sheet and the checks",
    async () => {
      const page = await session.openWithHampshireExample();
      await page.getByRole("button", { name: "Refresh risk register only" }).click();
      await page.getByText(/^Refreshed risk register in/).waitFor();
      const sheets = (await workbookDump(page)).sheetOrder;
      expect(sheets).toContain("CBA Risks");
      expect(sheets).not.toContain("CBA Partners");
      expect(sheets).not.toContain("CBA Apportionment");
    },
    browserTestTimeout,
  );

  test(
    "the pane follows a dark Office theme and stays readable",
    async () => {
      const { page } = await session.open({
        officeTheme: { bodyBackgroundColor: "#262626", bodyForegroundColor: "#ffffff" },
      });
      await timeUntilText(page, emptyWorkbookHeading);
      const background = await page
        .getByRole("main")
        .evaluate((main) => getComputedStyle(main).backgroundColor);
      const [red = 255, green = 255, blue = 255] = (background.match(/\d+/g) ?? []).map(Number);
      expect(Math.max(red, green, blue)).toBeLessThan(80);
      await screenshot(page, "09-dark-empty");
      await expectNoSeriousViolations(page);
      await insertHampshireExample(page);
      await page.getByRole("button", { name: "Refresh all results" }).click();
      await page.getByText(/^Refreshed all results in/).waitFor();
      await page.getByRole("tab", { name: "Summary" }).click();
      await screenshot(page, "10-dark-summary");
      await expectNoSeriousViolations(page);
    },
    browserTestTimeout,
  );
});
