import { describe, expect, it } from "vitest";
import {
  type AdvisorSettings,
  advise,
  computeLedger,
  effortOf,
  type LedgerSettings,
  type LedgerSubject,
  type LedgerTouch,
  type OrgPerson,
} from "./index.js";

const settings: LedgerSettings = {
  dayShare: { low: 0.25, high: 1 },
  linesPerDay: { low: 150, high: 40 },
  costPerEngineerYear: 220_000,
  currency: "USD",
  workingDaysPerYear: 220,
  platformTeamEngineers: { low: 2, high: 3 },
};

let shaCounter = 0;
const touch = (date: string, people: string[], lines = 0): LedgerTouch => ({
  sha: `c${shaCounter++}`,
  date: `${date}T10:00:00+00:00`,
  people,
  added: lines,
  deleted: 0,
});

const retry: LedgerSubject = {
  id: "retry",
  title: "Retry with backoff",
  kind: "concern",
  implementations: [
    { id: "a", team: "checkout", golden: false, touches: [touch("2024-01-10", ["ann"], 40)] },
    {
      id: "b",
      team: "payments",
      golden: false,
      touches: [touch("2024-04-02", ["bo"], 20), touch("2024-04-03", ["bo", "cy"], 4)],
    },
    { id: "c", team: "catalog", golden: false, touches: [touch("2024-09-30", ["di"], 600)] },
  ],
};

describe("the effort model", () => {
  it("takes the larger of author-days × day share and lines ÷ lines per day", () => {
    // 3 author-days, 24 lines: days win on both bounds.
    expect(effortOf(retry.implementations[1]?.touches ?? [], settings)).toEqual({ low: 0.75, high: 3 });
    // 1 author-day, 600 lines pasted in one commit: size wins (600/150 = 4, 600/40 = 15).
    expect(effortOf(retry.implementations[2]?.touches ?? [], settings)).toEqual({ low: 4, high: 15 });
  });
});

describe("computeLedger", () => {
  const people: OrgPerson[] = [
    {
      key: "ann",
      name: "Ann",
      team: "checkout",
      days: new Set(["2024-01-10", "2024-01-11", "2024-01-12", "2024-01-13"]),
    },
    { key: "bo", name: "Bo", team: "payments", days: new Set(["2024-04-02", "2024-04-03"]) },
    { key: "cy", name: "Cy", team: "payments", days: new Set(["2024-04-03", "2024-05-01"]) },
    { key: "di", name: "Di", team: "catalog", days: new Set(["2024-09-30"]) },
  ];
  const ledger = computeLedger([retry], people, settings, {
    asOf: "2024-12-01T00:00:00Z",
    people: false,
    emails: false,
  });
  const item = ledger.items[0];

  it("keeps the first writing out of the redistributed cost when there is no golden path", () => {
    expect(item?.kept).toEqual({ implementation: "a", reason: "first-writing" });
    // b: 0.75–3, c: 4–15.
    expect(item?.redistributedDays).toEqual({ low: 4.75, high: 18 });
    expect(item?.effortDays.high).toBe(18 + 1); // a: one author-day, 40 lines → max(1, 1)
    // 1,000 a day at 220,000 a year over 220 days.
    expect(item?.redistributedCost).toEqual({ low: 4750, high: 18_000 });
    expect(item).toMatchObject({
      implementations: 3,
      teams: 3,
      authors: 4,
      commits: 4,
      activeDays: 4,
      authorDays: 5,
    });
  });

  it("accumulates per quarter, every quarter up to the newest commit's, none skipped", () => {
    expect(item?.quarters.map((q) => [q.quarter, q.days.high, q.cumulativeDays.high])).toEqual([
      ["2024-Q2", 3, 3],
      ["2024-Q3", 15, 18],
      ["2024-Q4", 0, 18],
    ]);
    expect(ledger.total.quarters.map((q) => q.cumulativeCost.high)).toEqual([3000, 18_000, 18_000]);
  });

  it("prices the MVP platform team over the same quarters and says when the repeats overtook it", () => {
    expect(ledger.platformTeam.quarterCost).toEqual({ low: 110_000, high: 165_000 });
    expect(ledger.platformTeam.quarters.map((q) => q.cumulativeCost.low)).toEqual([
      110_000, 220_000, 330_000,
    ]);
    expect(ledger.platformTeam.overtaken).toEqual({ surely: null, possibly: null });
    // Team cost per quarter is engineers × C / 4 and a repeat's is days × C / 220, so with a team of 0.01–0.05
    // engineers the high estimate (3 days in 2024-Q2) passes it at once; the low one never passes the 0.05.
    const small = computeLedger(
      [retry],
      people,
      { ...settings, platformTeamEngineers: { low: 0.01, high: 0.05 } },
      { asOf: "2024-12-01T00:00:00Z", people: false, emails: false },
    );
    expect(small.platformTeam.overtaken).toEqual({ surely: null, possibly: "2024-Q2" });
  });

  it("uses the golden path, not the first writing, as the writing that is not a repeat", () => {
    const golden: LedgerSubject = {
      ...retry,
      implementations: retry.implementations.map((impl) => ({ ...impl, golden: impl.id === "c" })),
    };
    const [goldenItem] = computeLedger([golden], people, settings, {
      asOf: null,
      people: false,
      emails: false,
    }).items;
    expect(goldenItem?.kept).toEqual({ implementation: "c", reason: "golden-path" });
    // a: max(0.25, 40/150) to max(1, 40/40); b: 0.75 to 3.
    expect(goldenItem?.redistributedDays.low).toBeCloseTo(0.75 + 40 / 150, 6);
    expect(goldenItem?.redistributedDays.high).toBe(4);
    expect(goldenItem?.teams).toBe(2);
  });

  it("says which teams absorb it, and names people only when asked", () => {
    expect(ledger.teams).toEqual([
      { team: "catalog", engineers: 1, activeDays: 1, crossCuttingDays: 1, share: 1 },
      { team: "payments", engineers: 2, activeDays: 4, crossCuttingDays: 3, share: 0.75 },
      { team: "checkout", engineers: 1, activeDays: 4, crossCuttingDays: 0, share: 0 },
    ]);
    expect(ledger.people).toBeNull();
    const named = computeLedger([retry], people, settings, { asOf: null, people: true, emails: false });
    expect(named.people?.map((p) => [p.name, p.email])).toContainEqual(["Bo", null]);
    const emailed = computeLedger([retry], people, settings, { asOf: null, people: true, emails: true });
    expect(emailed.people?.map((p) => p.email)).toContain("bo");
  });

  it("carries its assumptions", () => {
    expect(ledger.assumptions).toMatchObject({ dayShare: settings.dayShare, costPerEngineerYear: 220_000 });
    expect(ledger.assumptions.counting).toMatch(/merge/i);
  });
});

