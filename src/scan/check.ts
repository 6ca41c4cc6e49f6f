import { resolve } from "node:path";
import { loadConcernDefinitions } from "../concerns/index.js";
import { loadConfig } from "../config/index.js";
import { changedFiles, changedLines, firstChangedLine, resolveRevisions } from "../history/index.js";
import { languageOf } from "../lang/index.js";
import type { CheckFinding, CheckLevel, CheckResult } from "../result/index.js";
import { DiagnosticLog, maskSecretsDeep, packageVersion, UserError } from "../shared/index.js";
import { discoverRepos, isShallow } from "../sources/index.js";
import { applyAllowances } from "./check-allow.js";
import { concernFindings, copyFindings } from "./check-findings.js";
import { type OrgView, openLocalOrg, openPgOrg } from "./check-org.js";
import { readChangedFiles } from "./check-read.js";
import { similarityOptions } from "./findings.js";
import { databaseUrl, goldenPackageNames } from "./org-db.js";
import { createParsePool } from "./parse-pool.js";
import { defaultIndexFile } from "./scan.js";

export type FailOn = "off" | CheckLevel;

export interface CheckOptions {
  cwd: string;
  /** The repository the change is in (default: the current folder). */
  path?: string;
  /** The branch the change will merge into; the change is what head adds since their merge base. */
  base: string;
  /** Default: the checked-out commit, with the working tree's edits. */
  head?: string;
  configFile?: string;
  /** The local index (default: .lineitem/index.sqlite beside the config, or in the current folder). */
  index?: string;
  /** The org-wide index on PostgreSQL instead of a local one. */
  db?: string;
  /** The repository's name in the index, when its folder is named otherwise. */
  repo?: string;
  failOn?: FailOn;
  /** At most this many changed source files are read (default: the config's check.maxFiles). */
  maxFiles?: number;
  workers?: number;
  now?: () => Date;
}

/** Exit code 1 is for findings at or above this level; `off` informs only. */
export function reachesFailOn(result: CheckResult): boolean {
  if (result.failOn === "off") return false;
  return result.findings.some((finding) => result.failOn === "note" || finding.level === "warning");
}

/**
 * `lineitem check`: the units a change adds or modifies (and only those), looked up in the org index:
 * concerns another team already implements or that have a golden path, and copies of another team's code.
 */
export async function check(options: CheckOptions): Promise<CheckResult> {
  const now = options.now ?? (() => new Date());
  const log = new DiagnosticLog();
  const repoPath = options.path ?? ".";
  const loaded = loadConfig({ configFile: options.configFile, scanPaths: [repoPath], cwd: options.cwd });
  const { config } = loaded;
  const targets = await discoverRepos([repoPath], options.cwd, log);
  const target = targets[0];
  if (targets.length !== 1 || !target || target.kind !== "git") {
    throw new UserError(
      "check-repo",
      `${resolve(options.cwd, repoPath)}: not one git repository${targets.length > 1 ? ` (it holds ${targets.length})` : ""}.`,
      "Run lineitem check inside the repository the change is in, or give its folder.",
    );
  }
  const repo = options.repo ?? target.name;
  const revisions = await resolveRevisions(target.root, repo, options.base, options.head, isShallow);
  const similarity = similarityOptions(config);
  const org: OrgView = options.db
    ? await openPgOrg(databaseUrl(options.db, config.database), options.cwd, loaded.file, similarity)
    : await openLocalOrg(
        options.index ? resolve(options.cwd, options.index) : defaultIndexFile(loaded.baseDir),
        config.includeTests,
        similarity,
      );
  const pool = createParsePool(options.workers === undefined ? {} : { workers: options.workers });
  try {
    const changed = await changedFiles(target.root, { ...revisions });
    const limit = options.maxFiles ?? config.check.maxFiles;
    const source = changed
      .filter((file) => languageOf(file.path) !== null)
      .sort((a, b) => a.path.localeCompare(b.path));
    const truncated = source.length > limit;
    if (truncated) {
      log.warn(
        "check-truncated",
        `the change touches ${source.length} source files, more than ${limit}: only the first ${limit} (by path) were checked. Raise --max-files (or check.maxFiles in the config) to check them all.`,
      );
    }
    const checkedList = source.slice(0, limit);
    const lines = await changedLines(target.root, revisions, checkedList);
    const definitions = await loadConcernDefinitions(config.concerns, loaded.baseDir, log);
    const matching = { definitions, goldenPackages: goldenPackageNames(config) };
    const files = await readChangedFiles(
      { ...target, name: repo },
      revisions,
      checkedList,
      lines,
      config,
      matching,
      pool,
      org,
      log,
    );
    const concerns = concernFindings(files, org.concerns, definitions, config);
    const covered = new Set(
      concerns.flatMap((finding) =>
        finding.location.units.map((unit) => `${finding.location.path}\0${unit.startLine}`),
      ),
    );
    if (!org.candidates) {
      log.warn(
        "check-no-copies",
        `${org.where}: the index keeps no list of the files its last scan read (it was written by an earlier lineitem), so copies of other teams' code were not looked for.`,
        { file: org.where },
      );
    }
    const copies = org.candidates ? await copyFindings(files, org.candidates, similarity, covered) : [];
    const sorted = [...concerns, ...copies].sort(byPlace);
    const { findings, allowed } = applyAllowances(sorted, files, config, loaded.file ?? null, log);
    const units = files.reduce(
      (sum, file) =>
        sum +
        file.parsed.units.filter(
          (unit) => firstChangedLine(file.changes, unit.startLine, unit.endLine) !== null,
        ).length,
      0,
    );
    // Masked once here, so every format of a check (terminal, JSON, Markdown, SARIF, annotations) carries
    // no secret from the changed code: its parameter values, unit names, allowance reasons.
    return maskSecretsDeep<CheckResult>({
      kind: "lineitem.check",
      schemaVersion: 1,
      tool: { name: "lineitem", version: packageVersion },
      generatedAt: now().toISOString(),
      repo,
      base: revisions.base,
      head: revisions.head,
      mergeBase: revisions.mergeBase,
      index: {
        kind: org.kind,
        where: org.where,
        scannedAt: org.scannedAt,
        copies: org.candidates !== null,
      },
      changed: { files: changed.length, checked: files.length, units, limit, truncated },
      failOn: options.failOn ?? "off",
      findings,
      allowed,
      diagnostics: log.entries,
    });
  } finally {
    await pool.close();
    await org.close();
  }
}

function byPlace(a: CheckFinding, b: CheckFinding): number {
  return (
    a.location.path.localeCompare(b.location.path) ||
    a.location.line - b.location.line ||
    a.kind.localeCompare(b.kind) ||
    a.id.localeCompare(b.id)
  );
}
