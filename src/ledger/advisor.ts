import type { Advice } from "../result/index.js";
import type { AdvisorSettings, LedgerSubject, OrgPerson } from "./model.js";

const DAY_MS = 86_400_000;

/**
 * Approach A, B or C, from the org's own figures (docs/ledger.md). The essay's rule: below roughly twenty
 * engineers, or with fewer than four product teams, the federated model works (A); past four teams with
 * cross-cutting work visibly fragmenting — several concerns each written by three or more teams — fund a
 * two-to-three-person platform team (C); in between, a virtual team is a transition of at most two
 * quarters while a real team is scoped (B). Every reason carries its figure and its threshold.
 */
export function advise(
  subjects: readonly LedgerSubject[],
  people: readonly OrgPerson[],
  asOf: string | null,
  settings: AdvisorSettings,
): Advice | null {
  if (!asOf) return null;
  const since = new Date(Date.parse(asOf) - settings.activeDays * DAY_MS).toISOString().slice(0, 10);
  const until = asOf.slice(0, 10);
  const active = people.filter((person) => [...person.days].some((day) => day > since && day <= until));
  const activeTeams = new Set(
    active.map((person) => person.team).filter((team): team is string => team !== null),
  );
  const shared = subjects.filter(
    (subject) =>
      subject.kind === "concern" &&
      new Set(subject.implementations.filter((impl) => !impl.golden).map((impl) => impl.team)).size >=
        settings.teamsPerConcern,
  );
  const figures = {
    activeTeams: activeTeams.size,
    activeEngineers: active.length,
    sharedConcerns: shared.length,
  };
  const engineersReason = `${figures.activeEngineers} active engineers (${figures.activeEngineers >= settings.minEngineers ? "≥" : "<"} ${settings.minEngineers}, commits in the last ${settings.activeDays} days)`;
  const teamsReason = `${figures.activeTeams} teams with recent work (${figures.activeTeams >= settings.minTeams ? "≥" : "<"} ${settings.minTeams})`;
  const sharedNames =
    shared
      .map((s) => s.title)
      .slice(0, 6)
      .join(", ") + (shared.length > 6 ? ` and ${shared.length - 6} more` : "");
  const sharedReason = `${figures.sharedConcerns} ${figures.sharedConcerns === 1 ? "concern" : "concerns"} written by ≥ ${settings.teamsPerConcern} teams (${figures.sharedConcerns >= settings.minSharedConcerns ? "≥" : "<"} ${settings.minSharedConcerns})${sharedNames ? `: ${sharedNames}` : ""}`;
  const reasons = [teamsReason, engineersReason, sharedReason];
  const base = { figures, thresholds: { ...settings }, reasons };
  if (figures.activeEngineers < settings.minEngineers || figures.activeTeams < settings.minTeams) {
    return {
      ...base,
      approach: "A",
      title: "Stay federated",
      summary:
        "Below the band where a platform team pays: informal cooperation still works. Keep the cross-cutting work visible and look again each quarter.",
    };
  }
  if (figures.sharedConcerns >= settings.minSharedConcerns) {
    return {
      ...base,
      approach: "C",
      title: "Fund an MVP platform team",
      summary:
        "Past the threshold: fund a two-to-three-person platform team within two quarters, with a named charter (the shared concerns), a two-quarter runway and kill criteria (golden-path uptake, deduplication, onboarding time).",
    };
  }
  if (figures.sharedConcerns >= 1) {
    return {
      ...base,
      approach: "B",
      title: "A virtual team, for at most two quarters",
      summary:
        "The work is starting to fragment: name a few engineers to own the shared concerns while a real team is scoped. As a steady state it decays within two to three quarters.",
    };
  }
  return {
    ...base,
    approach: "A",
    title: "Stay federated",
    summary:
      "Enough teams, but no cross-cutting concern is yet written by several of them. Look again each quarter.",
  };
}
