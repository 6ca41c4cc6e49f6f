import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { acmeSpecDir, buildExampleOrg, loadExampleOrg } from "../src/demo/index.js";
import type { ScanResult, TrendResult } from "../src/result/index.js";
import { trendResultSchema } from "../src/result/index.js";
import { type ScanProgress, scan, trend } from "../src/scan/index.js";
import { runCli } from "./helpers/cli.js";
import { medianOf, onboardingFromTimeline, quarterOfIso } from "./helpers/onboarding-oracle.js";
import { tempDir } from "./helpers/repos.js";

interface ExpectedTrend {
  points: string[];
  allWrittenBy: string;
  productTeams: string[];
  goldenPathFrom: Record<string, string>;
  adoptions: { team: string; concern: string; from: string }[];
  ownDropped: { team: string; concern: string; on: string }[];
  stillMigrating: Record<string, string[]>;
  verdict: string;
  moved: Record<string, boolean>;
}

const expected = JSON.parse(readFileSync(join(acmeSpecDir, "expected.json"), "utf8")).trend as ExpectedTrend;
/** A day of the history, as the instant a point must be at or after to see it. */
const dayStart = (day: string) => Date.parse(`${day}T00:00:00Z`);

describe("lineitem trend on the Acme example org", () => {
  const dir = tempDir("lineitem-trend-test-");
  let orgDir: string;
  let result: TrendResult;
  let firstParsed: number | undefined;
  let secondParsed: number | undefined;
  let scanned: ScanResult;

  const parsedIn = async (index: string) => {
    let total: number | undefined;
    const run = await trend({
      paths: [orgDir],
      cwd: dir,
      index: { file: index },
      people: true,
      onProgress: (event: ScanProgress) => {
        if (event.stage === "read" && event.total !== undefined) total = event.total;
      },
    });
    return { run, total };
  };

  beforeAll(async () => {
    orgDir = (await buildExampleOrg(join(dir, "acme"))).dir;
    const index = join(dir, "index.sqlite");
    const first = await parsedIn(index);
    const second = await parsedIn(index);
    result = second.run;
    firstParsed = first.total;
    secondParsed = second.total;
    expect(second.run.concerns).toEqual(first.run.concerns);
    scanned = await scan({ paths: [orgDir], cwd: dir });
  }, 240_000);

  const concern = (id: string) => result.concerns.find((c) => c.id === id);
  const pointAt = (label: string) => Date.parse(result.points.find((p) => p.label === label)?.at ?? "");

  it("computes the 8 quarter ends before the newest commit and now, and is valid against its schema", () => {
    expect(result.points.map((p) => p.label)).toEqual(expected.points);
    expect(trendResultSchema.safeParse(result).success).toBe(true);
    // Repositories that did not exist yet have no commit at a point.
    expect(result.points[0]?.commits["storefront"]).toMatch(/^[0-9a-f]{40}$/);
  });

  it("parses only the file versions the index has not seen: every one the first time, none the second", () => {
    expect(firstParsed).toBeGreaterThan(300);
    expect(secondParsed).toBe(0);
  });

  it("says at 'now' exactly what a scan says", () => {
    for (const cluster of scanned.concerns) {
      const now = concern(cluster.id)?.series.at(-1);
      expect(now?.implementations, cluster.id).toBe(cluster.writings);
      expect(now?.teams, cluster.id).toEqual([...cluster.teams].sort());
      expect(now?.onGoldenTeams, cluster.id).toEqual(
        [...new Set(cluster.adoptions.map((a) => a.team))].sort(),
      );
    }
  });

  it("says at a past quarter end what a scan of the repositories checked out at that date says", async () => {
    const point = result.points.find((p) => p.label === "2025-Q3");
    const past = join(dir, "past");
    for (const [repo, commit] of Object.entries(point?.commits ?? {})) {
      if (!commit) continue;
      execFileSync("git", ["clone", "-q", join(orgDir, repo), join(past, repo)]);
      execFileSync("git", ["checkout", "-q", "--detach", commit], { cwd: join(past, repo) });
    }
    const then = await scan({ paths: [past], cwd: dir, configFile: join(orgDir, "lineitem.config.yaml") });
    expect(then.concerns.length).toBeGreaterThan(5);
    for (const cluster of then.concerns) {
      const at = concern(cluster.id)?.series.find((s) => s.point === "2025-Q3");
      expect(at?.implementations, cluster.id).toBe(cluster.writings);
      expect(at?.teams, cluster.id).toEqual([...cluster.teams].sort());
      expect(at?.onGoldenTeams, cluster.id).toEqual(
        [...new Set(cluster.adoptions.map((a) => a.team))].sort(),
      );
    }
  }, 120_000);

  it("finds each golden path from the day the platform kit gained it", () => {
    for (const [id, from] of Object.entries(expected.goldenPathFrom)) {
      for (const point of concern(id)?.series ?? []) {
        expect(point.goldenFound, `${id} at ${point.point}`).toBe(pointAt(point.point) >= dayStart(from));
      }
    }
  });

  it("puts each team on the golden path from the commit that took it up, never before", () => {
    for (const id of Object.keys(expected.goldenPathFrom)) {
      for (const point of concern(id)?.series ?? []) {
        const want = expected.adoptions
          .filter((a) => a.concern === id && pointAt(point.point) >= dayStart(a.from))
          .map((a) => a.team)
          .sort();
        expect(point.onGoldenTeams, `${id} at ${point.point}`).toEqual(want);
      }
    }
  });

  it("counts each team's own copy until the commit that dropped it, and shows migrations under way", () => {
    const from = pointAt(expected.allWrittenBy);
    for (const id of Object.keys(expected.goldenPathFrom)) {
      for (const point of concern(id)?.series ?? []) {
        if (pointAt(point.point) < from) continue;
        const dropped = expected.ownDropped
          .filter((d) => d.concern === id && pointAt(point.point) >= dayStart(d.on))
          .map((d) => d.team);
        expect(point.ownTeams, `${id} at ${point.point}`).toEqual(
          expected.productTeams.filter((team) => !dropped.includes(team)),
        );
      }
      expect(concern(id)?.series.at(-1)?.migratingTeams).toEqual(expected.stillMigrating[id] ?? []);
    }
  });

  it("measures onboarding as the history itself says, per quarter cohort", () => {
    const nth = result.onboarding.nthCommit;
    expect(nth).toBe(5); // Acme's config asks for the 5th commit: its sample history is sparse.
    const oracle = onboardingFromTimeline(loadExampleOrg(acmeSpecDir), nth);
    expect(result.onboarding.founders).toBe(oracle.founders);
    expect(result.onboarding.newcomers).toBe(oracle.newcomers.length);
    const quarters = [...new Set(oracle.newcomers.map((n) => quarterOfIso(n.first)))].sort();
    expect(result.onboarding.cohorts.map((c) => c.quarter)).toEqual(quarters);
    for (const cohort of result.onboarding.cohorts) {
      const members = oracle.newcomers.filter((n) => quarterOfIso(n.first) === cohort.quarter);
      const toNth = members.flatMap((m) => (m.daysToNth === null ? [] : [m.daysToNth]));
      const toSecond = members.flatMap((m) => (m.daysToSecondRepo === null ? [] : [m.daysToSecondRepo]));
      expect(cohort.newcomers, cohort.quarter).toBe(members.length);
      expect(cohort.reachedNth, cohort.quarter).toBe(toNth.length);
      expect(cohort.medianDaysToNth, cohort.quarter).toBe(medianOf(toNth));
      expect(cohort.reachedSecondRepo, cohort.quarter).toBe(toSecond.length);
      expect(cohort.medianDaysToSecondRepo, cohort.quarter).toBe(medianOf(toSecond));
    }
    // The team each newcomer is put in, from the files they touched, is the one org.yaml gives them.
    for (const person of result.onboarding.people ?? []) {
      const known = oracle.newcomers.find(
        (n) => n.first === person.firstCommit && n.daysToNth === person.daysToNth,
      );
      expect(person.team, person.name).toBe(known?.team);
      expect(person.email).toBeNull();
    }
  });

  it("judges the platform team by the kill criteria after its runway", () => {
    const k = result.killCriteria;
    expect(k.state).toBe("judged");
    expect(k.runwayEnds).toBe("2026-01-01");
    expect(k.verdict).toBe(expected.verdict);
    expect(Object.fromEntries(k.criteria.map((c) => [c.id, c.moved]))).toEqual(expected.moved);
    // Uptake: the mean share of the six product teams on each charter concern's golden path, from the adoptions.
    const uptake = k.criteria.find((c) => c.id === "uptake");
    const onEach = Object.keys(expected.goldenPathFrom).map(
      (id) => expected.adoptions.filter((a) => a.concern === id).length / expected.productTeams.length,
    );
    expect(uptake?.baseline).toBe(0);
    expect(uptake?.current).toBeCloseTo(onEach.reduce((a, b) => a + b, 0) / onEach.length, 3);
    // Deduplication: the charter's implementations besides the golden paths, at the start and now.
    const dedup = k.criteria.find((c) => c.id === "deduplication");
    const own = (label: string) =>
      k.charter.reduce((sum, id) => {
        const point = concern(id)?.series.find((s) => s.point === label);
        return sum + (point ? point.implementations - (point.goldenFound ? 1 : 0) : 0);
      }, 0);
    expect(dedup?.baseline).toBe(own("2025-Q2"));
    expect(dedup?.current).toBe(own("now"));
    expect(dedup?.current).toBeLessThan(dedup?.baseline ?? 0);
  });

  it("prints the view, a long CSV and JSON from the command line", async () => {
    const view = await runCli(
      ["trend", orgDir, "-q", "--no-color", "--index", join(dir, "index.sqlite")],
      dir,
    );
    expect(view.code).toBe(0);
    expect(view.stdout).toContain("Implementations per concern");
    expect(view.stdout).toMatch(
      /retry\s+4\s+8\s+8\s+9\s+7\s+7\s+7\s+7\s+7\s+\S{9}\s+2 of 6 teams on the golden path, 2 migrating/,
    );
    expect(view.stdout).toContain("Keep the platform team");
    const csv = await runCli(
      ["trend", orgDir, "-q", "--csv", "-", "--index", join(dir, "index.sqlite")],
      dir,
    );
    const lines = csv.stdout.split("\r\n");
    expect(lines[0]).toBe("section,point,at,subject,metric,value");
    expect(lines).toContain(`concern,now,${result.asOf},retry,implementations,7`);
    expect(lines).toContain("kill_criteria,,,platform,verdict,keep");
  });

  it("computes only the days asked for, and says it is too early before the runway ends", async () => {
    const config = join(dir, "early.yaml");
    const original = readFileSync(join(orgDir, "lineitem.config.yaml"), "utf8");
    writeFileSync(config, original.replace('start: "2025-07-01"', 'start: "2026-08-03"'));
    const run = await runCli(
      ["trend", orgDir, "-c", config, "--at", "2026-06-30,2026-09-30", "--json", "-", "-q", "--no-index"],
      dir,
    );
    const early = JSON.parse(run.stdout) as TrendResult;
    expect(early.points.map((p) => p.label)).toEqual(["2026-06-30", "start 2026-08-03", "2026-09-30"]);
    expect(early.killCriteria.state).toBe("too-early");
    expect(early.killCriteria.verdict).toBeNull();
    expect(early.killCriteria.statement).toContain("runway ends 2027-02-03");
  });

  it("refuses a day that is not one, and a period it does not know, with exit 2", async () => {
    const badDay = await runCli(["trend", orgDir, "--at", "2025-02-30"], dir);
    expect(badDay.code).toBe(2);
    expect(badDay.stderr).toContain("2025-02-30 is not a day as YYYY-MM-DD");
    const badEvery = await runCli(["trend", orgDir, "--every", "week"], dir);
    expect(badEvery.code).toBe(2);
    const config = join(dir, "bad.yaml");
    writeFileSync(config, "platformTeam:\n  team: platform\n  start: 2025-13-01\n");
    const badConfig = await runCli(["trend", orgDir, "-c", config, "--no-index"], dir);
    expect(badConfig.code).toBe(2);
    expect(badConfig.stderr).toMatch(/bad\.yaml.*platformTeam\.start/);
    expect(badConfig.stderr).not.toContain("    at ");
  });
});

