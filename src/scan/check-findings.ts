import {
  type ConcernDefinition,
  extractParameters,
  type ImplementationDraft,
  importedUnits,
  type ModuleFile,
  moduleLookup,
} from "../concerns/index.js";
import type { LineitemConfig } from "../config/index.js";
import { firstChangedLine } from "../history/index.js";
import type { Unit } from "../lang/index.js";
import {
  type CheckFinding,
  type ConcernCluster,
  type ExistingCopy,
  type Implementation,
  type ParameterDiff,
  unitSpans,
  whereText,
} from "../result/index.js";
import { createCloneProbe, type SimilarityOptions } from "../similarity/index.js";
import type { OrgFile } from "./check-org.js";
import type { CheckedFile } from "./check-read.js";
import { placedUnits, unitRef } from "./unit-ref.js";

/** A draft placed as the scan places an implementation: its units, each marked as doing the work or not. */
const placedOf = (draft: ImplementationDraft, fileUnits: readonly Unit[]) => ({
  startLine: draft.startLine,
  endLine: draft.endLine,
  units: placedUnits(draft, fileUnits),
});

const listOf = (names: string[]): string =>
  names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;

/** The golden path of a concern: as the last scan found it, else as the config names it. */
function goldenOf(concern: string, cluster: ConcernCluster | undefined, config: LineitemConfig) {
  if (cluster?.goldenPath) {
    const golden = cluster.goldenPath;
    return {
      package: golden.package,
      repo: golden.repo,
      path: golden.path,
      owner: golden.team,
      found: golden.found,
    };
  }
  const configured = config.goldenPaths.find((g) => g.concern === concern);
  if (!configured) return null;
  return {
    package: configured.package ?? null,
    repo: configured.repo ?? null,
    path: configured.path ?? null,
    owner: null,
    found: false,
  };
}

function existingOf(impl: Implementation): ExistingCopy {
  return {
    team: impl.team,
    repo: impl.repo,
    path: impl.path,
    startLine: impl.startLine,
    endLine: impl.endLine,
    golden: impl.golden,
    units: impl.units,
    similarity: null,
  };
}

/**
 * What to reuse, most used first. When the team's own copy leads the list (its shared package, used most),
 * it is named first: the cheapest copy to reuse is the one the team already keeps.
 */
function reuseText(first: Implementation | undefined, team: string, otherTeams: readonly string[]): string {
  const others = listOf(otherTeams.slice(0, 3));
  if (first === undefined || first.team !== team)
    return `Reuse one of the existing implementations (${others})`;
  const callers =
    first.fanIn > 0 ? `, called from ${first.fanIn} ${first.fanIn === 1 ? "place" : "places"}` : "";
  return `Reuse your team's own ${first.repo}/${first.path}${callers}, or another team's (${others}),`;
}

/** The new code's policy beside the golden path's, for every parameter either of them sets. */
function parameterDiffs(
  definition: ConcernDefinition | undefined,
  yours: ReturnType<typeof extractParameters>,
  golden: Implementation | undefined,
): ParameterDiff[] {
  if (!definition) return [];
  return definition.parameters.flatMap((parameter) => {
    const mine = yours[parameter.id]?.display ?? null;
    const theirs = golden?.parameters[parameter.id]?.display ?? null;
    if (mine === null && theirs === null) return [];
    return [{ id: parameter.id, title: parameter.title, yours: mine, golden: theirs, same: mine === theirs }];
  });
}

/**
 * A concern the change implements where another team already has one, or where the org has a golden
 * path. The golden path's owners writing their own concern is their job, not a finding.
 */
