import { type FileStream, fileStreams, lineAt, trimReported, unitAt } from "./file-streams.js";
import { findFragmentClones } from "./fragment-clones.js";
import type {
  BoilerplateReason,
  CloneFindings,
  CloneGroup,
  CloneInput,
  CloneMember,
  SetAside,
} from "./model.js";
import { DEFAULT_SIMILARITY, type SimilarityOptions } from "./options.js";
import { findSameJobCandidates } from "./same-job.js";
import type { StreamPrints } from "./stream-prints.js";
import { findUnitClones, isRepetitiveHashes, type PreparedUnit } from "./unit-clones.js";

/** Share of a unit a copied run must cover for the copy to count as the whole unit. */
const WHOLE_UNIT_SHARE = 0.9;

function member(id: number, start: number, end: number, lineOf: (position: number) => number): CloneMember {
  return { id, startLine: lineOf(start), endLine: lineOf(Math.max(start, end - 1)), tokens: end - start };
}

/**
 * Scaffolding is a shape present in most files of a folder (every route file's handler skeleton, every
 * generated client's constructor); a shape in more places than `maxBucket` is an idiom. Neither is a copy
 * anyone chose to make, so the group is kept but marked.
 */
function boilerplateOf(
  group: CloneGroup,
  files: Map<number, CloneInput>,
  folderFiles: ReadonlyMap<string, number>,
  options: SimilarityOptions,
): BoilerplateReason | undefined {
  if (group.members.length > options.maxBucket) return "everywhere";
  const perFolder = new Map<string, Set<number>>();
  for (const { id } of group.members) {
    const input = files.get(id) as CloneInput;
    (perFolder.get(input.folder) ?? perFolder.set(input.folder, new Set()).get(input.folder))?.add(
      input.file,
    );
  }
  for (const [folder, inFolder] of perFolder) {
    const total = folderFiles.get(folder) ?? inFolder.size;
    if (inFolder.size >= 3 && inFolder.size >= options.scaffoldingShare * total) return "scaffolding";
  }
  return undefined;
}

export interface FindClonesOptions extends Partial<SimilarityOptions> {
  /** Number of files read in each folder (CloneInput.folder), for the scaffolding rule. */
  folderFiles?: ReadonlyMap<string, number>;
  /**
   * A file's stream prints (CloneInput.file), when its reader computed them over its units' tokens in id
   * order with this `k` and `window`; prints that do not fit are computed again.
   */
  printsOf?: (file: number) => StreamPrints | undefined;
}

/**
 * The similarity stage: whole units that are copies, copied runs inside units, and same-job candidates,
 * as groups of N members (one finding each). Pure: ids and token streams in, groups out; independent of
 * input order.
 */
export function findClones(inputs: CloneInput[], given: FindClonesOptions = {}): CloneFindings {
  const options: SimilarityOptions = { ...DEFAULT_SIMILARITY, ...given };
  const sorted = [...inputs].sort((a, b) => a.id - b.id);
  const setAside: SetAside = { small: 0, repetitive: 0, crowdedBuckets: 0, scaffolding: 0, everywhere: 0 };
  // Each file's units as one stream, hashed once; a unit's own k-grams are a view of its stream's.
  const { streams, unitHashes } = fileStreams(sorted, options.k, options.window, given.printsOf);
  const units: PreparedUnit[] = [];
  const minimum = Math.min(options.minTokens, options.minFragmentTokens);
  for (let index = 0; index < sorted.length; index++) {
    const input = sorted[index] as CloneInput;
    if (input.tokens.length < options.minTokens) setAside.small++;
    if (input.tokens.length < minimum) continue;
    const hashes = unitHashes(index);
    if (isRepetitiveHashes(hashes, options.minDistinctShare)) {
      setAside.repetitive++;
      continue;
    }
    units.push({ input, hashes });
  }

  const unitPass = findUnitClones(units, options);
  // Whole-unit group of each input (by index into `sorted`), so the fragment pass does not report again.
  const groupOfInput = new Int32Array(sorted.length).fill(-1);
  const inputIndex = new Map(sorted.map((input, index) => [input.id, index]));
  unitPass.groups.forEach((group, index) => {
    for (const unit of group.members) {
      groupOfInput[inputIndex.get((units[unit] as PreparedUnit).input.id) as number] = index;
    }
  });
  const eligible = streams.flatMap((stream, index) =>
    stream.input.tokens.length >= options.minFragmentTokens ? [index] : [],
  );
  const fragmentPass = findFragmentClones(
    streams,
    eligible,
    options,
    () => false,
    (match) =>
      trimReported(match, streams, (unit) => groupOfInput[unit] as number, options.minFragmentTokens),
  );
  setAside.crowdedBuckets = unitPass.crowdedBuckets + fragmentPass.crowdedBuckets;

  const groups: CloneGroup[] = [
    ...unitPass.groups.map((group) => {
      const members = group.members.map((u) => {
        const unit = units[u] as PreparedUnit;
        const lines = unit.input.tokenLines;
        return member(unit.input.id, 0, unit.input.tokens.length, (t) => lines[t] as number);
      });
      return {
        level: "unit" as const,
        kind: group.identical ? ("identical" as const) : ("near-miss" as const),
        members,
        similarity: group.similarity,
        tokens: Math.min(...members.map((m) => m.tokens)),
      };
    }),
    ...fragmentPass.groups.map((group) => {
      const placeUnit = (place: { unit: number; start: number }) =>
        sorted[unitAt(streams[place.unit] as FileStream, place.start)] as CloneInput;
      const members = group.members
        .map((place) => {
          const stream = streams[place.unit] as FileStream;
          return member(placeUnit(place).id, place.start, place.end, (t) => lineAt(stream, t, sorted));
        })
        .sort((a, b) => a.id - b.id || a.startLine - b.startLine);
      // A run that is (nearly) all of the one unit it lies in, in every place, is a copy of small units.
      const whole = group.members.every((place) => {
        const stream = streams[place.unit] as FileStream;
        return (
          unitAt(stream, place.start) === unitAt(stream, place.end - 1) &&
          place.end - place.start >= WHOLE_UNIT_SHARE * placeUnit(place).tokens.length
        );
      });
      return {
        level: whole ? ("unit" as const) : ("fragment" as const),
        kind: group.identical ? ("identical" as const) : ("near-miss" as const),
        members,
        similarity: group.similarity,
        tokens: Math.min(...members.map((m) => m.tokens)),
      };
    }),
  ];
  const byId = new Map(sorted.map((input) => [input.id, input]));
  for (const group of groups) {
    const reason = boilerplateOf(group, byId, given.folderFiles ?? new Map(), options);
    if (reason) {
      group.boilerplate = reason;
      setAside[reason]++;
    }
  }
  groups.sort(
    (x, y) =>
      (x.level === y.level ? 0 : x.level === "unit" ? -1 : 1) ||
      (x.members[0]?.id ?? 0) - (y.members[0]?.id ?? 0) ||
      (x.members[0]?.startLine ?? 0) - (y.members[0]?.startLine ?? 0),
  );

  const inOneUnitGroup = (a: number, b: number) => {
    const group = groupOfInput[inputIndex.get(a) as number] as number;
    return group !== -1 && group === groupOfInput[inputIndex.get(b) as number];
  };
  const candidates = findSameJobCandidates(sorted, options, inOneUnitGroup);
  return { groups, candidates, setAside };
}
