import { type BigIntStats, lstatSync } from "node:fs";
import type { LineitemConfig } from "../config/index.js";
import { headCommit } from "../history/index.js";
import { type LanguageRegistry, parseKindOf } from "../lang/index.js";
import { ownerResolver, readCodeOwners } from "../ownership/index.js";
import { counted } from "../result/index.js";
import type { DiagnosticLog } from "../shared/index.js";
import {
  gitBlobSha,
  type ListedFile,
  listRepoFiles,
  type RepoTarget,
  readSourceBytes,
  type SkippedFile,
  type SkipReason,
} from "../sources/index.js";
import type { ProgressListener } from "./progress.js";
import type { ScannedFile } from "./scanned-file.js";
import type { FileStat } from "./unit-store.js";

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
    const codeowners = readCodeOwners(target.root, config.codeowners);
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
      message: `listing the files of ${counted(targets.length, "repository", "repositories")}`,
      done,
      total: targets.length,
    });
  };
  progress({
    stage: "list",
    message: `listing the files of ${counted(targets.length, "repository", "repositories")}`,
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
