/**
 * Opens the built task pane in Chromium over a simulated workbook, and reads the workbook back.
 * Only two kinds of request are answered: the add-in's own files from the local server, and the
 * office.js request, answered with the simulated host. Anything else is blocked and recorded, so a
 * test can prove the pane needs nothing from the internet.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import type { WorkbookDescription, WorkbookDump } from "../simulatedExcel";
import { projectRoot, type AddinBuild } from "./addinBuild";

export const screenshotFolder = join(projectRoot, "test-results", "screenshots");

/**
 * Excel's task pane opens about 350 pixels wide and can be dragged down to 320: the tests use the
 * narrowest, where every view must fit without sideways scrolling.
 */
export const paneWidth = 320;
const paneViewport = { width: paneWidth, height: 900 };

export interface OpenOptions {
  seed?: WorkbookDescription;
  /** `Office.context.officeTheme` to report, e.g. `{ bodyBackgroundColor: "#262626" }` for dark. */
  officeTheme?: Record<string, string>;
}

export interface OpenTaskPane {
  page: Page;
  context: BrowserContext;
  /** Uncaught errors and console errors seen in the page. */
  errors: string[];
  /** Requests blocked because they went somewhere other than the add-in or office.js. */
  blocked: string[];
  close(): Promise<void>;
}

/** The office.js address taskpane.html loads, read from the built page (exactly one such tag). */
export function officeScriptUrl(build: AddinBuild): string {
  const html = readFileSync(join(build.folder, "taskpane.html"), "utf8");
  const tags = [...html.matchAll(/<script[^>]+src="([^"]*office\.js)"/g)].map((m) => m[1]!);
  if (tags.length !== 1)
    throw new Error(`taskpane.html should load office.js with one script tag; found ${tags.length}`);
  return tags[0]!;
}

