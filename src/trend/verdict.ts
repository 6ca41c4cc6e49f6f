import type { ConcernTrend, KillCriteria, KillCriterion } from "../result/index.js";
import { median } from "./onboarding.js";
import { runwayEnd } from "./points.js";

export interface PlatformTeam {
  team: string;
  start: string;
  engineers?: number | undefined;
  charter?: string[] | undefined;
  runwayQuarters: number;
  thresholds: { uptake: number; deduplication: number; onboarding: number };
}

export interface VerdictInput {
  platformTeam: PlatformTeam | undefined;
  concerns: ConcernTrend[];
  /** Labels of the baseline point (the team's start) and the newest one. */
  baseline: string | undefined;
  latest: string;
  /** The newest commit's day: the runway is over when it is past the runway's end. */
  asOf: string | null;
  /** Newcomers' days to their Nth commit, those who started before the team and those after. */
  onboarding: { before: number[]; after: number[]; nthCommit: number };
}

/** Fewer than this many newcomers on a side, and a median says nothing. */
export const MIN_COHORT = 2;

const pct = (share: number) => `${Math.round(share * 100)}%`;
const round = (value: number) => Math.round(value * 1000) / 1000;

const TITLES = {
  uptake: "golden-path uptake",
  deduplication: "deduplication of named work",
  onboarding: "onboarding time",
} as const;

/** A criterion's figures against its threshold: moved when the change reaches it, unknown without one. */
function criterion(
  id: keyof typeof TITLES,
  input: VerdictInput,
  figures: Pick<KillCriterion, "baseline" | "current" | "change">,
  detail: string,
): KillCriterion {
  const threshold = input.platformTeam?.thresholds[id] ?? 0;
  const moved = figures.change === null ? null : figures.change >= threshold;
  return { id, title: TITLES[id], ...figures, threshold, moved, detail };
}

function at(concern: ConcernTrend, label: string | undefined) {
  return concern.series.find((point) => point.point === label);
}

/** Mean share of teams on the golden path over the charter's concerns that have one. */
function uptake(charter: ConcernTrend[], input: VerdictInput): KillCriterion {
  const withPath = charter.filter((c) => c.goldenPath !== null);
  const mean = (label: string | undefined) => {
    const shares = withPath.map((c) => at(c, label)?.uptakeTeams ?? 0);
    return shares.length === 0 ? null : round(shares.reduce((a, b) => a + b, 0) / shares.length);
  };
  const baseline = mean(input.baseline);
  const current = mean(input.latest);
  const change = baseline === null || current === null ? null : round(current - baseline);
  const perConcern = withPath
    .map((c) => {
      const now = at(c, input.latest);
      return `${c.id} ${now?.onGoldenTeams.length ?? 0}/${new Set([...(now?.onGoldenTeams ?? []), ...(now?.ownTeams ?? [])]).size}`;
    })
    .join(", ");
  return criterion(
    "uptake",
    input,
    { baseline, current, change },
    change === null
      ? "no charter concern has a golden path in lineitem.config.yaml (goldenPaths:)"
      : `share of teams doing the work that import the golden path, mean over ${withPath.length} concerns: ${pct(baseline ?? 0)} at the start, ${pct(current ?? 0)} now (teams on it / teams doing it: ${perConcern})`,
  );
}

/** The charter's implementations other than the golden paths themselves, at the start and now. */
function deduplication(charter: ConcernTrend[], input: VerdictInput): KillCriterion {
  const ownOf = (c: ConcernTrend, label: string | undefined) => {
    const point = at(c, label);
    return point ? point.implementations - (point.goldenFound ? 1 : 0) : 0;
  };
  const own = (label: string | undefined) => charter.reduce((sum, c) => sum + ownOf(c, label), 0);
  const baseline = own(input.baseline);
  const current = own(input.latest);
  const perConcern = charter
    .map((c) => `${c.id} ${ownOf(c, input.baseline)} → ${ownOf(c, input.latest)}`)
    .join(", ");
  const change = baseline === 0 ? null : round((baseline - current) / baseline);
  return criterion(
    "deduplication",
    input,
    { baseline, current, change },
    change === null
      ? "the charter's concerns had no implementations at the start"
      : `implementations besides the golden paths: ${baseline} at the start, ${current} now, ${change >= 0 ? `${pct(change)} fewer` : `${pct(-change)} more`} (${perConcern})`,
  );
}

