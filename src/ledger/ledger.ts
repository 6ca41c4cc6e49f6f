import type { Ledger, LedgerItem, LowHigh, PersonShare, QuarterFigure, TeamShare } from "../result/index.js";
import { quarterOf } from "../shared/index.js";
import { add, costOf, effortByQuarter, quarterSpan, ZERO } from "./effort.js";
import type { LedgerImplementation, LedgerSettings, LedgerSubject, OrgPerson } from "./model.js";
import { findUpkeep } from "./upkeep.js";

export interface LedgerOptions {
  /** The newest commit scanned; quarters run up to its quarter. */
  asOf: string | null;
  /** Per-person figures (off by default: teams only). */
  people: boolean;
  /** Emails beside names, only when asked. */
  emails: boolean;
}

const COUNTING =
  "Line-level: a commit counts toward an implementation when it changed the implementation's own lines " +
  "(followed back through renames and merges, as git log -L does). Merge commits, bots and the commits " +
  "an ignore-revs file lists are charged to nobody.";

/** When each writing appeared: the first, second, third … with its team (code without history left out). */
function writingsOf(subject: LedgerSubject): LedgerItem["writings"] {
  const firstDate = (impl: LedgerImplementation) =>
    impl.touches.map((t) => t.date).sort((a, b) => Date.parse(a) - Date.parse(b))[0];
  return subject.implementations
    .flatMap((impl) => {
      const firstSeen = firstDate(impl);
      return firstSeen ? [{ implementation: impl.id, team: impl.team, firstSeen }] : [];
    })
    .sort(
      (a, b) =>
        Date.parse(a.firstSeen) - Date.parse(b.firstSeen) || a.implementation.localeCompare(b.implementation),
    );
}

/**
 * The writing that is not a repeat: the golden path where the org has one (everything else is a copy of
 * what it offers), otherwise the first writing (the first team to need it had to write it).
 */
function keptWriting(subject: LedgerSubject, writings: LedgerItem["writings"]): LedgerItem["kept"] {
  const golden = subject.implementations.find((impl) => impl.golden);
  if (golden) return { implementation: golden.id, reason: "golden-path" };
  const first = writings[0];
  return first ? { implementation: first.implementation, reason: "first-writing" } : null;
}

function cumulative(
  byQuarter: Map<string, LowHigh>,
  quarters: string[],
  settings: LedgerSettings,
): QuarterFigure[] {
  let total = ZERO;
  return quarters.map((quarter) => {
    const days = byQuarter.get(quarter) ?? ZERO;
    total = add(total, days);
    return { quarter, days, cumulativeDays: total, cumulativeCost: costOf(total, settings) };
  });
}

function sumQuarters(into: Map<string, LowHigh>, from: Map<string, LowHigh>): void {
  for (const [quarter, days] of from) into.set(quarter, add(into.get(quarter) ?? ZERO, days));
}

function lastQuarter(asOf: string | null, quarters: Iterable<string>): string | null {
  const known = [...quarters].sort();
  return asOf ? quarterOf(asOf) : (known.at(-1) ?? null);
}

function item(subject: LedgerSubject, settings: LedgerSettings, asOf: string | null): LedgerItem {
  const writings = writingsOf(subject);
  const kept = keptWriting(subject, writings);
  const touches = subject.implementations.flatMap((impl) => impl.touches);
  const people = new Set(touches.flatMap((t) => t.people));
  const commits = new Set(touches.map((t) => t.sha));
  const days = new Set(touches.map((t) => t.date.slice(0, 10)));
  const authorDays = new Set(touches.flatMap((t) => t.people.map((p) => `${p}\u0000${t.date.slice(0, 10)}`)));
  const dates = touches.map((t) => t.date).sort((a, b) => Date.parse(a) - Date.parse(b));
  const effort = new Map<string, LowHigh>();
  const redistributed = new Map<string, LowHigh>();
  for (const impl of subject.implementations) {
    const byQuarter = effortByQuarter(impl.touches, settings);
    sumQuarters(effort, byQuarter);
    if (impl.id !== kept?.implementation) sumQuarters(redistributed, byQuarter);
  }
  const first = [...redistributed.keys()].sort()[0];
  const last = lastQuarter(asOf, redistributed.keys());
  const quarters = first && last ? cumulative(redistributed, quarterSpan(first, last), settings) : [];
  const redistributedDays = [...redistributed.values()].reduce(add, ZERO);
  const upkeep = findUpkeep(subject);
  return {
    concern: subject.id,
    title: subject.title,
    kind: subject.kind,
    implementations: subject.implementations.length,
    teams: new Set(subject.implementations.filter((impl) => !impl.golden).map((impl) => impl.team)).size,
    authors: people.size,
    commits: commits.size,
    activeDays: days.size,
    authorDays: authorDays.size,
    linesChanged: touches.reduce((sum, t) => sum + (t.added ?? 0) + (t.deleted ?? 0), 0),
    firstSeen: dates[0] ?? null,
    lastChanged: dates.at(-1) ?? null,
    effortDays: [...effort.values()].reduce(add, ZERO),
    kept,
    redistributedDays,
    redistributedCost: costOf(redistributedDays, settings),
    quarters,
    writings,
    repeatedChanges: upkeep.repeated,
    unsharedFixes: upkeep.unshared,
  };
}

