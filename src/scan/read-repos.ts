import type { LineitemConfig } from "../config/index.js";
import type { LanguageId, LanguageRegistry } from "../lang/index.js";
import { ownerResolver, readCodeOwners } from "../ownership/index.js";
import type { DiagnosticLog } from "../shared/index.js";
import { listRepoFiles, type RepoTarget, readSourceFile, type SkippedFile } from "../sources/index.js";
import type { ScannedFile } from "./scanned-file.js";

export interface RepoRead {
  target: RepoTarget;
  codeowners: string | null;
  files: ScannedFile[];
  skipped: SkippedFile[];
}

/**
 * sources → ownership → lang for one repository: list the files, give each its team, read and parse it.
 * A file that cannot be read or parsed is counted with its reason and the rest goes on.
 */
export async function readRepo(
  target: RepoTarget,
  config: LineitemConfig,
  languages: LanguageRegistry,
  log: DiagnosticLog,
): Promise<RepoRead> {
  const codeowners = readCodeOwners(target.root);
  for (const problem of codeowners?.problems ?? []) {
    log.warn(
      "codeowners-line",
      `${codeowners?.file}:${problem.line}: ${problem.message}; line ignored, the rest is used.`,
      {
        repo: target.name,
        file: codeowners?.file,
        line: problem.line,
      },
    );
  }
  const ownerOf = ownerResolver(target.name, config.teams, codeowners);
  const listing = await listRepoFiles(target, {
    include: config.include,
    exclude: config.exclude,
    isSupported: (path) => languages.languageOf(path) !== null,
  });
  const skipped = [...listing.skipped];
  const files: ScannedFile[] = [];
  for (const listed of listing.files) {
    const read = readSourceFile(listed.absPath, config.maxFileBytes);
    if (!read.ok) {
      skipped.push({ repo: target.name, path: listed.path, reason: read.reason, detail: read.detail });
      continue;
    }
    const language = languages.languageOf(listed.path) as LanguageId;
    const parsed = languages.parse(listed.path, read.text);
    if (parsed.problems.length > 0) {
      const first = parsed.problems[0];
      log.info(
        "parse-problems",
        `${listed.path}: ${parsed.problems.length} syntax error(s), first at line ${first?.line}; ${parsed.units.length} units recovered.`,
        { repo: target.name, file: listed.path, ...(first ? { line: first.line } : {}) },
      );
    }
    const owner = ownerOf(listed.path);
    files.push({
      repo: target.name,
      path: listed.path,
      blobSha: read.blobSha,
      team: owner.team,
      ownerSource: owner.source,
      language,
      isTest: listed.isTest,
      lines: parsed.lines,
      imports: parsed.imports,
      units: parsed.units,
    });
  }
  return { target, codeowners: codeowners?.file ?? null, files, skipped };
}
