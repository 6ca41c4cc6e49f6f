import type { Unit, UnitFlag } from "../lang/index.js";
import type { CloneGroupOfUnits, ClusterFile, UnnamedGroup } from "./model.js";

// Words too common in code to tell what a cluster does.
const STOP_WORDS = new Set(
  "get set new value values data result results error err return function type string number int id name item items list map key keys obj object self this ctx context args arg param params options opts config cfg index idx len length count total the and for with from to of in is on at by fn cb callback handler res req request response util utils helper helpers default true false null undefined none nil".split(
    " ",
  ),
);

/** A word that can say what code does: three letters or more, and not one every piece of code uses. */
const telling = (word: string) => word.length >= 3 && !STOP_WORDS.has(word);

/**
 * Unnamed work is shown to a lead as work written twice, so a group must look like one piece of work, not
 * one shape. Of 180 groups from five real orgs, labelled by hand (a copy, or the same logic written by two
 * teams; or an idiom: repository methods over different tables, DTO constructors, map-a-slice loops,
 * icon components, a framework's required shape such as `Program.Main` or an entity configuration), 47
 * were copies. Copies keep their words: members of two teams sharing at least 40% of their words, in a
 * group whose members are at least 65% alike, kept 42 of the 47 copies and set aside 92 of the 133
 * idioms. Copies also decide something: asking both members of that pair for a branch, a loop, error
 * handling or recursion set aside 29 of the 41 idioms left (host builders, entity configurations, query
 * calls over different tables) and 7 of the 42 copies. On 64 groups of five orgs held out from all this,
 * the decision rule took precision from 0.667 to 0.833 and recall of copies from 0.714 to 0.536: copies
 * that decide nothing (a constructor, a logger's tags) are cheap to write twice, and the copies view still
 * shows them. The clone groups themselves stay in the copies view.
 */
const MIN_GROUP_SIMILARITY = 0.65;
const MIN_SHARED_WORDS = 0.4;

/** What code that decides something has, and wiring (a host builder, an entity's configuration) lacks. */
const DECIDING: ReadonlySet<UnitFlag> = new Set(["branch", "loop", "try", "catch", "throw", "recursion"]);

/** A member's telling words, from its units' sub-words. */
function memberWords(files: readonly ClusterFile[], member: UnnamedGroup["members"][number]): Set<string> {
  const words = new Set<string>();
  for (const index of member.units) {
    for (const word of files[member.file]?.units[index]?.subwords ?? []) {
      if (telling(word)) words.add(word);
    }
  }
  return words;
}

/**
 * Whether any of a member's units decides something (see DECIDING). A class copied whole is one unit whose
 * own flags leave out its methods (they are units of their own), so a class decides when a method does.
 */
function decides(files: readonly ClusterFile[], member: UnnamedGroup["members"][number]): boolean {
  const units = files[member.file]?.units ?? [];
  const deciding = (unit: Unit) => unit.flags.some((flag) => DECIDING.has(flag));
  return member.units.some((index) => {
    const unit = units[index];
    if (unit === undefined) return false;
    if (deciding(unit)) return true;
    return (
      unit.kind === "class" &&
      units.some(
        (inner) =>
          inner !== unit &&
          inner.startLine >= unit.startLine &&
          inner.endLine <= unit.endLine &&
          deciding(inner),
      )
    );
  });
}

/**
 * The most words two members of different teams share (Jaccard), over every pair of such members that
 * both decide something: two host builders share every word and decide nothing.
 */
function sharedWorkAcrossTeams(files: readonly ClusterFile[], members: UnnamedGroup["members"]): number {
  const seen = members
    .filter((member) => decides(files, member))
    .map((member) => ({ team: files[member.file]?.team, words: memberWords(files, member) }));
  let best = 0;
  seen.forEach((left, a) => {
    for (const right of seen.slice(a + 1)) {
      if (left.team === right.team) continue;
      let both = 0;
      for (const word of left.words) if (right.words.has(word)) both++;
      const either = left.words.size + right.words.size - both;
      if (either > 0) best = Math.max(best, both / either);
    }
  });
  return best;
}

