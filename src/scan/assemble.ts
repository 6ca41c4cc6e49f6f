import {
  type CloneGroupOfUnits,
  type ConcernGroup,
  clonedImplementations,
  driftColumns,
  type FoundImplementation,
  fanIn,
  type UnnamedGroup,
} from "../clusters/index.js";
import { type ConcernDefinition, extractParameters, importedUnits, moduleLookup } from "../concerns/index.js";
import type { Unit } from "../lang/index.js";
import {
  type Clones,
  type ConcernCluster,
  type Implementation,
  percentAlike,
  type ScanResult,
  type UnnamedCluster,
} from "../result/index.js";
import { type Diagnostic, maskSecrets, maskSecretsDeep, packageVersion, quarterOf } from "../shared/index.js";
import type { SkippedFile } from "../sources/index.js";
import { assembleLedger, type LedgerRequest } from "./assemble-ledger.js";
import { type OrgHistory, requestOf } from "./history.js";
import type { RepoRead } from "./list-org.js";
import type { ScannedFile } from "./scanned-file.js";
import { type OrgTotals, totalsOf } from "./totals.js";
import { placedUnits, unitPlaced, unitRef } from "./unit-ref.js";

export interface AssembleInput {
  now: Date;
  configFile: string | null;
  includeTests: boolean;
  reads: RepoRead[];
  allFiles: ScannedFile[];
  files: ScannedFile[];
  skipped: SkippedFile[];
  definitions: ConcernDefinition[];
  groups: ConcernGroup[];
  implementations: FoundImplementation[];
  clones: CloneGroupOfUnits[];
  /** The similarity stage's findings, for the `clones` section. */
  cloneSection: Clones;
  unnamed: UnnamedGroup[];
  history: OrgHistory;
  ledger: LedgerRequest;
  diagnostics: Diagnostic[];
  /** Callers of each implementation, when counted elsewhere (the database); else counted over `files`. */
  fanIn?: (impl: FoundImplementation) => number;
  /** The summary's counts, when not every file is at hand (the database); else counted over `allFiles`. */
  totals?: OrgTotals;
  /**
   * Files the database loaded only because implementations import them (their defaults): looked up for
   * the drift table's values beside `files`, which a local scan holds whole.
   */
  modules?: ScannedFile[];
}

