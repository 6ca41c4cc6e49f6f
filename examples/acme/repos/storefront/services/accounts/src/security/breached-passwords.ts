import { createHash } from "node:crypto";
import { createHttpClient, retry } from "@acme/platform-kit";
import { config } from "../config.js";

const client = createHttpClient({
  baseUrl: config.breachCheckUrl,
  timeoutMs: 2000,
  headers: { "add-padding": "true" },
});

/**
 * k-anonymity lookup against the Pwned Passwords range API: we send the first five characters of the
 * SHA-1 and compare the suffixes locally. The password never leaves the service.
 *
 * Fails open: if the API is down, sign-up must still work, so we answer "not breached" and count the
 * miss in the logs.
 */
export async function timesBreached(password: string): Promise<number | null> {
  const sha1 = createHash("sha1").update(password).digest("hex").toUpperCase();
  const prefix = sha1.slice(0, 5);
  const suffix = sha1.slice(5);
  try {
    const body = await retry(() => client.get<string>(`/range/${prefix}`, { responseType: "text" }), {
      attempts: 2,
      maxMs: 500,
    });
    for (const line of body.split("\n")) {
      const [candidate, count] = line.trim().split(":");
      if (candidate === suffix) {
        return Number(count);
      }
    }
    return 0;
  } catch {
    return null;
  }
}

/** Padding entries come back with a count of 0, so "seen at least once" is the test. */
export async function isBreached(password: string): Promise<boolean> {
  const count = await timesBreached(password);
  return count !== null && count > 0;
}