export function concernFindings(
  files: readonly CheckedFile[],
  org: readonly ConcernCluster[],
  definitions: readonly ConcernDefinition[],
  config: LineitemConfig,
): CheckFinding[] {
  const findings: CheckFinding[] = [];
  // The modules implementations import: other changed files, and the unchanged ones read at head.
  const modules = moduleLookup([...files.map(moduleOf), ...files.flatMap((file) => file.modules)]);
  for (const file of files) {
    for (const draft of file.implementations) {
      const units = draft.units.map((index) => file.parsed.units[index] as Unit);
      // A change is to the concern's code where it touches the lines of its work: of a long unit (a
      // service's `Run`), where its work is, not anywhere in it.
      const line = placedUnits(draft, file.parsed.units)
        .flatMap(unitSpans)
        .map((span) => firstChangedLine(file.changes, span.startLine, span.endLine))
        .filter((found): found is number => found !== null)
        .sort((a, b) => a - b)[0];
      if (line === undefined) continue;
      const cluster = org.find((c) => c.id === draft.concern);
      const golden = goldenOf(draft.concern, cluster, config);
      if (golden && golden.repo === file.repo && golden.path === file.path) continue;
      if (golden?.owner && golden.owner === file.team) continue;
      const elsewhere = (cluster?.implementations ?? []).filter(
        (impl) => !(impl.repo === file.repo && impl.path === file.path),
      );
      const others = elsewhere.filter((impl) => impl.team !== file.team);
      if (others.length === 0 && !golden) continue;
      const definition = definitions.find((d) => d.id === draft.concern);
      const goldenImpl = cluster?.implementations.find((impl) => impl.golden);
      const noun = cluster?.noun ?? definition?.noun ?? draft.concern;
      const title = cluster?.title ?? definition?.title ?? draft.concern;
      const otherTeams = [...new Set(others.map((impl) => impl.team))].sort();
      const why: string[] = [];
      if (otherTeams.length > 0) {
        why.push(
          `${otherTeams.length === 1 ? "Another team already has its own" : `${otherTeams.length} other teams already have their own`} (${listOf(otherTeams)}).`,
        );
      }
      if (golden) {
        const where = golden.repo && golden.path ? ` (${golden.repo}/${golden.path}` : "";
        const owner = golden.owner ? `${where ? ", " : " ("}owned by ${golden.owner})` : where ? ")" : "";
        why.push(
          `The org's golden path for ${noun} is ${golden.package ?? golden.path ?? "set in config"}${where}${owner}.`,
        );
      }
      why.push("Each new copy is written, reviewed and kept up again, and drifts from the others.");
      // The golden path first, then what the new code could call: implementations in its own language,
      // the most used first (the copy that carries the most weight, the team's own package among them),
      // other teams' before the team's own when used alike. "do" names the other teams in this order.
      const existing = [...others, ...elsewhere.filter((impl) => impl.team === file.team)].sort(
        (a, b) =>
          Number(b.golden) - Number(a.golden) ||
          Number(sameFamily(b.language, file.language)) - Number(sameFamily(a.language, file.language)) ||
          b.fanIn - a.fanIn ||
          Number(a.team === file.team) - Number(b.team === file.team),
      );
      const reusable = [
        ...new Set(existing.filter((impl) => impl.team !== file.team).map((impl) => impl.team)),
      ];
      const ignore = `\`lineitem-ignore ${draft.concern} -- <reason>\``;
      const action = golden
        ? `Use ${golden.package ?? `${golden.repo}/${golden.path}`} instead of writing ${noun} again${golden.owner ? `; if it lacks something you need, ask ${golden.owner}` : ""}. If this copy is deliberate, say why: ${ignore} above it.`
        : `${reuseText(existing[0], file.team, reusable)} or agree on one shared implementation with ${otherTeams.length === 1 ? "that team" : "those teams"}. If this copy is deliberate, say why: ${ignore} above it.`;
      findings.push({
        id: `concern:${draft.concern}:${file.repo}/${file.path}:${file.parsed.units[draft.matched[0] ?? -1]?.name ?? draft.startLine}`,
        kind: "concern",
        level: "warning",
        concern: draft.concern,
        concernTitle: title,
        team: file.team,
        location: {
          team: file.team,
          repo: file.repo,
          path: file.path,
          startLine: draft.startLine,
          endLine: draft.endLine,
          line,
          units: units.map(unitRef),
        },
        what: `${whereText(file.path, placedOf(draft, file.parsed.units))} adds ${noun}${draft.wraps ? ` (a wrapper around ${draft.wraps})` : ""} for team ${file.team}.`,
        why: why.join(" "),
        action,
        existing: existing.map(existingOf),
        goldenPath: golden,
        parameters: parameterDiffs(
          definition,
          extractParameters(
            definition ?? emptyDefinition(draft.concern),
            units,
            file.language,
            importedUnits(moduleOf(file), units, (key) => modules(file.repo, key)),
          ),
          goldenImpl,
        ),
        allowed: null,
      });
    }
  }
  return findings;
}

/** Languages whose code can call each other's: TypeScript, TSX and JavaScript; Java and Kotlin. */
const FAMILY: Record<string, string> = {
  typescript: "js",
  tsx: "js",
  javascript: "js",
  java: "jvm",
  kotlin: "jvm",
};
const sameFamily = (a: string, b: string): boolean => (FAMILY[a] ?? a) === (FAMILY[b] ?? b);

