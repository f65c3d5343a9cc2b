/**
 * The Risk analysis panel in headless Chromium over a simulated Excel: the Monte Carlo simulation
 * runs in the add-in's Web Worker while the pane stays responsive, writes the CBA Simulation sheet
 * with exactly the cells the engine gives for the seed, and a cancelled run writes nothing.
 * Needs Debian's Chromium (`apt-get install -y chromium`); without it these tests fail, not skip.
 */
import type { Page } from "playwright-core";
import { simulateBusinessCase, type SimulationOptions } from "../../src/engine/monteCarlo/simulation";
import { formatAmount } from "../../src/taskpane/figureFormatting";
import { riskAnalysisActionsOverPort } from "../../src/taskpane/riskAnalysis/riskAnalysisActions";
import { parseCellAddress } from "../../src/workbook/cellAddress";
import type { TableBlock } from "../../src/workbook/workbookPort";
import { writeSimulation } from "../../src/workbook/writeSimulation";
import type { DescribedValue, WorkbookDump } from "../simulatedExcel";
import { hampshireWorkbook } from "../taskpane/riskAnalysisWorkbook";
import {
  cellSelected,
  emptyWorkbookHeading,
  insertHampshireExample,
  screenshot,
  timeUntilText,
  typeIntoCell,
  workbookDump,
} from "./taskpanePage";
import { expectNoSeriousViolations, setUpTaskPaneSession } from "./taskpaneSession";

const browserTestTimeout = 180_000;
const simulationSheet = "CBA Simulation";

const session = setUpTaskPaneSession({
  figuresFile: "risk-analysis-figures.json",
  figuresHeading: "Risk analysis figures",
});
const { figures } = session;

/** Speaks the worker's protocol but stops at 40%: see simulationProtocol.ts. */
const heldWorkerScript = `
self.onmessage = (event) => {
  const message = event.data;
  const total = message.kind === "start" ? message.options.trials : 0;
  if (message.kind === "start") {
    self.held = { run: message.run, done: Math.round(total * 0.4), total };
    self.postMessage({ kind: "progress", run: message.run, done: self.held.done, total });
  }
  if (message.kind === "cancel" && self.held && self.held.run === message.run) {
    self.postMessage({ kind: "cancelled", run: message.run, done: self.held.done, total: self.held.total });
  }
};`;

/** Opens the pane, inserts the Hampshire example and shows the Risk analysis tab. */
async function hampshireRiskPanel(): Promise<Page> {
  const page = await session.openWithHampshireExample();
  await page.getByRole("tab", { name: "Risk analysis" }).click();
  await page.getByRole("button", { name: "Run simulation" }).waitFor();
  return page;
}

/**
 * Starts recording in the page: every progress value the bar shows, the longest main-thread task
 * (Long Tasks API) and the longest gap between ticks of a 10 ms timer, which grows when the
 * pane's thread is blocked.
 */
async function startWatching(page: Page): Promise<void> {
  await page.evaluate(() => {
    const watch = {
      progress: [] as { at: number; value: number; text: string }[],
      longestTaskMs: 0,
      longTasks: 0,
      longestTimerGapMs: 0,
      ticks: 0,
      startedAt: performance.now(),
      stop: () => {},
    };
    const record = () => {
      const bar = document.querySelector('[role="progressbar"]');
      const text = document.body.innerText.match(/[\d,]+ of [\d,]+ trials/)?.[0] ?? "";
      const value = Number(bar?.getAttribute("aria-valuenow") ?? NaN);
      const last = watch.progress.at(-1);
      if (bar && (last === undefined || last.value !== value || last.text !== text))
        watch.progress.push({ at: performance.now(), value, text });
    };
    const mutations = new MutationObserver(record);
    mutations.observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
    const tasks = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        watch.longTasks++;
        watch.longestTaskMs = Math.max(watch.longestTaskMs, entry.duration);
      }
    });
    tasks.observe({ type: "longtask" });
    let previous = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      watch.longestTimerGapMs = Math.max(watch.longestTimerGapMs, now - previous);
      watch.ticks++;
      previous = now;
    }, 10);
    watch.stop = () => {
      mutations.disconnect();
      tasks.disconnect();
      clearInterval(timer);
    };
    (window as unknown as { __riskWatch: typeof watch }).__riskWatch = watch;
  });
}

interface Watched {
  progress: { at: number; value: number; text: string }[];
  longestTaskMs: number;
  longTasks: number;
  longestTimerGapMs: number;
  ticks: number;
  startedAt: number;
}