/** In how many files of the org each sub-word appears: a word every file has tells nothing. */
function fileCounts(files: readonly ClusterFile[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const file of files) {
    const seen = new Set<string>();
    for (const unit of file.units) for (const word of unit.subwords) seen.add(word);
    for (const word of seen) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return counts;
}

/**
 * The words most members share; among words shared alike, those in the units' own names first (what the
 * code is called says what it does), then the rarest in the org (`transaction` before `client`), so a
 * title is not the alphabet's first shared words. A plural of a word already taken is left out.
 */
function titleOf(
  files: ClusterFile[],
  members: UnnamedGroup["members"],
  inFiles: ReadonlyMap<string, number>,
): string {
  const counts = new Map<string, number>();
  const names: string[] = [];
  for (const member of members) {
    const seen = new Set<string>();
    for (const index of member.units) {
      const unit = files[member.file]?.units[index];
      if (unit === undefined) continue;
      names.push(unit.name.toLowerCase());
      for (const word of unit.subwords) {
        if (!telling(word) || seen.has(word)) continue;
        seen.add(word);
        counts.set(word, (counts.get(word) ?? 0) + 1);
      }
    }
  }
  // Looked up once per word, not once per comparison of the sort.
  const named = new Set([...counts.keys()].filter((word) => names.some((name) => name.includes(word))));
  const ranked = [...counts].sort(
    (a, b) =>
      b[1] - a[1] ||
      Number(named.has(b[0])) - Number(named.has(a[0])) ||
      (inFiles.get(a[0]) ?? 0) - (inFiles.get(b[0]) ?? 0) ||
      a[0].localeCompare(b[0]),
  );
  const top: string[] = [];
  for (const [word] of ranked) {
    if (top.length === 3) break;
    if (top.some((taken) => word === `${taken}s` || taken === `${word}s`)) continue;
    top.push(word);
  }
  return top.length ? top.join(" · ") : "unnamed";
}

/**
 * Clone groups that span teams and touch no concern implementation are unnamed work: the same code in
 * several teams' hands with no name yet. Groups with two files in common are merged, so a copied module
 * shows up once with all its copied units, not once per function. One file in common is not enough: a long
 * screen holding small copies of ten different idioms would chain every team's screens into one cluster of
 * everything (DuckDuckGo's Android app made one of 225 files that way). A merged cluster that shares a
 * shape and not its words across teams, or whose alike members decide nothing, is left out (above).
 */
export function unnamedGroups(
  files: ClusterFile[],
  clones: CloneGroupOfUnits[],
  inImplementation: (file: number, unit: number) => boolean,
): UnnamedGroup[] {
  const candidates = clones.filter((group) => {
    const teams = new Set(group.members.map((m) => files[m.file]?.team));
    return teams.size >= 2 && group.members.every((m) => !inImplementation(m.file, m.unit));
  });
  const parent = candidates.map((_, i) => i);
  const find = (i: number): number => {
    const up = parent[i] as number;
    if (up === i) return i;
    const root = find(up);
    parent[i] = root;
    return root;
  };
  const filesOf = candidates.map((group) => new Set(group.members.map((member) => member.file)));
  const groupsByFile = new Map<number, number[]>();
  filesOf.forEach((files, i) => {
    for (const file of files) {
      const groups = groupsByFile.get(file);
      if (groups) groups.push(i);
      else groupsByFile.set(file, [i]);
    }
  });
  for (const groups of groupsByFile.values()) {
    for (let a = 0; a < groups.length; a++) {
      for (let b = a + 1; b < groups.length; b++) {
        const [i, j] = [groups[a] as number, groups[b] as number];
        if (find(i) === find(j)) continue;
        let shared = 0;
        for (const file of filesOf[i] as Set<number>) if ((filesOf[j] as Set<number>).has(file)) shared++;
        if (shared >= 2) parent[find(i)] = find(j);
      }
    }
  }
  const merged = new Map<number, CloneGroupOfUnits[]>();
  candidates.forEach((group, i) => {
    const root = find(i);
    merged.set(root, [...(merged.get(root) ?? []), group]);
  });
  const clusters = [...merged.values()]
    .map((groups) => {
      const unitsByFile = new Map<number, Set<number>>();
      for (const group of groups) {
        for (const { file, unit } of group.members) {
          if (!unitsByFile.has(file)) unitsByFile.set(file, new Set());
          unitsByFile.get(file)?.add(unit);
        }
      }
      const members = [...unitsByFile]
        .map(([file, units]) => ({ file, units: [...units].sort((a, b) => a - b) }))
        .sort((a, b) => a.file - b.file);
      return {
        members,
        teams: [...new Set(members.map((m) => files[m.file]?.team as string))].sort(),
        similarity: Math.min(...groups.map((g) => g.similarity)),
        identical: groups.every((g) => g.identical),
      };
    })
    .filter(
      (cluster) =>
        cluster.similarity >= MIN_GROUP_SIMILARITY &&
        sharedWorkAcrossTeams(files, cluster.members) >= MIN_SHARED_WORDS,
    );
  // Titles rank words by how few files of the org use them: counted once, and only for clusters kept.
  const inFiles = clusters.length > 0 ? fileCounts(files) : new Map<string, number>();
  return clusters.map((cluster) => ({ title: titleOf(files, cluster.members, inFiles), ...cluster }));
}
