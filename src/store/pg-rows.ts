import type { MatchedEntry, ParsedEntry } from "./scan-index.js";

export interface PgRepoRow {
  name: string;
  kind: string;
  scope: string | null;
  head: string | null;
  codeowners: string | null;
  matching: string;
  includeTests: boolean;
  indexedAt: string;
  skipped: unknown[];
  diagnostics: unknown[];
  history: unknown;
}

export interface PgFileRow {
  path: string;
  blobSha: string;
  kind: string;
  language: string;
  team: string;
  ownerSource: string;
  isTest: boolean;
  lines: number;
  units: number;
  modules: string[];
}

/** Everything `lineitem index` writes for one repository, replaced whole in one transaction. */
export interface PgRepoSnapshot {
  repo: Omit<PgRepoRow, "indexedAt">;
  files: PgFileRow[];
  bands: { path: string; unit: number; stream: string; keys: number[] }[];
  prints: { path: string; hashes: number[] }[];
  fanIn: { path: string; concern: string; callers: number }[];
  parsed: ParsedEntry[];
  matched: (MatchedEntry & { count: number })[];
}

/** Where a file's content is, for loading its units. */
export interface PgFileRef {
  repo: string;
  path: string;
}

/** A database URL as it may be printed: the password masked. */
export const redactUrl = (url: string): string => url.replace(/\/\/([^:@/]+)(:[^@/]*)?@/, "//$1:***@");
