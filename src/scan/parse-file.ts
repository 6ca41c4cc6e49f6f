import type { FileUnits, LanguageRegistry } from "../lang/index.js";
import { readSourceFile, type SkipReason } from "../sources/index.js";

/** One file to read and parse, as the main thread hands it to a worker. */
export interface ParseTask {
  path: string;
  absPath: string;
  maxBytes: number;
}

export type ParseOutcome =
  | { ok: true; blobSha: string; bytes: number; parsed: FileUnits }
  | { ok: false; reason: SkipReason; detail: string };

/**
 * sources → lang for one file: read it (or say why not) and parse it. A file nothing could be read from
 * (no units, only problems) is counted as a parse error rather than as read.
 */
export function readAndParse(task: ParseTask, languages: LanguageRegistry): ParseOutcome {
  const read = readSourceFile(task.absPath, task.maxBytes);
  if (!read.ok) return read;
  let parsed: FileUnits;
  try {
    parsed = languages.parse(task.path, read.text);
  } catch (error) {
    // Adapters promise not to throw for bad input; if one does, the file is reported, not the scan lost.
    return { ok: false, reason: "parse-error", detail: `parser failed: ${(error as Error).message}` };
  }
  if (parsed.units.length === 0 && parsed.imports.length === 0 && parsed.problems.length > 0) {
    const first = parsed.problems[0];
    return { ok: false, reason: "parse-error", detail: `line ${first?.line}: ${first?.message}` };
  }
  return { ok: true, blobSha: read.blobSha, bytes: read.bytes, parsed };
}
