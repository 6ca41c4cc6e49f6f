import { findAdoptions, findGolden } from "./golden.js";
import type {
  CloneGroupOfUnits,
  ClusterFile,
  ConcernGroup,
  FoundImplementation,
  GoldenPath,
} from "./model.js";

/**
 * Gathers the implementations of each concern across the org. A concern implemented by two or more
 * teams is a cluster (cross-team); one implemented by a single team is kept but is not a repeat.
 */
export function groupByConcern(
  files: ClusterFile[],
  implementations: FoundImplementation[],
  goldenPaths: GoldenPath[],
): ConcernGroup[] {
  const byConcern = new Map<string, FoundImplementation[]>();
  for (const impl of implementations) {
    byConcern.set(impl.concern, [...(byConcern.get(impl.concern) ?? []), impl]);
  }
  for (const golden of goldenPaths) if (!byConcern.has(golden.concern)) byConcern.set(golden.concern, []);
  const groups: ConcernGroup[] = [];
  for (const [concern, list] of byConcern) {
    const sorted = [...list].sort((a, b) => {
      const fa = files[a.file] as ClusterFile;
      const fb = files[b.file] as ClusterFile;
      return (
        fa.team.localeCompare(fb.team) || fa.repo.localeCompare(fb.repo) || fa.path.localeCompare(fb.path)
      );
    });
    const goldenPath = goldenPaths.find((g) => g.concern === concern);
    const golden = goldenPath ? findGolden(goldenPath, sorted, files) : undefined;
    const adoptions = goldenPath
      ? findAdoptions(goldenPath, golden === undefined ? undefined : sorted[golden], files)
      : [];
    const teams = [...new Set(sorted.map((impl) => (files[impl.file] as ClusterFile).team))].sort();
    groups.push({
      concern,
      implementations: sorted,
      golden,
      goldenPath,
      adoptions,
      teams,
      crossTeam: teams.length >= 2,
    });
  }
  return groups;
}

/**
 * Pairs of implementations of the same concern whose code is a clone: the raw material for "copied from".
 * Which one is the original is decided later, from history.
 */
export function clonedImplementations(
  implementations: FoundImplementation[],
  clones: CloneGroupOfUnits[],
): { a: FoundImplementation; b: FoundImplementation; similarity: number }[] {
  const owner = new Map<string, FoundImplementation[]>();
  for (const impl of implementations) {
    for (const unit of impl.units) {
      const key = `${impl.file}:${unit}`;
      owner.set(key, [...(owner.get(key) ?? []), impl]);
    }
  }
  const pairs = new Map<string, { a: FoundImplementation; b: FoundImplementation; similarity: number }>();
  for (const group of clones) {
    const impls = [...new Set(group.members.flatMap((m) => owner.get(`${m.file}:${m.unit}`) ?? []))];
    for (let i = 0; i < impls.length; i++) {
      for (let j = i + 1; j < impls.length; j++) {
        const a = impls[i] as FoundImplementation;
        const b = impls[j] as FoundImplementation;
        if (a.concern !== b.concern || a.file === b.file) continue;
        const key = `${a.concern}:${Math.min(a.file, b.file)}:${Math.max(a.file, b.file)}`;
        const best = pairs.get(key);
        if (!best || best.similarity < group.similarity)
          pairs.set(key, { a, b, similarity: group.similarity });
      }
    }
  }
  return [...pairs.values()];
}
