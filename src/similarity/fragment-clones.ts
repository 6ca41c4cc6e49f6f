import { distinctCount, winnowPositions } from "./fingerprint.js";
import { UnionFind } from "./grouping.js";
import type { SimilarityOptions } from "./options.js";
import type { PreparedUnit } from "./unit-clones.js";

/**
 * A copied run: tokens [startA, endA) of stream a equal (or nearly equal) tokens [startB, endB) of stream
 * b. Streams are whole files (their units' tokens in order), so a run may cross from one unit into the next.
 */
export interface Match {
  a: number;
  startA: number;
  endA: number;
  b: number;
  startB: number;
  endB: number;
  /** Tokens matched exactly; below the span when gaps were bridged. */
  matched: number;
}

export interface FragmentDraft {
  /** Places by stream index and token range. */
  members: { unit: number; start: number; end: number }[];
  similarity: number;
  identical: boolean;
}

/** Buckets up to this size pair every two places; larger ones pair each place with the first. */
const CLIQUE_BUCKET = 8;

/** Order of `keys` ascending, by two 16-bit LSD radix passes: linear, and no comparator calls. */
function radixOrder(keys: Uint32Array): Uint32Array {
  let order = new Uint32Array(keys.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  let next = new Uint32Array(keys.length);
  for (const shift of [0, 16]) {
    const counts = new Uint32Array(65537);
    for (let i = 0; i < keys.length; i++)
      (counts[(((keys[i] as number) >>> shift) & 0xffff) + 1] as number)++;
    for (let i = 1; i < counts.length; i++) counts[i] = (counts[i] as number) + (counts[i - 1] as number);
    for (const index of order) {
      const bucket = ((keys[index] as number) >>> shift) & 0xffff;
      next[counts[bucket] as number] = index;
      counts[bucket] = (counts[bucket] as number) + 1;
    }
    [order, next] = [next, order];
  }
  return order;
}

/** Every maximal run of equal tokens between two different units that shares a winnowed fingerprint. */
function seedMatches(
  units: PreparedUnit[],
  eligible: number[],
  options: SimilarityOptions,
  skipPair: (a: number, b: number) => boolean,
): { seeds: Match[]; crowdedBuckets: number } {
  const prints: number[] = [];
  const unitOf: number[] = [];
  const positionOf: number[] = [];
  for (const u of eligible) {
    const hashes = (units[u] as PreparedUnit).hashes;
    for (const position of winnowPositions(hashes, options.window)) {
      prints.push(hashes[position] as number);
      unitOf.push(u);
      positionOf.push(position);
    }
  }
  const keys = Uint32Array.from(prints);
  const order = radixOrder(keys);
  const seeds: Match[] = [];
  // Per unit pair, the end of the last run found on each diagonal: later fingerprints on it are inside it.
  const covered = new Map<number, Map<number, number>>();
  let crowdedBuckets = 0;
  let start = 0;
  for (let i = 1; i <= order.length; i++) {
    if (i < order.length && keys[order[i] as number] === keys[order[start] as number]) continue;
    const size = i - start;
    if (size > options.maxBucket) crowdedBuckets++;
    else if (size >= 2) {
      // Small buckets pair every two places. In a large one (an idiom shared by many) each place is
      // extended against the first only: linear, and places linked to one anchor are joined anyway.
      const anchors = size <= CLIQUE_BUCKET ? i - 1 : start + 1;
      for (let x = start; x < anchors; x++)
        for (let y = x + 1; y < i; y++) {
          let ex = order[x] as number;
          let ey = order[y] as number;
          if ((unitOf[ex] as number) > (unitOf[ey] as number)) [ex, ey] = [ey, ex];
          const a = unitOf[ex] as number;
          const b = unitOf[ey] as number;
          let pa = positionOf[ex] as number;
          let pb = positionOf[ey] as number;
          if (a === b) {
            // Two places in one file: a copy within the file, kept when the two runs do not overlap.
            if (pa === pb) continue;
            if (pa > pb) [pa, pb] = [pb, pa];
          } else if (skipPair(a, b)) continue;
          const pairKey = a * units.length + b;
          let diagonals = covered.get(pairKey);
          if (diagonals === undefined) {
            diagonals = new Map();
            covered.set(pairKey, diagonals);
          }
          const end = diagonals.get(pb - pa);
          if (end !== undefined && pa < end) continue;
          const ta = (units[a] as PreparedUnit).input.tokens;
          const tb = (units[b] as PreparedUnit).input.tokens;
          let s = 0;
          while (pa - s > 0 && pb - s > 0 && ta[pa - s - 1] === tb[pb - s - 1]) s++;
          let e = 0;
          while (pa + e < ta.length && pb + e < tb.length && ta[pa + e] === tb[pb + e]) e++;
          diagonals.set(pb - pa, pa + e);
          if (a === b && pa + e > pb - s) continue;
          seeds.push({ a, startA: pa - s, endA: pa + e, b, startB: pb - s, endB: pb + e, matched: s + e });
        }
    }
    start = i;
  }
  return { seeds, crowdedBuckets };
}

/**
 * Joins runs of the same two units that follow each other with at most `maxGapTokens` changed tokens on
 * each side: one near-miss (type 3) copy with a statement added, removed or changed, not two findings.
 */
function bridgeGaps(seeds: Match[], maxGap: number): Match[] {
  const sorted = [...seeds].sort(
    (x, y) => x.a - y.a || x.b - y.b || x.startA - y.startA || x.startB - y.startB,
  );
  const out: Match[] = [];
  let current: Match | undefined;
  for (const next of sorted) {
    if (
      current &&
      current.a === next.a &&
      current.b === next.b &&
      next.startB >= current.startB &&
      next.startA - current.endA <= maxGap &&
      next.startB - current.endB <= maxGap &&
      next.startB - current.endB >= -maxGap
    ) {
      current.matched += Math.max(0, next.endA - Math.max(next.startA, current.endA));
      current.endA = Math.max(current.endA, next.endA);
      current.endB = Math.max(current.endB, next.endB);
      continue;
    }
    if (current) out.push(current);
    current = { ...next };
  }
  if (current) out.push(current);
  return out;
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
  units: PreparedUnit[],
  eligible: number[],
  options: SimilarityOptions,
  skipPair: (a: number, b: number) => boolean,
  refine: (match: Match) => Match | null = (match) => match,
): { groups: FragmentDraft[]; crowdedBuckets: number } {
  const { seeds, crowdedBuckets } = seedMatches(units, eligible, options, skipPair);
  const matches = bridgeGaps(seeds, options.maxGapTokens)
    .map(refine)
    .filter(
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
