import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ScanResult } from "../src/result/index.js";
import { GAP_LINE } from "../src/result/index.js";
import { readExcerpts, scan } from "../src/scan/index.js";
import { packageRoot } from "../src/shared/index.js";
import { makeBranch } from "./helpers/branches.js";
import { drawn, launchBrowser, watchedPage } from "./helpers/browser.js";
import { runCli } from "./helpers/cli.js";
import { cliMain } from "./helpers/cli-main.js";
import { ann, bo, commit, makeRepo, tempDir } from "./helpers/repos.js";
import { retrySource } from "./helpers/retry-source.js";

// A retry whose backoff sits at the far end of a long module, as application code often has it: the
// implementation's lines run from the first unit doing the work to the last, with a report job between.
const SPREAD = `import { fetchOrders, saveReport } from "./store";

/** Runs a job, trying again with backoff when it fails. */
export async function withRetry<T>(job: () => Promise<T>, attempts = 5): Promise<T> {
  let lastError: unknown;
  for (let attempt = 0; attempt < attempts; attempt++) {
    try {
      return await job();
    } catch (error) {
      lastError = error;
      await sleep(backoffDelay(attempt));
    }
  }
  throw lastError;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function summarise(orders: { total: number; region: string }[]) {
  const byRegion = new Map<string, number>();
  for (const order of orders) byRegion.set(order.region, (byRegion.get(order.region) ?? 0) + order.total);
  return [...byRegion].sort((a, b) => b[1] - a[1]);
}

export function formatRow(region: string, total: number): string {
  return \`\${region.padEnd(12)} \${total.toFixed(2).padStart(10)}\`;
}

export async function nightlyReport(day: string) {
  const orders = await withRetry(() => fetchOrders(day));
  const rows = summarise(orders).map(([region, total]) => formatRow(region, total));
  await saveReport(day, rows.join("\\n"));
  return rows.length;
}

export function regionsOf(orders: { region: string }[]): string[] {
  return [...new Set(orders.map((order) => order.region))].sort();
}

export function largest(orders: { total: number }[]): number {
  let best = 0;
  for (const order of orders) if (order.total > best) best = order.total;
  return best;
}

export function average(orders: { total: number }[]): number {
  if (orders.length === 0) return 0;
  return orders.reduce((sum, order) => sum + order.total, 0) / orders.length;
}

/** Exponential backoff with full jitter, capped: the wait before the next attempt. */
function backoffDelay(attempt: number): number {
  const base = 200;
  const maxDelay = 30_000;
  const exponential = Math.min(maxDelay, base * 2 ** attempt);
  return Math.random() * exponential;
}
`;

// Another team's retry, compact: one function (lines 2-11 under its doc comment).
const COMPACT = `/** Retries a call with exponential backoff. */\n${retrySource()}`;

