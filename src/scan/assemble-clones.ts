import { createHash } from "node:crypto";
import type { UnitKey } from "../clusters/index.js";
import type { Clones } from "../result/index.js";
import type { SimilarityOptions } from "../similarity/index.js";
import type { ClonesFound } from "./clones.js";
import type { ScannedFile } from "./scanned-file.js";

/**
 * Which groups come first: size of the copy, then how many copies, the count on a log scale, so one
 * 200-token function copied twice ranks above a 30-token idiom found ten times.
 */
function weight(group: { tokens: number; members: unknown[] }): number {
  return group.tokens * (1 + Math.log2(group.members.length));
}

function idOf(level: string, places: string[]): string {
  return `clone-${createHash("sha1").update(level).update(places.join("\n")).digest("hex").slice(0, 12)}`;
}

/**
 * The `clones` section: every group with its owners, cross-team groups first and larger ones ahead;
 * boilerplate groups only when asked for (always counted).
 */
export function assembleClones(
  found: ClonesFound,
  files: ScannedFile[],
  settings: Pick<SimilarityOptions, "minTokens" | "minFragmentTokens" | "minSimilarity">,
  showBoilerplate: boolean,
): Clones {
  const place = (key: UnitKey) => {
    const file = files[key.file] as ScannedFile;
    return { file, unit: file.units[key.unit]?.name ?? "<module>" };
  };
  const groups = found.clusters
    .filter((cluster) => showBoilerplate || !cluster.boilerplate)
    .map((cluster) => {
      const members = cluster.members.map((member) => {
        const { file, unit } = place(member);
        return {
          team: file.team,
          repo: file.repo,
          path: file.path,
          startLine: member.startLine,
          endLine: member.endLine,
          tokens: member.tokens,
          unit,
          canonical: member.canonical,
        };
      });
      const shortest = members.reduce((a, b) => (b.tokens < a.tokens ? b : a));
      return {
        id: idOf(
          cluster.level,
          members.map((m) => `${m.repo}/${m.path}:${m.startLine}-${m.endLine}`),
        ),
        level: cluster.level,
        kind: cluster.textKind,
        tokens: cluster.tokens,
        lines: shortest.endLine - shortest.startLine + 1,
        similarity: cluster.similarity,
        crossTeam: cluster.crossTeam,
        teams: cluster.teams,
        boilerplate: cluster.boilerplate ?? null,
        members,
      };
    })
    .sort(
      (a, b) =>
        Number(b.crossTeam) - Number(a.crossTeam) ||
        Number(a.boilerplate !== null) - Number(b.boilerplate !== null) ||
        weight(b) - weight(a) ||
        a.id.localeCompare(b.id),
    );
  const sameJob = found.sameJob
    .map((candidate) => ({
      similarity: candidate.similarity,
      teams: candidate.teams,
      concern: candidate.concern,
      members: candidate.members.map((key) => {
        const { file, unit } = place(key);
        const found = file.units[key.unit];
        return {
          team: file.team,
          repo: file.repo,
          path: file.path,
          startLine: found?.startLine ?? 1,
          endLine: found?.endLine ?? 1,
          unit,
        };
      }),
    }))
    .sort((a, b) => b.members.length - a.members.length || b.similarity - a.similarity);
  const counted = found.clusters.filter((c) => !c.boilerplate);
  return {
    // The documented thresholds only: the options object carries the engine's internal ones too.
    settings: {
      minTokens: settings.minTokens,
      minFragmentTokens: settings.minFragmentTokens,
      minSimilarity: settings.minSimilarity,
      showBoilerplate,
    },
    groups,
    sameJob,
    setAside: {
      small: found.setAside.small,
      repetitive: found.setAside.repetitive,
      scaffolding: found.setAside.scaffolding,
      everywhere: found.setAside.everywhere,
      singleTeam: counted.filter((c) => !c.crossTeam).length,
    },
  };
}
