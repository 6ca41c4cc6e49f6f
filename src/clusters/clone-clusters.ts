import type {
  CloneCluster,
  CloneGroupOfUnits,
  ClusterFile,
  FoundImplementation,
  SameJobCluster,
  UnitKey,
} from "./model.js";

function teamsOf(files: ClusterFile[], members: UnitKey[]): string[] {
  return [...new Set(members.map((m) => (files[m.file] as ClusterFile).team))].sort();
}

/**
 * Clone groups with their owners: the teams involved, whether the group crosses teams, and which member is
 * canonical (on a golden path or named canonical in config), so the others read as its copies.
 */
export function cloneClusters(
  files: ClusterFile[],
  groups: CloneGroupOfUnits[],
  isCanonical: (file: ClusterFile) => boolean,
): CloneCluster[] {
  return groups.map((group) => {
    const members = group.members.map((member) => ({
      ...member,
      canonical: isCanonical(files[member.file] as ClusterFile),
    }));
    const teams = teamsOf(files, members);
    return { ...group, members, teams, crossTeam: teams.length >= 2 };
  });
}

/**
 * Same-job candidates confirmed by the concern engine where it can: when every member lies in an
 * implementation of one concern, the candidate names it. Candidates within one team are dropped: a team
 * writing two of its own is not the cross-team cost this tool counts.
 */
export function sameJobClusters(
  files: ClusterFile[],
  candidates: UnitKey[][],
  similarities: number[],
  implementations: FoundImplementation[],
): SameJobCluster[] {
  const concernsOf = new Map<string, Set<string>>();
  for (const impl of implementations) {
    for (const unit of impl.units) {
      const key = `${impl.file}:${unit}`;
      (concernsOf.get(key) ?? concernsOf.set(key, new Set()).get(key))?.add(impl.concern);
    }
  }
  const out: SameJobCluster[] = [];
  candidates.forEach((members, index) => {
    const teams = teamsOf(files, members);
    if (teams.length < 2) return;
    const [first, ...rest] = members.map((m) => concernsOf.get(`${m.file}:${m.unit}`) ?? new Set<string>());
    const shared = [...(first ?? [])].filter((concern) => rest.every((set) => set.has(concern)));
    out.push({
      members,
      similarity: similarities[index] as number,
      teams,
      concern: shared.sort()[0] ?? null,
    });
  });
  return out;
}
