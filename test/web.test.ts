import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildExampleOrg } from "../src/demo/index.js";
import { renderHtmlReport, renderMarkdown } from "../src/report/index.js";
import { scan, trend } from "../src/scan/index.js";
import { loadHtmlAssets, type RunningServer, reportData, startServer } from "../src/web/index.js";
import { BIN } from "./helpers/bin.js";
import { ARTIFACTS, drawn, launchBrowser, watchedPage } from "./helpers/browser.js";
import { runCli } from "./helpers/cli.js";
import { bo, commit, makeRepo, tempDir } from "./helpers/repos.js";
import { retrySource } from "./helpers/retry-source.js";

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
      "| ★ | platform | storefront/packages/platform-kit/src/retry.ts:18-63 |",
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

/** A raw HTTP request, so paths reach the server exactly as written (no client normalisation). */
function raw(url: string, path: string, headers: Record<string, string> = {}, method = "GET", body?: string) {
  const { hostname, port } = new URL(url);
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request({ hostname, port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }),
      );
    });
    req.on("error", reject);
    req.end(body);
  });
}

describe("the dashboard's server", () => {
  const dir = tempDir("lineitem-serve-test-");
  let server: RunningServer;

  beforeAll(async () => {
    const org = await buildExampleOrg(join(dir, "acme"));
    const indexFile = join(dir, "index.sqlite");
    await scan({ paths: [join(org.dir, "payments-api")], cwd: dir, index: { file: indexFile } });
    server = await startServer({ indexFile, concernsDir: join(dir, "concerns"), host: "127.0.0.1", port: 0 });
  }, 120_000);
  afterAll(() => server?.close());

  it("listens on loopback unless told otherwise, from the command line too", async () => {
    expect(new URL(server.url).hostname).toBe("127.0.0.1");
    const child = spawn(process.execPath, [
      BIN,
      "serve",
      "--index",
      join(dir, "index.sqlite"),
      "--port",
      "0",
    ]);
    const url = await new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout.on("data", (chunk: Buffer) => {
        out += chunk;
        const found = /on (http:\/\/\S+?\/) /.exec(out);
        if (found) resolve(found[1] as string);
      });
      child.on("exit", (code) => reject(new Error(`serve exited with ${code}`)));
    });
    // The kernel's own list of listening sockets: this port is bound to 127.0.0.1 only.
    const port = Number(new URL(url).port).toString(16).toUpperCase().padStart(4, "0");
    const listeners = ["/proc/net/tcp", "/proc/net/tcp6"]
      .flatMap((file) => (existsSync(file) ? readFileSync(file, "utf8").split("\n").slice(1) : []))
      .map((line) => line.trim().split(/\s+/))
      .filter((fields) => fields[3] === "0A" && fields[1]?.endsWith(`:${port}`))
      .map((fields) => fields[1]?.split(":")[0]);
    child.kill("SIGINT");
    expect(new URL(url).hostname).toBe("127.0.0.1");
    expect(listeners).toEqual(["0100007F"]);
  });

  it.each([
    "/../../../../etc/passwd",
    "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "/..%2f..%2f..%2fetc%2fpasswd",
    "/%252e%252e/etc/passwd",
    "/api/../../package.json",
    "//etc/passwd",
    "/index.html/../../../etc/passwd",
    "/assets/app.js",
    "/api/data/../../../../etc/passwd",
  ])("refuses %s", async (path) => {
    const answer = await raw(server.url, path);
    expect(answer.status).toBe(404);
    expect(answer.body).not.toContain("root:");
  });

  it("answers only to its own address, and takes names only as JSON from itself", async () => {
    expect((await raw(server.url, "/api/data", { host: "evil.example" })).status).toBe(421);
    expect((await raw(server.url, "/api/data")).status).toBe(200);
    const form = await raw(
      server.url,
      "/api/promote",
      { "content-type": "application/x-www-form-urlencoded" },
      "POST",
      "id=x",
    );
    expect(form.status).toBe(403);
    const elsewhere = await raw(
      server.url,
      "/api/promote",
      { "content-type": "application/json", origin: "http://evil.example" },
      "POST",
      '{"unnamed":"unnamed-1","id":"x"}',
    );
    expect(elsewhere.status).toBe(403);
    const badId = await raw(
      server.url,
      "/api/promote",
      { "content-type": "application/json" },
      "POST",
      '{"unnamed":"unnamed-1","id":"../x"}',
    );
    expect(badId.status).toBe(400);
  });

  it("answers many requests at once without an error, reading the scan only once", async () => {
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) => raw(server.url, i % 2 ? "/api/version" : "/api/data")),
    );
    expect(answers.every((a) => a.status === 200)).toBe(true);
    const versions = new Set(answers.filter((_, i) => i % 2).map((a) => JSON.parse(a.body).version));
    expect(versions.size).toBe(1);
  });

  it("refuses to start over an index that holds no scan, with exit 2", async () => {
    const run = await runCli(["serve", "--index", join(dir, "none.sqlite"), "--port", "0"], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/none\.sqlite/);
  });
});

