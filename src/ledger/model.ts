import type { Touch } from "../history/index.js";
import type { LowHigh } from "../result/index.js";

/**
 * A commit's change to an implementation's lines, as history reads it: the effort model's evidence
 * (people with bots left out; lines written and removed; whether it was the writing; what it brought).
 */
export type LedgerTouch = Touch;

export interface LedgerImplementation {
  id: string;
  team: string;
  /** The org's blessed implementation: its upkeep is the platform's job, not a repeat. */
  golden: boolean;
  touches: LedgerTouch[];
  /** Its language: a fix's words are only looked for in copies written in the same one. */
  language?: string;
  /** Words of its code today (identifier sub-words), to tell whether a fix made elsewhere reached it. */
  words?: readonly string[];
}

/** A concern (or a cluster of unnamed work) with its implementations. */
export interface LedgerSubject {
  id: string;
  title: string;
  kind: "concern" | "unnamed";
  implementations: LedgerImplementation[];
}

/** One person across the org (identity keys merged over repositories). */
export interface OrgPerson {
  key: string;
  name: string;
  /** The team whose files hold most of their commits; null when none of their files has an owner. */
  team: string | null;
  /** Days (YYYY-MM-DD) with at least one commit, anywhere in the org. */
  days: ReadonlySet<string>;
}

export interface LedgerSettings {
  dayShare: LowHigh;
  /** `low` is the faster rate (gives the low estimate), `high` the slower. */
  linesPerDay: LowHigh;
  costPerEngineerYear: number;
  currency: string;
  workingDaysPerYear: number;
  platformTeamEngineers: LowHigh;
}

export interface AdvisorSettings {
  minEngineers: number;
  minTeams: number;
  teamsPerConcern: number;
  minSharedConcerns: number;
  activeDays: number;
}