describe("an implementation whose work sits in several places of its file", () => {
  const dir = tempDir("lineitem-runs-test-");
  let orgDir: string;
  let result: ScanResult;

  beforeAll(async () => {
    orgDir = join(dir, "org");
    await makeRepo(orgDir, "orders", [
      commit("2025-03-03T10:00:00Z", ann, "Nightly report with retries", { "src/jobs.ts": SPREAD }),
    ]);
    await makeRepo(orgDir, "billing", [
      commit("2025-03-04T10:00:00Z", bo, "Retry helper", { "src/retry.ts": COMPACT }),
    ]);
    await makeRepo(orgDir, "fleet", [
      commit("2025-03-06T10:00:00Z", ann, "Retry in Go", {
        "internal/retry/retry.go": readFileSync(
          join(packageRoot, "examples/acme/repos/fulfilment-svc/internal/retry/retry.go"),
          "utf8",
        ),
        // Another team's tool with its logger set up the same way.
        "cmd/fleetctl/main.go": cliMain(),
      }),
    ]);
    await makeRepo(orgDir, "tools", [
      commit("2025-03-07T10:00:00Z", bo, "Export tool", { "cmd/export/main.go": cliMain() }),
      // A change far from the logger's set-up: the tool's upkeep, not its logging's.
      commit("2025-04-07T10:00:00Z", ann, "Export: pass the dry-run flag", {
        "cmd/export/main.go": cliMain().replace("step70(os.Args)", "step70(os.Args, dryRun)"),
      }),
    ]);
    await makeRepo(orgDir, "shipping", [
      commit("2025-03-05T10:00:00Z", bo, "Shipping labels", { "src/labels.ts": "export const size = 4;\n" }),
    ]);
    result = await scan({ paths: [orgDir], cwd: dir });
  }, 60_000);

  const spread = () =>
    result.concerns
      .find((concern) => concern.id === "retry")
      ?.implementations.find((impl) => impl.repo === "orders");

  it("keeps its lines from the first unit doing the work to the last, and marks which units do it", () => {
    const impl = spread();
    expect(impl).toBeDefined();
    expect([impl?.startLine, impl?.endLine]).toEqual([4, 59]);
    const work = impl?.units.filter((unit) => unit.role === "work").map((unit) => unit.name);
    expect(work).toEqual(["withRetry", "backoffDelay"]);
  });

  it("is pointed at by its first run of work and a count of the others, in the terminal and Markdown", async () => {
    const json = join(dir, "scan.json");
    const scanned = await runCli(["scan", orgDir, "--no-index", "--json", json, "-q", "--no-color"], dir);
    expect(scanned.code).toBe(0);
    expect(scanned.stdout).toMatch(/orders +src\/jobs\.ts:4-15 \+1 more/);
    expect(scanned.stdout).toMatch(/billing +src\/retry\.ts:2-11 /);
    expect(scanned.stdout).not.toContain("jobs.ts:4-59");
    const markdown = await runCli(["report", "--from", json, "--format", "markdown"], dir);
    expect(markdown.stdout).toContain("orders/src/jobs.ts:4-15 +1 more");
  });

  it("points into a long unit at the lines where its work is, in the JSON and the excerpt", async () => {
    const logging = result.concerns
      .find((concern) => concern.id === "structured-logging")
      ?.implementations.find((impl) => impl.repo === "tools");
    const main = logging?.units.find((unit) => unit.name === "main");
    expect([main?.startLine, main?.endLine, main?.role]).toEqual([9, 95, "work"]);
    expect(main?.focus).toEqual([{ startLine: 9, endLine: 15 }]);
    const excerpt = (await readExcerpts(result))[logging?.id ?? ""];
    expect(excerpt?.lineNumbers).toEqual([9, 10, 11, 12, 13, 14, 15]);
    // Its history is that of those lines: the later change to the tool's steps is not charged to logging.
    expect([logging?.history?.commits, logging?.history?.authors]).toEqual([1, 1]);
    expect(excerpt?.lines[1]).toContain("log.SetFormatter");
  });

  it("shows the runs of work in its excerpt, with a marked gap and the file's own line numbers", async () => {
    const excerpt = (await readExcerpts(result))[spread()?.id ?? ""];
    expect(excerpt?.lineNumbers.slice(10, 15)).toEqual([14, 15, null, 54, 55]);
    expect(excerpt?.lines[12]).toBe(GAP_LINE);
    expect(excerpt?.lines[13]).toContain("function backoffDelay");
    expect(excerpt?.lines.join("\n")).not.toContain("nightlyReport");
  });

  it("is named by its first place in a pull request's check too, new or already in the org", async () => {
    const index = join(dir, "index.sqlite");
    expect((await runCli(["scan", orgDir, "--index", index, "-q"], dir)).code).toBe(0);
    const shipping = join(orgDir, "shipping");
    makeBranch(shipping, "nightly", { write: { "src/jobs.ts": SPREAD } });
    const checked = await runCli(
      ["check", shipping, "--base", "main", "--head", "nightly", "--index", index, "--format", "json"],
      dir,
    );
    const finding = JSON.parse(checked.stdout).findings.find(
      (f: { concern: string | null }) => f.concern === "retry",
    );
    expect(finding.what).toMatch(/^src\/jobs\.ts:4-15 \+1 more adds retry logic/);
    const orders = finding.existing.find((copy: { repo: string }) => copy.repo === "orders");
    expect(orders.units.filter((unit: { role?: string }) => unit.role === "work")).toHaveLength(2);
    // What TypeScript code could call comes first: billing's and orders' retries before fleet's Go one.
    expect(finding.existing.map((copy: { repo: string }) => copy.repo)).toEqual([
      "billing",
      "orders",
      "fleet",
    ]);
    expect(finding.action).toMatch(
      /^Reuse one of the existing implementations \(billing, orders and fleet\)/,
    );
    const text = await runCli(
      ["check", shipping, "--base", "main", "--head", "nightly", "--index", index, "--no-color"],
      dir,
    );
    expect(text.stdout).toContain("orders/src/jobs.ts:4-15 +1 more");

    // A change to a long unit warns only where its work is: the logger's set-up, not a step far below it.
    const tools = join(orgDir, "tools");
    const main = "cmd/export/main.go";
    const current = readFileSync(join(tools, main), "utf8");
    makeBranch(tools, "steps", {
      write: { [main]: current.replace("step60(os.Args)", "step60(os.Args, 1)") },
    });
    makeBranch(tools, "format", {
      write: { [main]: current.replace("log.SetOutput(os.Stdout)", "log.SetOutput(os.Stderr)") },
    });
    const logging = async (head: string) => {
      const run = await runCli(
        ["check", tools, "--base", "main", "--head", head, "--index", index, "--format", "json"],
        dir,
      );
      return JSON.parse(run.stdout).findings.filter(
        (f: { concern: string | null }) => f.concern === "structured-logging",
      );
    };
    expect(await logging("steps")).toEqual([]);
    const [warned] = await logging("format");
    expect(warned.what).toMatch(/^cmd\/export\/main\.go:9-15 adds structured-logging setups/);
  });

  describe("in the HTML report", () => {
    let browser: Awaited<ReturnType<typeof launchBrowser>>;
    beforeAll(async () => {
      browser = await launchBrowser();
    });
    afterAll(async () => browser?.close());

    it("says where in the row, every run on hover, and the gap in the side-by-side comparison", async () => {
      const html = join(dir, "report.html");
      const json = join(dir, "report.json");
      await runCli(["scan", orgDir, "--no-index", "--json", json, "-q"], dir);
      expect((await runCli(["report", "--from", json, "--format", "html", "-o", html, "-q"], dir)).code).toBe(
        0,
      );
      const { page, errors } = await watchedPage(browser);
      const pair = new URLSearchParams({ a: "retry:billing:src/retry.ts", b: "retry:orders:src/jobs.ts" });
      await page.goto(`${pathToFileURL(html).href}#/concern/retry?${pair}`);
      await drawn(page);
      const cell = page.locator("main table.grid td.path", { hasText: "jobs.ts" });
      expect(await cell.textContent()).toBe("src/jobs.ts:4-15 +1 more");
      expect(await cell.getAttribute("title")).toBe("4-15, 54-59");
      // Billing's retry beside orders': the right-hand side has the gap.
      const numbers = await page
        .locator("table.diff tbody tr")
        .evaluateAll((rows) => rows.map((row) => row.querySelectorAll("td.ln")[1]?.textContent ?? ""));
      const gap = numbers.indexOf("⋯");
      expect(gap).toBeGreaterThan(0);
      expect(numbers.slice(gap - 1, gap + 2)).toEqual(["15", "⋯", "54"]);
      expect(await page.locator("table.diff td.src.gap").count()).toBeGreaterThan(0);
      expect(errors).toEqual([]);
      expect(readFileSync(html, "utf8")).toContain('"runs":"4-15, 54-59"');
    });
  });
});
