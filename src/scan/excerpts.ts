import { readFileSync } from "node:fs";
import { join } from "node:path";
import { languageOf } from "../lang/index.js";
import { type CodeExcerpt, GAP_LINE, type LineRun, type ScanResult, workRuns } from "../result/index.js";
import { maskSecrets } from "../shared/index.js";
import { catBlobs, gitBlobSha } from "../sources/index.js";

/** Longer implementations are cut here: a report shows code to compare, not whole files. */
export const MAX_EXCERPT_LINES = 400;

interface Wanted {
  key: string;
  repo: string;
  path: string;
  blob: string;
  /** The runs of lines shown, in file order. */
  runs: LineRun[];
  language: string;
}

/** The places a report shows code for: every implementation (by id) and unnamed member (`unnamed-1#0`). */
function wantedOf(result: ScanResult): Wanted[] {
  return [
    ...result.concerns.flatMap((concern) =>
      concern.implementations.map((impl) => ({ key: impl.id, ...impl, runs: workRuns(impl) })),
    ),
    ...result.unnamed.flatMap((cluster) =>
      cluster.members.map((member, i) => ({
        key: `${cluster.id}#${i}`,
        ...member,
        runs: [{ startLine: member.startLine, endLine: member.endLine }],
        language: languageOf(member.path) ?? "",
      })),
    ),
  ];
}

/**
 * The code of every finding, for the HTML report and the dashboard to show and compare: read back by
 * the blob id the scan recorded — from the file on disk when its bytes still hash to it, else from git's
 * objects — so the code shown is the code that was scanned. Code that changed since and is not in git
 * is left out (the report says so). Nothing is parsed: excerpts are lines of text, with every secret in the
 * file masked first (a key block masked whole even where an excerpt starts inside it; lines stay lines).
 */
export async function readExcerpts(result: ScanResult): Promise<Record<string, CodeExcerpt>> {
  const roots = new Map(result.repos.map((repo) => [repo.name, repo.root]));
  const texts = new Map<string, string>(); // blob → text, its secrets masked
  const fromGit = new Map<string, Set<string>>(); // root → blobs
  const wanted = wantedOf(result);
  for (const want of wanted) {
    const root = roots.get(want.repo);
    if (!root || texts.has(want.blob)) continue;
    try {
      const bytes = readFileSync(join(root, want.path));
      if (gitBlobSha(bytes) === want.blob) {
        texts.set(want.blob, maskSecrets(bytes.toString("utf8")));
        continue;
      }
    } catch {
      // Moved or gone since the scan: git may still have the blob.
    }
    fromGit.set(root, (fromGit.get(root) ?? new Set()).add(want.blob));
  }
  for (const [root, blobs] of fromGit) {
    try {
      await catBlobs(root, [...blobs], (id, read) => {
        if (read.ok) texts.set(id, maskSecrets(read.bytes.toString("utf8")));
      });
    } catch {
      // Not a git repository any more, or damaged: those excerpts are left out.
    }
  }
  const excerpts: Record<string, CodeExcerpt> = {};
  for (const want of wanted) {
    const text = texts.get(want.blob);
    if (text === undefined) continue;
    excerpts[want.key] = excerptOf(text.split(/\r?\n/), want.runs, want.language);
  }
  return excerpts;
}

/**
 * The lines of each run, a gap line between two runs. Past MAX_EXCERPT_LINES every run is cut to a fair
 * share (what a short run leaves goes to the longer ones), so each place of the work is seen, not only the
 * first 400 lines of a long first one.
 */
export function excerptOf(
  fileLines: readonly string[],
  runs: readonly LineRun[],
  language: string,
): CodeExcerpt {
  // The gap lines between runs count against the budget too.
  const budget = Math.max(runs.length, MAX_EXCERPT_LINES - (runs.length - 1));
  const sizes = runs.map((run) => Math.max(0, Math.min(run.endLine, fileLines.length) - run.startLine + 1));
  const shares = fairShares(sizes, budget);
  const lines: string[] = [];
  const lineNumbers: (number | null)[] = [];
  runs.forEach((run, i) => {
    if (i > 0) {
      lines.push(GAP_LINE);
      lineNumbers.push(null);
    }
    const shown = fileLines.slice(run.startLine - 1, run.startLine - 1 + (shares[i] ?? 0));
    lines.push(...shown);
    lineNumbers.push(...shown.map((_, k) => run.startLine + k));
  });
  const truncated = shares.some((share, i) => share < (sizes[i] ?? 0));
  return { startLine: runs[0]?.startLine ?? 1, language, lines, lineNumbers, truncated };
}

/** Splits `budget` over items of these sizes: none gets more than it has, the rest is shared evenly. */
export function fairShares(sizes: readonly number[], budget: number): number[] {
  const shares = sizes.map(() => 0);
  let left = budget;
  // Smallest first: each takes what it needs up to an even share of what is left.
  const order = sizes.map((size, i) => ({ size, i })).sort((a, b) => a.size - b.size);
  order.forEach(({ size, i }, k) => {
    const even = Math.floor(left / (order.length - k));
    shares[i] = Math.min(size, even);
    left -= shares[i] as number;
  });
  return shares;
}
