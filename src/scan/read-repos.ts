import type { ImplementationDraft } from "../concerns/index.js";
import type { LineitemConfig } from "../config/index.js";
import type { FileUnits, LanguageId, LanguageRegistry } from "../lang/index.js";
import { counted, grouped } from "../result/index.js";
import type { DiagnosticLog } from "../shared/index.js";
import type { StreamPrints } from "../similarity/index.js";
import type { SkipReason } from "../sources/index.js";
import type { ListedEntry, OrgListing, RepoRead } from "./list-org.js";
import { matchConcerns } from "./match-file.js";
import type { ConcernMatching, ParseOutcome, ParseTask } from "./parse-file.js";
import type { ParsePool } from "./parse-pool.js";
import type { ProgressListener } from "./progress.js";
import { importsTestFramework } from "./test-code.js";
import type { MatchedEntry, ParsedEntry, UnitStore } from "./unit-store.js";

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
        ? `reading and parsing ${counted(toParse.length, "file")} in ${counted(listing.reads.length, "repository", "repositories")} (${grouped(reused)} unchanged, from the index)`
        : `reading and parsing ${counted(total, "file")} in ${counted(listing.reads.length, "repository", "repositories")}`,
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
        `${file.path}: ${counted(parsed.problems.length, "syntax error")}, first at line ${first?.line}; ${counted(parsed.units.length, "unit")} recovered.`,
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
