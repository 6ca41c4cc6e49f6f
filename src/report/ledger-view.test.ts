import { createColors } from "picocolors";
import { describe, expect, it } from "vitest";
import type { Ledger } from "../result/index.js";
import { upkeepLines } from "./ledger-view.js";

const plain = createColors(false);
type Item = Ledger["items"][number];

const item = (over: Partial<Item>): Item => ({ title: "Retry with backoff", ...over }) as Item;

describe("upkeepLines", () => {
  it("lists a commit that changed several copies at once as one change", () => {
    const change = (team: string, date: string, subject: string, implementations: string[]) => ({
      implementation: implementations[0] as string,
      implementations,
      team,
      date: `${date}T09:00:00+00:00`,
      subject,
      sha: subject,
    });
    const lines = upkeepLines(
      {
        items: [
          item({
            repeatedChanges: [
              {
                words: ["jitter", "random"],
                changes: [
                  change("web", "2025-03-01", "Add jitter", ["a", "b", "c"]),
                  change("api", "2025-09-01", "jitter on backoff", ["d"]),
                ],
              },
            ],
            unsharedFixes: [],
          }),
        ],
      },
      plain,
    );
    expect(lines[1]).toBe(
      '  Retry with backoff: the same change (jitter, random) made 2 times: web 2025-03-01 "Add jitter" ' +
        '(3 copies at once); api 2025-09-01 "jitter on backoff"',
    );
  });

  it("counts the copies a fix did not reach, the fixing team's own among them", () => {
    const lines = upkeepLines(
      {
        items: [
          item({
            repeatedChanges: [],
            unsharedFixes: [
              {
                implementation: "a",
                team: "web",
                date: "2025-04-01T09:00:00+00:00",
                subject: "Fix: honour Retry-After",
                words: ["retry", "after", "header"],
                missingIn: [
                  { implementation: "b", team: "web" },
                  { implementation: "c", team: "api" },
                  { implementation: "d", team: "api" },
                ],
              },
            ],
          }),
        ],
      },
      plain,
    );
    expect(lines[1]).toBe(
      '  Retry with backoff: web fixed it on 2025-04-01 ("Fix: honour Retry-After"); ' +
        "not in 3 other copies (web, api 2) (retry, after, header)",
    );
  });

  it("says when one commit fixed several copies at once", () => {
    const fix = {
      implementation: "a",
      implementations: ["a", "b"],
      sha: "f1",
      team: "web",
      date: "2025-04-01T09:00:00+00:00",
      subject: "Fix: honour Retry-After",
      words: ["retry", "after"],
      missingIn: [{ implementation: "c", team: "api" }],
    };
    const lines = upkeepLines({ items: [item({ repeatedChanges: [], unsharedFixes: [fix] })] }, plain);
    expect(lines[1]).toBe(
      '  Retry with backoff: web fixed it in 2 copies at once on 2025-04-01 ("Fix: honour Retry-After"); ' +
        "not in 1 other copy (api) (retry, after)",
    );
  });
});
