import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { ScanResult } from "../src/result/index.js";
import { runCli } from "./helpers/cli.js";
import { ann, bo, commit, cy, makeRepo, tempDir } from "./helpers/repos.js";

const paginate = (fetchName: string, pageVar: string) => `
export async function fetchAllPages(url: string, limit = 100): Promise<unknown[]> {
  const items: unknown[] = [];
  let ${pageVar}: string | undefined;
  do {
    const query = ${pageVar} ? \`?cursor=\${encodeURIComponent(${pageVar})}&limit=\${limit}\` : \`?limit=\${limit}\`;
    const response = await ${fetchName}(url + query, { headers: { accept: "application/json" } });
    if (!response.ok) throw new Error(\`page request failed: \${response.status}\`);
    const body = (await response.json()) as { items: unknown[]; next?: string };
    items.push(...body.items);
    ${pageVar} = body.next;
  } while (${pageVar});
  return items;
}
`;

// A fragment: the same price rounding copied into two otherwise different functions.
const rounding = `
    const cents = Math.round(amount * 100);
    const tax = Math.round((cents * rate) / 100);
    const total = cents + tax;
    if (total < 0) throw new RangeError("negative total " + String(total));
    const formatted = (total / 100).toFixed(2) + " " + currency.toUpperCase();
`;

const handler = (name: string) => `
export function ${name}Route(app: { get: (path: string, fn: (req: unknown, res: { json: (x: unknown) => void }) => void) => void }) {
  app.get("/${name}", (req, res) => {
    const started = Date.now();
    const result = { ok: true, name: "${name}", took: Date.now() - started };
    res.json(result);
  });
}
`;