/** A changed file as the import graph reads it. */
const moduleOf = (file: CheckedFile): ModuleFile => ({
  repo: file.repo,
  path: file.path,
  language: file.language,
  imports: file.parsed.imports,
  units: file.parsed.units,
});

function emptyDefinition(id: string): ConcernDefinition {
  return {
    id,
    title: id,
    noun: id,
    description: "",
    signals: [],
    requires: [],
    requiredSignals: [],
    threshold: 0,
    parameters: [],
    libraries: [],
    source: "",
  };
}

/** Copies kept per changed unit: the closest ones. */
const MAX_COPIES = 5;

/**
 * Changed units that copy code another team owns: each compared with the org's units (identical stream
 * or near-miss by fingerprints, as the scan's unit pass measures them). A unit already in a concern
 * finding is left to it.
 */
export async function copyFindings(
  files: readonly CheckedFile[],
  candidates: (units: readonly Uint32Array[], visit: (file: OrgFile) => void) => Promise<void>,
  similarity: SimilarityOptions,
  covered: ReadonlySet<string>,
): Promise<CheckFinding[]> {
  const changed: { file: CheckedFile; unit: Unit; line: number }[] = [];
  const changedPaths = new Set(files.map((file) => `${file.repo}\0${file.path}`));
  for (const file of files) {
    for (const unit of file.parsed.units) {
      if (unit.kind === "block") continue;
      const line = firstChangedLine(file.changes, unit.startLine, unit.endLine);
      if (line === null || covered.has(`${file.path}\0${unit.startLine}`)) continue;
      changed.push({ file, unit, line });
    }
  }
  if (changed.length === 0) return [];
  const probe = createCloneProbe(
    changed.map(({ unit }) => unit.tokens),
    similarity,
  );
  if (probe.probed === 0) return [];
  const copies = new Map<number, (ExistingCopy & { identical: boolean })[]>();
  await candidates(
    changed.map(({ unit }) => unit.tokens),
    (org) => {
      if (changedPaths.has(`${org.repo}\0${org.path}`)) return;
      let units: Unit[] | undefined;
      for (const kept of org.prints.units) {
        for (const hit of probe.match(kept)) {
          const mine = changed[hit.unit] as (typeof changed)[number];
          if (org.team === mine.file.team) continue;
          units ??= org.units();
          const unit = units[kept.index];
          if (!unit) continue;
          const list = copies.get(hit.unit) ?? [];
          list.push({
            team: org.team,
            repo: org.repo,
            path: org.path,
            startLine: unit.startLine,
            endLine: unit.endLine,
            golden: false,
            units: [unitRef(unit)],
            similarity: Math.round(hit.similarity * 100) / 100,
            identical: hit.identical,
          });
          copies.set(hit.unit, list);
        }
      }
    },
  );
  const findings: CheckFinding[] = [];
  for (const [index, found] of [...copies].sort((a, b) => a[0] - b[0])) {
    const { file, unit, line } = changed[index] as (typeof changed)[number];
    const closest = found
      .sort(
        (a, b) =>
          (b.similarity ?? 0) - (a.similarity ?? 0) ||
          a.repo.localeCompare(b.repo) ||
          a.path.localeCompare(b.path),
      )
      .slice(0, MAX_COPIES)
      .map(({ identical: _identical, ...copy }) => copy);
    const first = closest[0] as ExistingCopy;
    const teams = [...new Set(closest.map((copy) => copy.team))].sort();
    const share =
      first.similarity === 1 ? "identical to" : `${Math.round((first.similarity ?? 0) * 100)}% like`;
    findings.push({
      id: `copy:${file.repo}/${file.path}:${unit.name}`,
      kind: "copy",
      level: "note",
      concern: null,
      concernTitle: null,
      team: file.team,
      location: {
        team: file.team,
        repo: file.repo,
        path: file.path,
        startLine: unit.startLine,
        endLine: unit.endLine,
        line,
        units: [unitRef(unit)],
      },
      what: `${unit.name} (${file.path}:${unit.startLine}-${unit.endLine}) is ${share} ${first.units[0]?.name ?? "code"} in ${first.repo}/${first.path}:${first.startLine}-${first.endLine}, owned by ${first.team}.`,
      why: `${listOf(teams)} already ${teams.length === 1 ? "writes and keeps" : "write and keep"} up this code; a second copy is maintained twice and drifts from the first.`,
      action: `Call or import ${first.team}'s instead, or move it to a shared package with them. If this copy is deliberate, say why: \`lineitem-ignore copy -- <reason>\` above it.`,
      existing: closest,
      goldenPath: null,
      parameters: [],
      allowed: null,
    });
  }
  return findings;
}