async function stopWatching(page: Page): Promise<Watched> {
  return page.evaluate(() => {
    const watch = (window as unknown as { __riskWatch: Watched & { stop(): void } }).__riskWatch;
    watch.stop();
    const { stop: _, ...rest } = watch;
    void _;
    return rest;
  });
}

/** Sets the panel's fields with the keyboard, as a user would, and presses Enter to run. */
async function runFromKeyboard(page: Page, trials: string, seed: string): Promise<void> {
  const trialsBox = page.getByRole("textbox", { name: "Trials" });
  await trialsBox.focus();
  await page.keyboard.press("Control+A");
  await page.keyboard.type(trials);
  await page.keyboard.press("Tab");
  await expect(
    page.getByRole("textbox", { name: "Seed" }).evaluate((box) => box === document.activeElement),
  ).resolves.toBe(true);
  await page.keyboard.press("Control+A");
  await page.keyboard.type(seed);
  await page.keyboard.press("Enter");
}

/** The block's header and rows as they sit in the dumped sheet (from A1, blanks null). */
function blockCells(sheet: DescribedValue[][], block: TableBlock): DescribedValue[][] {
  const top = parseCellAddress(block.topLeft);
  return [block.header, ...block.rows].map((_, r) =>
    block.header.map((__, c) => sheet[top.row - 1 + r]?.[top.column - 1 + c] ?? null),
  );
}

/** What the engine and the sheet writer give in Node for the same inputs and options. */
async function expectedSimulation(options: Omit<SimulationOptions, "bestCase" | "worstCase" | "baseCase">) {
  const { port } = hampshireWorkbook();
  const reading = await riskAnalysisActionsOverPort(port).readModel();
  if (reading.kind !== "ready") throw new Error("the Hampshire example did not read in Node");
  const full = { ...reading.cases, ...options };
  const result = simulateBusinessCase(reading.model, full);
  await writeSimulation(port, result, full);
  return { result, plan: port.writes[0]!, reading };
}

