import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { CheckResult, ScanResult } from "../src/result/index.js";
import { makeBranch } from "./helpers/branches.js";
import { everyOutput, OUTPUT_NAMES, type OutputName } from "./helpers/outputs.js";
import { ann, bo, commit, makeRepo, tempDir } from "./helpers/repos.js";
import { leaksIn, PLANTED } from "./helpers/secrets.js";

// Secrets planted in the code and commits of an org (two teams, each with its own retry helper and HTTP
// client wrapper carrying keys, tokens and passwords in literals and comments) never reach an output:
// every output of every command is grepped for every one of them, and the masked form is looked for
// where the text that held one is shown.

const P = PLANTED;
/** Markdown escapes the mask's stars. */
const md = (text: string) => text.replace(/\*/g, "\\*");

/** A retry helper with an access key and a token in its body, in a literal and a comment. */
const retryWithKeys = (
  jitter: boolean,
) => `export async function retryRequest(fn, attempts = 3, baseDelayMs = 100) {
  // Signed with ${P.awsKeyId.secret} (rotated quarterly); CI pushes with ${P.githubToken.secret}
  const awsSecretAccessKey = "${P.awsSecret.secret}";
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn({ awsSecretAccessKey });
    } catch (error) {
      if (attempt >= attempts) throw error;
      ${jitter ? `// alerts go to ${P.slackToken.secret}\n      const jitterMs = Math.random() * baseDelayMs;` : "const jitterMs = 0;"}
      await new Promise((resolve) => setTimeout(resolve, baseDelayMs * 2 ** attempt + jitterMs));
    }
  }
}
`;

const DEADLINE_CHECK =
  "\n    if (controller.signal.aborted) throw new Error(`upstream deadline exceeded after $" +
  "{init.timeoutMs} ms`);";

/** An HTTP client wrapper whose base URL holds a password, with a key, a JWT and a private key in it. */
const clientWithKeys = (
  timeoutMs: number,
  fixed: boolean,
) => `export async function apiFetch(path, init = {}) {
  const baseUrl = "https://billing-bot:${P.basicAuthPassword.secret}@api.payments.example";
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), init.timeoutMs ?? ${timeoutMs});
  const headers = {
    accept: "application/json",
    "x-api-key": "${P.stripeKey.secret}",
    authorization: "Bearer ${P.jwt.secret}",
  };
  const signingKey = \`${P.privateKey.secret}\`;
  try {
    const res = await fetch(\`\${baseUrl}\${path}\`, { ...init, headers, signingKey, signal: controller.signal });
    if (!res.ok) throw new Error(\`HTTP \${res.status}\`);${fixed ? DEADLINE_CHECK : ""}
    return await res.json();
  } finally {
    clearTimeout(timer);
  }
}
`;

/** The other team's copies: a Python-style config in a comment, a database URL and a Google key. */
const paymentsRetry = (
  jitter: boolean,
) => `export async function withRetry(op, maxAttempts = 4, delayMs = 250) {
  const db = "${P.dbUrl.secret}";
  // maps key ${P.googleKey.secret}
  for (let attempt = 1; ; attempt++) {
    try {
      return await op(db);
    } catch (error) {
      if (attempt >= maxAttempts) throw error;
      const jitterMs = ${jitter ? "Math.random() * delayMs" : "0"};
      await new Promise((resolve) => setTimeout(resolve, delayMs * 2 ** attempt + jitterMs));
    }
  }
}
`;

const paymentsClient = `export async function callProcessor(path, init = {}) {
  const baseUrl = "https://api.processor.example";
  const password = "${P.apiPassword.secret}";
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), init.timeoutMs ?? 10000);
  const headers = { accept: "application/json", authorization: \`Basic \${btoa(\`payments:\${password}\`)}\` };
  try {
    const res = await fetch(\`\${baseUrl}\${path}\`, { ...init, headers, signal: controller.signal });
    if (!res.ok) throw new Error(\`processor answered \${res.status}\`);
    return await res.json();
  } finally {
    clearTimeout(timer);
  }
}
`;

/** The code excerpts of a report's page data (the HTML file's embedded JSON, or the dashboard's), as text. */
function excerptsIn(output: string): string {
  const embedded = /<script type="application\/json" id="lineitem-data">(.*?)<\/script>/s.exec(output)?.[1];
  const data = JSON.parse(embedded ?? output) as { excerpts: Record<string, { lines: string[] }> };
  return Object.values(data.excerpts)
    .flatMap((excerpt) => excerpt.lines)
    .join("\n");
}

