import type { ExampleOrg } from "../../src/demo/index.js";

export interface ExpectedHistory {
  authors: number;
  commits: number;
  firstSeen: string;
  lastChanged: string;
}

/** `Name <old>` → canonical email, from a .mailmap's `Proper Name <proper> <commit>` lines. */
function mailmapOf(text: string | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of (text ?? "").split("\n")) {
    const emails = [...line.matchAll(/<([^>]+)>/g)].map((m) => (m[1] as string).toLowerCase());
    if (emails.length === 2) map.set(emails[1] as string, emails[0] as string);
  }
  return map;
}

/**
 * What git must say about a file's history, worked out from the timeline itself rather than from git:
 * replay the commits, follow renames, count a commit only when it changed the file's bytes, apply the
 * repository's final .mailmap, count co-authors, leave bots out.
 */
export function historyFromTimeline(org: ExampleOrg, repo: string, path: string): ExpectedHistory | null {
  const timeline = org.repos.find((r) => r.name === repo);
  if (!timeline) throw new Error(`no repository ${repo} in the example org`);
  const state = new Map<string, Buffer>();
  const touches: { date: string; people: string[] }[] = [];
  const names = new Map<string, string>(); // a path's name at that time → its name today
  const events: { date: string; people: string[]; paths: string[] }[] = [];
  for (const commit of timeline.commits) {
    const changed: string[] = [];
    for (const change of commit.changes) {
      if (change.op === "rename") {
        state.set(change.to, state.get(change.from) as Buffer);
        state.delete(change.from);
        changed.push(`${change.from}\u0000${change.to}`);
      } else if (change.op === "delete") {
        state.delete(change.path);
        changed.push(change.path);
      } else {
        const bytes = Buffer.from(change.content);
        if (!state.get(change.path)?.equals(bytes)) changed.push(change.path);
        state.set(change.path, bytes);
      }
    }
    const people = [commit.author, ...(commit.coauthors ?? [])]
      .filter((p) => !p.name.includes("[bot]"))
      .map((p) => p.email.toLowerCase());
    events.push({ date: commit.date, people, paths: changed });
  }
  const mailmap = mailmapOf(state.get(".mailmap")?.toString("utf8"));
  for (const event of [...events].reverse()) {
    let touched = false;
    for (const entry of event.paths) {
      const [from, to] = entry.split("\u0000") as [string, string | undefined];
      const current = names.get(to ?? from) ?? to ?? from;
      if (to !== undefined) names.set(from, current);
      if (current === path) touched = true;
    }
    if (touched && event.people.length > 0) {
      touches.push({ date: event.date, people: event.people.map((p) => mailmap.get(p) ?? p) });
    }
  }
  if (touches.length === 0) return null;
  const dates = touches.map((t) => t.date).sort((a, b) => Date.parse(a) - Date.parse(b));
  return {
    authors: new Set(touches.flatMap((t) => t.people)).size,
    commits: touches.length,
    firstSeen: dates[0] as string,
    lastChanged: dates.at(-1) as string,
  };
}