describe("the Risk analysis panel in Chromium", () => {
  test(
    "2,000 trials of the Hampshire example: progress, then the CBA Simulation sheet holds exactly the engine's figures for the seed",
    async () => {
      const page = await hampshireRiskPanel();
      await screenshot(page, "risk-01-idle");
      await expectNoSeriousViolations(page);
      // Four tabs and the panel fit a task pane's width: nothing scrolls sideways.
      const widths = await page.evaluate(() => ({
        content: document.documentElement.scrollWidth,
        pane: window.innerWidth,
        tabs: document.querySelector('[role="tablist"]')!.scrollWidth,
        tabsShown: document.querySelector('[role="tablist"]')!.clientWidth,
      }));
      expect(widths.content).toBeLessThanOrEqual(widths.pane);
      expect(widths.tabs).toBeLessThanOrEqual(widths.tabsShown);

      await startWatching(page);
      await runFromKeyboard(page, "2,000", "7");
      await page.getByText("Simulated 2,000 trials in").waitFor({ timeout: 60_000 });
      const watched = await stopWatching(page);
      // The bar was shown and only moved forward, ending full.
      expect(watched.progress.length).toBeGreaterThan(0);
      const values = watched.progress.map((p) => p.value).filter((v) => !Number.isNaN(v));
      expect(values).toEqual([...values].sort((a, b) => a - b));
      expect(values.every((v) => v >= 0 && v <= 1)).toBe(true);
      expect(watched.progress.map((p) => p.text)).toContain("0 of 2,000 trials");
      await screenshot(page, "risk-02-written-2000");
      await expectNoSeriousViolations(page);

      const dump = await workbookDump(page);
      expect(dump.sheetOrder).toContain(simulationSheet);
      const sheet = dump.sheets[simulationSheet]!;
      const expected = await expectedSimulation({ trials: 2000, seed: 7 });
      const planned = expected.plan.sheets[0]!;
      expect(planned.name).toBe(simulationSheet);
      for (const block of planned.blocks) {
        expect({ block: block.name, cells: blockCells(sheet, block) }).toEqual({
          block: block.name,
          cells: [block.header, ...block.rows],
        });
      }
      // The run block states what was run; a histogram and an S-curve per partner and the programme.
      const runRows = planned.blocks.find((b) => b.name === "CBA_Out_SimulationRun")!;
      const setting = (name: string) => blockCells(sheet, runRows).find((row) => row[0] === name)?.[1];
      expect([setting("Trials run"), setting("Seed"), setting("Sampling")]).toEqual([
        2000,
        7,
        "Latin hypercube",
      ]);
      expect((dump.charts[simulationSheet] ?? []).map((c) => c.type)).toEqual([
        ...Array.from({ length: 4 }, () => "ColumnClustered"),
        ...Array.from({ length: 4 }, () => "XYScatterLines"),
      ]);
      expect(planned.charts).toHaveLength(8);

      // The panel's summary agrees with the engine: P50 of each partner as a board reads it.
      const table = page.getByRole("table", { name: /Simulated NPV and payback/ });
      for (const partner of expected.result.partners) {
        const p50 = partner.netPresentValue.percentiles.find((p) => p.percentile === 0.5)!.value;
        const row = table
          .getByRole("row")
          .filter({ has: page.getByRole("cell", { name: partner.partner, exact: true }) });
        await expect(row.getByRole("cell").nth(2).textContent()).resolves.toBe(formatAmount(p50));
      }

      // Run again with the same seed: every cell identical.
      await page.getByRole("button", { name: "Run simulation" }).click();
      await page.getByRole("button", { name: "Run simulation" }).waitFor();
      await page.getByText("Simulated 2,000 trials in").waitFor();
      expect((await workbookDump(page)).sheets[simulationSheet]).toEqual(sheet);
    },
    browserTestTimeout,
  );

  test(
    "Cancel stops a long run within moments, keeps the pane responsive, and writes nothing",
    async () => {
      const page = await hampshireRiskPanel();
      const before: WorkbookDump = await workbookDump(page);
      // PERT distributions take the engine longer than triangular ones: the longest run allowed.
      await page.getByRole("radio", { name: /PERT/ }).check();
      await startWatching(page);
      await runFromKeyboard(page, "100,000", "5");
      const bar = page.getByRole("progressbar");
      await page.waitForFunction(() => {
        const value = Number(document.querySelector('[role="progressbar"]')?.getAttribute("aria-valuenow"));
        return value > 0.02;
      });

      // While the worker runs, the pane answers at once: another tab opens and comes back.
      const tabStarted = Date.now();
      await page.getByRole("tab", { name: "Summary" }).click();
      await page.getByText(/Refresh all results to see the figures/).waitFor();
      await page.getByRole("tab", { name: "Risk analysis" }).click();
      await bar.waitFor();
      figures["switching tab and back during a 100,000-trial run, ms"] = Date.now() - tabStarted;

      // Keyboard: focus Cancel and press Enter.
      const cancel = page.getByRole("button", { name: "Cancel" });
      await cancel.focus();
      const progressAtCancel = Number(await bar.getAttribute("aria-valuenow"));
      figures["progress when Cancel was pressed (of a 100,000-trial PERT run)"] = progressAtCancel;
      expect(progressAtCancel).toBeLessThan(1);
      const pressedAt = await page.evaluate(() => performance.now());
      await page.keyboard.press("Enter");
      await page.getByText("Cancelled.").waitFor();
      const cancelledAt = await page.evaluate(() => performance.now());
      const watched = await stopWatching(page);
      figures["Cancel pressed to 'Cancelled.' shown, ms"] = Math.round(cancelledAt - pressedAt);
      expect(cancelledAt - pressedAt).toBeLessThan(1000);
      const message = await page
        .locator(".fui-MessageBarBody")
        .filter({ hasText: "Cancelled." })
        .textContent();
      expect(message).toMatch(/^Cancelled\.Stopped after [\d,]+ of 100,000 trials\. Nothing was written\.$/);
      await expect(page.getByRole("button", { name: "Run simulation" }).isEnabled()).resolves.toBe(true);
      await screenshot(page, "risk-04-cancelled");
      await expectNoSeriousViolations(page);

      expect(await workbookDump(page)).toEqual(before);
      figures["longest main-thread task during the cancelled run, ms"] = Math.round(watched.longestTaskMs);
    },
    browserTestTimeout,
  );

  test(
    "10,000 trials in the worker: the time it takes, and the pane's thread stays free",
    async () => {
      const page = await hampshireRiskPanel();
      for (const shape of ["Triangular", "PERT"] as const) {
        await page.getByRole("radio", { name: new RegExp(`^${shape}`) }).check();
        await startWatching(page);
        const clickedAt = await page.evaluate(() => performance.now());
        await page.getByRole("button", { name: "Run simulation" }).click();
        const writtenAt = await timeUntilText(page, "Simulated 10,000 trials in", 120_000);
        const watched = await stopWatching(page);
        const reported = await page.getByText(/^Simulated 10,000 trials in/).textContent();
        const runMs = writtenAt - clickedAt;
        const progressUpdates = new Set(
          watched.progress.map((p) => p.text).filter((text) => / of 10,000 trials$/.test(text)),
        ).size;
        const label = `10,000 trials, ${shape}`;
        figures[`${label}: the worker's own time (as the panel reports it)`] =
          reported?.replace(/^Simulated 10,000 trials in /, "").replace(/\.$/, "") ?? "";
        figures[`${label}: click to summary shown (read, simulate, write), ms`] = Math.round(runMs);
        figures[`${label}: progress updates seen`] = progressUpdates;
        figures[`${label}: longest main-thread task, ms (0 = none over 50 ms)`] = Math.round(
          watched.longestTaskMs,
        );
        figures[`${label}: longest gap between ticks of a 10 ms timer, ms`] = Math.round(
          watched.longestTimerGapMs,
        );
        await screenshot(page, `risk-05-written-10000-${shape.toLowerCase()}`);

        // About ten updates a second at most (one at the start and one at the end besides).
        expect(progressUpdates).toBeLessThanOrEqual(3 + Math.ceil(runMs / 100));
        // The trials never hold the pane's thread; only reading and writing the workbook run there.
        expect(watched.longestTimerGapMs).toBeLessThan(250);
        await page.getByRole("button", { name: "Run simulation" }).waitFor();
      }
    },
    browserTestTimeout,
  );

  test(
    "the running state (the worker held part-way by a stand-in): progress, Cancel, settings locked, accessible",
    async () => {
      // A stand-in for the worker script that reports 40% and then waits, so the running state can
      // be looked at and checked for as long as it takes; it answers a cancel as the real one does.
      const pane = await session.open();
      const { page } = pane;
      let workerRequests = 0;
      await page.route("**/simulation-worker.js", async (route) => {
        workerRequests++;
        await route.fulfill({
          status: 200,
          contentType: "text/javascript; charset=utf-8",
          body: heldWorkerScript,
        });
      });
      await timeUntilText(page, emptyWorkbookHeading);
      await insertHampshireExample(page);
      await page.getByRole("tab", { name: "Risk analysis" }).click();
      const before = await workbookDump(page);

      await page.getByRole("button", { name: "Run simulation" }).click();
      await page.getByText("4,000 of 10,000 trials").waitFor();
      expect(workerRequests).toBe(1);
      const bar = page.getByRole("progressbar");
      await expect(bar.getAttribute("aria-valuenow")).resolves.toBe("0.4");
      await expect(page.getByRole("button", { name: "Simulating…" }).isDisabled()).resolves.toBe(true);
      await expect(page.getByRole("textbox", { name: "Trials" }).isDisabled()).resolves.toBe(true);
      // Focus followed the pressed button to Cancel, so a keyboard user can stop the run at once.
      await expect(
        page.getByRole("button", { name: "Cancel" }).evaluate((button) => button === document.activeElement),
      ).resolves.toBe(true);
      await screenshot(page, "risk-03-running");
      await expectNoSeriousViolations(page);

      await page.keyboard.press("Enter");
      await page.getByText("Stopped after 4,000 of 10,000 trials. Nothing was written.").waitFor();
      expect(await workbookDump(page)).toEqual(before);
    },
    browserTestTimeout,
  );

  test(
    "a broken input: the panel names the cell, offers to select it, and nothing is written",
    async () => {
      const page = await hampshireRiskPanel();
      await typeIntoCell(page, "Lines", "D3", "about a million");
      const before = await workbookDump(page);
      await page.getByRole("button", { name: "Run simulation" }).click();
      const alert = page.getByRole("alert").filter({ hasText: "Nothing was written." });
      await alert.waitFor();
      await expect(alert.getByText("Lines!D3").count()).resolves.toBe(1);
      await screenshot(page, "risk-06-invalid");
      await expectNoSeriousViolations(page);
      await alert.getByRole("button", { name: "Select cell D3 on sheet Lines" }).click();
      await cellSelected(page);
      const after = await workbookDump(page);
      expect(after.sheets).toEqual(before.sheets);
      expect(after.sheetOrder).not.toContain(simulationSheet);
    },
    browserTestTimeout,
  );
});