describe("clone groups across teams", () => {
  const dir = tempDir("lineitem-clones-");
  let org: string;

  beforeAll(async () => {
    org = join(dir, "org");
    await makeRepo(org, "platform", [
      commit("2025-01-10T10:00:00Z", ann, "Add paginated fetch", {
        "packages/http/src/paginate.ts": paginate("fetch", "cursor"),
      }),
    ]);
    await makeRepo(org, "shop", [
      commit("2025-03-10T10:00:00Z", bo, "List all orders", {
        "src/orders/list.ts": paginate("fetch", "nextCursor"),
        "src/cart/total.ts": `export function cartTotal(amount: number, rate: number, currency: string): string {
    const lines = [amount, rate];
    console.log("lines", lines.length);
    const discounts = lines.filter((line) => line > 10).map((line) => ({ line, off: line * 0.1 }));
    for (const discount of discounts) console.debug("discount", discount.line, discount.off);
    const session = globalThis.sessionStorage?.getItem("cart") ?? JSON.stringify({ empty: true });
    if (session.length > 1000) console.warn("large cart session", session.length);${rounding}    return formatted;
}
`,
        "src/routes/a.ts": handler("alpha"),
        "src/routes/b.ts": handler("beta"),
        "src/routes/c.ts": handler("gamma"),
        "src/routes/d.ts": handler("delta"),
      }),
    ]);
    await makeRepo(org, "search", [
      commit("2025-05-10T10:00:00Z", cy, "Invoice lines", {
        "src/invoice.ts": `export function invoiceLine(label: string, amount: number, rate: number, currency: string) {
    if (!label) throw new Error("label required");
    const prefix = label.trim().padEnd(20, ".");
    const parts = label.split("/").map((part, index) => \`\${index}:\${part}\`);
    while (parts.length > 3) parts.shift();
    const key = parts.join("|").toLowerCase().replace(/[^a-z0-9|:]/g, "-");
    if (key.length === 0) throw new Error("empty key for " + label);${rounding}    return { label: prefix, formatted, at: new Date().toISOString() };
}
`,
      }),
    ]);
    writeFileSync(
      join(org, "lineitem.config.yaml"),
      "canonical:\n  - repo: platform\n    path: 'packages/http/**'\n",
    );
  }, 60_000);

  async function scanJson(...flags: string[]): Promise<ScanResult> {
    const run = await runCli([
      "scan",
      org,
      "-c",
      join(org, "lineitem.config.yaml"),
      "-q",
      "--json",
      "-",
      ...flags,
    ]);
    expect(run.code).toBe(0);
    return JSON.parse(run.stdout) as ScanResult;
  }

  it("reports the copies of one function as one group, the canonical member marked", async () => {
    const result = await scanJson();
    const group = result.clones.groups.find((g) => g.members.some((m) => m.unit === "fetchAllPages"));
    expect(group).toMatchObject({
      level: "unit",
      kind: "renamed",
      crossTeam: true,
      teams: ["platform", "shop"],
    });
    expect(group?.members.map((m) => [m.repo, m.path, m.canonical])).toEqual([
      ["platform", "packages/http/src/paginate.ts", true],
      ["shop", "src/orders/list.ts", false],
    ]);
    expect(group?.members[0]).toMatchObject({ startLine: 2, endLine: 14 });
  });

  it("finds a run of code copied inside two different functions, with its lines", async () => {
    const result = await scanJson();
    const group = result.clones.groups.find((g) => g.level === "fragment" && g.crossTeam);
    expect(group?.kind).toBe("exact");
    expect(group?.members.map((m) => [m.repo, m.unit])).toEqual([
      ["search", "invoiceLine"],
      ["shop", "cartTotal"],
    ]);
    const [invoice, cart] = group?.members ?? [];
    // The copied lines are 8-12 of cartTotal and 8-12 of invoiceLine; edges may take a line either way.
    expect(cart?.startLine).toBeGreaterThanOrEqual(7);
    expect(cart?.endLine).toBeLessThanOrEqual(13);
    expect(invoice?.startLine).toBeGreaterThanOrEqual(7);
    expect(invoice?.endLine).toBeLessThanOrEqual(13);
  });

  it("sets scaffolding aside and counts it; --show-boilerplate lists it", async () => {
    const quiet = await scanJson();
    expect(quiet.clones.groups.filter((g) => g.boilerplate)).toEqual([]);
    expect(quiet.clones.setAside.scaffolding).toBe(1);
    const shown = await scanJson("--show-boilerplate");
    const scaffolding = shown.clones.groups.filter((g) => g.boilerplate === "scaffolding");
    expect(scaffolding).toHaveLength(1);
    expect(scaffolding[0]?.members.map((m) => m.path)).toEqual([
      "src/routes/a.ts",
      "src/routes/b.ts",
      "src/routes/c.ts",
      "src/routes/d.ts",
    ]);
    expect(shown.clones.settings.showBoilerplate).toBe(true);
  });

  it("prints one finding per group in the terminal view, canonical marked ◆", async () => {
    const run = await runCli(["scan", org, "-c", join(org, "lineitem.config.yaml"), "-q"]);
    expect(run.stdout).toContain("Copies across teams");
    expect(run.stdout).toMatch(
      /2 copies with other names or values \(\d+ lines, \d+ tokens\) across platform, shop/,
    );
    expect(run.stdout).toMatch(
      /◆ +platform +platform +packages\/http\/src\/paginate\.ts:2-14 +fetchAllPages/,
    );
    expect(run.stdout).toContain("--show-boilerplate lists them");
  });

  it("takes its thresholds from the config, and refuses a bad one naming the key", async () => {
    const strict = join(dir, "strict.yaml");
    writeFileSync(strict, "similarity:\n  minFragmentTokens: 200\n");
    const run = await runCli(["scan", org, "-c", strict, "-q", "--json", "-"]);
    const result = JSON.parse(run.stdout) as ScanResult;
    expect(result.clones.groups.filter((g) => g.level === "fragment")).toEqual([]);
    expect(result.clones.settings.minFragmentTokens).toBe(200);

    const bad = join(dir, "bad.yaml");
    writeFileSync(bad, "similarity:\n  minSimilarity: 2\n");
    const refused = await runCli(["scan", org, "-c", bad, "-q"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/bad\.yaml:2.*similarity\.minSimilarity/);
  });
});
