import type { FileTouch } from "./git-log.js";

/** What a leader sees for one implementation: counts first. */
export interface HistorySummary {
  authors: number;
  commits: number;
  /** Calendar days on which someone changed it. */
  activeDays: number;
  firstSeen: string;
  lastChanged: string;
}

/**
 * Summarises the touches of one or more files. File-level for now: every commit that touched the file
 * counts, which over-counts when a file mixes a concern with other code (line-level attribution through
 * `git blame` is a later step).
 */
export function summarizeTouches(touches: FileTouch[]): HistorySummary | null {
  if (touches.length === 0) return null;
  const shas = new Set<string>();
  const people = new Set<string>();
  const days = new Set<string>();
  let first = touches[0] as FileTouch;
  let last = first;
  for (const touch of touches) {
    shas.add(touch.sha);
    for (const person of touch.people) people.add(person);
    days.add(touch.date.slice(0, 10));
    if (Date.parse(touch.date) < Date.parse(first.date)) first = touch;
    if (Date.parse(touch.date) > Date.parse(last.date)) last = touch;
  }
  return {
    authors: people.size,
    commits: shas.size,
    activeDays: days.size,
    firstSeen: first.date,
    lastChanged: last.date,
  };
}
