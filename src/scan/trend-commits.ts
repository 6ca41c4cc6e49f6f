import type { LineitemConfig } from "../config/index.js";
import { streamLog } from "../history/index.js";
import { ownerResolver, readCodeOwners } from "../ownership/index.js";
import { type DiagnosticLog, mapLimit } from "../shared/index.js";
import type { RepoTarget } from "../sources/index.js";
import type { AuthoredCommit } from "../trend/index.js";
import { botFilter } from "./history.js";

/** git log processes at once. */
const LOG_CONCURRENCY = 4;

/**
 * Every commit of the org as onboarding counts it: one `git log --name-status` per repository (no merges;
 * .mailmap applied; each co-author credited too), each commit with the teams owning the files it touched
 * today. Bots are left out. A repository whose log cannot be read is reported and left out.
 */
export async function orgCommits(
  targets: RepoTarget[],
  config: LineitemConfig,
  log: DiagnosticLog,
): Promise<AuthoredCommit[]> {
  const isBot = botFilter(config);
  const perRepo = await mapLimit(targets, LOG_CONCURRENCY, async (target) => {
    const commits: AuthoredCommit[] = [];
    if (target.kind !== "git") return { commits, failure: null };
    const ownerOf = ownerResolver(
      target.name,
      config.teams,
      readCodeOwners(target.root, config.codeowners),
      config.umbrellaTeams,
    );
    const scoped = (path: string) =>
      !target.scope || path === target.scope || path.startsWith(`${target.scope}/`);
    try {
      await streamLog(
        target.root,
        (record) => {
          const paths = record.files.map((file) => file.path).filter(scoped);
          if (target.scope && paths.length === 0) return;
          const teams = [...new Set(paths.map((path) => ownerOf(path).team))];
          record.people.forEach((person, index) => {
            if (isBot(person)) return;
            // The author's name is known; a co-author is named by their address until they author a commit.
            const name = index === 0 ? record.name : person;
            commits.push({ repo: target.name, date: record.date, person, name, teams });
          });
        },
        "names",
        target.scope ? ["--", target.scope] : [],
      );
    } catch (error) {
      return { commits: [], failure: (error as Error).message };
    }
    return { commits, failure: null };
  });
  // Said in the repositories' order, whichever finished first.
  perRepo.forEach(({ failure }, i) => {
    const target = targets[i] as RepoTarget;
    if (failure === null) return;
    log.warn(
      "trend-history-unreadable",
      `${target.name}: its history could not be read for onboarding (${failure}); left out.`,
      { repo: target.name },
    );
  });
  return perRepo.flatMap(({ commits }) => commits);
}
