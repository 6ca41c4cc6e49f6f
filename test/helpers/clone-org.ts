import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { ann, bo, commit, cy, makeRepo } from "./repos.js";

// An org of three teams for the copy search: a function copied with other names (platform's canonical
// one and shop's), a run of code copied inside two different functions (shop and search), and route
// scaffolding in most files of a folder (shop). Used by the scan's and the copies command's tests.

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

/** Builds the org under `dir` and returns its folder (with lineitem.config.yaml naming the canonical copy). */
export async function buildCloneOrg(dir: string): Promise<string> {
  const org = join(dir, "org");
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
  return org;
}
