import { type BigIntStats, lstatSync } from "node:fs";
import type { ImplementationDraft } from "../concerns/index.js";
import type { LineitemConfig } from "../config/index.js";
import { headCommit } from "../history/index.js";
import { type FileUnits, type LanguageId, type LanguageRegistry, parseKindOf } from "../lang/index.js";
import { ownerResolver, readCodeOwners } from "../ownership/index.js";
import type { DiagnosticLog } from "../shared/index.js";
import type { StreamPrints } from "../similarity/index.js";
import {
  gitBlobSha,
  type ListedFile,
  listRepoFiles,
  type RepoTarget,
  readSourceBytes,
  type SkippedFile,
  type SkipReason,
} from "../sources/index.js";
import { matchConcerns } from "./match-file.js";
import type { ConcernMatching, ParseOutcome, ParseTask } from "./parse-file.js";
import type { ParsePool } from "./parse-pool.js";
import type { ProgressListener } from "./progress.js";
import type { ScannedFile } from "./scanned-file.js";
import { importsTestFramework } from "./test-code.js";
import type { FileStat, MatchedEntry, ParsedEntry, UnitStore } from "./unit-store.js";

/** Repositories listed at once: git's start-up, not its work, is most of a listing's time. */
const LIST_CONCURRENCY = 4;

export interface RepoRead {
  target: RepoTarget;
  codeowners: string | null;
  /** The commit HEAD names; null for plain folders and repositories without commits. */
  head: string | null;
  files: ScannedFile[];
  skipped: SkippedFile[];
}

/** A listed file with its team and what its bytes are (git's blob id), or why they could not be read. */
export interface ListedEntry {
  read: RepoRead;
  file: ListedFile;
  owner: ReturnType<ReturnType<typeof ownerResolver>>;
  /** Extension and adapter version: with the blob id, all a parse depends on. */
  kind: string;
  content: { ok: true; blobSha: string } | { ok: false; reason: SkipReason; detail: string };
}

export interface OrgListing {
  reads: RepoRead[];
  entries: ListedEntry[];
}

/**
 * sources → ownership for the whole org: list each repository's files, give each its team, and name
 * each file's content by its blob id (reading its bytes here, in the main thread: hashing is a small
 * fraction of parsing, and it is what lets an unchanged file skip the parser). A job with no index to ask
 * (the copy search) lists without content ids (`hashContent: false`) and without head commits (`head: false`).
 */
export async function listOrg(
  targets: RepoTarget[],
  config: LineitemConfig,
  languages: Pick<LanguageRegistry, "languageOf">,
  log: DiagnosticLog,
  progress: ProgressListener,
  stats: StatCache | null = null,
  { hashContent = true, head: readHead = true }: { hashContent?: boolean; head?: boolean } = {},
): Promise<OrgListing> {
  // Per repository, in the given order: its read, its files, and its problems to report.
  const listed: { read: RepoRead; entries: ListedEntry[]; report: () => void }[] = new Array(targets.length);
  let done = 0;
  const listOne = async (target: RepoTarget, position: number) => {
    const codeowners = readCodeOwners(target.root);
    const ownerOf = ownerResolver(target.name, config.teams, codeowners, config.umbrellaTeams);
    const [listing, head] = await Promise.all([
      listRepoFiles(target, {
        include: config.include,
        exclude: config.exclude,
        isSupported: (path) => languages.languageOf(path) !== null,
      }),
      target.kind === "git" && readHead ? headCommit(target.root) : null,
    ]);
    const read: RepoRead = {
      target,
      codeowners: codeowners?.file ?? null,
      head,
      files: [],
      skipped: [...listing.skipped],
    };
    const entries = listing.files.map(
      (file): ListedEntry => ({
        read,
        file,
        owner: ownerOf(file.path),
        kind: parseKindOf(file.path) as string,
        content: hashContent ? contentOf(file.absPath, config.maxFileBytes, stats) : UNNAMED,
      }),
    );
    // Problems are said in the repositories' order below, whatever order they finish in.
    const report = () => {
      for (const problem of codeowners?.problems ?? []) {
        log.warn(
          "codeowners-line",
          `${codeowners?.file}:${problem.line}: ${problem.message}; line ignored, the rest is used.`,
          { repo: target.name, file: codeowners?.file, line: problem.line },
        );
      }
      if (listing.gitListingFailed !== undefined) {
        log.warn(
          "git-listing-failed",
          `${target.name}: git could not list its files (${listing.gitListingFailed}); read as a plain folder instead (.gitignore not applied).`,
          { repo: target.name },
        );
      }
    };
    listed[position] = { read, entries, report };
    done += 1;
    progress({
      stage: "list",
      message: `listing the files of ${targets.length} repositories`,
      done,
      total: targets.length,
    });
  };
  progress({
    stage: "list",
    message: `listing the files of ${targets.length} repositories`,
    done,
    total: targets.length,
  });
  let next = 0;
  const worker = async () => {
    while (next < targets.length) {
      const position = next++;
      await listOne(targets[position] as RepoTarget, position);
    }
  };
  await Promise.all(Array.from({ length: Math.min(LIST_CONCURRENCY, targets.length) }, worker));
  for (const { report } of listed) report();
  return { reads: listed.map(({ read }) => read), entries: listed.flatMap(({ entries }) => entries) };
}

