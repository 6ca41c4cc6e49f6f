import type { ClusterFile, ConcernGroup } from "../clusters/index.js";
import type { ConcernPoint } from "../result/index.js";

/** A concern at one point, before it is given the point's label. */
export type ConcernState = Omit<ConcernPoint, "point">;

const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

/**
 * Where each concern stood at one point: its implementations, the teams carrying their own, the teams on
 * the golden path, and those with both (a migration under way). The golden path's own implementation and
 * its team are neither a copy nor an adopter: they are the path.
 */
export function concernStates(groups: ConcernGroup[], files: ClusterFile[]): Map<string, ConcernState> {
  const states = new Map<string, ConcernState>();
  for (const group of groups) {
    const fileOf = (index: number) => files[index] as ClusterFile;
    const golden = group.golden === undefined ? undefined : group.implementations[group.golden];
    const goldenTeam = golden ? fileOf(golden.file).team : undefined;
    const own = group.implementations.filter(
      (impl) => impl !== golden && fileOf(impl.file).team !== goldenTeam,
    );
    const ownTeams = sorted(own.map((impl) => fileOf(impl.file).team));
    const onGoldenTeams = sorted(group.adoptions.map((adoption) => adoption.team));
    const ownRepos = sorted(own.map((impl) => fileOf(impl.file).repo));
    const onGoldenRepos = sorted(group.adoptions.map((adoption) => fileOf(adoption.file).repo));
    const share = (on: string[], mine: string[]) => {
      if (!group.goldenPath) return null;
      const doing = new Set([...on, ...mine]).size;
      return doing === 0 ? null : on.length / doing;
    };
    states.set(group.concern, {
      implementations: group.implementations.length,
      teams: group.teams,
      ownTeams,
      onGoldenTeams,
      migratingTeams: onGoldenTeams.filter((team) => ownTeams.includes(team)),
      ownRepos,
      onGoldenRepos,
      goldenFound: golden !== undefined,
      uptakeTeams: share(onGoldenTeams, ownTeams),
      uptakeRepos: share(onGoldenRepos, ownRepos),
    });
  }
  return states;
}

/** A concern nobody implemented yet at a point. */
export function emptyState(): ConcernState {
  return {
    implementations: 0,
    teams: [],
    ownTeams: [],
    onGoldenTeams: [],
    migratingTeams: [],
    ownRepos: [],
    onGoldenRepos: [],
    goldenFound: false,
    uptakeTeams: null,
    uptakeRepos: null,
  };
}
