/**
 * The out-of-date mark in headless Chromium over the simulated Excel: a user's edit to an input cell
 * marks the Summary, one button refreshes it, and the product's own writes never mark it.
 */
import type { WorkbookDump } from "../simulatedExcel";
import { screenshot, typeIntoCell, workbookDump } from "./taskpanePage";
import { setUpTaskPaneSession } from "./taskpaneSession";

const browserTestTimeout = 120_000;

const session = setUpTaskPaneSession({
  figuresFile: "out-of-date-figures.json",
  figuresHeading: "Out-of-date figures",
});
const { figures } = session;

/** Where a column's first data cell is on a sheet, found by its header: e.g. the first Best amount of Lines. */
function firstValueUnder(
  dump: WorkbookDump,
  sheet: string,
  header: string,
): { address: string; value: unknown } {
  const rows = dump.sheets[sheet] ?? [];
  const headerRow = rows.findIndex((row) => row.includes(header));
  if (headerRow === -1) throw new Error(`${sheet} has no "${header}" header`);
  const column = rows[headerRow]!.indexOf(header);
  return {
    address: `${String.fromCharCode(65 + column)}${headerRow + 2}`,
    value: rows[headerRow + 1]![column],
  };
}

/** The Value beside an Item of a sheet's provenance block. */
function provenance(dump: WorkbookDump, sheet: string, item: string): unknown {
  const row = (dump.sheets[sheet] ?? []).find((cells) => cells[0] === item);
  return row?.[1];
}

describe("results out of date, in the browser", () => {
  test(
    "editing an input cell marks the Summary out of date; Refresh now clears the mark",
    async () => {
      const page = await session.openWithHampshireExample();
      await page.getByRole("button", { name: "Refresh all results" }).click();
      await page.getByText("Refreshed all results in").waitFor();
      await page.getByRole("tab", { name: "Summary" }).click();
      await page.getByText("From the refresh of").waitFor();

      // The refresh's own writes fired change events; after the pane's re-check the summary is current.
      await page.waitForTimeout(1_000);
      expect(await page.getByText("Out of date").count()).toBe(0);
      const before = await workbookDump(page);
      const stamped = provenance(before, "CBA Partners", "Input fingerprint");
      expect(stamped).toMatch(/^[0-9a-f]{16}$/);

      const best = firstValueUnder(before, "Lines", "Best");
      expect(typeof best.value).toBe("number");
      const editedAt = await page.evaluate(() => performance.now());
      await typeIntoCell(page, "Lines", best.address, (best.value as number) + 100);
      await page.getByText(/An input has changed since these figures were computed/).waitFor();
      figures["edit to out-of-date mark, ms"] = Math.round(
        (await page.evaluate(() => performance.now())) - editedAt,
      );
      for (const section of ["Programme", "Risk profile"]) {
        await expect(
          page.getByRole("region", { name: section }).getByText("Out of date").isVisible(),
        ).resolves.toBe(true);
      }
      await screenshot(page, "out-of-date-01-marked");

      await page.getByRole("button", { name: "Refresh now" }).click();
      await page.getByText("Refreshed all results in").waitFor();
      await page.getByText("From the refresh of").waitFor();
      await page.waitForTimeout(1_000);
      expect(await page.getByText("Out of date").count()).toBe(0);
      const after = await workbookDump(page);
      const restamped = provenance(after, "CBA Partners", "Input fingerprint");
      expect(restamped).toMatch(/^[0-9a-f]{16}$/);
      expect(restamped).not.toBe(stamped);
      await screenshot(page, "out-of-date-02-refreshed");
    },
    browserTestTimeout,
  );
});