/** Median days to the Nth commit of newcomers who started after the team against those before. */
function onboarding(input: VerdictInput): KillCriterion {
  const { before, after, nthCommit } = input.onboarding;
  const baseline = median(before);
  const current = median(after);
  const enough = before.length >= MIN_COHORT && after.length >= MIN_COHORT;
  const change =
    !enough || baseline === null || current === null || baseline === 0
      ? null
      : round((baseline - current) / baseline);
  return criterion(
    "onboarding",
    input,
    { baseline, current, change },
    !enough
      ? `too few newcomers to product teams to compare: ${before.length} who started before the team and ${after.length} after made commit ${nthCommit} (at least ${MIN_COHORT} each are needed)`
      : `median days from first commit to commit ${nthCommit}, newcomers to product teams: ${baseline} for ${before.length} who started before the team, ${current} for ${after.length} after`,
  );
}

/** "uptake moved (+25 points, ≥ 20 points)", "onboarding time did not move (75% slower, < 15%)". */
function describe(criterion: KillCriterion): string {
  if (criterion.moved === null || criterion.change === null) return `${criterion.title} not measurable`;
  const change = criterion.change;
  const shown =
    criterion.id === "uptake"
      ? `${change >= 0 ? "+" : "−"}${Math.round(Math.abs(change) * 100)} points`
      : criterion.id === "deduplication"
        ? `${pct(Math.abs(change))} ${change >= 0 ? "fewer" : "more"}`
        : `${pct(Math.abs(change))} ${change >= 0 ? "faster" : "slower"}`;
  const bar =
    criterion.id === "uptake" ? `${Math.round(criterion.threshold * 100)} points` : pct(criterion.threshold);
  return `${criterion.title} ${criterion.moved ? "moved" : "did not move"} (${shown}; the bar is ${bar})`;
}

/**
 * The essay's kill criteria: after the runway, if no adoption measure has moved (golden-path uptake,
 * deduplication of named work, onboarding time), dissolve the team and return to the federated model;
 * if any has, keep it. Before the runway ends, the figures so far and no verdict.
 */
export function judge(input: VerdictInput): KillCriteria {
  const team = input.platformTeam;
  if (!team) {
    return {
      state: "no-platform-team",
      team: null,
      engineers: null,
      start: null,
      runwayEnds: null,
      charter: [],
      criteria: [],
      verdict: null,
      statement:
        "No platform team is configured (platformTeam: in lineitem.config.yaml), so there is nothing to judge; the figures above are the org's own.",
    };
  }
  const charterIds = team.charter ?? input.concerns.filter((c) => c.goldenPath !== null).map((c) => c.id);
  const charter = input.concerns.filter((c) => charterIds.includes(c.id));
  const criteria = [uptake(charter, input), deduplication(charter, input), onboarding(input)];
  const runwayEnds = runwayEnd(team.start, team.runwayQuarters);
  const base = {
    team: team.team,
    engineers: team.engineers ?? null,
    start: team.start,
    runwayEnds,
    charter: charterIds,
    criteria,
  };
  const summary = criteria.map(describe).join("; ");
  if (input.asOf === null || input.asOf.slice(0, 10) < runwayEnds) {
    return {
      ...base,
      state: "too-early",
      verdict: null,
      statement: `Too early to judge ${team.team}: its ${team.runwayQuarters}-quarter runway ends ${runwayEnds}. So far: ${summary}.`,
    };
  }
  const moved = criteria.filter((c) => c.moved === true);
  return {
    ...base,
    state: "judged",
    verdict: moved.length > 0 ? "keep" : "dissolve",
    statement:
      moved.length > 0
        ? `Keep the ${team.team} team: ${summary}.`
        : `Dissolve the ${team.team} team and return to the federated model: after its ${team.runwayQuarters}-quarter runway no adoption measure moved (${summary}).`,
  };
}
