import type { FileStream } from "./file-streams.js";
import { distinctCount } from "./fingerprint.js";
import { UnionFind } from "./grouping.js";
import type { SimilarityOptions } from "./options.js";
import type { Match } from "./run.js";
import { copiedRuns } from "./seed-runs.js";
import type { PreparedUnit } from "./unit-clones.js";

export interface FragmentDraft {
  /** Places by stream index and token range. */
  members: { unit: number; start: number; end: number }[];
  similarity: number;
  identical: boolean;
}

/**
 * A run that repeats one shape (`this.a = a; this.b = b; …`, a column of decorated fields) matches every
 * other such run without being a copy of it: the unit-level rule for tables, applied to the run.
 */
function repetitiveRun(unit: PreparedUnit, start: number, end: number, minDistinctShare: number): boolean {
  const hashes = unit.hashes.subarray(
    start,
    Math.max(start + 1, end - (unit.input.tokens.length - unit.hashes.length)),
  );
  return distinctCount(hashes) / hashes.length < minDistinctShare;
}

/**
 * Copied runs inside units (type 1–2 fragments, and type 3 where gaps were bridged), grouped into classes:
 * in each file, runs that share a token are one place; places linked by a run are one group.
 */
export function findFragmentClones(
  units: FileStream[],
  eligible: number[],
  options: SimilarityOptions,
  skipPair: (a: number, b: number) => boolean,
  refine: (match: Match) => Match | null = (match) => match,
): { groups: FragmentDraft[]; crowdedBuckets: number } {
  const { runs, crowdedBuckets } = copiedRuns(units, eligible, options, skipPair);
  const matches = runs.map(refine).filter(
    (m): m is Match =>
      m !== null &&
      Math.min(m.endA - m.startA, m.endB - m.startB) >= options.minFragmentTokens &&
      // A bridged run must still be mostly the same code, as a near-miss unit must.
      m.matched / Math.max(m.endA - m.startA, m.endB - m.startB) >= options.minSimilarity &&
      !repetitiveRun(units[m.a] as PreparedUnit, m.startA, m.endA, options.minDistinctShare),
  );
  // Places: per unit, overlapping runs merged.
  const sides = matches.flatMap((m, index) => [
    { unit: m.a, start: m.startA, end: m.endA, match: index },
    { unit: m.b, start: m.startB, end: m.endB, match: index },
  ]);
  sides.sort((x, y) => x.unit - y.unit || x.start - y.start || y.end - x.end);
  const places: { unit: number; start: number; end: number }[] = [];
  const placeOfSide = new Int32Array(sides.length);
  sides.forEach((side, index) => {
    const last = places[places.length - 1];
    const overlap = last && last.unit === side.unit ? Math.min(last.end, side.end) - side.start : -1;
    // Runs that share any token are one place: a member never overlaps another member of its file.
    if (last && overlap > 0) {
      last.end = Math.max(last.end, side.end);
    } else {
      places.push({ unit: side.unit, start: side.start, end: side.end });
    }
    placeOfSide[index] = places.length - 1;
  });
  // Each match has two sides, now spread through the sorted list: note the place each landed in.
  const placesOfMatch = new Int32Array(matches.length * 2).fill(-1);
  sides.forEach((side, index) => {
    const slot = side.match * 2 + (placesOfMatch[side.match * 2] === -1 ? 0 : 1);
    placesOfMatch[slot] = placeOfSide[index] as number;
  });
  const groups = new UnionFind(places.length);
  matches.forEach((_, index) => {
    groups.union(placesOfMatch[index * 2] as number, placesOfMatch[index * 2 + 1] as number);
  });
  const members = new Map<number, number[]>();
  places.forEach((_, index) => {
    const root = groups.find(index);
    (members.get(root) ?? members.set(root, []).get(root))?.push(index);
  });
  const weakest = new Map<number, number>();
  matches.forEach((m, index) => {
    const root = groups.find(placesOfMatch[index * 2] as number);
    const similarity = m.matched / Math.max(m.endA - m.startA, m.endB - m.startB);
    weakest.set(root, Math.min(weakest.get(root) ?? 1, similarity));
  });
  const out: FragmentDraft[] = [];
  for (const [root, list] of members) {
    if (list.length < 2) continue;
    const similarity = weakest.get(root) ?? 1;
    out.push({
      members: list.map((place) => places[place] as { unit: number; start: number; end: number }),
      similarity: Math.round(similarity * 1000) / 1000,
      identical: similarity >= 1,
    });
  }
  return { groups: out, crowdedBuckets };
}
