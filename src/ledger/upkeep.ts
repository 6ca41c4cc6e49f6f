import type { LedgerSubject, LedgerTouch } from "./model.js";

/** The same kind of change made separately in two or more copies: the clearest sign of duplicated upkeep. */
export interface RepeatedChange {
  /** Words each of the changes brought. */
  words: string[];
  /** One entry per commit: a sweep that changed several copies at once is one change, made once. */
  changes: {
    implementation: string;
    /** Every copy the commit changed in this way; `implementation` is the first of them. */
    implementations: string[];
    team: string;
    date: string;
    subject: string;
    sha: string;
  }[];
}

/** A fix that landed in one copy (or several, in one commit), whose words the other copies' code lacks. */
export interface UnsharedFix {
  implementation: string;
  /** Every copy the fix's commit changed; `implementation` is the first of them. */
  implementations: string[];
  sha: string;
  team: string;
  date: string;
  subject: string;
  words: string[];
  missingIn: { implementation: string; team: string }[];
}

const FIX = /\b(fix(es|ed)?|bug|handle[sd]?|guard|prevent|avoid|correct|respect|honou?r)\b/i;
/** Touches compared per concern; beyond this the oldest are left out (the pairs are quadratic). */
const MAX_TOUCHES = 2000;

interface Change {
  implementation: string;
  team: string;
  touch: LedgerTouch & { introduced: string[] };
}

const jaccard = (a: ReadonlySet<string>, b: ReadonlySet<string>) => {
  let both = 0;
  for (const word of a) if (b.has(word)) both++;
  return { both, score: both / (a.size + b.size - both) };
};

/** The changes of a group, one per commit, oldest first: a commit that changed six copies is listed once. */
function byCommit(members: Change[]): RepeatedChange["changes"] {
  const commits = new Map<string, RepeatedChange["changes"][number]>();
  for (const c of [...members].sort((a, b) => Date.parse(a.touch.date) - Date.parse(b.touch.date))) {
    const seen = commits.get(c.touch.sha);
    if (seen) {
      if (!seen.implementations.includes(c.implementation)) seen.implementations.push(c.implementation);
      continue;
    }
    commits.set(c.touch.sha, {
      implementation: c.implementation,
      implementations: [c.implementation],
      team: c.team,
      date: c.touch.date,
      subject: c.touch.subject ?? "",
      sha: c.touch.sha,
    });
  }
  return [...commits.values()];
}

/**
 * Pairs of upkeep changes (not the writings themselves) by different commits on different
 * implementations whose introduced words overlap by half or more, with at least two words in common,
 * grouped; and fixes (by their subject) whose words are mostly absent from another implementation's code
 * today.
 */
export function findUpkeep(subject: LedgerSubject): { repeated: RepeatedChange[]; unshared: UnsharedFix[] } {
  const wordsById = new Map(subject.implementations.map((impl) => [impl.id, new Set(impl.words ?? [])]));
  const changes: Change[] = subject.implementations
    .flatMap((impl) =>
      impl.touches
        .filter(
          (t): t is LedgerTouch & { introduced: string[] } => !t.created && (t.introduced?.length ?? 0) >= 2,
        )
        .map((touch) => ({ implementation: impl.id, team: impl.team, touch })),
    )
    .sort((a, b) => Date.parse(b.touch.date) - Date.parse(a.touch.date))
    .slice(0, MAX_TOUCHES);
  const sets = changes.map((c) => new Set(c.touch.introduced));
  const parent = changes.map((_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] as number;
    parent[i] = root;
    return root;
  };
  for (let i = 0; i < changes.length; i++)
    for (let j = i + 1; j < changes.length; j++) {
      // One commit that changes several copies (a sweep across the repository) is one change, made once.
      if (changes[i]?.implementation === changes[j]?.implementation) continue;
      if (changes[i]?.touch.sha === changes[j]?.touch.sha) continue;
      const { both, score } = jaccard(sets[i] as Set<string>, sets[j] as Set<string>);
      if (both >= 2 && score >= 0.5) parent[find(i)] = find(j);
    }
  const groups = new Map<number, number[]>();
  changes.forEach((_, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), i]);
  });
  const repeated: RepeatedChange[] = [...groups.values()]
    .filter(
      (members) =>
        new Set(members.map((i) => changes[i]?.implementation)).size >= 2 &&
        new Set(members.map((i) => changes[i]?.touch.sha)).size >= 2,
    )
    .map((members) => {
      const counts = new Map<string, number>();
      for (const i of members)
        for (const word of sets[i] ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
      return {
        words: [...counts]
          .filter(([, n]) => n >= 2)
          .map(([word]) => word)
          .sort()
          .slice(0, 8),
        changes: byCommit(members.map((i) => changes[i] as Change)),
      };
    });

  return { repeated, unshared: unsharedFixes(subject, changes, wordsById) };
}

/**
 * Fixes, newest first, one per commit: a fix made in two copies at once is one fix, and neither of those
 * copies lacks it. The others of the same language lack it when they have under half of its words.
 */
function unsharedFixes(
  subject: LedgerSubject,
  changes: readonly Change[],
  wordsById: ReadonlyMap<string, ReadonlySet<string>>,
): UnsharedFix[] {
  const fixes = new Map<string, Change[]>();
  for (const change of changes) {
    if (!FIX.test(change.touch.subject ?? "")) continue;
    fixes.set(change.touch.sha, [...(fixes.get(change.touch.sha) ?? []), change]);
  }
  const unshared: UnsharedFix[] = [];
  for (const [sha, fixed] of fixes) {
    const first = fixed[0] as Change;
    const implementations = [...new Set(fixed.map((change) => change.implementation))];
    const words = [...new Set(fixed.flatMap((change) => change.touch.introduced))];
    const language = subject.implementations.find((impl) => impl.id === first.implementation)?.language;
    const missingIn = subject.implementations
      .filter((impl) => !implementations.includes(impl.id) && (impl.words?.length ?? 0) > 0)
      // The words of a Go fix (`unmarshal`, `byte`) say nothing about a TypeScript copy.
      .filter((impl) => impl.language === language)
      .filter((impl) => {
        const theirs = wordsById.get(impl.id) ?? new Set<string>();
        return words.filter((word) => theirs.has(word)).length * 2 < words.length;
      })
      .map((impl) => ({ implementation: impl.id, team: impl.team }));
    if (missingIn.length > 0)
      unshared.push({
        implementation: first.implementation,
        implementations,
        sha,
        team: first.team,
        date: first.touch.date,
        subject: first.touch.subject ?? "",
        words: words.slice(0, 8),
        missingIn,
      });
  }
  return unshared.slice(0, 10);
}
