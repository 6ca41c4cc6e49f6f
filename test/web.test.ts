import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildExampleOrg } from "../src/demo/index.js";
import { scan, trend } from "../src/scan/index.js";
import { type RunningServer, startServer } from "../src/web/index.js";
import { ARTIFACTS, drawn, launchBrowser, watchedPage } from "./helpers/browser.js";
import { runCli } from "./helpers/cli.js";
import { tempDir } from "./helpers/repos.js";

const VIEWS = ["overview", "concerns", "concern/retry", "ledger", "trends", "unnamed/unnamed-1"];

describe("the HTML report and the dashboard on the Acme example org", () => {
  const dir = tempDir("lineitem-web-test-");
  let orgDir: string;
  let reportFile: string;
  let indexFile: string;
  let trendFile: string;
  let browser: Browser;
  let server: RunningServer;
  const timings: Record<string, number> = {};

  beforeAll(async () => {
    orgDir = (await buildExampleOrg(join(dir, "acme"))).dir;
    indexFile = join(dir, "index.sqlite");
    await scan({ paths: [orgDir], cwd: dir, index: { file: indexFile } });
    trendFile = join(dir, "trend.json");
    writeFileSync(
      trendFile,
      JSON.stringify(await trend({ paths: [orgDir], cwd: dir, index: { file: indexFile } })),
    );
    reportFile = join(dir, "report.html");
    const made = await runCli(
      ["report", "--index", indexFile, "--trend", trendFile, "--format", "html", "-o", reportFile, "-q"],
      dir,
    );
    expect(made.stderr).toBe("");
    server = await startServer({
      indexFile,
      trendFile,
      concernsDir: join(dir, "concerns"),
      host: "127.0.0.1",
      port: 0,
    });
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    writeFileSync(join(ARTIFACTS, "timings.json"), `${JSON.stringify(timings, null, 2)}\n`);
  });

  it("writes one self-contained file under 2 MB that asks for nothing from the network", () => {
    const html = readFileSync(reportFile, "utf8");
    expect(statSync(reportFile).size).toBeLessThan(2 * 1024 * 1024);
    expect(/<script[^>]+src=|<link[^>]+href=|@import|url\(http/i.test(html)).toBe(false);
    expect(html.includes("connect-src 'none'")).toBe(true);
  });

  it.each(VIEWS)(
    "draws the %s view from the file, with no script error and no request beyond it",
    async (view) => {
      const { page, errors, requests } = await watchedPage(browser);
      const started = Date.now();
      await page.goto(`${pathToFileURL(reportFile).href}#/${view}`);
      await drawn(page);
      timings[`file ${view}`] = Date.now() - started;
      await page.waitForTimeout(100); // charts draw on the next frame
      await page.screenshot({
        path: join(ARTIFACTS, `report-${view.replace(/\//g, "-")}.png`),
        fullPage: true,
      });
      expect(errors).toEqual([]);
      expect(requests.every((url) => url.startsWith("file://"))).toBe(true);
      expect(await page.locator("main h2, main .sentence").first().textContent()).not.toBe("");
      await page.close();
    },
  );

  it("says the sentence, clicks into a cluster, compares two implementations and filters by team", async () => {
    const { page, errors } = await watchedPage(browser);
    await page.goto(pathToFileURL(reportFile).href);
    let mark = await drawn(page);
    expect(await page.locator(".sentence").textContent()).toMatch(/^Your teams wrote retry logic 7 times/);
    await page.getByRole("link", { name: "Retry with backoff" }).click();
    mark = await drawn(page, mark);
    expect(page.url()).toContain("#/concern/retry");
    expect(await page.locator("main table.grid").first().locator("tbody tr").count()).toBe(7);
    // The drift table marks values that differ from the golden path's.
    expect(await page.locator("table.drift td.differs").count()).toBeGreaterThan(5);
    // Compare catalog's copy with checkout's: the copy and its original, mostly the same lines. The picker
    // starts on the first two (catalog, checkout); go to another and back, as a person would.
    const option = (side: string, team: string) =>
      page.locator(`select[data-compare="${side}"] option`, { hasText: team }).getAttribute("value");
    await page.selectOption('select[data-compare="a"]', (await option("a", "fulfilment")) as string);
    mark = await drawn(page, mark);
    expect(page.url()).toContain("a=retry");
    await page.selectOption('select[data-compare="a"]', (await option("a", "catalog")) as string);
    mark = await drawn(page, mark);
    expect(await page.locator('select[data-compare="b"]').inputValue()).toBe(await option("b", "checkout"));
    const diff = page.locator("table.diff");
    expect(await diff.locator("td.src.same").count()).toBeGreaterThan(20);
    expect(await diff.locator("td.src.add, td.src.del").count()).toBeGreaterThan(0);
    expect(await page.locator(".compare p").textContent()).toMatch(/\d+ of \d+ lines the same/);
    expect(await diff.locator("span.hljs-keyword").count()).toBeGreaterThan(5);
    await page.screenshot({ path: join(ARTIFACTS, "report-compare.png"), fullPage: true });
    // Filter by team: the URL carries it, and only checkout's implementation is left.
    await page.selectOption('select[data-filter="team"]', "checkout");
    mark = await drawn(page, mark);
    expect(page.url()).toContain("team=checkout");
    expect(await page.locator("main table.grid").first().locator("tbody tr").count()).toBe(1);
    await page.getByRole("link", { name: "Overview" }).click();
    mark = await drawn(page, mark);
    expect(page.url()).toContain("team=checkout");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows a chart's numbers under the pointer, and the verdict beside the trend", async () => {
    const { page } = await watchedPage(browser);
    await page.goto(`${pathToFileURL(reportFile).href}#/trends`);
    await drawn(page);
    const chart = page.locator("figure.chart").first();
    await chart.locator(".u-over").waitFor();
    const legend = chart.locator(".u-legend .u-series").nth(1).locator(".u-value");
    expect(await legend.textContent()).toBe("—");
    const box = await chart.locator(".u-over").boundingBox();
    await page.mouse.move((box?.x ?? 0) + (box?.width ?? 0) - 2, (box?.y ?? 0) + 10);
    // At "now", retry has 7 implementations.
    await expect.poll(() => legend.textContent()).toBe("7");
    expect(await page.locator(".verdict .statement").textContent()).toMatch(/^Keep the platform team/);
    await page.close();
  });

  it("renders Markdown and CSV from the same scan, and the HTML from a stored scan file", async () => {
    const markdown = await runCli(
      ["report", "--index", indexFile, "--format", "markdown", "--trend", trendFile],
      dir,
    );
    expect(markdown.code).toBe(0);
    expect(markdown.stdout).toMatch(
      /^# What the platform work costs\n\n\*\*Your teams wrote retry logic 7 times/,
    );
    expect(markdown.stdout).toContain(
      "| ★ | platform | storefront/packages/platform-kit/src/retry.ts:30-63 |",
    );
    expect(markdown.stdout).toContain("**Kill criteria (platform):** Keep the platform team");
    const csv = await runCli(["report", "--index", indexFile, "--format", "csv"], dir);
    expect(csv.stdout.split("\r\n")[0]).toMatch(/^item,title,kind,quarter,/);
    const json = join(dir, "scan.json");
    await runCli(["report", "--index", indexFile, "--format", "json", "-o", json, "-q"], dir);
    const fromFile = await runCli(
      ["report", "--from", json, "--format", "html", "-o", join(dir, "from.html")],
      dir,
    );
    expect(fromFile.code).toBe(0);
    expect(readFileSync(join(dir, "from.html"), "utf8")).toContain('id="lineitem-data"');
    const bad = await runCli(["report", "--from", json, "--format", "pdf"], dir);
    expect(bad.code).toBe(2);
  });

  it("says in a drift cell's tooltip where its value is written, another file's path included", async () => {
    const json = join(dir, "imported.json");
    await runCli(["report", "--index", indexFile, "--format", "json", "-o", json, "-q"], dir);
    const result = JSON.parse(readFileSync(json, "utf8"));
    const retry = result.concerns.find((c: { id: string }) => c.id === "retry");
    const checkout = retry.implementations.find((i: { team: string }) => i.team === "checkout");
    // As a scan writes a value read from a module the implementation imports.
    checkout.parameters.attempts.path = "apps/web-checkout/src/lib/retry-defaults.ts";
    writeFileSync(json, JSON.stringify(result));
    const html = join(dir, "imported.html");
    expect((await runCli(["report", "--from", json, "--format", "html", "-o", html, "-q"], dir)).code).toBe(
      0,
    );
    const { page, errors } = await watchedPage(browser);
    await page.goto(`${pathToFileURL(html).href}#/concern/retry`);
    await drawn(page);
    const line = checkout.parameters.attempts.line;
    const titles = await page
      .locator("table.drift td[title]")
      .evaluateAll((cells) => cells.map((cell) => cell.getAttribute("title")));
    expect(titles).toContain(`apps/web-checkout/src/lib/retry-defaults.ts:${line}`);
    expect(titles.filter((title) => title?.startsWith("line ")).length).toBeGreaterThan(5);
    expect(errors).toEqual([]);
  });

  it("works from the keyboard, and prints without its controls", async () => {
    const { page } = await watchedPage(browser);
    await page.goto(pathToFileURL(reportFile).href);
    const mark = await drawn(page);
    const ledger = page.getByRole("link", { name: "Ledger" });
    await ledger.focus();
    await page.keyboard.press("Enter");
    await drawn(page, mark);
    expect(page.url()).toContain("#/ledger");
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("header nav").isVisible()).toBe(false);
    expect(await page.locator("main").isVisible()).toBe(true);
    await page.close();
  });

  it("serves the same views live from the index, and redraws when a new scan lands", async () => {
    const { page, errors, requests } = await watchedPage(browser);
    const started = Date.now();
    await page.goto(server.url);
    let mark = await drawn(page);
    timings["dashboard first view"] = Date.now() - started;
    expect(await page.locator(".sentence").textContent()).toMatch(/^Your teams wrote retry logic 7 times/);
    for (const view of VIEWS) {
      await page.goto(`${server.url}#/${view}`);
      mark = await drawn(page, mark);
      await page.screenshot({
        path: join(ARTIFACTS, `dashboard-${view.replace(/\//g, "-")}.png`),
        fullPage: true,
      });
    }
    expect(requests.every((url) => url.startsWith(server.url))).toBe(true);
    // A newer scan in the index: the page redraws by itself.
    await scan({ paths: [orgDir], cwd: dir, index: { file: indexFile, fresh: true } });
    await drawn(page, mark);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it("names unnamed work from the dashboard: a concern file to commit", async () => {
    const { page } = await watchedPage(browser);
    await page.goto(`${server.url}#/unnamed/unnamed-1`);
    await drawn(page);
    await page.getByLabel("concern id").fill("money-helpers");
    await page.getByRole("button", { name: "Name it" }).click();
    await page.getByRole("status").filter({ hasText: "Wrote" }).waitFor();
    const file = join(dir, "concerns", "money-helpers.yaml");
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, "utf8")).toMatch(/^id: money-helpers/m);
    await page.close();
  });
});