describe("code from scanned repositories in the HTML report", () => {
  const dir = tempDir("lineitem-hostile-web-");
  const payload = (n: number) =>
    `</script><script>window.__pwned=${n}</script><img src=x onerror="window.__pwned=${n + 1}">`;

  it("is shown as text wherever it appears, and nothing in it runs", async () => {
    const hostileFolder = `src/<img src=x onerror="window.__pwned=9">`;
    // Inside the function, so it is in the implementation's lines and the report shows it.
    const code = (attempts: number) =>
      retrySource(attempts).replace(
        "  for (let attempt",
        `  // ${payload(1)}\n  const banner = "${payload(3).replace(/"/g, '\\"')}";\n  for (let attempt`,
      );
    // The fixture builder takes plain paths only, so this repository is made with git itself.
    const shop = join(dir, "org", "shop");
    mkdirSync(join(shop, hostileFolder), { recursive: true });
    mkdirSync(join(shop, ".github"));
    writeFileSync(join(shop, ".github", "CODEOWNERS"), "* @acme/checkout\n");
    writeFileSync(join(shop, hostileFolder, "retry.ts"), code(3));
    const env = {
      ...process.env,
      GIT_AUTHOR_NAME: "Ann Lee",
      GIT_AUTHOR_EMAIL: "ann@example.test",
      GIT_COMMITTER_NAME: "Ann Lee",
      GIT_COMMITTER_EMAIL: "ann@example.test",
      GIT_AUTHOR_DATE: "2025-01-10T10:00:00Z",
      GIT_COMMITTER_DATE: "2025-01-10T10:00:00Z",
      GIT_CONFIG_GLOBAL: "/dev/null",
    };
    execFileSync("git", ["init", "-q"], { cwd: shop, env });
    execFileSync("git", ["add", "-A"], { cwd: shop, env });
    execFileSync("git", ["commit", "-q", "-m", `add retry ${payload(5)}`], { cwd: shop, env });
    await makeRepo(join(dir, "org"), "billing", [
      commit("2025-02-10T10:00:00+00:00", bo, "add retry", {
        ".github/CODEOWNERS": "* @acme/payments\n",
        "src/retry.ts": code(5),
      }),
    ]);
    const result = await scan({ paths: [join(dir, "org")], cwd: dir });
    const retry = result.concerns.find((c) => c.id === "retry");
    expect(retry?.implementations.map((i) => i.team).sort()).toEqual(["checkout", "payments"]);
    const data = await reportData(result, null, "test");
    const file = join(dir, "hostile.html");
    writeFileSync(file, renderHtmlReport(data, loadHtmlAssets()));
    // The only `</script` in the file are the page's own closing tags.
    const html = readFileSync(file, "utf8");
    expect(html.match(/<\/script/gi)?.length).toBe(4);

    const browser = await launchBrowser();
    try {
      const { page, errors, dialogs } = await watchedPage(browser);
      for (const view of ["overview", "concern/retry", "ledger", "unnamed"]) {
        await page.goto(`${pathToFileURL(file).href}#/${view}`);
        await drawn(page);
        expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
      }
      await page.goto(`${pathToFileURL(file).href}#/concern/retry`);
      await drawn(page);
      // Shown, as text: the folder name in the table, the payload in the code.
      expect(await page.locator("td.path", { hasText: "<img src=x" }).count()).toBe(1);
      expect(await page.locator("table.diff").textContent()).toContain("</script><script>window.__pwned=1");
      expect(await page.locator("main img, main script").count()).toBe(0);
      await page.screenshot({ path: join(ARTIFACTS, "hostile-concern.png"), fullPage: true });
      expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
    // Markdown keeps it inert too.
    const markdown = renderMarkdown(result);
    expect(markdown).toContain("\\<img src=x");
    expect(markdown).not.toMatch(/(^|[^\\])<img/);
  }, 120_000);
});
