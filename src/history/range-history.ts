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

/** A range through one parent's diff of a merge: unchanged against it, or where its lines were there. */
type ParentStep = { unchanged: true; range: Tracked } | { unchanged: false; range: Tracked | null };

export interface RangeFollower {
  onCommit(commit: PatchCommit): void;
  /** Touches per range key, newest first. */
  touches: Map<string, RangeTouch[]>;
}

/**
 * Follows line ranges back through a `streamPatches` history (children before parents), as `git log -L`
 * does: at each commit a range is mapped through the diff against each parent into that parent's lines,
 * and a commit whose diff changed lines inside the range is charged to its people. A merge carries a range
 * to the first parent it is unchanged against, or to every parent when all changed it, and is charged to
 * nobody (the work was done in the commits it merges); so are the commits `isIgnored` names (mass
 * reformatting, listed in an ignore-revs file) and bots.
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

  // A merge's diffs arrive one parent at a time; where each range goes is decided once all are seen.
  let merge: { parents: string[]; steps: Map<string, ParentStep[]>; state: Map<string, Tracked> } | undefined;
  /**
   * As `git log -L` does: a range unchanged against some parent of a merge came from that parent (the
   * first such), and only its history is followed; a range every parent changed is followed into each.
   * This also makes a range's history independent of which other files were asked about, since git's
   * own merge simplification (by the whole set of paths) only ever drops parents this rule drops too.
   */
  const settleMerge = () => {
    if (!merge) return;
    const { parents } = merge;
    for (const [key, range] of merge.state) {
      const steps = merge.steps.get(key) ?? [];
      // A parent whose diff never came (nothing changed in these paths against it) left the range as is.
      const from = parents.findIndex((_, index) => steps[index] === undefined || steps[index]?.unchanged);
      if (from >= 0) {
        carry(parents[from] as string, key, steps[from]?.range ?? range);
        continue;
      }
      parents.forEach((parent, index) => {
        const older = steps[index]?.range;
        if (older) carry(parent, key, older);
      });
    }
    merge = undefined;
  };

  const onCommit = (commit: PatchCommit) => {
    // The first commit printed is the newest that changed these paths: its tree holds them as they are
    // at HEAD, so the ranges start there.
    if (tip) {
      pending.set(commit.sha, tip);
      tip = undefined;
    }
    if (current !== undefined && current !== commit.sha) {
      settleMerge();
      pending.delete(current);
    }
    current = commit.sha;
    const state = pending.get(commit.sha);
    if (!state) return;
    const parent = commit.parents[commit.parentIndex];
    const isMerge = commit.parents.length > 1;
    if (isMerge && !merge) merge = { parents: commit.parents, steps: new Map(), state };
    const people = commit.people.filter((person) => !isBot(person));
    const charged = !isMerge && people.length > 0 && !isIgnored(commit.sha);
    const byPath = new Map(commit.files.map((file) => [file.path, file]));
    for (const [key, range] of state) {
      const patch = byPath.get(range.path);
      if (isMerge && merge) {
        const steps = merge.steps.get(key) ?? [];
        if (!patch) steps[commit.parentIndex] = { unchanged: true, range };
        else {
          const step = stepBack(range, patch.hunks);
          const older =
            step.older && !patch.created ? { path: patch.from ?? range.path, ...step.older } : null;
          steps[commit.parentIndex] = step.touched
            ? { unchanged: false, range: older }
            : { unchanged: true, range: older ?? range };
        }
        merge.steps.set(key, steps);
        continue;
      }
      if (!patch) {
        if (parent) carry(parent, key, range);
        continue;
      }
      const step = stepBack(range, patch.hunks);
      if (step.touched && charged) {
        const list = touches.get(key) ?? [];
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
