/**
 * Following a range of lines back through one diff (pure). A hunk is git's `-U0` header
 * `@@ -oldStart,oldCount +newStart,newCount @@`: with no context lines, every line of the hunk is a change.
 * When a count is 0 git gives the line *before* the gap (an insertion after old line `oldStart`, a deletion
 * after new line `newStart`).
 */
export interface Hunk {
  oldStart: number;
  oldCount: number;
  newStart: number;
  newCount: number;
  /** The text of the lines written and removed, when read (capped: see patch-log). */
  addedText?: string[];
  removedText?: string[];
}

/** 1-based, inclusive. */
export interface LineRange {
  start: number;
  end: number;
}

export interface RangeStep {
  /** The diff changed lines inside the range (or deleted lines from between two of its lines). */
  touched: boolean;
  /** Lines of the range this diff wrote. */
  added: number;
  /** Lines it removed from the range (a replaced line counts as added and deleted, as git counts it). */
  deleted: number;
  /** Where the range was before the diff; null when the diff wrote all of it (the range was created). */
  older: LineRange | null;
  /** Text of the lines written inside the range and of the lines the touching hunks removed. */
  addedText: string[];
  removedText: string[];
}

/** Hunk headers as git writes them under `-U0`; a missing count is 1. */
const HUNK = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

export function parseHunkHeader(line: string): Hunk | null {
  const m = HUNK.exec(line);
  if (!m) return null;
  return {
    oldStart: Number(m[1]),
    oldCount: m[2] === undefined ? 1 : Number(m[2]),
    newStart: Number(m[3]),
    newCount: m[4] === undefined ? 1 : Number(m[4]),
  };
}

/**
 * Where a line of the newer file was in the older one, for a line no hunk wrote: shifted by the size change
 * of every hunk above it. `edge` says which end of a range the line is, for a line a hunk did write: the
 * start of a range maps to the first line the hunk replaced, its end to the last, so the older range holds
 * everything the newer one grew from (as `git log -L` follows a range).
 */
function olderLine(line: number, hunks: readonly Hunk[], edge: "start" | "end"): number {
  let shift = 0;
  for (const hunk of hunks) {
    if (hunk.newCount > 0 && line >= hunk.newStart && line < hunk.newStart + hunk.newCount) {
      if (edge === "start") return hunk.oldCount > 0 ? hunk.oldStart : hunk.oldStart + 1;
      return hunk.oldCount > 0 ? hunk.oldStart + hunk.oldCount - 1 : hunk.oldStart;
    }
    const above = hunk.newCount > 0 ? hunk.newStart + hunk.newCount - 1 < line : hunk.newStart < line;
    if (!above) break;
    shift += hunk.oldCount - hunk.newCount;
  }
  return line + shift;
}

/** Hunks must be in file order, as git prints them. */
export function stepBack(range: LineRange, hunks: readonly Hunk[]): RangeStep {
  let touched = false;
  let added = 0;
  let deleted = 0;
  const addedText: string[] = [];
  const removedText: string[] = [];
  for (const hunk of hunks) {
    if (hunk.newCount > 0) {
      const from = Math.max(range.start, hunk.newStart);
      const to = Math.min(range.end, hunk.newStart + hunk.newCount - 1);
      if (from > to) continue;
      touched = true;
      added += to - from + 1;
      addedText.push(...(hunk.addedText ?? []).slice(from - hunk.newStart, to - hunk.newStart + 1));
      removedText.push(...(hunk.removedText ?? []));
      // A replacement half inside the range takes with it at most as many old lines as it wrote there.
      deleted += Math.min(hunk.oldCount, to - from + 1 === hunk.newCount ? hunk.oldCount : to - from + 1);
    } else if (hunk.newStart >= range.start && hunk.newStart < range.end) {
      // Lines deleted from between two lines of the range.
      touched = true;
      deleted += hunk.oldCount;
      removedText.push(...(hunk.removedText ?? []));
    }
  }
  const start = olderLine(range.start, hunks, "start");
  const end = olderLine(range.end, hunks, "end");
  return { touched, added, deleted, older: start <= end ? { start, end } : null, addedText, removedText };
}
