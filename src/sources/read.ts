import { createHash } from "node:crypto";
import { closeSync, constants, fstatSync, lstatSync, openSync, readFileSync } from "node:fs";
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

/** Opening refuses a symbolic link (ELOOP) where the platform can say so (not on Windows). */
const NO_FOLLOW = constants.O_NOFOLLOW as number | undefined;

/**
 * A file's bytes, or why they cannot be had (a symbolic link, over the size limit, vanished, unreadable).
 * Never throws for a file. Opened without following a link and measured on the open file, so a file
 * costs an open, a stat, its reads and a close: no separate lstat of the path first.
 */
export function readSourceBytes(absPath: string, maxBytes: number): BytesResult {
  try {
    if (NO_FOLLOW === undefined) return readAfterLstat(absPath, maxBytes);
    let fd: number;
    try {
      fd = openSync(absPath, constants.O_RDONLY | NO_FOLLOW);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ELOOP") return SYMLINK;
      throw error;
    }
    try {
      const { size } = fstatSync(fd);
      if (size > maxBytes) return tooLarge(size, maxBytes);
      // Read through the open file: from its start to its end, however it changed since the stat.
      return { ok: true, bytes: readFileSync(fd) };
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { ok: false, reason: "vanished", detail: "listed but no longer on disk" };
    return { ok: false, reason: "unreadable", detail: code ?? (error as Error).message };
  }
}

const SYMLINK: BytesResult = { ok: false, reason: "symlink", detail: "symbolic link" };

function tooLarge(size: number, maxBytes: number): BytesResult {
  return { ok: false, reason: "too-large", detail: `${size} bytes (limit ${maxBytes})` };
}

/** Where a link cannot be refused at opening: the path's lstat first, as the platform allows. */
function readAfterLstat(absPath: string, maxBytes: number): BytesResult {
  const stat = lstatSync(absPath);
  if (stat.isSymbolicLink()) return SYMLINK;
  if (stat.size > maxBytes) return tooLarge(stat.size, maxBytes);
  return { ok: true, bytes: readFileSync(absPath) };
}

function verdictDetail(reason: SkipReason): string {
  if (reason === "binary") return "contains NUL bytes";
  if (reason === "generated") return "has a generated-code marker";
  if (reason === "minified") return "very long lines";
  return reason;
}
