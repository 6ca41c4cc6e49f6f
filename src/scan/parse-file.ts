import type { ConcernDefinition, ImplementationDraft } from "../concerns/index.js";
import {
  type FileUnits,
  type LanguageId,
  type LanguageRegistry,
  languageOf,
  lexedLanguage,
} from "../lang/index.js";
import { type StreamPrints, streamPrints } from "../similarity/index.js";
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
  /** Also the file's stream prints for the copy search, with these settings (see packedStream). */
  prints?: { k: number; window: number };
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
  | {
      ok: true;
      blobSha: string;
      bytes: number;
      parsed: FileUnits;
      implementations: ImplementationDraft[];
      prints?: StreamPrints;
    }
  /** `blobSha` when the verdict came from the file's content, so the same bytes can be given it again. */
  | { ok: false; reason: SkipReason; detail: string; blobSha?: string };

/**
 * sources → lang → concerns for one file: read it (or say why not), parse it, and match concerns on its
 * units while they are at hand, on the worker's core. A file nothing could be read from (no units, only
 * problems) is counted as a parse error rather than as read.
 */
export function readAndParse(
  task: ParseTask,
  languages: LanguageRegistry,
  match: ((path: string, parsed: FileUnits) => ImplementationDraft[]) | null,
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
  const implementations = match && task.matchConcerns ? match(task.path, parsed) : [];
  if (task.prints === undefined) {
    return { ok: true, blobSha: read.blobSha, bytes: read.bytes, parsed, implementations };
  }
  const stream = packedStream(parsed);
  return {
    ok: true,
    blobSha: read.blobSha,
    bytes: read.bytes,
    parsed,
    implementations,
    prints: streamPrints(stream, task.prints.k, task.prints.window),
  };
}

/**
 * Moves the units' tokens and lines into one buffer each, end to end in unit order, and points each unit
 * at its part: the file's stream as the copy search reads it, made here (on the reader's core) rather than
 * copied together on the search's thread, and sent back as two buffers instead of two per unit.
 */
export function packedStream(parsed: FileUnits): Uint32Array {
  const total = parsed.units.reduce((sum, unit) => sum + unit.tokens.length, 0);
  const first = parsed.units[0]?.tokens;
  if (first && total > 0) {
    // The lexer already writes units end to end into one buffer (bracketUnits): nothing to move.
    let end = first.byteOffset;
    const inPlace = parsed.units.every((unit) => {
      const next = unit.tokens.buffer === first.buffer && unit.tokens.byteOffset === end;
      end += unit.tokens.byteLength;
      return next;
    });
    if (inPlace) return new Uint32Array(first.buffer, first.byteOffset, total);
  }
  const tokens = new Uint32Array(total);
  const lines = new Uint32Array(total);
  let offset = 0;
  for (const unit of parsed.units) {
    const length = unit.tokens.length;
    tokens.set(unit.tokens, offset);
    lines.set(unit.tokenLines, offset);
    unit.tokens = tokens.subarray(offset, offset + length);
    unit.tokenLines = lines.subarray(offset, offset + length);
    offset += length;
  }
  return tokens;
}
