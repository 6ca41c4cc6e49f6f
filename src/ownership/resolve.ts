import picomatch from "picomatch";
import type { TeamRule } from "../config/index.js";
import { type CodeOwners, matchCodeOwners } from "./codeowners.js";

/** Where a file's team came from, in the order they are consulted. */
export type OwnerSource = "config-path" | "codeowners" | "config-repo" | "fallback";

export interface Ownership {
  team: string;
  source: OwnerSource;
  /** Every owner the deciding rule names (CODEOWNERS can name several); the first gives the team. */
  owners: string[];
  /** The CODEOWNERS line that decided, for evidence. */
  line?: number;
}

/**
 * `@acme/Fulfilment` → `fulfilment`: team names compare case-insensitively and without the org prefix,
 * because real CODEOWNERS files spell the same team several ways.
 */
export function teamFromHandle(handle: string): string {
  const bare = handle.replace(/^@/, "");
  const email = /^([^@]+)@.+$/.exec(bare);
  const name = email ? (email[1] as string) : (bare.split("/").pop() as string);
  return name.toLowerCase();
}

export type OwnerOf = (path: string) => Ownership;

/** `@org/team` (GitHub) or `@group/subgroup` (GitLab): a handle that names a group, not a person. */
function isTeamHandle(handle: string): boolean {
  return /^@[^/\s]+\/[^/\s]+$/.test(handle);
}

/**
 * Resolves the team of each file of one repository: config paths first (an explicit decision), then
 * CODEOWNERS (last match wins), then a config rule that names the repository, then the repository's name.
 */
export function ownerResolver(
  repo: string,
  rules: TeamRule[],
  codeowners: CodeOwners | undefined,
  umbrellaTeams: readonly string[] = [],
): OwnerOf {
  // Teams that co-own everything (`* @acme/engineering`) say nothing about who wrote a file: a rule's
  // first other owner is the team, and a rule with only umbrella owners is as good as no rule.
  // The same holds for a rule that names only people in a file that names teams (below).
  const umbrella = new Set(umbrellaTeams.map(teamFromHandle));
  const aliases = new Map<string, string>();
  for (const rule of rules) {
    for (const owner of rule.owners ?? []) aliases.set(teamFromHandle(owner), rule.team);
  }
  const pathRules = rules
    .filter((rule) => rule.paths?.length && (!rule.repos || rule.repos.includes(repo)))
    .map((rule) => ({ team: rule.team, match: picomatch(rule.paths as string[], { dot: true }) }));
  const repoRule = rules.find((rule) => !rule.paths?.length && rule.repos?.includes(repo));
  const teamOf = (handle: string) => aliases.get(teamFromHandle(handle)) ?? teamFromHandle(handle);
  // Where CODEOWNERS names teams at all, a person it names is a reviewer, not a team: Istio's
  // `* @costinm @linsun …` would otherwise make one maintainer a "team" of every root-level file.
  // A person the config maps to a team (`owners:`) still counts; a file that names no team keeps its
  // people, since they are all the ownership it has.
  const namesTeams = codeowners?.rules.some((rule) => rule.owners.some(isTeamHandle)) ?? false;
  const speaksForTeam = (handle: string) =>
    !namesTeams || isTeamHandle(handle) || aliases.has(teamFromHandle(handle));

  return (path) => {
    for (let i = pathRules.length - 1; i >= 0; i--) {
      const rule = pathRules[i] as (typeof pathRules)[number];
      if (rule.match(path)) return { team: rule.team, source: "config-path", owners: [rule.team] };
    }
    const rule = codeowners ? matchCodeOwners(codeowners, path) : undefined;
    const owner = rule?.owners.find(
      (handle) => !umbrella.has(teamFromHandle(handle)) && speaksForTeam(handle),
    );
    if (rule && owner !== undefined) {
      return {
        team: teamOf(owner),
        source: "codeowners",
        owners: rule.owners,
        line: rule.line,
      };
    }
    if (repoRule) return { team: repoRule.team, source: "config-repo", owners: [repoRule.team] };
    return { team: repo, source: "fallback", owners: [] };
  };
}
