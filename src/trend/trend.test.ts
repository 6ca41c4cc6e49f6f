import { describe, expect, it } from "vitest";
import type { ConcernTrend } from "../result/index.js";
import { type AuthoredCommit, daysBetween, median, onboardingOf } from "./onboarding.js";
import { planPoints, runwayEnd, startBaseline } from "./points.js";
import { judge, type PlatformTeam } from "./verdict.js";

describe("the points a trend computes", () => {
  it("takes the quarter ends before the newest commit's quarter, then now", () => {
    const plans = planPoints(new Date("2026-10-13T08:40:00Z"), { every: "quarter", points: 3 });
    expect(plans.map((p) => [p.label, p.at.toISOString()])).toEqual([
      ["2026-Q1", "2026-03-31T23:59:59.000Z"],
      ["2026-Q2", "2026-06-30T23:59:59.000Z"],
      ["2026-Q3", "2026-09-30T23:59:59.000Z"],
      ["now", "2026-10-13T08:40:00.000Z"],
    ]);
  });

  it("crosses a year going back by months, and adds the platform team's start unless a period ends just before it", () => {
    const months = planPoints(new Date("2026-02-10T00:00:00Z"), {
      every: "month",
      points: 3,
      platformStart: "2025-12-15",
    });
    expect(months.map((p) => p.label)).toEqual(["2025-11", "start 2025-12-15", "2025-12", "2026-01", "now"]);
    const aligned = planPoints(new Date("2026-02-10T00:00:00Z"), {
      every: "month",
      points: 3,
      platformStart: "2026-01-01",
    });
    expect(aligned.map((p) => p.label)).toEqual(["2025-11", "2025-12", "2026-01", "now"]);
    expect(startBaseline("2026-01-01").toISOString()).toBe("2025-12-31T23:59:59.000Z");
  });

  it("takes the days given, at their last second, with no 'now'", () => {
    const plans = planPoints(new Date("2026-10-13T00:00:00Z"), {
      every: "quarter",
      points: 8,
      dates: ["2025-02-28", "2024-12-31"],
    });
    expect(plans.map((p) => [p.label, p.at.toISOString()])).toEqual([
      ["2024-12-31", "2024-12-31T23:59:59.000Z"],
      ["2025-02-28", "2025-02-28T23:59:59.000Z"],
    ]);
  });

  it("ends a runway a whole number of quarters after the start", () => {
    expect(runwayEnd("2025-07-01", 2)).toBe("2026-01-01");
    expect(runwayEnd("2025-11-30", 1)).toBe("2026-03-02");
  });
});

const commit = (person: string, date: string, repo = "shop", teams = ["checkout"]): AuthoredCommit => ({
  repo,
  date,
  person,
  name: person.toUpperCase(),
  teams,
});

describe("onboarding", () => {
  const base = {
    nthCommit: 3,
    from: new Date("2025-01-01T00:00:00Z"),
    to: new Date("2025-12-31T00:00:00Z"),
    orgStart: new Date("2024-06-01T00:00:00Z"),
    teamOnGoldenPath: (team: string) => team === "identity",
    people: true,
    emails: false,
  };

  it("counts calendar days to the Nth commit and to the first commit elsewhere, and leaves out founders", () => {
    const commits = [
      commit("founder", "2024-06-03T10:00:00Z"),
      commit("ann", "2025-02-01T23:30:00-02:00"), // 2025-02-02 in UTC
      commit("ann", "2025-02-05T10:00:00Z", "api"),
      commit("ann", "2025-02-12T10:00:00Z"),
      commit("bo", "2025-05-01T10:00:00Z", "shop", ["identity"]),
      commit("bo", "2025-05-02T10:00:00Z", "shop", ["identity"]),
    ];
    const o = onboardingOf(commits, base);
    expect(o.founders).toBe(1);
    expect(o.newcomers).toBe(2);
    expect(
      o.people?.map((p) => [p.name, p.team, p.daysToNth, p.daysToSecondRepo, p.teamOnGoldenPath]),
    ).toEqual([
      ["ANN", "checkout", 10, 3, false],
      ["BO", "identity", null, null, true],
    ]);
    expect(o.cohorts.map((c) => [c.quarter, c.newcomers, c.reachedNth, c.medianDaysToNth])).toEqual([
      ["2025-Q1", 1, 1, 10],
      ["2025-Q2", 1, 0, null],
    ]);
    expect(o.goldenPath).toEqual({
      on: { newcomers: 0, medianDaysToNth: null },
      off: { newcomers: 1, medianDaysToNth: 10 },
      deltaDays: null,
    });
  });

  it("names nobody unless asked", () => {
    expect(
      onboardingOf([commit("ann", "2025-02-01T10:00:00Z")], { ...base, people: false }).people,
    ).toBeNull();
  });

  it("takes the middle of an even count as the mean of the two middle values", () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
    expect(daysBetween("2025-01-31T23:00:00-05:00", "2025-02-01T01:00:00Z")).toBe(0);
  });
});

