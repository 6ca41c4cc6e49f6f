import {
  type ImplementationDraft,
  importsByPath,
  type ModuleFile,
  moduleKey,
  relativeImportKey,
} from "../concerns/index.js";
import type { LineitemConfig } from "../config/index.js";
import type { ChangedFile, CheckRevisions, LineChanges } from "../history/index.js";
import { type FileUnits, type LanguageId, languageOf, parseKindOf } from "../lang/index.js";
import { ownerResolver, readCodeOwners } from "../ownership/index.js";
import type { DiagnosticLog } from "../shared/index.js";
import {
  catBlobs,
  type ListedFile,
  listRepoFiles,
  listTreeFiles,
  type RepoTarget,
  readSourceBytes,
  sourceFromBytes,
} from "../sources/index.js";
import { codeOwnersAt } from "./codeowners-at.js";
import { matchConcerns } from "./match-file.js";
import type { ConcernMatching, ParseOutcome, ParseTask } from "./parse-file.js";
import type { ParsePool } from "./parse-pool.js";
import { importsTestFramework } from "./test-code.js";

/** A changed source file at head: its team, text, units, and the concern implementations in it. */
export interface CheckedFile {
  repo: string;
  path: string;
  team: string;
  language: LanguageId;
  /** The text at head, for lineitem-ignore comments. */
  lines: string[];
  parsed: FileUnits;
  implementations: ImplementationDraft[];
  changes: LineChanges;
  /**
   * The unchanged modules its relative imports name, as they are at head, when it holds an
   * implementation: read only for the defaults they keep (the drift table's values).
   */
  modules: ModuleFile[];
}

/** What a check needs of the index to skip parsing: units already kept for a blob. */
export interface ParsedLookup {
  getParsed(blobSha: string, kind: string): unknown;
}

/**
 * The changed files as they are at head, sorted out as a scan sorts them (vendored, generated, minified,
 * unsupported and excluded files are not read; test code only when the config counts it), with their
 * teams from CODEOWNERS and config at head. Bytes come from the working tree when head is checked out,
 * else from git's objects (one `git cat-file --batch`); units from the index when it has the blob.
 */
