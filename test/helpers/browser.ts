import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { packageRoot } from "../../src/shared/index.js";

/** Debian's chromium (`.ci/run` installs it); CHROMIUM_PATH points elsewhere. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Screenshots the browser tests save, for a person to look at (test-results/ is not committed). */
export const ARTIFACTS = join(packageRoot, "test-results", "web");

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} not found: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH`,
    );
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  // Tests run as root in CI, where Chromium's sandbox cannot start.
  return chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu"] });
}

/** A page that records script errors, dialogs and every request it makes. */
export async function watchedPage(browser: Browser) {
  const page: Page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  const dialogs: string[] = [];
  const requests: string[] = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on("request", (request) => requests.push(request.url()));
  return { page, errors, dialogs, requests };
}

/** Waits until the page has drawn (the app marks its root) after an action. */
export async function drawn(page: Page, previous?: string | null): Promise<string | null> {
  await page.waitForFunction((before) => {
    const mark = document.getElementById("app")?.dataset.rendered;
    return mark !== undefined && mark !== before;
  }, previous ?? null);
  return page.evaluate(() => document.getElementById("app")?.dataset.rendered ?? null);
}