function concernWith(id: string, points: [string, number, number, string[], string[]][]): ConcernTrend {
  return {
    id,
    title: id,
    charter: true,
    goldenPath: { package: "@acme/kit", repo: null, path: null },
    statement: "",
    series: points.map(([point, implementations, found, on, own]) => ({
      point,
      implementations,
      teams: [],
      ownTeams: own,
      onGoldenTeams: on,
      migratingTeams: [],
      ownRepos: [],
      onGoldenRepos: [],
      goldenFound: found === 1,
      uptakeTeams: new Set([...on, ...own]).size ? on.length / new Set([...on, ...own]).size : null,
      uptakeRepos: null,
    })),
  };
}

describe("the kill criteria", () => {
  const team: PlatformTeam = {
    team: "platform",
    start: "2025-07-01",
    runwayQuarters: 2,
    thresholds: { uptake: 0.2, deduplication: 0.2, onboarding: 0.15 },
  };
  const flat = concernWith("retry", [
    ["2025-Q2", 4, 0, [], ["a", "b", "c", "d"]],
    ["now", 5, 1, [], ["a", "b", "c", "d"]],
  ]);
  const input = {
    platformTeam: team,
    concerns: [flat],
    baseline: "2025-Q2",
    latest: "now",
    asOf: "2026-03-01T00:00:00Z",
    onboarding: { before: [20, 30], after: [28, 26], nthCommit: 10 },
  };

  it("says dissolve when nothing moved after the runway", () => {
    const k = judge(input);
    expect(k.state).toBe("judged");
    expect(k.criteria.map((c) => [c.id, c.baseline, c.current, c.change, c.moved])).toEqual([
      ["uptake", 0, 0, 0, false],
      ["deduplication", 4, 4, 0, false],
      ["onboarding", 25, 27, -0.08, false],
    ]);
    expect(k.verdict).toBe("dissolve");
    expect(k.statement).toMatch(/^Dissolve the platform team and return to the federated model/);
  });

  it("says keep when one criterion moved past its bar", () => {
    const adopted = concernWith("retry", [
      ["2025-Q2", 4, 0, [], ["a", "b", "c", "d"]],
      ["now", 3, 1, ["a", "b"], ["c", "d"]],
    ]);
    const k = judge({ ...input, concerns: [adopted] });
    expect(k.criteria.map((c) => c.moved)).toEqual([true, true, false]);
    expect(k.verdict).toBe("keep");
  });

  it("gives no verdict before the runway ends, and none without a team", () => {
    expect(judge({ ...input, asOf: "2025-12-31T00:00:00Z" })).toMatchObject({
      state: "too-early",
      verdict: null,
      runwayEnds: "2026-01-01",
    });
    expect(judge({ ...input, platformTeam: undefined })).toMatchObject({
      state: "no-platform-team",
      verdict: null,
    });
  });

  it("does not read a median of one person as movement", () => {
    const k = judge({ ...input, onboarding: { before: [40, 50], after: [5], nthCommit: 10 } });
    expect(k.criteria.find((c) => c.id === "onboarding")).toMatchObject({ moved: null, change: null });
  });
});
