/** A commit's change to some code: a file's touch, or a range's. */
export interface Touch {
  sha: string;
  date: string;
  people: string[];
  added?: number;
  deleted?: number;
  /** Line-level touches only: the commit wrote the code, its subject, and the words it brought. */
  created?: boolean;
  subject?: string;
  introduced?: string[];
}

/** What a leader sees for one implementation: counts first. */
export interface HistorySummary {
  authors: number;
  commits: number;
  /** Calendar days on which someone changed it. */
  activeDays: number;
  /** Distinct (person, day) pairs. */
  authorDays: number;
  /** Lines written or removed; null when the touches carry no counts (file names only). */
  linesChanged: number | null;
  firstSeen: string;
  lastChanged: string;
  /** `lines`: the touches are commits that changed the code's own lines; `file`: every commit to its file. */
  attribution: "lines" | "file";
}

/** Summarises touches of some code; the same commit seen twice (two units of one implementation) counts once. */
export function summarizeTouches(touches: Touch[], attribution: "lines" | "file"): HistorySummary | null {
  if (touches.length === 0) return null;
  const shas = new Set<string>();
  const people = new Set<string>();
  const days = new Set<string>();
  const authorDays = new Set<string>();
  let lines: number | null = 0;
  let first = touches[0] as Touch;
  let last = first;
  for (const touch of touches) {
    shas.add(touch.sha);
    const day = touch.date.slice(0, 10);
    for (const person of touch.people) {
      people.add(person);
      authorDays.add(`${person}\u0000${day}`);
    }
    days.add(day);
    if (lines !== null && touch.added !== undefined && touch.deleted !== undefined)
      lines += touch.added + touch.deleted;
    else lines = null;
    if (Date.parse(touch.date) < Date.parse(first.date)) first = touch;
    if (Date.parse(touch.date) > Date.parse(last.date)) last = touch;
  }
  return {
    authors: people.size,
    commits: shas.size,
    activeDays: days.size,
    authorDays: authorDays.size,
    linesChanged: lines,
    firstSeen: first.date,
    lastChanged: last.date,
    attribution,
  };
}
