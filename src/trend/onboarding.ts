import type { Newcomer, Onboarding, OnboardingCohort } from "../result/index.js";
import { dayOf, quarterOf } from "../shared/index.js";

/** One commit as onboarding counts it: whose, when, where, and the teams owning the files it touched. */
export interface AuthoredCommit {
  repo: string;
  /** Author date, ISO 8601. */
  date: string;
  /** Identity key (email after .mailmap). */
  person: string;
  name: string;
  teams: string[];
}

export interface OnboardingOptions {
  /** N: onboarding lasts from the first commit to the Nth. */
  nthCommit: number;
  /** Newcomers are people whose first commit falls in this window. */
  from: Date;
  to: Date;
  /** The org's first commit: people who start within FOUNDER_DAYS of it were there from the start. */
  orgStart: Date;
  /** Whether a team was on a golden path (imported one for any concern) at a moment. */
  teamOnGoldenPath: (team: string, at: Date) => boolean;
  /** Each newcomer by name; emails only when asked too. */
  people: boolean;
  emails: boolean;
}

/** People who start in the org's first month of history founded it; they did not onboard into it. */
export const FOUNDER_DAYS = 30;

const DAY_MS = 86_400_000;

/** Whole calendar days (UTC) from one timestamp's day to another's. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(dayOf(to)) - Date.parse(dayOf(from))) / DAY_MS);
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const ordered = [...values].sort((a, b) => a - b);
  const middle = Math.floor(ordered.length / 2);
  return ordered.length % 2 === 1
    ? (ordered[middle] as number)
    : ((ordered[middle - 1] as number) + (ordered[middle] as number)) / 2;
}

/** The team most of a person's first commits touched (ties: the first alphabetically). */
function teamOf(commits: AuthoredCommit[]): string | null {
  const counts = new Map<string, number>();
  for (const commit of commits)
    for (const team of commit.teams) counts.set(team, (counts.get(team) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return ranked[0]?.[0] ?? null;
}

interface Measured {
  person: string;
  name: string;
  team: string | null;
  first: string;
  daysToNth: number | null;
  daysToSecondRepo: number | null;
  onGoldenPath: boolean;
}

/** Each newcomer's onboarding, from every commit of the org (bots already left out). */
export function measureNewcomers(commits: AuthoredCommit[], options: OnboardingOptions) {
  const byPerson = new Map<string, AuthoredCommit[]>();
  for (const commit of commits) byPerson.set(commit.person, [...(byPerson.get(commit.person) ?? []), commit]);
  const foundedBy = options.orgStart.getTime() + FOUNDER_DAYS * DAY_MS;
  let founders = 0;
  const newcomers: Measured[] = [];
  for (const [person, own] of byPerson) {
    own.sort((a, b) => Date.parse(a.date) - Date.parse(b.date) || a.repo.localeCompare(b.repo));
    const first = own[0] as AuthoredCommit;
    const firstAt = Date.parse(first.date);
    if (firstAt < foundedBy) {
      founders += 1;
      continue;
    }
    if (firstAt < options.from.getTime() || firstAt > options.to.getTime()) continue;
    const nth = own[options.nthCommit - 1];
    const elsewhere = own.find((commit) => commit.repo !== first.repo);
    const team = teamOf(own.slice(0, options.nthCommit));
    newcomers.push({
      person,
      name: [...own].reverse().find((c) => c.name !== c.person)?.name ?? person.replace(/@.*/, ""),
      team,
      first: first.date,
      daysToNth: nth ? daysBetween(first.date, nth.date) : null,
      daysToSecondRepo: elsewhere ? daysBetween(first.date, elsewhere.date) : null,
      onGoldenPath: team !== null && options.teamOnGoldenPath(team, new Date(firstAt)),
    });
  }
  newcomers.sort((a, b) => Date.parse(a.first) - Date.parse(b.first) || a.name.localeCompare(b.name));
  return { founders, newcomers };
}

function cohorts(newcomers: Measured[]): OnboardingCohort[] {
  const byQuarter = new Map<string, Measured[]>();
  for (const n of newcomers)
    byQuarter.set(quarterOf(n.first), [...(byQuarter.get(quarterOf(n.first)) ?? []), n]);
  return [...byQuarter].map(([quarter, members]) => {
    const toNth = members.flatMap((m) => (m.daysToNth === null ? [] : [m.daysToNth]));
    const toSecond = members.flatMap((m) => (m.daysToSecondRepo === null ? [] : [m.daysToSecondRepo]));
    const teams = [...new Set(members.map((m) => m.team ?? "(no team)"))].sort();
    return {
      quarter,
      newcomers: members.length,
      reachedNth: toNth.length,
      medianDaysToNth: median(toNth),
      reachedSecondRepo: toSecond.length,
      medianDaysToSecondRepo: median(toSecond),
      teams: teams.map((team) => {
        const mine = members.filter((m) => (m.team ?? "(no team)") === team);
        return {
          team,
          newcomers: mine.length,
          medianDaysToNth: median(mine.flatMap((m) => (m.daysToNth === null ? [] : [m.daysToNth]))),
        };
      }),
    };
  });
}

/** Median days to the Nth commit of some newcomers, with how many made it. */
export function sideOf(newcomers: Measured[]) {
  const days = newcomers.flatMap((m) => (m.daysToNth === null ? [] : [m.daysToNth]));
  return { newcomers: days.length, medianDaysToNth: median(days) };
}

/**
 * Onboarding time per quarter cohort: days from each newcomer's first commit to their Nth, and to their
 * first commit outside their first repository; per team; and newcomers whose team was on a golden path
 * when they joined against the others. Cohort sizes go with every median, so two people are not read as
 * a trend.
 */
export function onboardingOf(
  commits: AuthoredCommit[],
  options: OnboardingOptions,
): Onboarding & {
  measured: Measured[];
} {
  const { founders, newcomers } = measureNewcomers(commits, options);
  const on = sideOf(newcomers.filter((n) => n.onGoldenPath));
  const off = sideOf(newcomers.filter((n) => !n.onGoldenPath));
  const people: Newcomer[] | null = options.people
    ? newcomers.map((n) => ({
        name: n.name,
        email: options.emails ? n.person : null,
        team: n.team,
        firstCommit: n.first,
        daysToNth: n.daysToNth,
        daysToSecondRepo: n.daysToSecondRepo,
        teamOnGoldenPath: n.onGoldenPath,
      }))
    : null;
  return {
    nthCommit: options.nthCommit,
    newcomers: newcomers.length,
    founders,
    cohorts: cohorts(newcomers),
    goldenPath: {
      on,
      off,
      deltaDays:
        on.medianDaysToNth === null || off.medianDaysToNth === null
          ? null
          : off.medianDaysToNth - on.medianDaysToNth,
    },
    people,
    measured: newcomers,
  };
}
