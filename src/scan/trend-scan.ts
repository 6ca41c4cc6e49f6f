import { type FoundImplementation, groupByConcern } from "../clusters/index.js";
import { loadConcernDefinitions } from "../concerns/index.js";
import { type LineitemConfig, loadConfig } from "../config/index.js";
import { headCommit } from "../history/index.js";
import { languageOf } from "../lang/index.js";
import { counted, type TrendResult } from "../result/index.js";
import { DiagnosticLog, mapLimit, maskSecretsDeep, packageVersion, UserError } from "../shared/index.js";
import { commitAt, discoverRepos, headCommitDate, isShallow, type RepoTarget } from "../sources/index.js";
import type { ScanIndex } from "../store/index.js";
import {
  type ConcernState,
  computeTrend,
  concernStates,
  type PointPlan,
  type PointSnapshot,
  planPoints,
} from "../trend/index.js";
import type { ListedEntry, OrgListing, RepoRead } from "./list-org.js";
import { goldenPackageNames, matchingKeyOf } from "./org-db.js";
import { createParsePool, type ParsePool } from "./parse-pool.js";
import type { ProgressListener } from "./progress.js";
import { parseOrg } from "./read-repos.js";
import { openIndexFor, type ScanOptions, writeOnly } from "./scan.js";
import type { ScannedFile } from "./scanned-file.js";
import { orgCommits } from "./trend-commits.js";
import { listRepoAt, parseUnseenBlobs } from "./trend-tree.js";
import type { UnitStore } from "./unit-store.js";

/** git processes at once (listing trees, finding commits). */
const GIT_CONCURRENCY = 4;

/**
 * A scan's options (the same paths, config, threads, index and clock; `people` names newcomers, `emails`
 * beside them), and which points to compute.
 */
export interface TrendOptions
  extends Pick<
    ScanOptions,
    | "paths"
    | "cwd"
    | "configFile"
    | "includeTests"
    | "onProgress"
    | "now"
    | "workers"
    | "people"
    | "emails"
    | "index"
  > {
  /** Period ends to compute (default: the config's `trend.every`, quarters). */
  every?: "quarter" | "month";
  /** How many period ends (default: the config's `trend.points`, 8). */
  points?: number;
  /** Days to compute instead of period ends (YYYY-MM-DD). */
  dates?: string[];
}

/** The newest commit of the org (committer date of each HEAD): the points count back from it. */
async function newestCommit(targets: RepoTarget[]): Promise<Date | null> {
  const dates = await mapLimit(targets, GIT_CONCURRENCY, (target) => headCommitDate(target.root));
  const times = dates.flatMap((date) => (date ? [date.getTime()] : []));
  return times.length === 0 ? null : new Date(Math.max(...times));
}

/**
 * Units by content, kept in memory in front of the index for the length of a trend: the points share most
 * of their files, and each is loaded from the index (or parsed) once. Without an index, memory alone.
 */
function memoStore(backing: UnitStore | null): UnitStore {
  const parsed = new Map<string, unknown>();
  const matched = new Map<string, unknown>();
  return {
    getParsed(blobSha, kind) {
      const key = `${blobSha}:${kind}`;
      if (!parsed.has(key)) {
        const found = backing?.getParsed(blobSha, kind);
        if (found === undefined) return undefined;
        parsed.set(key, found);
      }
      return parsed.get(key);
    },
    putParsed(entries) {
      for (const entry of entries) parsed.set(`${entry.blobSha}:${entry.kind}`, entry.outcome);
      backing?.putParsed(entries);
    },
    getMatched(blobSha, kind, path, matching) {
      const key = `${blobSha}:${kind}:${matching}:${path}`;
      if (!matched.has(key)) {
        const found = backing?.getMatched(blobSha, kind, path, matching);
        if (found === undefined) return undefined;
        matched.set(key, found);
      }
      return matched.get(key);
    },
    putMatched(entries) {
      for (const e of entries)
        matched.set(`${e.blobSha}:${e.kind}:${e.matching}:${e.path}`, e.implementations);
      backing?.putMatched(entries);
    },
  };
}

interface PlannedPoint {
  plan: PointPlan;
  /** Per repository (in target order), the commit at this point, or null before its first commit. */
  commits: (string | null)[];
}

