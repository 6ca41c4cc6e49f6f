// The code the check tests put on branches of the example org's storefront.

/** A new retry helper, as a team without one would write it: five attempts from 200 ms, no jitter. */
export const SEARCH_RETRY = `const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Retries a search backend call with exponential backoff. */
export async function withRetry<T>(fn: () => Promise<T>, attempts = 5, baseMs = 200): Promise<T> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      return await fn();
    } catch (error) {
      lastError = error;
      if (attempt === attempts) break;
      const delay = baseMs * 2 ** (attempt - 1);
      await sleep(delay);
    }
  }
  throw lastError;
}
`;

/** checkout's allocate (apps/web-checkout/src/lib/money.ts), renamed, as another team would paste it. */
export const SPLIT = `export interface Amount {
  amountMinor: number;
  currency: string;
}

export function splitAmount(amount: Amount, weights: number[]): Amount[] {
  const sum = weights.reduce((acc, weight) => acc + weight, 0);
  let left = amount.amountMinor;
  const parts = weights.map((weight) => {
    const part = Math.floor((amount.amountMinor * weight) / sum);
    left -= part;
    return { amountMinor: part, currency: amount.currency };
  });
  for (let i = 0; left > 0; i = (i + 1) % parts.length) {
    parts[i] = { ...parts[i], amountMinor: parts[i].amountMinor + 1 };
    left -= 1;
  }
  return parts;
}
`;

/** A search client on the golden path: the platform kit's HTTP client and retry. */
export const SEARCH_CLIENT = `import { createHttpClient, retry } from "@acme/platform-kit";

const backend = createHttpClient({ baseUrl: "http://search.internal:9200", timeoutMs: 2000 });

export interface Hit {
  sku: string;
  score: number;
}

/** Product search through the platform kit: its client, its retry policy. */
export async function searchProducts(query: string, limit = 20): Promise<Hit[]> {
  const body = await retry(() => backend.get<{ hits: Hit[] }>(\`/products/_search?q=\${encodeURIComponent(query)}&size=\${limit}\`));
  return body.hits.filter((hit) => hit.score > 0.1);
}
`;

export const SEARCH_OWNERS = "/services/search/       @acme/search\n";

/** A search retry policy kept in a module of its own, on main before the retry that reads it. */
export const SEARCH_POLICY = `export const SEARCH_RETRY_POLICY = { attempts: 4, baseMs: 250 };
`;

/** A new retry helper whose defaults are imported from ./retry-policy, unchanged on its branch. */
export const SEARCH_RETRY_WITH_POLICY = `import { SEARCH_RETRY_POLICY } from "./retry-policy";

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function withRetry<T>(fn: () => Promise<T>, policy = SEARCH_RETRY_POLICY): Promise<T> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    try {
      return await fn();
    } catch (error) {
      lastError = error;
      if (attempt === policy.attempts) break;
      await sleep(policy.baseMs * 2 ** (attempt - 1));
    }
  }
  throw lastError;
}
`;

/** A second audit trail in payments, for refunds, as if the team's own (the org's most used) were not there. */
export const PAYMENTS_REFUND_AUDIT = `import { appendFile } from "node:fs/promises";

export interface RefundAuditEntry {
  actor: string;
  action: "refund.requested" | "refund.approved" | "refund.denied";
  target: string;
  outcome: "success" | "failure";
}

/** Writes one audit event per refund decision, as a JSON line in the audit trail. */
export async function recordRefundAudit(entry: RefundAuditEntry): Promise<void> {
  const event = { ...entry, at: new Date().toISOString(), channel: "audit" };
  await appendFile("/var/log/payments/audit.log", \`\${JSON.stringify(event)}\\n\`);
}
`;
