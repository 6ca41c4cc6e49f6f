/**
 * oxc parses recursively in native code: a few thousand levels of nesting (brackets, `else if` chains,
 * `a = b = …`, `!!!…`, `x ? y : z ? …`) overflow the thread's stack, and a native stack overflow kills
 * the whole process, not just the file. So before oxc sees a file, one linear pass bounds how deep it can
 * nest, and a file over the limit is reported as not parsed instead. The bound is generous rather than
 * exact: bracket depth plus, at each bracket level, the operators and chaining keywords of the current
 * statement; strings, comments and template text are skipped so that what they hold cannot hide or add
 * nesting.
 */

/** Far above real code (a few dozen levels), far below where oxc overflows a thread's 8 MB stack (≈6,000). */
export const MAX_NESTING = 3000;

// Character classes by code unit, so the pass reads each character once without making strings of them.
const OTHER = 0;
const OPERATOR = 1;
const WORD_START = 2;
const DIGIT = 3;
const CLASS = new Uint8Array(128);
for (const char of "=?:!~+-*/%&|^<>") CLASS[char.charCodeAt(0)] = OPERATOR;
for (let code = 0; code < 128; code++) {
  const char = String.fromCharCode(code);
  if (/[A-Za-z_$]/.test(char)) CLASS[code] = WORD_START;
  else if (/[0-9]/.test(char)) CLASS[code] = DIGIT;
}
const classOf = (code: number): number => (code < 128 ? (CLASS[code] as number) : OTHER);
const isWordChar = (code: number): boolean => {
  const kind = classOf(code);
  return kind === WORD_START || kind === DIGIT;
};

const CHAIN_WORDS = new Set(["else", "if", "await", "new", "typeof", "void", "delete", "yield", "in", "of"]);
const LONGEST_CHAIN_WORD = 6;

const NEWLINE = 10;
const CARRIAGE_RETURN = 13;
const SPACE = 32;
const TAB = 9;
const BACKSLASH = 92;
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;
const BACKTICK = 96;
const SLASH = 47;
const STAR = 42;
const DOLLAR = 36;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const SEMICOLON = 59;
const COMMA = 44;
const DOT = 46;
const OPEN_PAREN = 40;
const CLOSE_PAREN = 41;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

export interface NestingVerdict {
  depth: number;
  /** Offset where the bound first passed the limit, when it did. */
  offset?: number;
}

/**
 * Whether the statement goes on after the line break at `at`: the line ends in an operator, or the next
 * starts with one (or with `.`, or `else`). Otherwise a line break ends a statement, as it does without
 * semicolons, and a long file in that style does not add up as one statement.
 */
function continues(text: string, at: number, last: number): boolean {
  if (classOf(last) === OPERATOR) return true;
  // The first character that is not white space within the next 200.
  const end = Math.min(text.length, at + 200);
  let next = at;
  while (next < end && isSpace(text.charCodeAt(next))) next++;
  if (next === end) return false;
  const code = text.charCodeAt(next);
  return classOf(code) === OPERATOR || code === DOT || text.startsWith("else", next);
}

function isSpace(code: number): boolean {
  // What `\s` matches in the ASCII range, and the wider white space a formatter may leave.
  return (
    code === SPACE ||
    (code >= TAB && code <= CARRIAGE_RETURN) ||
    (code > 127 && /\s/.test(String.fromCharCode(code)))
  );
}

/** Open brackets while the pass runs: one frame per bracket, as plain arrays for speed. */
interface Frames {
  /** The closer each open bracket expects. */
  closers: number[];
  /** The chain run of the statement inside each bracket (one more at the bottom, outside all brackets). */
  runs: number[];
  /** Template literals open: the bracket depth at which each `${` returns to template text. */
  templates: number[];
}

/** Skips a string literal from its opening quote; returns the offset of its closing quote (or line end). */
function skipString(text: string, from: number, quote: number): number {
  let i = from + 1;
  for (; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === BACKSLASH) i++;
    else if (code === quote || code === NEWLINE) return i;
  }
  return i;
}

/**
 * Skips template text from a backtick or a `}` that closes a substitution; returns the offset of the
 * closing backtick, or of the `{` of the next `${`, which opens a frame.
 */
function skipTemplateText(text: string, from: number, frames: Frames): number {
  let i = from + 1;
  for (; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === BACKSLASH) i++;
    else if (code === BACKTICK) return i;
    else if (code === DOLLAR && text.charCodeAt(i + 1) === OPEN_BRACE) {
      frames.templates.push(frames.closers.length);
      frames.closers.push(CLOSE_BRACE);
      frames.runs.push(0);
      return i + 1;
    }
  }
  return i;
}

/** An upper bound on how deep oxc would recurse on `text`, stopping as soon as it passes `limit`. */
export function nestingBound(text: string, limit: number = MAX_NESTING): NestingVerdict {
  const frames: Frames = { closers: [], runs: [0], templates: [] };
  const { closers, runs, templates } = frames;
  const length = text.length;
  let max = 0;
  /** The last character that was not white space: a line ending in an operator continues its statement. */
  let last = 0;
  for (let i = 0; i < length; i++) {
    // Depth now: open brackets plus the chain run of the innermost statement.
    const depth = closers.length + (runs[runs.length - 1] as number);
    if (depth > max) {
      max = depth;
      if (max > limit) return { depth: max, offset: i };
    }
    const code = text.charCodeAt(i);
    if (code === NEWLINE) {
      if (!continues(text, i, last)) runs[runs.length - 1] = 0;
      continue;
    }
    if (code !== SPACE && code !== TAB && code !== CARRIAGE_RETURN) last = code;
    const kind = classOf(code);
    if (kind === OPERATOR) {
      if (code === SLASH && text.charCodeAt(i + 1) === SLASH) {
        const lineEnd = text.indexOf("\n", i);
        i = lineEnd === -1 ? length : lineEnd;
      } else if (code === SLASH && text.charCodeAt(i + 1) === STAR) {
        const end = text.indexOf("*/", i + 2);
        i = end === -1 ? length : end + 1;
      } else runs[runs.length - 1] = (runs[runs.length - 1] as number) + 1;
    } else if (kind === WORD_START) {
      let end = i + 1;
      while (end < length && isWordChar(text.charCodeAt(end))) end++;
      if (end - i <= LONGEST_CHAIN_WORD && CHAIN_WORDS.has(text.slice(i, end)))
        runs[runs.length - 1] = (runs[runs.length - 1] as number) + 1;
      i = end - 1;
    } else if (code === BACKSLASH) i++;
    else if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) i = skipString(text, i, code);
    else if (code === BACKTICK) i = skipTemplateText(text, i, frames);
    else if (code === OPEN_PAREN || code === OPEN_BRACKET || code === OPEN_BRACE) {
      closers.push(code === OPEN_PAREN ? CLOSE_PAREN : code === OPEN_BRACKET ? CLOSE_BRACKET : CLOSE_BRACE);
      runs.push(0);
    } else if (closers.length > 0 && code === closers[closers.length - 1]) {
      // A closer that does not match the innermost opener (a `)` in a regex class) is ignored.
      closers.pop();
      runs.pop();
      if (
        code === CLOSE_BRACE &&
        templates.length > 0 &&
        templates[templates.length - 1] === closers.length
      ) {
        templates.pop();
        i = skipTemplateText(text, i, frames);
      }
    } else if (code === SEMICOLON || code === COMMA) runs[runs.length - 1] = 0;
  }
  const depth = closers.length + (runs[runs.length - 1] as number);
  if (depth > max) max = depth;
  return max > limit ? { depth: max, offset: length } : { depth: max };
}
