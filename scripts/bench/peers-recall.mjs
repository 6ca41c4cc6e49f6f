// Recall against a peer: how many of a peer's clone groups lineitem also reports. jscpd reports pairs of
// fragments; joined through the places they share, they become groups, as lineitem reports them. fallow
// reports groups already. A place is { file, start, end } with `file` relative to the org folder
// (repository/path), as both peers name files when run on it.
import { dirname } from "node:path";

const overlaps = (a, b) => {
  const shared = Math.min(a.end, b.end) - Math.max(a.start, b.start) + 1;
  return shared >= 0.5 * Math.min(a.end - a.start + 1, b.end - b.start + 1);
};

/** jscpd's JSON report → groups of places ({ file, start, end }) with the most tokens of any pair. */
export function jscpdGroups(report) {
  const places = [];
  const byFile = new Map();
  const placeOf = (side) => {
    const candidate = { file: side.name, start: side.start, end: side.end };
    const list = byFile.get(candidate.file) ?? [];
    byFile.set(candidate.file, list);
    const same = list.find((index) => overlaps(places[index], candidate));
    if (same !== undefined) return same;
    places.push(candidate);
    list.push(places.length - 1);
    return places.length - 1;
  };
  const parent = [];
  const find = (x) => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  const tokens = [];
  for (const duplicate of report.duplicates ?? []) {
    const a = placeOf(duplicate.firstFile);
    const b = placeOf(duplicate.secondFile);
    for (const x of [a, b]) if (parent[x] === undefined) parent[x] = x;
    parent[find(a)] = find(b);
    tokens.push([a, duplicate.tokens ?? 0]);
  }
  const groups = new Map();
  places.forEach((place, index) => {
    const root = find(index);
    if (!groups.has(root)) groups.set(root, { members: [], tokens: 0 });
    groups.get(root).members.push(place);
  });
  for (const [place, count] of tokens) {
    const group = groups.get(find(place));
    group.tokens = Math.max(group.tokens, count);
  }
  return [...groups.values()];
}

/** fallow's JSON (`dupes --format json`) is grouped already: clone_groups[].instances, lines 1-based. */
export function fallowGroups(report) {
  return (report.clone_groups ?? []).map((group) => ({
    tokens: group.token_count ?? 0,
    members: (group.instances ?? []).map((i) => ({ file: i.file, start: i.start_line, end: i.end_line })),
  }));
}

const crossDirectory = (members) => new Set(members.map((m) => dirname(m.file))).size >= 2;

/**
 * Of a peer's cross-directory groups of at least `minTokens`, those that lineitem also reports: one
 * lineitem group overlaps (half of the shorter range) members of it in two different directories.
 * Directories rather than teams, because the peers know no teams: a copy between two folders is the
 * closest thing they report to a copy between two owners.
 */
export function recallAgainst(peer, lineitemGroups, minTokens = 50) {
  const wanted = peer.filter((g) => g.tokens >= minTokens && crossDirectory(g.members));
  const ours = new Map();
  lineitemGroups.forEach((group, index) => {
    for (const m of group.members) {
      const file = `${m.repo}/${m.path}`;
      const list = ours.get(file) ?? [];
      list.push({ file, start: m.startLine, end: m.endLine, group: index });
      ours.set(file, list);
    }
  });
  const found = [];
  const missed = [];
  for (const group of wanted) {
    const byOurs = new Map();
    for (const member of group.members) {
      for (const place of ours.get(member.file) ?? []) {
        if (!overlaps(place, member)) continue;
        if (!byOurs.has(place.group)) byOurs.set(place.group, []);
        byOurs.get(place.group).push(member);
      }
    }
    const hit = [...byOurs.values()].some((members) => crossDirectory(members));
    (hit ? found : missed).push(group);
  }
  // lineitem groups that no group of the peer touches at all: what only lineitem reports.
  const peerPlaces = new Map();
  for (const group of peer) {
    for (const m of group.members) {
      if (!peerPlaces.has(m.file)) peerPlaces.set(m.file, []);
      peerPlaces.get(m.file).push(m);
    }
  }
  const onlyOurs = lineitemGroups.filter((group) =>
    group.members.every((m) => {
      const place = { start: m.startLine, end: m.endLine };
      return !(peerPlaces.get(`${m.repo}/${m.path}`) ?? []).some((p) => overlaps(p, place));
    }),
  );
  return { wanted: wanted.length, found, missed, onlyOurs };
}

/** A deterministic sample (a fixed-seed shuffle), so two runs show the same cases. */
export function sample(items, count, seed = 7) {
  const copy = [...items];
  let x = seed;
  for (let i = copy.length - 1; i > 0; i--) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    const j = x % (i + 1);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, count);
}