export async function readChangedFiles(
  target: RepoTarget,
  revisions: CheckRevisions,
  changed: readonly ChangedFile[],
  lines: Map<string, LineChanges>,
  config: LineitemConfig,
  matching: ConcernMatching,
  pool: ParsePool,
  store: ParsedLookup | null,
  log: DiagnosticLog,
): Promise<CheckedFile[]> {
  const options = {
    include: config.include,
    exclude: config.exclude,
    isSupported: (path: string) => languageOf(path) !== null,
  };
  const { workingTree, commit } = revisions.head;
  const [listing, codeowners] = await Promise.all([
    workingTree ? listRepoFiles(target, options) : listTreeFiles(target, commit, options),
    workingTree
      ? readCodeOwners(target.root, config.codeowners)
      : codeOwnersAt(target.root, commit, config.codeowners),
  ]);
  const ownerOf = ownerResolver(target.name, config.teams, codeowners, config.umbrellaTeams);
  const wanted = new Set(changed.map((file) => file.path));
  const files = listing.files.filter(
    (file) => wanted.has(file.path) && lines.has(file.path) && (config.includeTests || !file.isTest),
  );

  const readBytes = async (wanted: readonly ListedFile[]): Promise<Map<string, Buffer>> => {
    const bytes = new Map<string, Buffer>();
    if (workingTree) {
      for (const file of wanted) {
        const read = readSourceBytes(file.absPath, config.maxFileBytes);
        if (read.ok) bytes.set(file.path, read.bytes);
        else log.info("check-unread", `${file.path}: not read (${read.detail}).`, { file: file.path });
      }
      return bytes;
    }
    const byBlob = new Map<string, ListedFile[]>();
    for (const file of wanted) {
      const blob = file.blob as { sha: string; size: number };
      if (blob.size > config.maxFileBytes) continue;
      byBlob.set(blob.sha, [...(byBlob.get(blob.sha) ?? []), file]);
    }
    await catBlobs(target.root, [...byBlob.keys()], (id, read) => {
      if (!read.ok) return;
      for (const file of byBlob.get(id) ?? []) bytes.set(file.path, read.bytes);
    });
    return bytes;
  };
  const bytes = await readBytes(files);

  const checked: CheckedFile[] = [];
  const tasks: ParseTask[] = [];
  const taskFiles: { file: ListedFile; text: string }[] = [];
  const add = (file: ListedFile, text: string, parsed: FileUnits, implementations: ImplementationDraft[]) => {
    if (!config.includeTests && importsTestFramework(parsed.imports)) return;
    checked.push({
      repo: target.name,
      path: file.path,
      team: ownerOf(file.path).team,
      language: parsed.language,
      lines: text.split(/\r?\n/),
      parsed,
      implementations,
      changes: lines.get(file.path) as LineChanges,
      modules: [],
    });
  };
  for (const file of files) {
    const content = bytes.get(file.path);
    if (!content) continue;
    const source = sourceFromBytes(content);
    if (!source.ok) continue;
    const kind = parseKindOf(file.path) as string;
    const stored = store?.getParsed(source.blobSha, kind) as { ok: boolean; parsed?: FileUnits } | undefined;
    if (stored?.ok && stored.parsed) {
      add(file, source.text, stored.parsed, matchConcerns(file.path, stored.parsed, matching));
    } else if (stored === undefined) {
      tasks.push({
        path: file.path,
        absPath: file.absPath,
        bytes: content,
        maxBytes: config.maxFileBytes,
        matchConcerns: true,
      });
      taskFiles.push({ file, text: source.text });
    }
  }
  const outcomes: ParseOutcome[] = await pool.parse(tasks, matching);
  outcomes.forEach((outcome, k) => {
    const { file, text } = taskFiles[k] as { file: ListedFile; text: string };
    if (outcome.ok) add(file, text, outcome.parsed, outcome.implementations);
    else log.info("check-unread", `${file.path}: not parsed (${outcome.detail}).`, { file: file.path });
  });
  await addImportedModules(
    checked,
    listing.files,
    readBytes,
    (tasks) => pool.parse(tasks, matching),
    store,
    config.maxFileBytes,
  );
  return checked.sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * Gives each changed file that holds an implementation the unchanged modules its relative imports name
 * (JavaScript and TypeScript: `./options`, `../utils/normalize.js`), read at head and parsed as the scan
 * parses them, or taken from the index by blob.
 */
async function addImportedModules(
  checked: CheckedFile[],
  listed: readonly ListedFile[],
  readBytes: (files: readonly ListedFile[]) => Promise<Map<string, Buffer>>,
  parse: (tasks: ParseTask[]) => Promise<ParseOutcome[]>,
  store: ParsedLookup | null,
  maxBytes: number,
): Promise<void> {
  const changed = new Set(checked.map((file) => file.path));
  const byKey = new Map<string, ListedFile>();
  for (const file of listed) {
    if (changed.has(file.path) || !importsByPath(languageOf(file.path))) continue;
    if (!byKey.has(moduleKey(file.path))) byKey.set(moduleKey(file.path), file);
  }
  const wantedBy = new Map<CheckedFile, ListedFile[]>();
  for (const file of checked) {
    if (file.implementations.length === 0 || !importsByPath(file.language)) continue;
    const wanted = file.parsed.imports.flatMap((imp) => {
      const key = relativeImportKey(file.path, imp.module);
      const module = key === null ? undefined : byKey.get(key);
      return module ? [module] : [];
    });
    if (wanted.length > 0) wantedBy.set(file, wanted);
  }
  const unique = [...new Set([...wantedBy.values()].flat())];
  if (unique.length === 0) return;
  const bytes = await readBytes(unique);
  const parsed = new Map<string, FileUnits>();
  const tasks: ParseTask[] = [];
  for (const file of unique) {
    const content = bytes.get(file.path);
    const source = content ? sourceFromBytes(content) : undefined;
    if (!content || !source?.ok) continue;
    const stored = store?.getParsed(source.blobSha, parseKindOf(file.path) as string) as
      | { ok: boolean; parsed?: FileUnits }
      | undefined;
    if (stored?.ok && stored.parsed) parsed.set(file.path, stored.parsed);
    else if (stored === undefined)
      tasks.push({ path: file.path, absPath: file.absPath, bytes: content, maxBytes, matchConcerns: false });
  }
  (await parse(tasks)).forEach((outcome, k) => {
    if (outcome.ok) parsed.set((tasks[k] as ParseTask).path, outcome.parsed);
  });
  for (const [file, wanted] of wantedBy) {
    file.modules = wanted.flatMap((module) => {
      const units = parsed.get(module.path);
      return units
        ? [
            {
              repo: file.repo,
              path: module.path,
              language: units.language,
              imports: units.imports,
              units: units.units,
            },
          ]
        : [];
    });
  }
}