/** A listing of its own for a point: reads are filled in by the read stage, so points never share one. */
function freshListing(parts: { read: RepoRead; entries: ListedEntry[] }[], missing: Set<string>): OrgListing {
  const reads: RepoRead[] = [];
  const entries: ListedEntry[] = [];
  for (const part of parts) {
    const read: RepoRead = { ...part.read, files: [], skipped: [...part.read.skipped] };
    reads.push(read);
    for (const entry of part.entries) {
      const gone = entry.content.ok && missing.has(entry.content.blobSha);
      entries.push({
        ...entry,
        read,
        content: gone
          ? { ok: false, reason: "unreadable", detail: "the repository does not have this object" }
          : entry.content,
      });
    }
  }
  return { reads, entries };
}

/** Each concern's state at one point, from the files the read stage gave. */
function statesAt(
  reads: RepoRead[],
  config: LineitemConfig,
  includeTests: boolean,
): Map<string, ConcernState> {
  const all = reads.flatMap((read) => read.files);
  const files: ScannedFile[] = includeTests ? all : all.filter((file) => !file.isTest);
  const implementations: FoundImplementation[] = files.flatMap((file, index) =>
    file.implementations.map((draft) => ({ ...draft, file: index })),
  );
  return concernStates(groupByConcern(files, implementations, config.goldenPaths), files);
}

/**
 * The org at each past period end, from the repositories' own history: each repository's tree at that
 * date (git's tree, no checkout), its units from the index by blob id (only blobs never seen are read from
 * git and parsed), its concerns matched and grouped as a scan does; then onboarding from every commit,
 * and the kill criteria.
 */
export async function trend(options: TrendOptions): Promise<TrendResult> {
  const progress = options.onProgress ?? (() => {});
  const now = options.now ?? (() => new Date());
  const log = new DiagnosticLog();
  const loaded = loadConfig({ configFile: options.configFile, scanPaths: options.paths, cwd: options.cwd });
  const { config } = loaded;
  const includeTests = options.includeTests ?? config.includeTests;
  const allTargets = await discoverRepos(options.paths, options.cwd, log);
  const targets = allTargets.filter((target) => target.kind === "git");
  for (const target of allTargets.filter((t) => t.kind !== "git")) {
    log.warn(
      "trend-no-history",
      `${target.name}: not a git repository, so it has no past; left out of the trend.`,
      {
        repo: target.name,
      },
    );
  }
  if (targets.length === 0) {
    throw new UserError(
      "trend-no-history",
      "none of the paths is a git repository: a trend is computed from history.",
      "Give git repositories, a folder of them, or a monorepo (`lineitem scan` reads plain folders).",
    );
  }
  const shallow = await mapLimit(targets, GIT_CONCURRENCY, (target) => isShallow(target.root));
  for (const [i, target] of targets.entries()) {
    if (shallow[i]) {
      log.warn(
        "trend-shallow",
        `${target.name}: a shallow clone; at points before its oldest commit it counts as absent, so earlier figures are low (git fetch --unshallow reads the rest).`,
        { repo: target.name },
      );
    }
  }
  const definitions = await loadConcernDefinitions(config.concerns, loaded.baseDir, log);
  const goldenPackages = goldenPackageNames(config);
  const matching = {
    definitions,
    goldenPackages,
    includeTests,
    key: matchingKeyOf(definitions, goldenPackages),
  };

  const asOf = await newestCommit(targets);
  const every = options.dates?.length ? "dates" : (options.every ?? config.trend.every);
  const plans = asOf
    ? planPoints(asOf, {
        every: every === "month" ? "month" : "quarter",
        points: options.points ?? config.trend.points,
        ...(options.dates?.length ? { dates: options.dates } : {}),
        ...(config.platformTeam ? { platformStart: config.platformTeam.start } : {}),
      })
    : [];
  const heads = await mapLimit(targets, GIT_CONCURRENCY, (target) => headCommit(target.root));
  const planned: PlannedPoint[] = [];
  for (const plan of plans) {
    const commits = await mapLimit(targets, GIT_CONCURRENCY, (target, i) =>
      plan.kind === "now" ? Promise.resolve(heads[i] ?? null) : commitAt(target.root, plan.at),
    );
    planned.push({ plan, commits });
  }

  const index = options.index ? await openIndexFor(options.index, options.cwd, loaded.baseDir, log) : null;
  const pool = createParsePool(options.workers === undefined ? {} : { workers: options.workers });
  try {
    const backing = index ? (options.index?.fresh ? writeOnly(index) : index) : null;
    const store = memoStore(backing as ScanIndex | null);
    const snapshots = await computePoints(planned, targets, config, store, pool, matching, progress);
    progress({
      stage: "history",
      message: `reading the commits of ${counted(targets.length, "repository", "repositories")} for onboarding`,
    });
    const commits = await orgCommits(targets, config, log);
    const orgStart = commits.reduce<string | null>(
      (first, c) => (first === null || Date.parse(c.date) < Date.parse(first) ? c.date : first),
      null,
    );
    // Masked once here, so the view, JSON and CSV of a trend carry no secret from the code it read.
    const result = computeTrend({
      now: now(),
      version: packageVersion,
      configFile: loaded.file ?? null,
      asOf: asOf?.toISOString() ?? null,
      every,
      snapshots,
      definitions,
      goldenPaths: config.goldenPaths,
      platformTeam: config.platformTeam,
      commits,
      orgStart,
      nthCommit: config.trend.onboardingCommits,
      people: options.people ?? false,
      emails: options.emails ?? false,
      diagnostics: log.entries,
    });
    return maskSecretsDeep(result);
  } finally {
    await pool.close();
    index?.close();
  }
}

