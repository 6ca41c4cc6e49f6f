import { type FoundImplementation, groupByConcern, unnamedGroups } from "../clusters/index.js";
import type { ConcernDefinition } from "../concerns/index.js";
import type { LineitemConfig } from "../config/index.js";
import type { Unit } from "../lang/index.js";
import { counted, type ScanResult } from "../result/index.js";
import type { DiagnosticLog } from "../shared/index.js";
import { DEFAULT_SIMILARITY, type SimilarityOptions } from "../similarity/index.js";
import type { SkippedFile } from "../sources/index.js";
import { assembleResult } from "./assemble.js";
import { assembleClones } from "./assemble-clones.js";
import { findOrgClones } from "./clones.js";
import { type HistoryRequest, type OrgHistory, requestOf } from "./history.js";
import type { RepoRead } from "./list-org.js";
import type { ProgressListener } from "./progress.js";
import type { ScannedFile } from "./scanned-file.js";
import type { OrgTotals } from "./totals.js";
import { placedUnits } from "./unit-ref.js";

/** The keys of a config section that were given (zod leaves the others undefined). */
function definedOnly<T extends object>(section: T): Partial<T> {
  return Object.fromEntries(Object.entries(section).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** The similarity thresholds in force: the defaults, with the config's own on top. */
export function similarityOptions(config: LineitemConfig): SimilarityOptions {
  return { ...DEFAULT_SIMILARITY, ...definedOnly(config.similarity) };
}

export interface FindingsInput {
  /** The repositories with the files read (all of them, or, from a database, the files that matter). */
  reads: RepoRead[];
  config: LineitemConfig;
  configFile: string | null;
  definitions: ConcernDefinition[];
  options: { includeTests: boolean; showBoilerplate: boolean; people: boolean; emails: boolean };
  now: Date;
  log: DiagnosticLog;
  progress: ProgressListener;
  /** History for the lines of every finding, by repository. */
  history: (wanted: Map<string, HistoryRequest[]>) => Promise<OrgHistory>;
  /** From a database: files per folder (the scaffolding rule), fan-in and totals over files not loaded. */
  partial?: {
    /** Files read only for the defaults implementations import (see AssembleInput.modules). */
    modules: ScannedFile[];
    folderFiles: Map<string, number>;
    fanIn: (impl: FoundImplementation, file: ScannedFile) => number;
    totals: OrgTotals;
  };
}

/**
 * similarity → clusters → history → ledger over files already read and matched: the part of a scan that
 * looks across repositories. A local scan gives it every file; `lineitem report --db` only the files with
 * implementations or copy candidates, with the rest of what it needs counted by the database.
 */
export async function findAndAssemble(input: FindingsInput): Promise<ScanResult> {
  const { config, reads, progress } = input;
  const { includeTests } = input.options;
  const allFiles = reads.flatMap((read) => read.files);
  const skipped: SkippedFile[] = reads.flatMap((read) => read.skipped);
  const files = includeTests ? allFiles : allFiles.filter((file) => !file.isTest);

  // Concerns were matched where each file was parsed; here they only get their place in `files`.
  const implementations: FoundImplementation[] = files.flatMap((file, index) =>
    file.implementations.map((draft) => ({ ...draft, file: index })),
  );
  progress({
    stage: "copies",
    message: `looking for copies among ${counted(
      files.reduce((sum, f) => sum + f.units.length, 0),
      "unit",
    )}`,
  });
  const similarity = similarityOptions(config);
  const clones = findOrgClones(
    files,
    reads,
    implementations,
    { goldenPaths: config.goldenPaths, rules: config.canonical },
    { ...similarity, ...(input.partial ? { folderFiles: input.partial.folderFiles } : {}) },
  );
  const groups = groupByConcern(files, implementations, config.goldenPaths);
  const memberUnits = new Set(
    implementations.flatMap((impl) => impl.units.map((unit) => `${impl.file}:${unit}`)),
  );
  const unnamed = unnamedGroups(files, clones.unitGroups, (file, unit) => memberUnits.has(`${file}:${unit}`));

  // History is read for the lines of every finding: implementations and members of unnamed clusters.
  const wanted = new Map<string, HistoryRequest[]>();
  const want = (fileIndex: number, units: (file: ScannedFile) => Parameters<typeof requestOf>[1]) => {
    const file = files[fileIndex] as ScannedFile;
    const list = wanted.get(file.repo) ?? [];
    list.push(requestOf(file.path, units(file)));
    wanted.set(file.repo, list);
  };
  for (const impl of implementations) want(impl.file, (file) => placedUnits(impl, file.units));
  for (const group of unnamed)
    for (const member of group.members)
      want(member.file, (file) => member.units.map((u) => file.units[u] as Unit));
  progress({ stage: "history", message: "reading history" });
  const history = await input.history(wanted);

  return assembleResult({
    now: input.now,
    configFile: input.configFile,
    includeTests,
    reads,
    allFiles,
    files,
    skipped,
    definitions: input.definitions,
    groups,
    implementations,
    clones: clones.unitGroups,
    cloneSection: assembleClones(clones, files, similarity, input.options.showBoilerplate),
    unnamed,
    history,
    ledger: {
      ledger: config.ledger,
      advisor: config.advisor,
      people: input.options.people,
      emails: input.options.emails,
    },
    diagnostics: input.log.entries,
    ...(input.partial
      ? {
          fanIn: (impl: FoundImplementation) =>
            input.partial?.fanIn(impl, files[impl.file] as ScannedFile) ?? 0,
          totals: input.partial.totals,
          modules: input.partial.modules,
        }
      : {}),
  });
}
