import { kgramHashes } from "./fingerprint.js";
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
import { findUnitClones, isRepetitiveHashes, type PreparedUnit } from "./unit-clones.js";

/** Share of a unit a copied run must cover for the copy to count as the whole unit. */
const WHOLE_UNIT_SHARE = 0.9;

function member(unit: PreparedUnit, start: number, end: number): CloneMember {
  const lines = unit.input.tokenLines;
  return {
    id: unit.input.id,
    startLine: lines[start] as number,
    endLine: lines[Math.max(start, end - 1)] as number,
    tokens: end - start,
  };
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
  const units: PreparedUnit[] = [];
  const minimum = Math.min(options.minTokens, options.minFragmentTokens);
  for (const input of sorted) {
    if (input.tokens.length < options.minTokens) setAside.small++;
    if (input.tokens.length < minimum) continue;
    const hashes = kgramHashes(input.tokens, options.k);
    if (isRepetitiveHashes(hashes, options.minDistinctShare)) {
      setAside.repetitive++;
      continue;
    }
    units.push({ input, hashes });
  }

  const unitPass = findUnitClones(units, options);
  const groupOfUnit = new Int32Array(units.length).fill(-1);
  unitPass.groups.forEach((group, index) => {
    for (const unit of group.members) groupOfUnit[unit] = index;
  });
  const sameGroup = (a: number, b: number) => groupOfUnit[a] !== -1 && groupOfUnit[a] === groupOfUnit[b];
  const eligible = units.flatMap((unit, index) =>
    unit.input.tokens.length >= options.minFragmentTokens ? [index] : [],
  );
  const fragmentPass = findFragmentClones(units, eligible, options, sameGroup);
  setAside.crowdedBuckets = unitPass.crowdedBuckets + fragmentPass.crowdedBuckets;

  const groups: CloneGroup[] = [
    ...unitPass.groups.map((group) => {
      const members = group.members.map((u) => {
        const unit = units[u] as PreparedUnit;
        return member(unit, 0, unit.input.tokens.length);
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
      const members = group.members
        .map((place) => member(units[place.unit] as PreparedUnit, place.start, place.end))
        .sort((a, b) => a.id - b.id || a.startLine - b.startLine);
      // A run that is (nearly) all of every unit it lies in is a copy of small whole units.
      const whole = group.members.every(
        (place) =>
          place.end - place.start >=
          WHOLE_UNIT_SHARE * (units[place.unit] as PreparedUnit).input.tokens.length,
      );
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

  const unitIndexById = new Map(units.map((unit, index) => [unit.input.id, index]));
  const inOneUnitGroup = (a: number, b: number) =>
    sameGroup(unitIndexById.get(a) ?? -1, unitIndexById.get(b) ?? -1);
  const candidates = findSameJobCandidates(sorted, options, inOneUnitGroup);
  return { groups, candidates, setAside };
}
