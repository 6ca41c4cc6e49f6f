import type { LineitemConfig } from "../config/index.js";
import { type LanguageRegistry, parseKindOf } from "../lang/index.js";
import { ownerResolver } from "../ownership/index.js";
import { catBlobs, listTreeFiles, type RepoTarget } from "../sources/index.js";
import { codeOwnersAt } from "./codeowners-at.js";
import type { ListedEntry, OrgListing, RepoRead } from "./list-org.js";
import type { ParseTask } from "./parse-file.js";
import type { ParsePool } from "./parse-pool.js";
import { storedEntry } from "./read-repos.js";
import type { UnitStore } from "./unit-store.js";

/**
 * One repository at one commit, listed as a scan lists a working tree: its files with their teams (from
 * CODEOWNERS as it was at that commit, and today's config) and their blob ids, straight from git's tree.
 */
export async function listRepoAt(
  target: RepoTarget,
  commit: string,
  config: LineitemConfig,
  languages: Pick<LanguageRegistry, "languageOf">,
): Promise<{ read: RepoRead; entries: ListedEntry[] }> {
  const [listing, codeowners] = await Promise.all([
    listTreeFiles(target, commit, {
      include: config.include,
      exclude: config.exclude,
      isSupported: (path) => languages.languageOf(path) !== null,
    }),
    codeOwnersAt(target.root, commit, config.codeowners),
  ]);
  const ownerOf = ownerResolver(target.name, config.teams, codeowners, config.umbrellaTeams);
  const read: RepoRead = {
    target,
    codeowners: codeowners?.file ?? null,
    head: commit,
    files: [],
    skipped: [...listing.skipped],
  };
  const entries = listing.files.map((file): ListedEntry => {
    const blob = file.blob as { sha: string; size: number };
    return {
      read,
      file,
      owner: ownerOf(file.path),
      kind: parseKindOf(file.path) as string,
      content:
        blob.size > config.maxFileBytes
          ? { ok: false, reason: "too-large", detail: `${blob.size} bytes (limit ${config.maxFileBytes})` }
          : { ok: true, blobSha: blob.sha },
    };
  });
  return { read, entries };
}

/** Blobs are read from git and parsed in slices of about this many bytes, so memory stays bounded. */
const SLICE_BYTES = 32 * 1024 * 1024;

/**
 * Parses every blob the listings name that the index has never seen, reading each from git's objects
 * once (whichever repository or point first names it), and keeps the units in the store. After this,
 * every entry's units are in the store, so the read stage parses nothing. An object git does not have
 * (a damaged or partial clone) is named in `missing`: those files are reported unreadable.
 */
export async function parseUnseenBlobs(
  listings: OrgListing[],
  store: UnitStore,
  pool: ParsePool,
  maxBytes: number,
  onParsed: (done: number, total: number) => void,
): Promise<{ parsed: number; missing: Set<string> }> {
  // Per repository: blob id → an entry that names it (its path picks the parser).
  const unseen = new Map<string, { root: string; entries: Map<string, ListedEntry> }>();
  const seen = new Set<string>();
  for (const listing of listings) {
    for (const entry of listing.entries) {
      if (!entry.content.ok) continue;
      const key = `${entry.content.blobSha}:${entry.kind}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (store.getParsed(entry.content.blobSha, entry.kind) !== undefined) continue;
      const { root } = entry.read.target;
      const repo = unseen.get(root) ?? { root, entries: new Map() };
      repo.entries.set(key, entry);
      unseen.set(root, repo);
    }
  }
  const total = [...unseen.values()].reduce((sum, repo) => sum + repo.entries.size, 0);
  let done = 0;
  const missing = new Set<string>();
  onParsed(done, total);
  for (const { root, entries } of unseen.values()) {
    const list = [...entries.values()];
    let start = 0;
    while (start < list.length) {
      // A slice of entries whose blobs add up to about SLICE_BYTES.
      let end = start;
      let bytes = 0;
      while (end < list.length && (end === start || bytes < SLICE_BYTES)) {
        bytes += (list[end] as ListedEntry).file.blob?.size ?? 0;
        end += 1;
      }
      const slice = list.slice(start, end);
      start = end;
      const contents = new Map<string, Buffer>();
      await catBlobs(
        root,
        slice.map((entry) => (entry.content as { blobSha: string }).blobSha),
        (id, read) => {
          if (read.ok) contents.set(id, read.bytes);
          else missing.add(id);
        },
      );
      const tasks: ParseTask[] = [];
      const taskEntries: ListedEntry[] = [];
      for (const entry of slice) {
        const bytes = contents.get((entry.content as { blobSha: string }).blobSha);
        if (!bytes) continue;
        tasks.push({
          path: entry.file.path,
          absPath: entry.file.absPath,
          bytes,
          maxBytes,
          matchConcerns: false,
        });
        taskEntries.push(entry);
      }
      const outcomes = await pool.parse(tasks, null);
      store.putParsed(outcomes.flatMap((outcome, k) => storedEntry(taskEntries[k], outcome)));
      done += slice.length;
      onParsed(done, total);
    }
  }
  return { parsed: total - missing.size, missing };
}