describe("advise", () => {
  const thresholds: AdvisorSettings = {
    minEngineers: 20,
    minTeams: 4,
    teamsPerConcern: 3,
    minSharedConcerns: 3,
    activeDays: 90,
  };
  const teamNames = ["a", "b", "c", "d", "e"];
  const org = (engineers: number, lastDay = "2026-09-01"): OrgPerson[] =>
    Array.from({ length: engineers }, (_, i) => ({
      key: `p${i}`,
      name: `P${i}`,
      team: teamNames[i % teamNames.length] ?? null,
      days: new Set([lastDay]),
    }));
  const concern = (id: string, teams: number): LedgerSubject => ({
    id,
    title: id,
    kind: "concern",
    implementations: teamNames
      .slice(0, teams)
      .map((team) => ({ id: `${id}-${team}`, team, golden: false, touches: [] })),
  });
  const asOf = "2026-10-01T00:00:00Z";

  it("advises C past the threshold, with each reason's figure and threshold", () => {
    const advice = advise(
      [concern("retry", 3), concern("http", 4), concern("audit", 5)],
      org(30),
      asOf,
      thresholds,
    );
    expect(advice?.approach).toBe("C");
    expect(advice?.figures).toEqual({ activeTeams: 5, activeEngineers: 30, sharedConcerns: 3 });
    expect(advice?.reasons[0]).toBe("5 teams with recent work (≥ 4)");
    expect(advice?.reasons[1]).toMatch(/^30 active engineers \(≥ 20/);
  });

  it("advises B while the fragmenting has only begun, and A below twenty engineers or four teams", () => {
    expect(advise([concern("retry", 3), concern("http", 2)], org(30), asOf, thresholds)?.approach).toBe("B");
    expect(
      advise([concern("retry", 5), concern("http", 5), concern("audit", 5)], org(15), asOf, thresholds)
        ?.approach,
    ).toBe("A");
    expect(advise([concern("retry", 2)], org(30), asOf, thresholds)?.approach).toBe("A");
  });

  it("counts only engineers active in the window before the newest commit", () => {
    const stale = advise([concern("retry", 3)], org(30, "2026-01-01"), asOf, thresholds);
    expect(stale?.figures.activeEngineers).toBe(0);
    expect(stale?.approach).toBe("A");
    expect(advise([], org(30), null, thresholds)).toBeNull();
  });
});