function times(count: number): string {
  return count === 1 ? "once" : count === 2 ? "twice" : `${count} times`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

function implementationId(impl: FoundImplementation, file: ScannedFile): string {
  return `${impl.concern}:${file.repo}:${file.path}`;
}

function earliest(dates: (string | undefined)[]): string | null {
  const known = dates.filter((d): d is string => Boolean(d)).sort((a, b) => Date.parse(a) - Date.parse(b));
  return known[0] ?? null;
}

/** Who wrote and kept up an implementation: the commits that changed its units' own lines. */
function implementationHistory(impl: FoundImplementation, input: AssembleInput) {
  const file = input.files[impl.file] as ScannedFile;
  return input.history.summaryOf(file.repo, requestOf(file.path, placedUnits(impl, file.units)));
}

/** Says which implementation copied which, from history: the later one is the copy. */
function copyLinks(
  input: AssembleInput,
): Map<FoundImplementation, { implementation: string; similarity: number }> {
  const links = new Map<FoundImplementation, { implementation: string; similarity: number }>();
  const fileOf = (impl: FoundImplementation) => input.files[impl.file] as ScannedFile;
  const firstSeen = (impl: FoundImplementation) => implementationHistory(impl, input)?.firstSeen;
  for (const { a, b, similarity } of clonedImplementations(input.implementations, input.clones)) {
    const da = firstSeen(a);
    const db = firstSeen(b);
    const aFirst =
      da && db
        ? Date.parse(da) <= Date.parse(db)
        : implementationId(a, fileOf(a)) < implementationId(b, fileOf(b));
    const [original, copy] = aFirst ? [a, b] : [b, a];
    const existing = links.get(copy);
    if (!existing || existing.similarity < similarity) {
      links.set(copy, { implementation: implementationId(original, fileOf(original)), similarity });
    }
  }
  return links;
}

function concernCluster(
  group: ConcernGroup,
  input: AssembleInput,
  copies: ReturnType<typeof copyLinks>,
  fans: Map<FoundImplementation, number>,
  modules: (repo: string, key: string) => ScannedFile | undefined,
): ConcernCluster {
  const definition = input.definitions.find((d) => d.id === group.concern);
  const noun = definition?.noun ?? group.concern;
  const implementations: Implementation[] = group.implementations.map((impl, index) => {
    const file = input.files[impl.file] as ScannedFile;
    const units = impl.units.map((u) => file.units[u] as Unit);
    return {
      id: implementationId(impl, file),
      blob: file.blobSha,
      concern: impl.concern,
      team: file.team,
      repo: file.repo,
      path: file.path,
      startLine: impl.startLine,
      endLine: impl.endLine,
      language: file.language,
      golden: index === group.golden,
      score: impl.score,
      evidence: impl.evidence,
      units: impl.units.map((u) => unitPlaced(impl, u, file.units[u] as Unit)),
      ownerSource: file.ownerSource,
      history: implementationHistory(impl, input),
      copyOf: copies.get(impl) ?? null,
      fanIn: fans.get(impl) ?? 0,
      wraps: impl.wraps ?? null,
      parameters: definition
        ? extractParameters(
            definition,
            units,
            file.language,
            importedUnits(file, units, (key) => modules(file.repo, key)),
          )
        : {},
    };
  });
  const firstSeen = earliest(implementations.map((impl) => impl.history?.firstSeen));
  const goldenImpl = group.golden === undefined ? undefined : implementations[group.golden];
  const adoptingTeams = [...new Set(group.adoptions.map((a) => a.team))];
  let statement = `${noun}: written ${times(implementations.length)} by ${plural(group.teams.length, "team")}`;
  if (firstSeen) statement += ` since ${quarterOf(firstSeen)}`;
  if (group.goldenPath) {
    const name = group.goldenPath.package ?? group.goldenPath.path ?? "configured";
    statement += `; golden path ${name}${goldenImpl ? ` (${goldenImpl.team})` : " (not found)"}`;
    statement += adoptingTeams.length
      ? `, adopted by ${plural(adoptingTeams.length, "team")}`
      : ", not adopted yet";
  }
  return {
    id: group.concern,
    title: definition?.title ?? group.concern,
    noun,
    statement,
    crossTeam: group.crossTeam,
    writings: implementations.length,
    teams: group.teams,
    firstSeen,
    goldenPath: group.goldenPath
      ? {
          package: group.goldenPath.package ?? null,
          repo: group.goldenPath.repo ?? null,
          path: group.goldenPath.path ?? null,
          team: goldenImpl?.team ?? null,
          found: goldenImpl !== undefined,
        }
      : null,
    drift: driftColumns(
      definition?.parameters ?? [],
      implementations.map((impl) => impl.parameters),
    ),
    adoptions: group.adoptions.map((a) => {
      const file = input.files[a.file] as ScannedFile;
      return { team: a.team, repo: file.repo, path: file.path, line: a.line, module: a.module };
    }),
    implementations,
  };
}

function unnamedCluster(group: UnnamedGroup, index: number, input: AssembleInput): UnnamedCluster {
  const members = group.members.map((member) => {
    const file = input.files[member.file] as ScannedFile;
    const units = member.units.map((u) => file.units[u] as Unit);
    return {
      team: file.team,
      repo: file.repo,
      path: file.path,
      blob: file.blobSha,
      startLine: Math.min(...units.map((u) => u.startLine)),
      endLine: Math.max(...units.map((u) => u.endLine)),
      units: units.map(unitRef),
      history: input.history.summaryOf(file.repo, requestOf(file.path, units)),
    };
  });
  return {
    id: `unnamed-${index + 1}`,
    title: group.title,
    statement: `${group.title}: ${alikeWords(group)} in ${plural(members.length, "place")} owned by ${plural(group.teams.length, "team")} (${group.teams.join(", ")})`,
    teams: group.teams,
    similarity: group.similarity,
    identical: group.identical,
    members,
  };
}

/**
 * "The same code" only where every copy is the same; a group joined by near-misses says how alike its
 * least alike pair is (Istio's "make · append · strings" was six map-a-slice loops, 61% alike).
 */
function alikeWords(group: UnnamedGroup): string {
  return group.identical ? "the same code" : `code at least ${percentAlike(group.similarity, false)}% alike`;
}

function countBy<T>(items: T[], key: (item: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
  return out;
}

/**
 * From a database, an implementation's fan-in was counted in its own repository; a golden path is also
 * called, through its package, from other repositories, whose importing files the report has loaded.
 */
function packageCallersElsewhere(
  input: AssembleInput,
  impl: FoundImplementation,
  goldenPackage: Map<FoundImplementation, string>,
): number {
  const pkg = goldenPackage.get(impl);
  if (pkg === undefined) return 0;
  const home = (input.files[impl.file] as ScannedFile).repo;
  const elsewhere = input.files.map((file, index) =>
    file.repo === home && index !== impl.file ? { ...file, imports: [], units: [] } : file,
  );
  return fanIn(elsewhere, [impl], () => pkg)[0] ?? 0;
}

/** The golden implementation of each concern that has one, with the package it is published as. */
export function goldenPackagesOf(groups: ConcernGroup[]): Map<FoundImplementation, string> {
  const out = new Map<FoundImplementation, string>();
  for (const group of groups) {
    const golden = group.golden === undefined ? undefined : group.implementations[group.golden];
    if (golden && group.goldenPath?.package) out.set(golden, group.goldenPath.package);
  }
  return out;
}

/**
 * Turns the stages' outputs into the versioned result, in a stable order, with every secret in the text
 * it carries from the code (parameter values, evidence, names, commit subjects, messages) masked: the one
 * place every output of a scan is drawn from (docs/secrets.md).
 */
export function assembleResult(input: AssembleInput): ScanResult {
  return maskSecretsDeep(unmaskedResult(input));
}

function unmaskedResult(input: AssembleInput): ScanResult {
  const copies = copyLinks(input);
  const goldenPackage = goldenPackagesOf(input.groups);
  const fanCounts = input.fanIn
    ? input.implementations.map(
        (impl) => (input.fanIn?.(impl) ?? 0) + packageCallersElsewhere(input, impl, goldenPackage),
      )
    : fanIn(input.files, input.implementations, (impl) => goldenPackage.get(impl));
  const fans = new Map(input.implementations.map((impl, index) => [impl, fanCounts[index] ?? 0]));
  // A defaults module an implementation imports is found among the files read (one hop, same repository).
  const modules = moduleLookup([...input.files, ...(input.modules ?? [])]);
  const concerns = input.groups
    .map((group) => concernCluster(group, input, copies, fans, modules))
    .sort(
      (a, b) =>
        Number(b.crossTeam) - Number(a.crossTeam) || b.writings - a.writings || a.id.localeCompare(b.id),
    );
  const unnamed = input.unnamed
    .sort((a, b) => b.members.length - a.members.length || a.title.localeCompare(b.title))
    .map((group, index) => unnamedCluster(group, index, input));

  // What each implementation's code says today, to tell whether a fix made in one copy reached another.
  const codeWords = new Map<string, string[]>();
  for (const impl of input.implementations) {
    const file = input.files[impl.file] as ScannedFile;
    const units = impl.units.map((u) => file.units[u] as Unit);
    const literals = units.flatMap((u) =>
      u.literals.flatMap((l) =>
        maskSecrets(String(l.value))
          .toLowerCase()
          .split(/[^\p{L}\p{N}]+/u),
      ),
    );
    codeWords.set(implementationId(impl, file), [
      ...new Set([...units.flatMap((u) => u.subwords), ...literals]),
    ]);
  }
  const totals = input.totals ?? totalsOf(input.allFiles);
  return {
    kind: "lineitem.scan",
    schemaVersion: 1,
    tool: { name: "lineitem", version: packageVersion },
    generatedAt: input.now.toISOString(),
    configFile: input.configFile,
    includeTests: input.includeTests,
    summary: {
      repos: input.reads.length,
      teams: totals.teams.length,
      filesRead: totals.filesRead,
      filesSkipped: input.skipped.length,
      testFiles: totals.testFiles,
      units: totals.units,
      lines: totals.lines,
      byLanguage: totals.byLanguage,
      skippedByReason: countBy(input.skipped, (s) => s.reason),
      crossTeamConcerns: concerns.filter((c) => c.crossTeam).length,
      implementations: concerns.reduce((sum, c) => sum + c.writings, 0),
      unnamedClusters: unnamed.length,
      crossTeamCloneGroups: input.cloneSection.groups.filter((g) => g.crossTeam && !g.boilerplate).length,
    },
    repos: input.reads.map((read) => {
      const state = input.history.states.get(read.target.name);
      return {
        name: read.target.name,
        kind: read.target.kind,
        scope: read.target.scope ?? null,
        history: state?.state ?? "none",
        commits: state?.commits ?? null,
        filesRead: totals.filesReadByRepo.get(read.target.name) ?? 0,
        filesSkipped: read.skipped.length,
        codeowners: read.codeowners,
        root: read.target.root || null,
        head: read.head,
      };
    }),
    teams: totals.teams,
    concerns,
    unnamed,
    clones: input.cloneSection,
    ...assembleLedger(concerns, unnamed, input.history, input.ledger, (id) => codeWords.get(id)),
    skipped: input.skipped,
    diagnostics: input.diagnostics,
  };
}
