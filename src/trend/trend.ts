import type { GoldenPath } from "../clusters/index.js";
import type { ConcernTrend, TrendPoint, TrendResult } from "../result/index.js";
import type { Diagnostic } from "../shared/index.js";
import { type ConcernState, emptyState } from "./concerns.js";
import { type AuthoredCommit, onboardingOf } from "./onboarding.js";
import type { PointPlan } from "./points.js";
import { judge, type PlatformTeam } from "./verdict.js";

/** The org at one point: which commit each repository was at, and each concern's state there. */
export interface PointSnapshot {
  plan: PointPlan;
  commits: Record<string, string | null>;
  files: number;
  states: Map<string, ConcernState>;
}

export interface TrendInput {
  now: Date;
  version: string;
  configFile: string | null;
  /** The newest commit's author date. */
  asOf: string | null;
  every: TrendResult["every"];
  snapshots: PointSnapshot[];
  definitions: { id: string; title: string; noun?: string }[];
  goldenPaths: GoldenPath[];
  platformTeam: PlatformTeam | undefined;
  /** Every commit of the org, bots left out, for onboarding. */
  commits: AuthoredCommit[];
  /** The org's first commit (author date). */
  orgStart: string | null;
  nthCommit: number;
  people: boolean;
  emails: boolean;
  diagnostics: Diagnostic[];
}

/** The start of the window newcomers are counted in: the first point's period (or its day). */
function windowStart(first: PointPlan | undefined, every: TrendInput["every"]): Date {
  if (!first) return new Date(0);
  const at = first.at;
  if (every === "dates" || first.kind !== "period") {
    return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  }
  const months = every === "quarter" ? 3 : 1;
  const month = at.getUTCMonth() - (at.getUTCMonth() % months);
  return new Date(Date.UTC(at.getUTCFullYear(), month, 1));
}

function statementOf(
  id: string,
  noun: string,
  series: ConcernTrend["series"],
  golden: GoldenPath | undefined,
) {
  const first = series[0];
  const last = series.at(-1);
  if (!first || !last) return `${noun}: no points`;
  const peak = series.reduce(
    (best, point) => (point.implementations > best.implementations ? point : best),
    first,
  );
  let text = `${noun}: ${first.implementations} at ${first.point}, ${last.implementations} ${last.point === "now" ? "now" : `at ${last.point}`}`;
  if (peak.implementations > last.implementations) text += ` (peak ${peak.implementations} at ${peak.point})`;
  if (golden) {
    const doing = new Set([...last.onGoldenTeams, ...last.ownTeams]).size;
    text += `; golden path ${golden.package ?? golden.path ?? id} taken by ${last.onGoldenTeams.length} of ${doing} teams`;
    if (last.migratingTeams.length > 0) text += `, ${last.migratingTeams.length} migrating`;
  } else if (last.implementations > first.implementations) {
    text += `; ${last.implementations - first.implementations} more with no golden path: accumulation, not growth`;
  }
  return text;
}

/**
 * The trend: each concern over the points, onboarding per cohort, and the kill criteria. Pure: the
 * snapshots and the commits are computed by the scan stage from the repositories' own history.
 */
export function computeTrend(input: TrendInput): TrendResult {
  const { snapshots } = input;
  const latest = snapshots.at(-1);
  const ids = new Set<string>(input.goldenPaths.map((g) => g.concern));
  for (const snapshot of snapshots) for (const id of snapshot.states.keys()) ids.add(id);
  const charter = new Set(input.platformTeam?.charter ?? input.goldenPaths.map((g) => g.concern));
  const concerns: ConcernTrend[] = [...ids].map((id) => {
    const definition = input.definitions.find((d) => d.id === id);
    const golden = input.goldenPaths.find((g) => g.concern === id);
    const series = snapshots.map((snapshot) => ({
      point: snapshot.plan.label,
      ...(snapshot.states.get(id) ?? emptyState()),
    }));
    return {
      id,
      title: definition?.title ?? id,
      charter: input.platformTeam !== undefined && charter.has(id),
      goldenPath: golden
        ? { package: golden.package ?? null, repo: golden.repo ?? null, path: golden.path ?? null }
        : null,
      series,
      statement: statementOf(id, definition?.noun ?? definition?.title ?? id, series, golden),
    };
  });
  const latestCount = (c: ConcernTrend) => c.series.at(-1)?.implementations ?? 0;
  concerns.sort(
    (a, b) =>
      Number(b.charter) - Number(a.charter) || latestCount(b) - latestCount(a) || a.id.localeCompare(b.id),
  );

  const teamOnGoldenPath = (team: string, at: Date) => {
    const known = snapshots.filter((s) => s.plan.at.getTime() <= at.getTime()).at(-1);
    return known ? [...known.states.values()].some((state) => state.onGoldenTeams.includes(team)) : false;
  };
  const to = input.asOf ? new Date(input.asOf) : input.now;
  const onboarding = onboardingOf(input.commits, {
    nthCommit: input.nthCommit,
    from: windowStart(snapshots[0]?.plan, input.every),
    to,
    orgStart: input.orgStart ? new Date(input.orgStart) : new Date(0),
    teamOnGoldenPath,
    people: input.people,
    emails: input.emails,
  });
  const { measured, ...onboardingResult } = onboarding;
  const start = input.platformTeam ? Date.parse(`${input.platformTeam.start}T00:00:00Z`) : Number.NaN;
  // The platform team's own newcomers joined to build the path, not to be onboarded by it.
  const daysOf = (after: boolean) =>
    measured.flatMap((m) =>
      m.daysToNth !== null && m.team !== input.platformTeam?.team && Date.parse(m.first) >= start === after
        ? [m.daysToNth]
        : [],
    );
  const baseline =
    snapshots.find((s) => s.plan.kind === "start") ??
    snapshots.find((s) => input.platformTeam && s.plan.at.getTime() === start - 1000);
  const killCriteria = judge({
    platformTeam: input.platformTeam,
    concerns,
    baseline: baseline?.plan.label,
    latest: latest?.plan.label ?? "now",
    asOf: input.asOf,
    onboarding: {
      before: Number.isNaN(start) ? [] : daysOf(false),
      after: Number.isNaN(start) ? [] : daysOf(true),
      nthCommit: input.nthCommit,
    },
  });

  const points: TrendPoint[] = snapshots.map((s) => ({
    label: s.plan.label,
    kind: s.plan.kind,
    at: s.plan.at.toISOString(),
    commits: s.commits,
    files: s.files,
  }));
  return {
    kind: "lineitem.trend",
    schemaVersion: 1,
    tool: { name: "lineitem", version: input.version },
    generatedAt: input.now.toISOString(),
    configFile: input.configFile,
    asOf: input.asOf,
    every: input.every,
    points,
    concerns,
    onboarding: onboardingResult,
    killCriteria,
    diagnostics: input.diagnostics,
  };
}