/**
 * The content of a file listed without reading it (`hashContent: false`, for a job with no index to ask):
 * the reader says what is wrong with its bytes, and names them unless told not to (ParseTask.unnamed).
 */
const UNNAMED: ListedEntry["content"] = { ok: true, blobSha: "" };

/** Blob ids known by file stat (from the index), and the ones computed in this scan, to be kept. */
export interface StatCache {
  known: Map<string, FileStat>;
  fresh: FileStat[];
}

/**
 * A stat recorded this close to the file's last change is not trusted: a file edited in the same clock
 * tick as it was hashed could change again without its times changing (git calls this "racily clean").
 */
const RACY_MS = 2000;

/**
 * The file's blob id: from the stat cache when size, times and inode are as recorded (no read at all),
 * else from its bytes, recording the stat for next time.
 */
function contentOf(absPath: string, maxBytes: number, stats: StatCache | null): ListedEntry["content"] {
  let stat: BigIntStats | undefined;
  if (stats) {
    try {
      stat = lstatSync(absPath, { bigint: true });
    } catch {
      // Gone or unreadable: reading it says which, with the reason.
    }
    const known = stat?.isFile() ? stats.known.get(absPath) : undefined;
    if (
      stat &&
      known &&
      stat.size <= BigInt(maxBytes) &&
      known.size === Number(stat.size) &&
      known.mtimeNs === String(stat.mtimeNs) &&
      known.ctimeNs === String(stat.ctimeNs) &&
      known.ino === String(stat.ino) &&
      Number(stat.mtimeNs / 1_000_000n) < known.recordedMs - RACY_MS
    ) {
      return { ok: true, blobSha: known.blobSha };
    }
  }
  const bytes = readSourceBytes(absPath, maxBytes);
  if (!bytes.ok) return bytes;
  const blobSha = gitBlobSha(bytes.bytes);
  if (stats && stat?.isFile() && Number(stat.size) === bytes.bytes.length) {
    stats.fresh.push({
      absPath,
      size: Number(stat.size),
      mtimeNs: String(stat.mtimeNs),
      ctimeNs: String(stat.ctimeNs),
      ino: String(stat.ino),
      blobSha,
      recordedMs: Date.now(),
    });
  }
  return { ok: true, blobSha };
}

type Parsed =
  | {
      ok: true;
      blobSha: string;
      parsed: FileUnits;
      implementations: ImplementationDraft[];
      prints?: StreamPrints | undefined;
    }
  | SkippedOutcome;
type SkippedOutcome = { ok: false; reason: SkipReason; detail: string };
/** What is kept per blob: the units, or the verdict on the content. */
type StoredParse = { ok: true; parsed: FileUnits } | SkippedOutcome;

/**
 * lang → concerns for the whole org: every file whose bytes the index has seen (here, in another
 * repository, or in an earlier scan) takes its units from there; the rest are read and parsed on every
 * core, and what they gave is kept as each batch finishes, so even a scan killed half-way leaves its
 * work for the next. A file that cannot be read or parsed is counted with its reason and the rest goes on.
 */
