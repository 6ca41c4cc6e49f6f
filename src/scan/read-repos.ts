import type { LineitemConfig } from "../config/index.js";
import type { LanguageId, LanguageRegistry } from "../lang/index.js";
import { ownerResolver, readCodeOwners } from "../ownership/index.js";
import type { DiagnosticLog } from "../shared/index.js";
import { type ListedFile, listRepoFiles, type RepoTarget, type SkippedFile } from "../sources/index.js";
import type { ConcernMatching } from "./parse-file.js";
import type { ParsePool } from "./parse-pool.js";
import type { ScannedFile } from "./scanned-file.js";
import { importsTestFramework } from "./test-code.js";

export interface RepoRead {
  target: RepoTarget;
  codeowners: string | null;
  files: ScannedFile[];
  skipped: SkippedFile[];
}

/**
 * sources → ownership → lang for the whole org: list each repository's files and give each its team,
 * then read and parse every file on every core. A file that cannot be read or parsed is counted with its
 * reason and the rest goes on.
 */
export async function readRepos(
  targets: RepoTarget[],
  config: LineitemConfig,
  languages: Pick<LanguageRegistry, "languageOf">,
  pool: ParsePool,
  matching: ConcernMatching & { includeTests: boolean },
  log: DiagnosticLog,
  progress: (message: string) => void,
): Promise<RepoRead[]> {
  const listed: { read: RepoRead; file: ListedFile; owner: ReturnType<ReturnType<typeof ownerResolver>> }[] =
    [];
  const reads: RepoRead[] = [];
  for (const target of targets) {
    const codeowners = readCodeOwners(target.root);
    for (const problem of codeowners?.problems ?? []) {
      log.warn(
        "codeowners-line",
        `${codeowners?.file}:${problem.line}: ${problem.message}; line ignored, the rest is used.`,
        { repo: target.name, file: codeowners?.file, line: problem.line },
      );
    }
    const ownerOf = ownerResolver(target.name, config.teams, codeowners, config.umbrellaTeams);
    const listing = await listRepoFiles(target, {
      include: config.include,
      exclude: config.exclude,
      isSupported: (path) => languages.languageOf(path) !== null,
    });
    if (listing.gitListingFailed !== undefined) {
      log.warn(
        "git-listing-failed",
        `${target.name}: git could not list its files (${listing.gitListingFailed}); read as a plain folder instead (.gitignore not applied).`,
        { repo: target.name },
      );
    }
    const read: RepoRead = {
      target,
      codeowners: codeowners?.file ?? null,
      files: [],
      skipped: [...listing.skipped],
    };
    reads.push(read);
    for (const file of listing.files) listed.push({ read, file, owner: ownerOf(file.path) });
  }

  progress(`reading and parsing ${listed.length} files in ${targets.length} repositories`);
  const outcomes = await pool.parse(
    listed.map(({ file }) => ({
      path: file.path,
      absPath: file.absPath,
      maxBytes: config.maxFileBytes,
      matchConcerns: matching.includeTests || !file.isTest,
    })),
    { definitions: matching.definitions, goldenPackages: matching.goldenPackages },
  );
  outcomes.forEach((outcome, index) => {
    const { read, file, owner } = listed[index] as (typeof listed)[number];
    if (!outcome.ok) {
      read.skipped.push({ repo: file.repo, path: file.path, reason: outcome.reason, detail: outcome.detail });
      return;
    }
    const { parsed } = outcome;
    if (parsed.problems.length > 0) {
      const first = parsed.problems[0];
      log.info(
        "parse-problems",
        `${file.path}: ${parsed.problems.length} syntax error(s), first at line ${first?.line}; ${parsed.units.length} units recovered.`,
        { repo: file.repo, file: file.path, ...(first ? { line: first.line } : {}) },
      );
    }
    read.files.push({
      repo: file.repo,
      path: file.path,
      blobSha: outcome.blobSha,
      team: owner.team,
      ownerSource: owner.source,
      language: languages.languageOf(file.path) as LanguageId,
      isTest: file.isTest || importsTestFramework(parsed.imports),
      lines: parsed.lines,
      imports: parsed.imports,
      units: parsed.units,
      implementations: outcome.implementations,
    });
  });
  return reads;
}
