import { introducedWords, showableSubject } from "./change-words.js";
import { type LineRange, stepBack } from "./line-ranges.js";
import type { PatchCommit } from "./patch-log.js";

/** A range of lines whose history is wanted: an implementation's unit, say, in its file today. */
export interface WantedRange extends LineRange {
  key: string;
  path: string;
}

/** One commit's change to a range's lines. */
export interface RangeTouch {
  sha: string;
  date: string;
  /** Author and co-authors (identity keys), bots left out. */
  people: string[];
  added: number;
  deleted: number;
  /** The commit wrote the whole range: the writing itself, not upkeep. */
  created: boolean;
  /** Its subject line, emails masked. */
  subject: string;
  /** Words its lines in the range brought that the lines it removed did not have. */
  introduced: string[];
}

interface Tracked extends LineRange {
  path: string;
}

export interface RangeFollower {
  onCommit(commit: PatchCommit): void;
  /** Touches per range key, newest first. */
  touches: Map<string, RangeTouch[]>;
}

/**
 * Follows line ranges back through a `streamPatches` history (children before parents), as `git log -L`
 * does: at each commit a range is mapped through the diff against each parent into that parent's lines,
 * and a commit whose diff changed lines inside the range is charged to its people. Merges carry ranges to
 * every parent but are charged to nobody (the work was done in the commits they merge); so are the
 * commits `isIgnored` names (mass reformatting, listed in an ignore-revs file) and bots.
 */
export function followRanges(
  ranges: readonly WantedRange[],
  isIgnored: (sha: string) => boolean,
  isBot: (person: string) => boolean,
): RangeFollower {
  // Ranges known at each commit not yet printed, by key, in that commit's own line numbers.
  const pending = new Map<string, Map<string, Tracked>>();
  const touches = new Map<string, RangeTouch[]>();
  let tip: Map<string, Tracked> | undefined = new Map(
    ranges.map((r) => [r.key, { path: r.path, start: r.start, end: r.end }]),
  );
  let current: string | undefined;

  const carry = (sha: string, key: string, range: Tracked) => {
    let at = pending.get(sha);
    if (!at) {
      at = new Map();
      pending.set(sha, at);
    }
    const known = at.get(key);
    // Reached along two children: the range is what either saw.
    if (known && known.path === range.path) {
      known.start = Math.min(known.start, range.start);
      known.end = Math.max(known.end, range.end);
    } else if (!known) at.set(key, { ...range });
  };

  const onCommit = (commit: PatchCommit) => {
    // The first commit printed is the newest that changed these paths: its tree holds them as they are
    // at HEAD, so the ranges start there.
    if (tip) {
      pending.set(commit.sha, tip);
      tip = undefined;
    }
    if (current !== undefined && current !== commit.sha) pending.delete(current);
    current = commit.sha;
    const state = pending.get(commit.sha);
    if (!state) return;
    const parent = commit.parents[commit.parentIndex];
    const merge = commit.parents.length > 1;
    const people = commit.people.filter((person) => !isBot(person));
    const charged = !merge && people.length > 0 && !isIgnored(commit.sha);
    const byPath = new Map(commit.files.map((file) => [file.path, file]));
    for (const [key, range] of state) {
      const patch = byPath.get(range.path);
      if (!patch) {
        if (parent) carry(parent, key, range);
        continue;
      }
      const step = stepBack(range, patch.hunks);
      if (step.touched && charged) {
        const list = touches.get(key) ?? [];
        // A commit is charged once per range (a merge's parents never are, so no repeats arise).
        list.push({
          sha: commit.sha,
          date: commit.date,
          people,
          added: step.added,
          deleted: step.deleted,
          created: step.older === null || patch.created,
          subject: showableSubject(commit.subject),
          introduced: introducedWords(step.addedText, step.removedText),
        });
        touches.set(key, list);
      }
      if (parent && step.older && !patch.created) {
        carry(parent, key, { path: patch.from ?? range.path, ...step.older });
      }
    }
  };

  return { onCommit, touches };
}