export async function parseOrg(
  listing: OrgListing,
  languages: Pick<LanguageRegistry, "languageOf">,
  pool: ParsePool,
  matching: ConcernMatching & { includeTests: boolean; key: string },
  config: Pick<LineitemConfig, "maxFileBytes">,
  store: UnitStore | null,
  log: DiagnosticLog,
  progress: ProgressListener,
  reading: Pick<ParseTask, "tokensOnly" | "prints" | "unnamed"> = {},
): Promise<RepoRead[]> {
  const { entries } = listing;
  const results: (Parsed | undefined)[] = new Array(entries.length);
  const wantsMatching = (entry: ListedEntry) => matching.includeTests || !entry.file.isTest;
  const toParse: number[] = [];
  const matchedNow: MatchedEntry[] = [];
  for (const [index, entry] of entries.entries()) {
    if (!entry.content.ok) {
      results[index] = entry.content;
      continue;
    }
    const stored = store?.getParsed(entry.content.blobSha, entry.kind) as StoredParse | undefined;
    if (stored === undefined) {
      toParse.push(index);
    } else if (!stored.ok) {
      results[index] = stored;
    } else {
      results[index] = {
        ok: true,
        blobSha: entry.content.blobSha,
        parsed: stored.parsed,
        implementations: wantsMatching(entry)
          ? storedMatches(entry, stored.parsed, matching, store, matchedNow)
          : [],
      };
    }
  }
  store?.putMatched(matchedNow);
  const total = entries.length;
  let done = total - toParse.length;
  const reused = done;
  progress({
    stage: "read",
    message:
      reused > 0
        ? `reading and parsing ${toParse.length} files in ${listing.reads.length} repositories (${reused} unchanged, from the index)`
        : `reading and parsing ${total} files in ${listing.reads.length} repositories`,
    done,
    total,
  });
  const tasks: ParseTask[] = toParse.map((index) => {
    const { file } = entries[index] as ListedEntry;
    return {
      path: file.path,
      absPath: file.absPath,
      maxBytes: config.maxFileBytes,
      matchConcerns: wantsMatching(entries[index] as ListedEntry),
      ...(reading.tokensOnly ? { tokensOnly: true } : {}),
      ...(reading.prints ? { prints: reading.prints } : {}),
      ...(reading.unnamed ? { unnamed: true } : {}),
    };
  });
  await pool.parse(
    tasks,
    { definitions: matching.definitions, goldenPackages: matching.goldenPackages },
    (positions, outcomes) => {
      positions.forEach((position, k) => {
        results[toParse[position] as number] = fromOutcome(outcomes[k] as ParseOutcome);
      });
      store?.putParsed(
        positions.flatMap((position, k) => storedEntry(entries[toParse[position] as number], outcomes[k])),
      );
      store?.putMatched(
        positions.flatMap((position, k) => {
          const entry = entries[toParse[position] as number] as ListedEntry;
          const outcome = outcomes[k] as ParseOutcome;
          if (!outcome.ok || !wantsMatching(entry)) return [];
          const { path } = entry.file;
          return [
            {
              blobSha: outcome.blobSha,
              kind: entry.kind,
              path,
              matching: matching.key,
              implementations: outcome.implementations,
            },
          ];
        }),
      );
      done += positions.length;
      progress({ stage: "read", message: "reading and parsing", done, total });
    },
  );

  results.forEach((result, index) => {
    const { read, file, owner } = entries[index] as ListedEntry;
    if (!result?.ok) {
      const skip = result ?? { reason: "unreadable" as const, detail: "not read" };
      read.skipped.push({ repo: file.repo, path: file.path, reason: skip.reason, detail: skip.detail });
      return;
    }
    const { parsed } = result;
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
      blobSha: result.blobSha,
      team: owner.team,
      ownerSource: owner.source,
      language: languages.languageOf(file.path) as LanguageId,
      isTest: file.isTest || importsTestFramework(parsed.imports),
      lines: parsed.lines,
      imports: parsed.imports,
      units: parsed.units,
      implementations: result.implementations,
      ...(result.prints ? { prints: result.prints } : {}),
    });
  });
  return listing.reads;
}

function fromOutcome(outcome: ParseOutcome): Parsed {
  if (!outcome.ok) return { ok: false, reason: outcome.reason, detail: outcome.detail };
  return {
    ok: true,
    blobSha: outcome.blobSha,
    parsed: outcome.parsed,
    implementations: outcome.implementations,
    prints: outcome.prints,
  };
}

/** Only content verdicts are kept: a symlink, a size over the limit or a vanished file is about the path. */
export function storedEntry(
  entry: ListedEntry | undefined,
  outcome: ParseOutcome | undefined,
): ParsedEntry[] {
  if (!entry || !outcome) return [];
  if (outcome.ok) {
    return [{ blobSha: outcome.blobSha, kind: entry.kind, outcome: { ok: true, parsed: outcome.parsed } }];
  }
  if (outcome.blobSha === undefined) return [];
  return [
    {
      blobSha: outcome.blobSha,
      kind: entry.kind,
      outcome: { ok: false, reason: outcome.reason, detail: outcome.detail },
    },
  ];
}

/** A stored file's concern matches for this path and these definitions, matched now if never before. */
function storedMatches(
  entry: ListedEntry,
  parsed: FileUnits,
  matching: ConcernMatching & { key: string },
  store: UnitStore | null,
  matchedNow: MatchedEntry[],
): ImplementationDraft[] {
  if (!entry.content.ok) return [];
  const { blobSha } = entry.content;
  const known = store?.getMatched(blobSha, entry.kind, entry.file.path, matching.key);
  if (known !== undefined) return known as ImplementationDraft[];
  const implementations = matchConcerns(entry.file.path, parsed, matching);
  matchedNow.push({
    blobSha,
    kind: entry.kind,
    path: entry.file.path,
    matching: matching.key,
    implementations,
  });
  return implementations;
}