describe("secrets planted in scanned code and commits", () => {
  const dir = tempDir("lineitem-secrets-");
  const org = join(dir, "org");
  const index = join(dir, "index.sqlite");
  let outputs: Map<OutputName, string>;

  beforeAll(async () => {
    await makeRepo(org, "checkout", [
      commit("2025-01-06T10:00:00+00:00", ann, "Retry helper and API client", {
        "src/lib/retry.ts": retryWithKeys(false),
        "src/lib/http.ts": clientWithKeys(5000, false),
      }),
      commit("2025-03-03T10:00:00+00:00", ann, `Jitter between retries (CI token ${P.githubToken.secret})`, {
        "src/lib/retry.ts": retryWithKeys(true),
      }),
      commit("2025-05-05T10:00:00+00:00", ann, `Fix deadline handling, ${P.dbUrl.secret} is read-only`, {
        "src/lib/http.ts": clientWithKeys(5000, true),
      }),
    ]);
    await makeRepo(org, "payments", [
      commit("2025-02-03T10:00:00+00:00", bo, "Our own retry and processor client", {
        "lib/retry.ts": paymentsRetry(false),
        "lib/processor.ts": paymentsClient,
      }),
      commit("2025-04-07T10:00:00+00:00", bo, `Jitter the retry delay; staging key ${P.stripeKey.secret}`, {
        "lib/retry.ts": paymentsRetry(true),
      }),
    ]);
    const checkout = join(org, "checkout");
    makeBranch(checkout, "search-client", {
      write: {
        "src/search/client.ts": clientWithKeys(2000, false).replace("apiFetch", "searchFetch"),
        "src/search/retry.ts": retryWithKeys(true).replace("retryRequest", "retrySearch"),
      },
    });

    outputs = await everyOutput(dir, { org, index, check: { repo: checkout, head: "search-client" } });
  }, 180_000);

  it("finds the planted code where the outputs show it", () => {
    const json = JSON.parse(outputs.get("scan --json") ?? "{}") as ScanResult;
    const concerns = json.concerns.map((c) => `${c.id}: ${c.implementations.map((i) => i.id).join(", ")}`);
    expect(concerns).toEqual(
      expect.arrayContaining([expect.stringMatching(/^retry: /), expect.stringMatching(/^http-client: /)]),
    );
    const check = JSON.parse(outputs.get("check json") ?? "{}") as CheckResult;
    expect(check.findings.length).toBeGreaterThan(0);
  });

  it.each(OUTPUT_NAMES)("%s carries none of them", (name) => {
    const output = outputs.get(name);
    expect(output, `${name} was not run`).toBeDefined();
    expect(leaksIn(output ?? "")).toEqual([]);
  });

  it("shows the masked forms where the code and commits are shown", () => {
    // A parameter's value (the HTTP client's base URL), in the drift table and the JSON.
    expect(outputs.get("scan")).toContain("https://billing-bot:****@api.…"); // cut to fit the column
    expect(outputs.get("scan --json")).toContain(P.basicAuthPassword.masked);
    expect(outputs.get("report markdown")).toContain(md(P.basicAuthPassword.masked));
    // Commit subjects carried into the ledger (a change repeated in two copies; a fix not shared).
    expect(outputs.get("scan --json")).toContain(`CI token ${P.githubToken.masked}`);
    expect(outputs.get("scan")).toContain(`CI token ${P.githubToken.masked}`);
    expect(outputs.get("ledger")).toContain(`staging key ${P.stripeKey.masked}`);
    // Code excerpts in the HTML report and the dashboard: every kind, masked where it stood.
    for (const name of ["report html", "dashboard /api/data"] as const) {
      const output = excerptsIn(outputs.get(name) ?? "");
      for (const masked of [
        P.awsKeyId.masked,
        P.githubToken.masked,
        P.awsSecret.masked,
        P.slackToken.masked,
        P.stripeKey.masked,
        P.jwt.masked,
        P.privateKey.masked,
        P.dbUrl.masked,
        P.googleKey.masked,
        P.apiPassword.masked,
      ]) {
        expect(output, `${name}: ${masked}`).toContain(masked);
      }
    }
    // The new copy's policy in a check, beside the org's.
    expect(outputs.get("check json")).toContain(`"yours": "${P.basicAuthPassword.masked}"`);
  });
});