export async function openTaskPane(
  browser: Browser,
  build: AddinBuild,
  origin: string,
  options: OpenOptions = {},
): Promise<OpenTaskPane> {
  const context = await browser.newContext({ viewport: paneViewport, locale: "en-GB" });
  const page = await context.newPage();
  const errors: string[] = [];
  const blocked: string[] = [];
  page.on("pageerror", (error) => errors.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console error: ${message.text()}`);
  });

  const officeUrl = officeScriptUrl(build);
  await page.route("**/*", async (route) => {
    const url = route.request().url();
    if (url === officeUrl) {
      await route.fulfill({
        status: 200,
        contentType: "text/javascript; charset=utf-8",
        body: build.simulatedOfficeScript,
      });
    } else if (url.startsWith(origin + "/")) {
      await route.continue();
    } else {
      blocked.push(url);
      await route.abort();
    }
  });
  await page.addInitScript(
    ({ seed, theme }) => {
      const test = window as unknown as Record<string, unknown>;
      if (seed) test.__cbaSeedWorkbook = seed;
      if (theme) test.__cbaOfficeTheme = theme;
    },
    { seed: options.seed ?? null, theme: options.officeTheme ?? null },
  );
  await page.goto(`${origin}/taskpane.html`);
  return { page, context, errors, blocked, close: () => context.close() };
}

/** Resolves with `performance.now()` (ms since navigation began) at the first frame showing `text`. */
export async function timeUntilText(page: Page, text: string, timeout = 30_000): Promise<number> {
  const handle = await page.waitForFunction(
    (wanted) => (document.body.innerText.includes(wanted) ? performance.now() : false),
    text,
    { polling: "raf", timeout },
  );
  return (await handle.jsonValue()) as number;
}

/** The simulated workbook as plain data: sheets (values from A1), names, tables, formats. */
export function workbookDump(page: Page): Promise<WorkbookDump> {
  return page.evaluate(() => {
    const host = (window as unknown as { __cbaSimulatedHost: { workbook: { describe(): unknown } } })
      .__cbaSimulatedHost;
    return host.workbook.describe() as WorkbookDump;
  });
}

export function workbookSelection(page: Page): Promise<{ sheet: string; address: string } | undefined> {
  return page.evaluate(() => {
    const host = (
      window as unknown as {
        __cbaSimulatedHost: { workbook: { selection?: { sheet: string; address: string } } };
      }
    ).__cbaSimulatedHost;
    return host.workbook.selection;
  });
}

/** Types a value into a cell the way a user would: through the host's Excel API, not the pane. */
export async function typeIntoCell(
  page: Page,
  sheet: string,
  address: string,
  value: string | number,
): Promise<void> {
  await page.evaluate(
    async ({ sheet, address, value }) => {
      const excel = (window as unknown as { Excel: typeof Excel }).Excel;
      await excel.run(async (context) => {
        context.workbook.worksheets.getItem(sheet).getRange(address).values = [[value]];
        await context.sync();
      });
    },
    { sheet, address, value },
  );
}

/**
 * Waits for running CSS and Web Animations (Fluent's message bars fade and slide in) to finish, so
 * screenshots and contrast checks see the pane as it settles, not a half-transparent frame.
 */
export async function animationsSettled(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.race([
      Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined))),
      new Promise((resolve) => setTimeout(resolve, 5_000)),
    ]),
  );
}

export async function screenshot(page: Page, name: string): Promise<string> {
  await animationsSettled(page);
  mkdirSync(screenshotFolder, { recursive: true });
  const path = join(screenshotFolder, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core in the page; returns the serious and critical violations (none is the goal).
 *
 * One known false positive is set aside, and only that one: Fluent's focus manager (Tabster) puts
 * hidden focus guards `<i tabindex="0" aria-hidden="true" data-tabster-dummy>` around a TabList;
 * they hand focus on at once and are hidden so screen readers do not announce them. Fluent treats
 * this as by design (microsoft/fluentui#27517, microsoft/tabster#288) and Accessibility Insights
 * suppresses the same nodes. Any other node failing aria-hidden-focus still counts.
 */
export async function seriousAccessibilityViolations(page: Page): Promise<AxeViolation[]> {
  await animationsSettled(page);
  const alreadyLoaded = await page.evaluate(() => "axe" in window);
  // Evaluated through the DevTools protocol rather than added as a <script>: the page's
  // Content-Security-Policy rightly refuses inline scripts, and the checker is not part of the page.
  if (!alreadyLoaded) await page.evaluate(readFileSync(require.resolve("axe-core/axe.min.js"), "utf8"));
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(context: Document, options: object): Promise<{ violations: unknown[] }> };
      }
    ).axe;
    const results = await axe.run(document, { resultTypes: ["violations"] });
    return results.violations as {
      id: string;
      impact: string | null;
      help: string;
      nodes: { target: string[]; html: string }[];
    }[];
  });
  return violations
    .map((v) =>
      v.id === "aria-hidden-focus"
        ? { ...v, nodes: v.nodes.filter((n) => !/^<i [^>]*data-tabster-dummy/.test(n.html)) }
        : v,
    )
    .filter((v) => v.nodes.length > 0 && (v.impact === "serious" || v.impact === "critical"))
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(" ")),
    }));
}

/** The heading the pane shows over a workbook with no business case in it. */
export const emptyWorkbookHeading = "This workbook has no business case yet";

/** Presses the empty workbook's button to insert the Hampshire example and waits for its check. */
export async function insertHampshireExample(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Insert the Hampshire example" }).click();
  await page.getByText("Inputs complete.").waitFor();
}

/** Waits until the pane has selected a cell in the simulated workbook. */
export async function cellSelected(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const host = (window as unknown as { __cbaSimulatedHost: { workbook: { selection?: unknown } } })
      .__cbaSimulatedHost;
    return host.workbook.selection !== undefined;
  });
}

/**
 * How far the page scrolls sideways (0 when it fits the pane), and the deepest elements reaching
 * past the pane's right edge, described as tag.class "text", so a failure says what to fix.
 */
export async function sidewaysOverflow(page: Page): Promise<{ overflowPx: number; culprits: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const overflowPx = document.documentElement.scrollWidth - width;
    const culprits = [...document.body.querySelectorAll("*")]
      .filter((element) => {
        const box = element.getBoundingClientRect();
        if (box.width === 0 || box.right <= width + 0.5) return false;
        // Only the innermost offenders: a parent is wide because of them.
        return ![...element.children].some((child) => child.getBoundingClientRect().right > width + 0.5);
      })
      .slice(0, 8)
      .map((element) => {
        const text = (element.textContent ?? "").trim().slice(0, 40);
        return `${element.tagName.toLowerCase()} right=${Math.round(element.getBoundingClientRect().right)} "${text}"`;
      });
    return { overflowPx, culprits };
  });
}

/** Presses Tab (or Shift+Tab) until `target` has the focus; fails after `limit` presses. */
export async function tabTo(
  page: Page,
  target: Locator,
  options: { backwards?: boolean; limit?: number } = {},
): Promise<void> {
  const key = options.backwards ? "Shift+Tab" : "Tab";
  for (let presses = 0; presses < (options.limit ?? 40); presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${key} pressed ${options.limit ?? 40} times never reached ${String(target)}`);
}

/** The focused element as a user would name it: its role or tag and its text. */
export function focusedElement(page: Page): Promise<{ tag: string; role: string | null; text: string }> {
  return page.evaluate(() => {
    const focused = document.activeElement;
    return {
      tag: focused?.tagName.toLowerCase() ?? "",
      role: focused?.getAttribute("role") ?? null,
      text: (focused?.textContent ?? "").trim(),
    };
  });
}
