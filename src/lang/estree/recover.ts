import type { OxcError, ParserOptions } from "oxc-parser";
// The native binding itself: oxc-parser's `parseSync` wrapper also converts the module record and the
// comments into JS objects, which lineitem never reads (a fifth of the parse time on real code).
import { parseSync as parseNative } from "oxc-parser/src-js/bindings";
import { type EsNode, list } from "./node.js";

interface NativeResult {
  /** The AST as JSON: `{ node, fixes }`, fixes locating BigInt and RegExp literals we do not need. */
  readonly program: string;
  readonly errors: OxcError[];
}

/** Parses and returns the program and errors only. */
function parseSync(
  path: string,
  text: string,
  options: ParserOptions,
): { program: EsNode; errors: OxcError[] } {
  const result = parseNative(path, text, options) as NativeResult;
  const errors = result.errors;
  return { program: (JSON.parse(result.program) as { node: EsNode }).node, errors };
}

export interface EstreeParse {
  /** Undefined when nothing could be read, even after recovery. */
  program: EsNode | undefined;
  errors: { offset: number; message: string }[];
}

/**
 * Parses with oxc and, when a syntax error makes oxc return an empty program (it does not recover on
 * its own), blanks the broken top-level regions and parses again so that the rest of the file still
 * yields units. Blanking keeps every other character in place, so offsets and lines stay true.
 */
export function parseEstree(path: string, text: string, options: ParserOptions): EstreeParse {
  const result = parseSync(path, text, options);
  const errors = result.errors.map(toError);
  const program = result.program;
  if (errors.length === 0 || list(program, "body").length > 0 || isBlank(text)) return { program, errors };
  return { program: recover(path, text, options), errors };
}

function recover(path: string, text: string, options: ParserOptions): EsNode | undefined {
  const segments = topLevelSegments(text);
  // A segment that cannot be parsed on its own holds (or is cut by) the error.
  const broken = segments.filter(([start, end]) => {
    const piece = text.slice(start, end);
    const result = parseSync(path, piece, options);
    return result.errors.length > 0 && list(result.program, "body").length === 0 && !isBlank(piece);
  });
  let patched = blank(text, broken);
  for (let attempt = 0; attempt < 4; attempt++) {
    const result = parseSync(path, patched, options);
    if (list(result.program, "body").length > 0) return result.program;
    const [first] = result.errors;
    if (first === undefined) return undefined;
    // Still fatal: the error spans segments in a way the per-segment check missed; blank where it points.
    const offset = toError(first).offset;
    const segment = segments.find(([start, end]) => offset >= start && offset < end) ?? segments.at(-1);
    if (segment === undefined || broken.includes(segment)) return undefined;
    broken.push(segment);
    patched = blank(text, broken);
  }
  return undefined;
}

/**
 * Formatted code starts each top-level statement in column 0 and indents everything inside it, so a
 * column-0 line that does not close or continue something starts a segment. Decorators stay with the
 * declaration under them.
 */
function topLevelSegments(text: string): [number, number][] {
  const starts: number[] = [0];
  let previousDecorator = false;
  let offset = 0;
  while (offset < text.length) {
    const next = text.indexOf("\n", offset);
    const end = next === -1 ? text.length : next + 1;
    const first = text.charCodeAt(offset);
    const isBoundary =
      STATEMENT_START.test(text[offset] ?? "") && !CONTINUATION.test(text.slice(offset, offset + 8));
    if (isBoundary && !previousDecorator && offset > 0) starts.push(offset);
    if (first !== 10 && first !== 13 && first !== 32 && first !== 9) previousDecorator = first === 64; // "@"
    offset = end;
  }
  return starts.map((start, index) => [start, starts[index + 1] ?? text.length]);
}

const STATEMENT_START = /[A-Za-z_$@#"'(]/;
const CONTINUATION = /^(?:else|catch|finally)\b/;

function blank(text: string, regions: readonly [number, number][]): string {
  if (regions.length === 0) return text;
  const sorted = [...regions].sort((a, b) => a[0] - b[0]);
  let out = "";
  let cursor = 0;
  for (const [start, end] of sorted) {
    out += text.slice(cursor, start) + text.slice(start, end).replace(/[^\r\n]/g, " ");
    cursor = end;
  }
  return out + text.slice(cursor);
}

function toError(error: OxcError): { offset: number; message: string } {
  return { offset: error.labels[0]?.start ?? 0, message: error.message };
}

function isBlank(text: string): boolean {
  return /^\s*$/.test(text.replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, ""));
}
