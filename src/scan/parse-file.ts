import { importsFrom } from "../clusters/index.js";
import {
  type ConcernDefinition,
  groupImplementations,
  type ImplementationDraft,
  scoreFile,
} from "../concerns/index.js";
import {
  type FileUnits,
  type LanguageId,
  type LanguageRegistry,
  languageOf,
  lexedLanguage,
} from "../lang/index.js";
import { readSourceFile, type SkipReason, sourceFromBytes } from "../sources/index.js";

/** One file to read and parse, as the main thread hands it to a worker. */
export interface ParseTask {
  path: string;
  absPath: string;
  /** The content, when it does not come from `absPath` (a blob read from git at a past commit). */
  bytes?: Uint8Array;
  maxBytes: number;
  /** Match concerns too (off for test code the scan leaves out). */
  matchConcerns: boolean;
  /** Only what the copy search needs (LanguageRegistry.tokens): no syntax tree for JavaScript/TypeScript. */
  tokensOnly?: boolean;
}

/** The languages of a batch's files, to load their adapters first (a path no adapter reads is reported later). */
export function languagesOf(tasks: readonly ParseTask[]): LanguageId[] {
  return tasks.flatMap((task) => {
    const language = languageOf(task.path);
    return language === null || (task.tokensOnly && lexedLanguage(language)) ? [] : [language];
  });
}

/** What a worker needs to match concerns where the units are: the definitions and the golden packages. */
export interface ConcernMatching {
  definitions: ConcernDefinition[];
  goldenPackages: string[];
}

export type ParseOutcome =
  | { ok: true; blobSha: string; bytes: number; parsed: FileUnits; implementations: ImplementationDraft[] }
  /** `blobSha` when the verdict came from the file's content, so the same bytes can be given it again. */
  | { ok: false; reason: SkipReason; detail: string; blobSha?: string };

/** Names a file imports from a golden path's package: calling them is adoption, not a new copy. */
export function adoptedNames(imports: FileUnits["imports"], goldenPackages: string[]): Set<string> {
  const names = new Set<string>();
  for (const imp of imports) {
    if (!goldenPackages.some((pkg) => importsFrom(imp.module, pkg))) continue;
    for (const name of imp.names) if (name !== "*" && name !== "default") names.add(name);
  }
  return names;
}

/**
 * sources → lang → concerns for one file: read it (or say why not), parse it, and match concerns on its
 * units while they are at hand, on the worker's core. A file nothing could be read from (no units, only
 * problems) is counted as a parse error rather than as read.
 */
export function readAndParse(
  task: ParseTask,
  languages: LanguageRegistry,
  matching: ConcernMatching | null,
): ParseOutcome {
  const read = task.bytes
    ? sourceFromBytes(Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength))
    : readSourceFile(task.absPath, task.maxBytes);
  if (!read.ok) return read;
  let parsed: FileUnits;
  try {
    parsed = task.tokensOnly ? languages.tokens(task.path, read.text) : languages.parse(task.path, read.text);
  } catch (error) {
    // Adapters promise not to throw for bad input; if one does, the file is reported, not the scan lost.
    return {
      ok: false,
      reason: "parse-error",
      detail: `parser failed: ${(error as Error).message}`,
      blobSha: read.blobSha,
    };
  }
  if (parsed.units.length === 0 && parsed.imports.length === 0 && parsed.problems.length > 0) {
    const first = parsed.problems[0];
    return {
      ok: false,
      reason: "parse-error",
      detail: `line ${first?.line}: ${first?.message}`,
      blobSha: read.blobSha,
    };
  }
  const implementations = matching && task.matchConcerns ? matchConcerns(task.path, parsed, matching) : [];
  return { ok: true, blobSha: read.blobSha, bytes: read.bytes, parsed, implementations };
}

/** The concern engine on one parsed file (pure; runs in a worker after a parse, or on stored units). */
export function matchConcerns(
  path: string,
  parsed: FileUnits,
  matching: ConcernMatching,
): ImplementationDraft[] {
  if (matching.definitions.length === 0) return [];
  const file = {
    path,
    language: parsed.language as LanguageId,
    imports: parsed.imports,
    units: parsed.units,
    adoptedNames: adoptedNames(parsed.imports, matching.goldenPackages),
  };
  return groupImplementations(file, scoreFile(file, matching.definitions), matching.definitions);
}
