import { createHash } from "node:crypto";

/**
 * Bump when the shape of a kept history or the way it is read changes (6: subjects and words masked;
 * 7: no words from linters' directives).
 */
const HISTORY_KEY_VERSION = 7;

/**
 * A repository's history is a function of its commits (HEAD) and of what was asked: the files and line
 * ranges, the bots, the ignore-revs, the .mailmap and the ownership rules that say whose files a person
 * touches. All of it goes into the key, so a re-run of an unchanged org reads no history at all, and any
 * change reads it again.
 */
export function historyCacheKey(parts: unknown): string {
  return createHash("sha256")
    .update(JSON.stringify({ version: HISTORY_KEY_VERSION, parts }))
    .digest("hex")
    .slice(0, 32);
}
