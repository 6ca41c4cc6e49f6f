import { createHash } from "node:crypto";
import { lstatSync, readFileSync } from "node:fs";
import { classifyContent, hasUtf16Bom, type SkipReason } from "./classify.js";

export type ReadResult =
  | { ok: true; text: string; blobSha: string; bytes: number }
  /** `blobSha` when the bytes were read and judged by their content: the same bytes get the same verdict. */
  | { ok: false; reason: SkipReason; detail: string; blobSha?: string };

export type BytesResult = { ok: true; bytes: Buffer } | { ok: false; reason: SkipReason; detail: string };

/** Git's object id for a blob, so files are content-addressed the way git itself names them. */
export function gitBlobSha(bytes: Buffer): string {
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

function decode(bytes: Buffer): string | undefined {
  if (hasUtf16Bom(bytes)) {
    const littleEndian = bytes[0] === 0xff;
    const body = bytes.subarray(2);
    return new TextDecoder(littleEndian ? "utf-16le" : "utf-16be").decode(body);
  }
  try {
    const text = strictUtf8.decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return undefined;
  }
}

/**
 * Reads one file for parsing, or says why not. Never throws for a file: a vanished or unreadable file is a
 * skip with a reason, so one bad file never stops a scan.
 */
export function readSourceFile(absPath: string, maxBytes: number, options: NamingOptions = {}): ReadResult {
  const read = readSourceBytes(absPath, maxBytes);
  if (!read.ok) return read;
  return sourceFromBytes(read.bytes, options);
}

export interface NamingOptions {
  /**
   * Compute the blob id (default). Off, `blobSha` is "": for a reader that keeps nothing by content (the
   * copy search, with no index) and would hash every byte of the org for nothing.
   */
  name?: boolean;
}

/**
 * The same verdicts as readSourceFile for bytes already in memory (a blob read from git at a past
 * commit): binary, generated, minified, undecodable, or the text with its blob id.
 */
export function sourceFromBytes(bytes: Buffer, { name = true }: NamingOptions = {}): ReadResult {
  const blobSha = name ? gitBlobSha(bytes) : "";
  const verdict = classifyContent(bytes);
  if (verdict) return { ok: false, reason: verdict, detail: verdictDetail(verdict), blobSha };
  const text = decode(bytes);
  if (text === undefined) {
    return { ok: false, reason: "unreadable", detail: "not valid UTF-8 or UTF-16", blobSha };
  }
  return { ok: true, text, blobSha, bytes: bytes.length };
}

/**
 * A file's bytes, or why they cannot be had (a symbolic link, over the size limit, vanished, unreadable).
 * Never throws for a file.
 */
export function readSourceBytes(absPath: string, maxBytes: number): BytesResult {
  try {
    const stat = lstatSync(absPath);
    if (stat.isSymbolicLink()) return { ok: false, reason: "symlink", detail: "symbolic link" };
    if (stat.size > maxBytes) {
      return { ok: false, reason: "too-large", detail: `${stat.size} bytes (limit ${maxBytes})` };
    }
    return { ok: true, bytes: readFileSync(absPath) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { ok: false, reason: "vanished", detail: "listed but no longer on disk" };
    return { ok: false, reason: "unreadable", detail: code ?? (error as Error).message };
  }
}

function verdictDetail(reason: SkipReason): string {
  if (reason === "binary") return "contains NUL bytes";
  if (reason === "generated") return "has a generated-code marker";
  if (reason === "minified") return "very long lines";
  return reason;
}
