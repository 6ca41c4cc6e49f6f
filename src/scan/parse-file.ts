import type { ImplementationDraft } from "../concerns/index.js";
import {
  type FileUnits,
  type LanguageId,
  type LanguageRegistry,
  languageOf,
  lexedLanguage,
} from "../lang/index.js";
import { joinedTokens, type StreamPrints, streamPrints } from "../similarity/index.js";
import { readSourceFile, type SkipReason, sourceFromBytes } from "../sources/index.js";
import type { ConcernMatching } from "./match-file.js";

export type { ConcernMatching } from "./match-file.js";

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
  /** Also the file's stream prints for the copy search, with these settings (similarity's StreamPrints). */
  prints?: { k: number; window: number };
  /** No blob id (`blobSha` ""): the copy search keeps nothing by content, so hashing every byte buys nothing. */
  unnamed?: boolean;
}

/** The languages of a batch's files, to load their adapters first (a path no adapter reads is reported later). */
export function languagesOf(tasks: readonly ParseTask[]): LanguageId[] {
  return tasks.flatMap((task) => {
    const language = languageOf(task.path);
    return language === null || (task.tokensOnly && lexedLanguage(language)) ? [] : [language];
  });
}

/**
 * The concern matcher for `matching`, or null when there is nothing to match. The concern engine is loaded
 * here, on the first batch that needs it: a thread that only reads for the copy search never loads it.
 */
export async function loadMatcher(
  matching: ConcernMatching | null,
): Promise<((path: string, parsed: FileUnits) => ImplementationDraft[]) | null> {
  if (!matching?.definitions.length) return null;
  return (await import("./match-file.js")).matcherFor(matching);
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
    : readSourceFile(task.absPath, task.maxBytes, { name: !task.unnamed });
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
 * The file's stream as the copy search reads it, its units pointing into it: in place when the lexer
 * wrote them end to end; else (a parser's units, each in arrays of its own) tokens and lines are moved
 * into one buffer each here, on the reader's core, so the search need not copy them and they travel back
 * as two buffers instead of two per unit.
 */
function packedStream(parsed: FileUnits): Uint32Array {
  const { units } = parsed;
  const tokens = joinedTokens(units.map((unit) => unit.tokens));
  if (units.length === 0 || tokens.buffer === units[0]?.tokens.buffer) return tokens;
  const lines = joinedTokens(units.map((unit) => unit.tokenLines));
  let offset = 0;
  for (const unit of units) {
    const end = offset + unit.tokens.length;
    unit.tokens = tokens.subarray(offset, end);
    unit.tokenLines = lines.subarray(offset, end);
    offset = end;
  }
  return tokens;
}
