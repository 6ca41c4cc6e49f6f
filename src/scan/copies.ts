import { loadConfig } from "../config/index.js";
import { languageOf } from "../lang/index.js";
import { type CopiesResult, counted } from "../result/index.js";
import { DiagnosticLog, maskSecretsDeep, packageVersion } from "../shared/index.js";
import { DEFAULT_SIMILARITY, type SimilarityOptions } from "../similarity/index.js";
import { discoverRepos } from "../sources/index.js";
import { assembleClones } from "./assemble-clones.js";
import { findOrgClones } from "./clones.js";
import { listOrg, type RepoRead } from "./list-org.js";
import { createParsePool } from "./parse-pool.js";
import type { ProgressListener } from "./progress.js";
import { parseOrg } from "./read-repos.js";

/**
 * Thresholds of the copy search over lexer tokens. A lexer token is smaller than the scan's syntax node
 * (`const x = f(a, b);` is 10 tokens, 7 nodes), so the sizes are jscpd's: a copied run of 50 tokens, the
 * default people know. Measured on the peer benchmark (`npm run bench:peers`), see docs/similarity.md.
 */
export const COPIES_SIMILARITY: SimilarityOptions = {
  ...DEFAULT_SIMILARITY,
  minTokens: 70,
  minFragmentTokens: 50,
  maxGapTokens: 16,
};

/**
 * Below this much code the copy search reads in its own thread. Lexing is cheap enough that a worker
 * thread's start and its own JIT warm-up (each thread compiles the lexer afresh: its first pass over the
 * peer corpus takes 0.5–0.6 s, later passes 0.4 s) cost more than the second core saves: on two cores the
 * peer benchmark's 25 MB list and read in 0.93 s in one thread and 1.10–1.25 s with a worker beside it.
 */
export const COPIES_IN_PROCESS_BELOW = 64 * 1024 * 1024;

export interface CopiesOptions {
  paths: string[];
  cwd: string;
  configFile?: string;
  /** Overrides the config's includeTests. */
  includeTests?: boolean;
  /** List clone groups judged boilerplate instead of only counting them. */
  showBoilerplate?: boolean;
  /** A copied run must be at least this many lexer tokens (default COPIES_SIMILARITY.minFragmentTokens). */
  minTokens?: number;
  /** Threads that read and lex files when there is more code than COPIES_IN_PROCESS_BELOW; default: the machine's cores. */
  workers?: number;
  onProgress?: ProgressListener;
  now?: () => Date;
}

/**
 * The copy search on its own: sources → ownership → lexer → similarity → clone groups with teams and
 * canonical members. No concerns, no history, no index: the job a copy-paste detector does, and as fast
 * as the reading allows (JavaScript and TypeScript are lexed, not parsed).
 */
export async function findCopies(options: CopiesOptions): Promise<CopiesResult> {
  const progress = options.onProgress ?? (() => {});
  const now = options.now ?? (() => new Date());
  const log = new DiagnosticLog();
  const loaded = loadConfig({ configFile: options.configFile, scanPaths: options.paths, cwd: options.cwd });
  const { config } = loaded;
  const includeTests = options.includeTests ?? config.includeTests;
  const similarity: SimilarityOptions = {
    ...COPIES_SIMILARITY,
    ...(options.minTokens === undefined
      ? {}
      : {
          minFragmentTokens: options.minTokens,
          minTokens: Math.max(options.minTokens, COPIES_SIMILARITY.minTokens),
        }),
  };
  const pool = createParsePool({
    ...(options.workers === undefined ? {} : { workers: options.workers }),
    inProcessBelow: COPIES_IN_PROCESS_BELOW,
  });
  let reads: RepoRead[];
  try {
    const targets = await discoverRepos(options.paths, options.cwd, log);
    // No index to ask, so no content ids in the listing, and no head commits (a git process per repository)
    // for a result that names none.
    const listing = await listOrg(targets, config, { languageOf }, log, progress, null, {
      hashContent: false,
      head: false,
    });
    reads = await parseOrg(
      listing,
      { languageOf },
      pool,
      { definitions: [], goldenPackages: [], includeTests, key: "copies" },
      config,
      null,
      log,
      progress,
      // The readers lex, and fingerprint each file's stream on their own cores; no blob ids (no index).
      { tokensOnly: true, prints: { k: similarity.k, window: similarity.window }, unnamed: true },
    );
  } finally {
    await pool.close();
  }
  const allFiles = reads.flatMap((read) => read.files);
  const files = includeTests ? allFiles : allFiles.filter((file) => !file.isTest);
  progress({ stage: "copies", message: `looking for copies among ${counted(files.length, "file")}` });
  const found = findOrgClones(
    files,
    reads,
    [],
    { goldenPaths: config.goldenPaths, rules: config.canonical },
    similarity,
  );
  const clones = assembleClones(found, files, similarity, options.showBoilerplate ?? false);
  const teams = new Set(allFiles.map((file) => file.team));
  return maskSecretsDeep({
    kind: "lineitem.copies" as const,
    schemaVersion: 1 as const,
    tool: { name: "lineitem" as const, version: packageVersion },
    generatedAt: now().toISOString(),
    configFile: loaded.file ?? null,
    includeTests,
    summary: {
      repos: reads.length,
      teams: teams.size,
      filesRead: allFiles.length,
      filesSkipped: reads.reduce((sum, read) => sum + read.skipped.length, 0),
      testFiles: allFiles.filter((file) => file.isTest).length,
      lines: allFiles.reduce((sum, file) => sum + file.lines, 0),
      crossTeamCloneGroups: clones.groups.filter((group) => group.crossTeam && !group.boilerplate).length,
    },
    clones: { ...clones, sameJob: [] },
    diagnostics: log.entries,
  });
}
