/**
 * Headless Chromium for the end-to-end tests: Debian's browser driven by playwright-core. The tests
 * must fail, not skip, when the browser is missing, so this says how to install it.
 */
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Chromium was not found at ${chromiumPath}. The end-to-end tests need it: ` +
        "run `apt-get update && apt-get install -y chromium` (as .ci/run does), or set CHROMIUM_PATH.",
    );
  }
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}