/** Who absorbs it: each person's author-days on redistributed implementations, against all of theirs. */
function absorbed(
  subjects: readonly LedgerSubject[],
  items: readonly LedgerItem[],
  people: readonly OrgPerson[],
): Map<string, Set<string>> {
  const kept = new Set(items.map((i) => i.kept?.implementation).filter(Boolean));
  const crossCutting = new Map<string, Set<string>>();
  for (const subject of subjects)
    for (const impl of subject.implementations) {
      if (kept.has(impl.id)) continue;
      for (const touch of impl.touches)
        for (const person of touch.people) {
          const set = crossCutting.get(person) ?? new Set();
          set.add(touch.date.slice(0, 10));
          crossCutting.set(person, set);
        }
    }
  for (const person of people) if (!crossCutting.has(person.key)) crossCutting.set(person.key, new Set());
  return crossCutting;
}

const share = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 1000);

export function computeLedger(
  subjects: readonly LedgerSubject[],
  people: readonly OrgPerson[],
  settings: LedgerSettings,
  options: LedgerOptions,
): Ledger {
  const items = subjects
    .map((subject) => item(subject, settings, options.asOf))
    .sort(
      (a, b) => b.redistributedDays.high - a.redistributedDays.high || a.concern.localeCompare(b.concern),
    );
  const total = new Map<string, LowHigh>();
  for (const i of items)
    for (const q of i.quarters) total.set(q.quarter, add(total.get(q.quarter) ?? ZERO, q.days));
  const first = [...total.keys()].sort()[0];
  const last = lastQuarter(options.asOf, total.keys());
  const span = first && last ? quarterSpan(first, last) : [];
  const totalQuarters = cumulative(total, span, settings);
  const perQuarter = (engineers: number) => (engineers * settings.costPerEngineerYear) / 4;
  const quarterCost = {
    low: perQuarter(settings.platformTeamEngineers.low),
    high: perQuarter(settings.platformTeamEngineers.high),
  };
  const team = span.map((quarter, index) => ({
    quarter,
    cumulativeCost: { low: quarterCost.low * (index + 1), high: quarterCost.high * (index + 1) },
  }));
  const when = (passed: (index: number) => boolean) => span.find((_, index) => passed(index)) ?? null;
  const redistributedDays = items.reduce((sum, i) => add(sum, i.redistributedDays), ZERO);

  const crossCutting = absorbed(subjects, items, people);
  const overlap = (person: OrgPerson) =>
    [...(crossCutting.get(person.key) ?? [])].filter((day) => person.days.has(day)).length;
  const teams = new Map<string, TeamShare>();
  for (const person of people) {
    if (!person.team) continue;
    const row = teams.get(person.team) ?? {
      team: person.team,
      engineers: 0,
      activeDays: 0,
      crossCuttingDays: 0,
      share: 0,
    };
    row.engineers++;
    row.activeDays += person.days.size;
    row.crossCuttingDays += overlap(person);
    teams.set(person.team, row);
  }
  for (const row of teams.values()) row.share = share(row.crossCuttingDays, row.activeDays);
  const perPerson: PersonShare[] | null = options.people
    ? people
        .map((person) => ({
          name: person.name || "(no name)",
          email: options.emails ? person.key : null,
          team: person.team,
          activeDays: person.days.size,
          crossCuttingDays: overlap(person),
          share: share(overlap(person), person.days.size),
        }))
        .sort((a, b) => b.crossCuttingDays - a.crossCuttingDays || a.name.localeCompare(b.name))
    : null;

  return {
    asOf: options.asOf,
    assumptions: {
      counting: COUNTING,
      effortModel:
        "Per quarter, the larger of: active author-days × day share, and lines written or removed ÷ lines per day.",
      dayShare: settings.dayShare,
      linesPerDay: settings.linesPerDay,
      costPerEngineerYear: settings.costPerEngineerYear,
      currency: settings.currency,
      workingDaysPerYear: settings.workingDaysPerYear,
      platformTeamEngineers: settings.platformTeamEngineers,
    },
    items,
    total: {
      redistributedDays,
      redistributedCost: costOf(redistributedDays, settings),
      quarters: totalQuarters,
    },
    platformTeam: {
      quarterCost,
      quarters: team,
      overtaken: {
        surely: when(
          (i) => (totalQuarters[i]?.cumulativeCost.low ?? 0) >= (team[i]?.cumulativeCost.high ?? 0),
        ),
        possibly: when(
          (i) => (totalQuarters[i]?.cumulativeCost.high ?? 0) >= (team[i]?.cumulativeCost.low ?? 0),
        ),
      },
    },
    teams: [...teams.values()].sort((a, b) => b.share - a.share || a.team.localeCompare(b.team)),
    people: perPerson,
  };
}
