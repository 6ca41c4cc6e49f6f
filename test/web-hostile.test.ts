// Code and names from a scanned repository carrying script, in the HTML report: shown as text, never run.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { renderHtmlReport, renderMarkdown } from "../src/report/index.js";
import { scan } from "../src/scan/index.js";
import { loadHtmlAssets, reportData } from "../src/web/index.js";
import { ARTIFACTS, drawn, launchBrowser, watchedPage } from "./helpers/browser.js";
import { bo, commit, makeRepo, tempDir } from "./helpers/repos.js";
import { retrySource } from "./helpers/retry-source.js";

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
