import { describe, expect, it } from "vitest";
import type { LedgerSubject, LedgerTouch } from "./index.js";
import { findUpkeep } from "./upkeep.js";

let n = 0;
const change = (date: string, subject: string, introduced: string[], created = false): LedgerTouch => ({
  sha: `s${n++}`,
  date: `${date}T09:00:00+00:00`,
  people: ["someone"],
  created,
  subject,
  introduced,
});

const subject = (implementations: LedgerSubject["implementations"]): LedgerSubject => ({
  id: "retry",
  title: "Retry with backoff",
  kind: "concern",
  implementations,
});

describe("findUpkeep", () => {
  it("groups the same change made separately in different copies, not the writings themselves", () => {
    const { repeated } = findUpkeep(
      subject([
        {
          id: "a",
          team: "checkout",
          golden: false,
          touches: [
            change("2025-03-01", "Add jitter", ["jitter", "random", "delay"]),
            change("2024-01-01", "Retry helper", ["jitter", "random", "delay", "retry"], true),
          ],
        },
        {
          id: "b",
          team: "payments",
          golden: false,
          touches: [change("2025-09-01", "jitter on backoff", ["random", "jitter"])],
        },
        {
          id: "c",
          team: "catalog",
          golden: false,
          touches: [change("2025-05-01", "Log attempts", ["logger", "attempt"])],
        },
      ]),
    );
    expect(repeated).toEqual([
      {
        words: ["jitter", "random"],
        changes: [
          {
            implementation: "a",
            implementations: ["a"],
            team: "checkout",
            date: "2025-03-01T09:00:00+00:00",
            subject: "Add jitter",
            sha: expect.any(String),
          },
          {
            implementation: "b",
            implementations: ["b"],
            team: "payments",
            date: "2025-09-01T09:00:00+00:00",
            subject: "jitter on backoff",
            sha: expect.any(String),
          },
        ],
      },
    ]);
  });

  it("does not count one commit that changed several copies as the same change made again", () => {
    const sweep = change("2025-03-01", "Switch to the structured logger", ["semantic", "logger", "config"]);
    const { repeated } = findUpkeep(
      subject([
        { id: "a", team: "web", golden: false, touches: [sweep] },
        { id: "b", team: "web", golden: false, touches: [{ ...sweep }] },
        { id: "c", team: "api", golden: false, touches: [{ ...sweep }] },
      ]),
    );
    expect(repeated).toEqual([]);
    // A second commit making the same change elsewhere is the upkeep paid again.
    const again = change("2025-06-01", "Use the structured logger", ["semantic", "logger"]);
    const twice = findUpkeep(
      subject([
        { id: "a", team: "web", golden: false, touches: [sweep] },
        { id: "b", team: "web", golden: false, touches: [{ ...sweep }] },
        { id: "d", team: "ops", golden: false, touches: [again] },
      ]),
    );
    // The sweep is listed once, with the copies it changed, so the change reads as made twice, not three times.
    expect(twice.repeated.map((r) => r.changes.map((c) => c.implementations))).toEqual([[["a", "b"], ["d"]]]);
    expect(twice.repeated[0]?.changes.map((c) => c.sha)).toEqual([sweep.sha, again.sha]);
  });

  it("names the copies of the same language a fix did not reach", () => {
    const { unshared } = findUpkeep(
      subject([
        {
          id: "a",
          team: "checkout",
          golden: false,
          language: "typescript",
          words: ["retry", "after", "header", "delay"],
          touches: [change("2025-04-01", "Fix: honour Retry-After", ["retry", "after", "header"])],
        },
        {
          id: "b",
          team: "payments",
          golden: false,
          language: "typescript",
          words: ["retry", "delay"],
          touches: [],
        },
        {
          id: "c",
          team: "catalog",
          golden: false,
          language: "typescript",
          words: ["retry", "after", "header"],
          touches: [],
        },
        { id: "d", team: "fulfilment", golden: false, language: "go", words: ["retry"], touches: [] },
      ]),
    );
    expect(unshared).toEqual([
      {
        implementation: "a",
        implementations: ["a"],
        sha: expect.any(String),
        team: "checkout",
        date: "2025-04-01T09:00:00+00:00",
        subject: "Fix: honour Retry-After",
        words: ["retry", "after", "header"],
        missingIn: [{ implementation: "b", team: "payments" }],
      },
    ]);
  });

  it("lists a fix once per commit: in two places of one copy, or in two copies, neither lacking it", () => {
    const fix = change("2025-04-01", "Fix: honour Retry-After", ["retry", "after", "header"]);
    const copy = (id: string, team: string, touches: LedgerTouch[]) => ({
      id,
      team,
      golden: false,
      language: "go",
      words: ["retry", "delay"],
      touches,
    });
    const { unshared } = findUpkeep(
      // One copy whose work is in two places of its file is touched twice by the same commit.
      subject([copy("a", "web", [fix, { ...fix }]), copy("b", "web", [{ ...fix }]), copy("c", "api", [])]),
    );
    expect(unshared.map((f) => [f.implementations, f.sha, f.missingIn])).toEqual([
      [["a", "b"], fix.sha, [{ implementation: "c", team: "api" }]],
    ]);
  });

  it("does not call a change a fix unless its subject says so", () => {
    const { unshared } = findUpkeep(
      subject([
        {
          id: "a",
          team: "x",
          golden: false,
          words: ["a"],
          touches: [change("2025-01-01", "Tidy up", ["foo", "bar"])],
        },
        { id: "b", team: "y", golden: false, words: ["b"], touches: [] },
      ]),
    );
    expect(unshared).toEqual([]);
  });
});
