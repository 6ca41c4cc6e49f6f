import type { AdvisorConfig, LedgerConfig } from "../config/index.js";
import { advise, computeLedger, type LedgerSubject } from "../ledger/index.js";
import type { Advice, ConcernCluster, Ledger, UnnamedCluster } from "../result/index.js";
import { type OrgHistory, requestOf } from "./history.js";

export interface LedgerRequest {
  ledger: LedgerConfig;
  advisor: AdvisorConfig;
  /** Per-person figures; off by default (teams only). */
  people: boolean;
  /** Emails beside names; off unless asked. */
  emails: boolean;
}

/**
 * Turns the clusters into line items: each implementation's commits (its own lines' history) go to the
 * ledger stage, which prices the repeats and compares them with a platform team; the advisor reads the
 * same figures. Golden implementations are marked so their upkeep is not counted as a repeat.
 */
export function assembleLedger(
  concerns: readonly ConcernCluster[],
  unnamed: readonly UnnamedCluster[],
  history: OrgHistory,
  request: LedgerRequest,
  /** Words of an implementation's code today, by implementation id. */
  wordsOf: (implementation: string) => readonly string[] | undefined,
): { ledger: Ledger; advice: Advice | null } {
  const touchesOf = (repo: string, path: string, units: { startLine: number; endLine: number }[]) =>
    history.historyOf(repo, requestOf(path, units)).touches;
  const subjects: LedgerSubject[] = [
    ...concerns.map((cluster) => ({
      id: cluster.id,
      title: cluster.title,
      kind: "concern" as const,
      implementations: cluster.implementations.map((impl) => ({
        id: impl.id,
        team: impl.team,
        golden: impl.golden,
        touches: touchesOf(impl.repo, impl.path, impl.units),
        language: impl.language,
        ...(wordsOf(impl.id) ? { words: wordsOf(impl.id) } : {}),
      })),
    })),
    ...unnamed.map((cluster) => ({
      id: cluster.id,
      title: cluster.title,
      kind: "unnamed" as const,
      implementations: cluster.members.map((member) => ({
        id: `${cluster.id}:${member.repo}:${member.path}:${member.startLine}`,
        team: member.team,
        golden: false,
        touches: touchesOf(member.repo, member.path, member.units),
      })),
    })),
  ];
  const ledger = computeLedger(subjects, history.people, request.ledger, {
    asOf: history.asOf,
    people: request.people,
    emails: request.emails,
  });
  return { ledger, advice: advise(subjects, history.people, history.asOf, request.advisor) };
}
