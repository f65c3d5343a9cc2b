/**
 * The life of one browser test file: Chromium launched and the add-in built and served once before
 * all its tests; every pane a test opened checked for page errors and blocked requests, then closed,
 * after that test; everything shut down after all of them, and the figures the tests measured
 * written to test-results/ and printed.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { buildAddin, projectRoot, type AddinBuild } from "./addinBuild";
import { launchChromium } from "./chromiumBrowser";
import { serveFolder, type StaticServer } from "./staticServer";
import {
  emptyWorkbookHeading,
  insertHampshireExample,
  openTaskPane,
  seriousAccessibilityViolations,
  sidewaysOverflow,
  timeUntilText,
  type OpenOptions,
  type OpenTaskPane,
} from "./taskpanePage";

export interface TaskPaneSessionOptions {
  /** The file under test-results/ the figures are written to, e.g. "taskpane-figures.json". */
  figuresFile: string;
  /** The heading the figures are printed under, e.g. "Task pane figures". */
  figuresHeading: string;
  /** Runs once the add-in is built and served, to record figures about the build. */
  afterBuild?: (build: AddinBuild, figures: Record<string, string | number>) => void;
}

export interface TaskPaneSession {
  /** What the tests measured, by description; written out and printed after all the tests. */
  readonly figures: Record<string, string | number>;
  /** Opens the built pane over a simulated workbook; it is checked and closed after the test. */
  open(options?: OpenOptions): Promise<OpenTaskPane>;
  /** Opens a pane over an empty workbook and inserts the Hampshire example from its start screen. */
  openWithHampshireExample(): Promise<Page>;
}

/** Registers the file's beforeAll, afterEach and afterAll hooks; call it once at the top level. */
export function setUpTaskPaneSession(options: TaskPaneSessionOptions): TaskPaneSession {
  const figures: Record<string, string | number> = {};
  const openPanes: OpenTaskPane[] = [];
  let browser: Browser;
  let build: AddinBuild;
  let server: StaticServer;

  beforeAll(async () => {
    // Launch first: a missing browser should fail in a second, not after a minute of building.
    browser = await launchChromium();
    build = await buildAddin();
    server = await serveFolder(build.folder);
    options.afterBuild?.(build, figures);
  }, 300_000);

  afterEach(async () => {
    for (const pane of openPanes.splice(0)) {
      expect(pane.errors).toEqual([]);
      expect(pane.blocked).toEqual([]);
      await pane.close();
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (build) rmSync(build.root, { recursive: true, force: true });
    mkdirSync(join(projectRoot, "test-results"), { recursive: true });
    writeFileSync(join(projectRoot, "test-results", options.figuresFile), JSON.stringify(figures, null, 2));
    console.log(
      `${options.figuresHeading}:\n${Object.entries(figures)
        .map(([k, v]) => `  ${k}: ${v}`)
        .join("\n")}`,
    );
  });

  async function open(openOptions: OpenOptions = {}): Promise<OpenTaskPane> {
    const pane = await openTaskPane(browser, build, server.origin, openOptions);
    openPanes.push(pane);
    return pane;
  }

  return {
    figures,
    open,
    async openWithHampshireExample() {
      const { page } = await open();
      await timeUntilText(page, emptyWorkbookHeading);
      await insertHampshireExample(page);
      return page;
    },
  };
}

export async function expectNoSeriousViolations(page: Page): Promise<void> {
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
}

/** The page fits the pane's width: nothing needs sideways scrolling (the culprits say what does). */
export async function expectFitsPaneWidth(page: Page): Promise<void> {
  expect(await sidewaysOverflow(page)).toEqual({ overflowPx: 0, culprits: [] });
}