async function computePoints(
  planned: PlannedPoint[],
  targets: RepoTarget[],
  config: LineitemConfig,
  store: UnitStore,
  pool: ParsePool,
  matching: Parameters<typeof parseOrg>[3],
  progress: ProgressListener,
): Promise<PointSnapshot[]> {
  // Each repository is listed once per distinct commit, however many points share it.
  const listings = new Map<string, { read: RepoRead; entries: ListedEntry[] }>();
  const wanted = planned.flatMap((point) =>
    point.commits.flatMap((commit, i) => (commit ? [{ target: targets[i] as RepoTarget, commit }] : [])),
  );
  const distinct = [...new Map(wanted.map((w) => [`${w.target.root}\0${w.commit}`, w])).values()];
  const message = `listing ${counted(targets.length, "repository", "repositories")} at ${counted(planned.length, "point")}`;
  progress({ stage: "list", message, done: 0, total: distinct.length });
  let listed = 0;
  await mapLimit(distinct, GIT_CONCURRENCY, async ({ target, commit }) => {
    listings.set(`${target.root}\0${commit}`, await listRepoAt(target, commit, config, { languageOf }));
    listed += 1;
    progress({ stage: "list", message, done: listed, total: distinct.length });
  });
  const partsOf = (point: PlannedPoint) =>
    point.commits.flatMap((commit, i) =>
      commit
        ? [
            listings.get(`${(targets[i] as RepoTarget).root}\0${commit}`) as {
              read: RepoRead;
              entries: ListedEntry[];
            },
          ]
        : [],
    );
  const { missing } = await parseUnseenBlobs(
    [...listings.values()].map((part) => ({ reads: [part.read], entries: part.entries })),
    store,
    pool,
    config.maxFileBytes,
    (done, total) =>
      progress({
        stage: "read",
        message: `parsing ${counted(total, "file version")} the index has not seen`,
        done,
        total,
      }),
  );
  const snapshots: PointSnapshot[] = [];
  for (const [n, point] of planned.entries()) {
    const listing = freshListing(partsOf(point), missing);
    // The scan reports parse problems; repeating them for every point would only be noise.
    const quiet = new DiagnosticLog();
    const reads = await parseOrg(listing, { languageOf }, pool, matching, config, store, quiet, () => {});
    const files = reads.reduce(
      (sum, read) => sum + read.files.filter((f) => matching.includeTests || !f.isTest).length,
      0,
    );
    snapshots.push({
      plan: point.plan,
      commits: Object.fromEntries(targets.map((target, i) => [target.name, point.commits[i] ?? null])),
      files,
      states: statesAt(reads, config, matching.includeTests),
    });
    progress({
      stage: "points",
      message: `computing ${counted(planned.length, "point")}`,
      done: n + 1,
      total: planned.length,
    });
  }
  return snapshots;
}