describe("lineitem trend on what has no past", () => {
  const dir = tempDir("lineitem-trend-edges-");

  it("refuses plain folders with exit 2 and says why", async () => {
    mkdirSync(join(dir, "plain", "src"), { recursive: true });
    writeFileSync(join(dir, "plain", "src", "retry.ts"), "export const attempts = 3;\n");
    const run = await runCli(["trend", join(dir, "plain"), "--no-index"], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("none of the paths is a git repository");
  });

  it("warns that a shallow clone is absent before its oldest commit", async () => {
    const org = await buildExampleOrg(join(dir, "acme"));
    const shallow = join(dir, "shallow", "payments-api");
    execFileSync("git", ["clone", "-q", "--depth", "1", `file://${join(org.dir, "payments-api")}`, shallow]);
    const result = await trend({ paths: [shallow], cwd: dir, points: 2 });
    expect(result.diagnostics.map((d) => d.code)).toContain("trend-shallow");
    expect(result.points.map((p) => p.commits["payments-api"] === null)).toEqual([true, true, false]);
  }, 120_000);
});

describe("lineitem trend without a platform team", () => {
  it("shows the figures and says there is nothing to judge", async () => {
    const dir = tempDir("lineitem-trend-plain-");
    const org = await buildExampleOrg(join(dir, "acme"));
    const config = join(dir, "plain.yaml");
    writeFileSync(config, "teams:\n  - team: insights\n    repos: [recs-service]\n");
    const result = await trend({ paths: [org.dir], cwd: dir, configFile: config, points: 2 });
    expect(result.points.map((p) => p.label)).toEqual(["2026-Q2", "2026-Q3", "now"]);
    expect(result.killCriteria.state).toBe("no-platform-team");
    expect(result.concerns.every((c) => c.goldenPath === null && !c.charter)).toBe(true);
    expect(result.onboarding.people).toBeNull();
  }, 120_000);
});
