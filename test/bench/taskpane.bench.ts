/**
 * The task pane's figures: bundle size, time from page load to an interactive pane in headless
 * Chromium, and the time of a full refresh of the Hampshire example through the simulated host
 * (in the browser, clicked as a user would, and in Node without a browser for comparison).
 *
 * The add-in is built once per `npm run bench` run (each case runs in its own process; they share
 * the build through a folder named after the runner's process id).
 */
import { join } from "node:path";
import { tmpdir } from "node:os";
import type { Browser, Page } from "playwright-core";
import { officeWorkbookActions } from "../../src/taskpane/officeWorkbookActions";
import type { ExcelRun } from "../../src/workbook/office/officeWorkbook";
import type { WorkbookActions } from "../../src/taskpane/workbookActions";
import { buildAddin, bundleSizes, kilobytes, type AddinBuild } from "../e2e/addinBuild";
import { launchChromium } from "../e2e/chromiumBrowser";
import { serveFolder, type StaticServer } from "../e2e/staticServer";
import { openTaskPane, timeUntilText, type OpenTaskPane } from "../e2e/taskpanePage";
import { SimulatedExcel } from "../simulatedExcel";
import type { BenchSection } from "./benchmark";

const emptyHeading = "This workbook has no business case yet";

function sharedBuild(): Promise<AddinBuild> {
  return buildAddin({ folder: join(tmpdir(), `cba-taskpane-bench-${process.ppid}`), reuse: true });
}

interface BrowserSetup {
  build: AddinBuild;
  browser: Browser;
  server: StaticServer;
}

async function browserSetup(): Promise<BrowserSetup> {
  const build = await sharedBuild();
  const setup = { build, browser: await launchChromium(), server: await serveFolder(build.folder) };
  closeAfterMeasurement(async () => {
    await setup.browser.close();
    await setup.server.close();
  });
  return setup;
}

/**
 * The harness runs each case in a child process that reports its measurement with `process.send`
 * and exits when nothing keeps it alive; an open browser and server would keep it alive for ever.
 * So the browser and server close once the measurement has been sent.
 */
function closeAfterMeasurement(close: () => Promise<void>): void {
  const send = process.send?.bind(process);
  if (!send) return;
  process.send = ((...args: Parameters<typeof send>) => {
    const sent = send(...args);
    void close();
    return sent;
  }) as typeof process.send;
}

async function openEmptyPane(setup: BrowserSetup): Promise<{ pane: OpenTaskPane; interactiveMs: number }> {
  const pane = await openTaskPane(setup.browser, setup.build, setup.server.origin);
  return { pane, interactiveMs: await timeUntilText(pane.page, emptyHeading) };
}

async function insertExample(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Insert the Hampshire example" }).click();
  await page.getByText("Inputs complete.").waitFor();
}

async function hampshireInNode(): Promise<WorkbookActions> {
  const host = SimulatedExcel.fromDescription({ sheets: { Sheet1: [] } });
  const actions = officeWorkbookActions(host.run as unknown as ExcelRun);
  await actions.insertExample();
  return actions;
}

export const sections: BenchSection[] = [
  {
    title: "Task pane: bundle and headless Chromium",
    workload:
      "Production build (webpack.config.js) served from 127.0.0.1, office.js answered by the simulated Excel host; Hampshire example inserted from the pane",
    cases: [
      {
        name: "bundle size (minified / gzipped)",
        setup: sharedBuild,
        run: (prepared) =>
          bundleSizes((prepared as AddinBuild).folder)
            .map((size) => `${size.file} ${kilobytes(size.minifiedBytes)} / ${kilobytes(size.gzippedBytes)}`)
            .join("; "),
        repeat: 1,
      },
      {
        name: "page load to interactive pane",
        setup: browserSetup,
        run: async (prepared) => {
          const { pane, interactiveMs } = await openEmptyPane(prepared as BrowserSetup);
          await pane.close();
          return `interactive ${interactiveMs.toFixed(0)} ms after navigation began`;
        },
        repeat: 5,
      },
      {
        name: "full refresh, clicked in the pane",
        setup: async () => {
          const setup = await browserSetup();
          const { pane } = await openEmptyPane(setup);
          await insertExample(pane.page);
          return pane.page;
        },
        // The confirmation's first appearance marks the end, so this case is measured once per process.
        run: async (prepared) => {
          const page = prepared as Page;
          const started = await page.evaluate(() => performance.now());
          await page.getByRole("button", { name: "Refresh all results" }).click();
          const finished = await timeUntilText(page, "Refreshed all results in");
          const reported = await page.getByText(/^Refreshed all results in/).textContent();
          return `click to confirmation ${(finished - started).toFixed(0)} ms; pane reports "${reported?.replace(/^Refreshed all results /, "")}"`;
        },
        repeat: 1,
      },
      {
        name: "full refresh in Node (no browser)",
        setup: hampshireInNode,
        run: async (prepared) => {
          const outcome = await (prepared as WorkbookActions).refresh("all");
          if (outcome.kind !== "written") throw new Error("the Hampshire example was refused");
          return `${outcome.sheets.length} sheets, ${outcome.sheets.reduce((total, sheet) => total + sheet.cells, 0)} cells`;
        },
        repeat: 5,
        peer: "full refresh, clicked in the pane",
      },
    ],
  },
];
