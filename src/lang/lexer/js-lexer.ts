import { fnv1a, TOKEN, tokenHash } from "../token-hash.js";

/**
 * A lexer for JavaScript, TypeScript and JSX that builds no syntax tree: what a copy search needs (the
 * tokens, normalised, with their lines) at a tenth of a parser's cost. It reads every file, including ones
 * a parser would reject, and never throws: an unclosed string or comment ends at the end of its line or
 * of the file. Where a real parser would be needed to be sure (a `/` that may start a regex, a `<` that
 * may open a JSX element), it decides from the token before, as editors' highlighters do.
 */

export enum TokenKind {
  Name = 1,
  Keyword = 2,
  Punct = 3,
  String = 4,
  Number = 5,
  Template = 6,
  Regex = 7,
  JsxText = 8,
}

export interface JsTokens {
  count: number;
  /** Normalised hash of each token: names and values reduced to their kind, keywords and punctuation kept. */
  hashes: Uint32Array;
  kinds: Uint8Array;
  /** 1-based line of each token's first character. */
  lines: Uint32Array;
  /** Offsets of each token in the text: [start, end). */
  starts: Uint32Array;
  ends: Uint32Array;
  /** Lines of the text. */
  lineCount: number;
}

const KEYWORDS = new Set<string>(
  (
    "break case catch class const continue debugger default delete do else export extends finally for " +
    "function if import in instanceof new return super switch this throw try typeof var void while with " +
    "yield let static async await of interface type enum implements private protected public readonly " +
    "abstract declare namespace as"
  ).split(" "),
);
const KEYWORD_HASHES = new Map([...KEYWORDS].map((word) => [word, tokenHash(word)]));
/** Keywords after which an expression starts, so a `/` there opens a regex and a `<` may open JSX. */
const KEYWORDS_BEFORE_VALUE = new Set([
  "return",
  "typeof",
  "instanceof",
  "in",
  "of",
  "new",
  "delete",
  "void",
  "throw",
  "case",
  "do",
  "else",
  "yield",
  "await",
  "extends",
]);
/** Statement heads whose `( … )` is followed by a statement, not by an operator: `if (x) /re/.test(y)`. */
const CONTROL_HEADS = new Set(["if", "for", "while", "with"]);
const BOOLEAN_OR_NULL = new Map([
  ["true", TOKEN.boolean],
  ["false", TOKEN.boolean],
  ["null", TOKEN.null],
  ["undefined", TOKEN.null],
]);
const JSX_TEXT = fnv1a("jsx-text");

/** Punctuators of two to four characters, longest first within each first character. */
const LONG_PUNCTUATORS = [
  ">>>=",
  "...",
  "===",
  "!==",
  "**=",
  "<<=",
  ">>=",
  ">>>",
  "&&=",
  "||=",
  "??=",
  "=>",
  "==",
  "!=",
  "<=",
  ">=",
  "&&",
  "||",
  "??",
  "?.",
  "++",
  "--",
  "+=",
  "-=",
  "*=",
  "/=",
  "%=",
  "&=",
  "|=",
  "^=",
  "**",
  "<<",
  ">>",
];
const PUNCTUATORS_BY_FIRST = new Map<number, string[]>();
for (const p of LONG_PUNCTUATORS) {
  const first = p.charCodeAt(0);
  (PUNCTUATORS_BY_FIRST.get(first) ?? PUNCTUATORS_BY_FIRST.set(first, []).get(first))?.push(p);
}

const isNameStart = (c: number) =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 36 || c === 95 || c === 92 || c > 127;
const isNamePart = (c: number) => isNameStart(c) || (c >= 48 && c <= 57);
const isDigit = (c: number) => c >= 48 && c <= 57;

/** What the lexer is inside of, innermost last. */
enum Frame {
  /** `{` in code: its `}` returns to code. */
  Brace = 0,
  /** `${` in a template literal: its `}` resumes the template. */
  TemplateExpression = 1,
  /** `{` in JSX children: its `}` resumes the children's text. */
  JsxChildExpression = 2,
  /** `{` in a JSX tag's attributes: its `}` resumes the tag. */
  JsxAttributeExpression = 3,
  /** An open JSX element: its children are text, elements and `{ … }` until its closing tag. */
  JsxElement = 4,
}

type Buffers = Pick<JsTokens, "hashes" | "kinds" | "lines" | "starts" | "ends">;

function buffers(size: number): Buffers {
  return {
    hashes: new Uint32Array(size),
    kinds: new Uint8Array(size),
    lines: new Uint32Array(size),
    starts: new Uint32Array(size),
    ends: new Uint32Array(size),
  };
}

/** One set of arrays per thread, reused from file to file (see `lexJs`'s `reuse`). */
let scratch = buffers(64 * 1024);

class Lexer {
  private readonly n: number;
  private i = 0;
  private line = 1;
  count = 0;
  hashes: Uint32Array;
  kinds: Uint8Array;
  lines: Uint32Array;
  starts: Uint32Array;
  ends: Uint32Array;
  private readonly frames: Frame[] = [];
  /** Whether an expression may start here (so `/` is a regex and `<` may open JSX). */
  private valueNext = true;
  /** Paren depth at which a control head's `(` opened, so its `)` can be known. */
  private readonly parenHeads: boolean[] = [];
  private pendingControlHead = false;
  /** The last token was `.` or `?.`: a word after it is a property name, even `if` or `true`. */
  private afterDot = false;

  constructor(
    private readonly text: string,
    private readonly jsx: boolean,
  ) {
    this.n = text.length;
    // The arrays of the last file are written over: most files fit, and nothing is allocated for them.
    const capacity = Math.max(16, Math.ceil(text.length / 3));
    if (scratch.hashes.length < capacity) scratch = buffers(capacity);
    this.hashes = scratch.hashes;
    this.kinds = scratch.kinds;
    this.lines = scratch.lines;
    this.starts = scratch.starts;
    this.ends = scratch.ends;
  }

  private emit(kind: TokenKind, hash: number, start: number, end: number, line: number): void {
    if (this.count === this.hashes.length) this.grow();
    const k = this.count++;
    this.hashes[k] = hash;
    this.kinds[k] = kind;
    this.lines[k] = line;
    this.starts[k] = start;
    this.ends[k] = end;
  }

  private grow(): void {
    const next = buffers(this.hashes.length * 2);
    next.hashes.set(this.hashes);
    next.kinds.set(this.kinds);
    next.lines.set(this.lines);
    next.starts.set(this.starts);
    next.ends.set(this.ends);
    scratch = next;
    this.hashes = next.hashes;
    this.kinds = next.kinds;
    this.lines = next.lines;
    this.starts = next.starts;
    this.ends = next.ends;
  }

  /** Moves to `to`, counting the line breaks passed. */
  private skipTo(to: number): void {
    const { text } = this;
    for (let j = this.i; j < to; j++) if (text.charCodeAt(j) === 10) this.line++;
    this.i = to;
  }

  run(): void {
    const { text, n } = this;
    while (this.i < n) {
      const top = this.frames[this.frames.length - 1];
      if (top === Frame.JsxElement) {
        this.jsxChildren();
        continue;
      }
      const c = text.charCodeAt(this.i);
      if (c === 10) {
        this.line++;
        this.i++;
      } else if (c === 32 || c === 9 || c === 13 || c === 0xfeff || c === 0xa0) {
        let i = this.i + 1;
        while (i < n && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
        this.i = i;
      } else if (c === 47 && text.charCodeAt(this.i + 1) === 47) {
        const end = text.indexOf("\n", this.i);
        this.i = end < 0 ? n : end;
      } else if (c === 47 && text.charCodeAt(this.i + 1) === 42) {
        const end = text.indexOf("*/", this.i + 2);
        this.skipTo(end < 0 ? n : end + 2);
      } else if (c === 35 && this.i === 0 && text.charCodeAt(1) === 33) {
        // A shebang line.
        const end = text.indexOf("\n");
        this.i = end < 0 ? n : end;
      } else if (isNameStart(c)) {
        this.name();
      } else if (isDigit(c) || (c === 46 && isDigit(text.charCodeAt(this.i + 1)))) {
        this.number();
      } else if (c === 34 || c === 39) {
        this.string(c);
      } else if (c === 96) {
        this.i++;
        this.template(this.i - 1);
      } else if (c === 125 && top === Frame.TemplateExpression) {
        // The `}` of a template's `${ … }` belongs to the template's text, not to the code's brackets.
        this.frames.pop();
        this.i++;
        this.template(this.i - 1);
      } else if (c === 47 && this.valueNext) {
        this.regex();
      } else if (c === 60 && this.jsx && this.valueNext && this.opensJsx()) {
        this.jsxTag(false);
      } else {
        this.punctuator(c);
      }
    }
  }

  private name(): void {
    const { text, n } = this;
    const start = this.i;
    let i = this.i + 1;
    let lower = true;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (!isNamePart(c)) break;
      if (c < 97 || c > 122) lower = false;
      i++;
    }
    this.i = i;
    const first = text.charCodeAt(start);
    // Keywords, `true`, `null` and the like are short and lower-case: only those words are looked up.
    const word = lower && first >= 97 && first <= 122 && i - start <= 10 ? text.slice(start, i) : "";
    // `a.if` and `{ if: 1 }` are names, not keywords; the previous token says which.
    const keyword = word && !this.afterDot ? KEYWORD_HASHES.get(word) : undefined;
    if (keyword !== undefined) {
      this.emit(TokenKind.Keyword, keyword, start, i, this.line);
      this.valueNext = KEYWORDS_BEFORE_VALUE.has(word);
      this.pendingControlHead = CONTROL_HEADS.has(word);
      this.afterDot = false;
      return;
    }
    const value = word && !this.afterDot ? BOOLEAN_OR_NULL.get(word) : undefined;
    this.emit(TokenKind.Name, value ?? TOKEN.identifier, start, i, this.line);
    this.valueNext = false;
    this.pendingControlHead = false;
    this.afterDot = false;
  }

  private number(): void {
    const { text, n } = this;
    const start = this.i;
    let i = this.i + 1;
    while (i < n) {
      const c = text.charCodeAt(i);
      // Digits, letters (hex, exponents, `n`), separators and the point; a sign only after an exponent.
      if (isNamePart(c) || c === 46) i++;
      else if (
        (c === 43 || c === 45) &&
        (text.charCodeAt(i - 1) | 32) === 101 &&
        !text.startsWith("0x", start)
      )
        i++;
      else break;
    }
    this.i = i;
    this.emit(TokenKind.Number, TOKEN.number, start, i, this.line);
    this.valueNext = false;
    this.pendingControlHead = false;
  }

  /** A quoted string; an unclosed one ends at its line's end (a stray quote in text loses one line). */
  private string(quote: number): void {
    const { text, n } = this;
    const start = this.i;
    const line = this.line;
    let i = this.i + 1;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 92) {
        if (text.charCodeAt(i + 1) === 10) this.line++;
        i += 2;
        continue;
      }
      if (c === 10) break;
      i++;
      if (c === quote) break;
    }
    this.i = Math.min(i, n);
    this.emit(TokenKind.String, TOKEN.string, start, this.i, line);
    this.valueNext = false;
    this.pendingControlHead = false;
  }

  /** The rest of a template literal from `this.i`; a `${` leaves it for code until its `}`. */
  private template(start: number): void {
    const { text, n } = this;
    const line = this.line;
    let i = this.i;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 92) {
        i += 2;
        continue;
      }
      if (c === 96) {
        i++;
        break;
      }
      if (c === 36 && text.charCodeAt(i + 1) === 123) {
        this.skipTo(i);
        this.emit(TokenKind.Template, TOKEN.template, start, i, line);
        this.i = i + 2;
        this.frames.push(Frame.TemplateExpression);
        this.valueNext = true;
        return;
      }
      i++;
    }
    this.skipTo(Math.min(i, n));
    this.emit(TokenKind.Template, TOKEN.template, start, this.i, line);
    this.valueNext = false;
    this.pendingControlHead = false;
  }

  private regex(): void {
    const { text, n } = this;
    const start = this.i;
    let i = this.i + 1;
    let inClass = false;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 10) break;
      if (c === 92) {
        i += 2;
        continue;
      }
      i++;
      if (c === 91) inClass = true;
      else if (c === 93) inClass = false;
      else if (c === 47 && !inClass) break;
    }
    while (i < n && isNamePart(text.charCodeAt(i))) i++;
    this.i = Math.min(i, n);
    this.emit(TokenKind.Regex, TOKEN.regex, start, this.i, this.line);
    this.valueNext = false;
    this.pendingControlHead = false;
  }

  private punctuator(c: number): void {
    const { text } = this;
    const start = this.i;
    let length = 1;
    for (const p of PUNCTUATORS_BY_FIRST.get(c) ?? []) {
      if (text.startsWith(p, start)) {
        // `?.5` is a conditional with a number, not optional chaining.
        if (p === "?." && isDigit(text.charCodeAt(start + 2))) continue;
        length = p.length;
        break;
      }
    }
    this.i = start + length;
    this.afterDot =
      (length === 1 && c === 46) || (length === 2 && c === 63 && text.charCodeAt(start + 1) === 46);
    this.emit(
      TokenKind.Punct,
      length === 1 ? punctHash(c) : tokenHash(text.slice(start, start + length)),
      start,
      this.i,
      this.line,
    );
    this.afterPunctuator(c, length);
  }

  private afterPunctuator(c: number, length: number): void {
    if (length > 1) {
      // `++`/`--` end an operand (`i++ / 2`); every other long punctuator wants a value after it.
      const second = this.text.charCodeAt(this.i - 1);
      this.valueNext = !(length === 2 && (second === 43 || second === 45) && second === c);
      this.pendingControlHead = false;
      return;
    }
    if (c === 40) {
      this.parenHeads.push(this.pendingControlHead);
      this.valueNext = true;
    } else if (c === 41) {
      // After `if (…)` a statement starts (a regex may open it); after a call's `)` an operator follows.
      this.valueNext = this.parenHeads.pop() ?? false;
    } else if (c === 123) {
      this.frames.push(Frame.Brace);
      this.valueNext = true;
    } else if (c === 125) {
      this.closeBrace();
    } else if (c === 93) {
      this.valueNext = false;
    } else {
      this.valueNext = true;
    }
    this.pendingControlHead = false;
  }

  /** A `}`: the end of a block or object, or of a template's or JSX's `{ … }`. */
  private closeBrace(): void {
    const frame = this.frames.pop();
    if (frame === Frame.JsxAttributeExpression) {
      this.jsxTag(true);
    } else if (frame === Frame.JsxChildExpression) {
      // Back to the element's children, which the main loop reads next.
      this.valueNext = false;
    } else {
      // After a block a statement starts; after an object literal an operator would, which is rarer.
      this.valueNext = true;
    }
  }

  /** Whether the `<` at `this.i` opens a JSX element: `<div`, `<Foo.Bar`, `<>` (not `<T,>` or `a < b`). */
  private opensJsx(): boolean {
    const { text } = this;
    const next = text.charCodeAt(this.i + 1);
    if (next === 62) return true;
    if (!isNameStart(next)) return false;
    let j = this.i + 2;
    while (
      j < this.n &&
      (isNamePart(text.charCodeAt(j)) || text.charCodeAt(j) === 46 || text.charCodeAt(j) === 45)
    )
      j++;
    const after = text.charCodeAt(j);
    // A generic arrow's `<T,>` or `<T extends U>` is not an element.
    return after !== 44 && !text.startsWith(" extends ", j);
  }

  /**
   * A JSX tag from `<` (or, resuming after an attribute's `{ … }`, from where it stopped) to its `>`:
   * the tag's name and attributes as tokens. An opening tag pushes an element whose children follow.
   */
  private jsxTag(resuming: boolean): void {
    const { text, n } = this;
    let closing = false;
    if (!resuming) {
      const start = this.i;
      closing = text.charCodeAt(this.i + 1) === 47;
      this.i += closing ? 2 : 1;
      this.emit(TokenKind.Punct, tokenHash(closing ? "</" : "<"), start, this.i, this.line);
    }
    while (this.i < n) {
      const c = text.charCodeAt(this.i);
      if (c === 10) {
        this.line++;
        this.i++;
      } else if (c === 32 || c === 9 || c === 13) {
        this.i++;
      } else if (c === 47 && text.charCodeAt(this.i + 1) === 42) {
        const end = text.indexOf("*/", this.i + 2);
        this.skipTo(end < 0 ? n : end + 2);
      } else if (isNameStart(c)) {
        const start = this.i;
        while (
          this.i < n &&
          (isNamePart(text.charCodeAt(this.i)) ||
            text.charCodeAt(this.i) === 45 ||
            text.charCodeAt(this.i) === 46 ||
            text.charCodeAt(this.i) === 58)
        )
          this.i++;
        this.emit(TokenKind.Name, TOKEN.identifier, start, this.i, this.line);
      } else if (c === 34 || c === 39) {
        this.jsxAttributeString(c);
      } else if (c === 123) {
        this.emit(TokenKind.Punct, punctHash(123), this.i, this.i + 1, this.line);
        this.i++;
        this.frames.push(Frame.JsxAttributeExpression);
        this.valueNext = true;
        return;
      } else if (c === 47 && text.charCodeAt(this.i + 1) === 62) {
        this.emit(TokenKind.Punct, tokenHash("/>"), this.i, this.i + 2, this.line);
        this.i += 2;
        this.afterJsxElement();
        return;
      } else if (c === 62) {
        this.emit(TokenKind.Punct, punctHash(62), this.i, this.i + 1, this.line);
        this.i++;
        if (closing) this.afterJsxElement();
        else this.frames.push(Frame.JsxElement);
        return;
      } else {
        this.emit(TokenKind.Punct, punctHash(c), this.i, this.i + 1, this.line);
        this.i++;
      }
    }
  }

  /** Attribute strings in JSX may span lines and have no escapes. */
  private jsxAttributeString(quote: number): void {
    const start = this.i;
    const line = this.line;
    const end = this.text.indexOf(String.fromCharCode(quote), this.i + 1);
    this.skipTo(end < 0 ? this.n : end + 1);
    this.emit(TokenKind.String, TOKEN.string, start, this.i, line);
  }

  /** An element just ended: inside another element its siblings follow; otherwise code resumes. */
  private afterJsxElement(): void {
    this.valueNext = false;
  }

  /** Children of the innermost open element: text runs, `{ … }`, child elements, and its closing tag. */
  private jsxChildren(): void {
    const { text, n } = this;
    const start = this.i;
    let i = this.i;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 60 || c === 123) break;
      i++;
    }
    if (/\S/.test(text.slice(start, i))) {
      const first = start + (text.slice(start, i).search(/\S/) as number);
      this.skipTo(first);
      this.emit(TokenKind.JsxText, JSX_TEXT, first, i, this.line);
    }
    this.skipTo(i);
    if (i >= n) return;
    if (text.charCodeAt(i) === 123) {
      this.emit(TokenKind.Punct, punctHash(123), i, i + 1, this.line);
      this.i = i + 1;
      this.frames.push(Frame.JsxChildExpression);
      this.valueNext = true;
      return;
    }
    if (text.charCodeAt(i + 1) === 47) {
      // The element's closing tag: it is done after the tag's `>`.
      this.frames.pop();
      this.jsxTag(false);
      return;
    }
    this.jsxTag(false);
  }
}

const punctHashes = new Map<number, number>();
function punctHash(c: number): number {
  let hash = punctHashes.get(c);
  if (hash === undefined) {
    hash = tokenHash(String.fromCharCode(c));
    punctHashes.set(c, hash);
  }
  return hash;
}

/**
 * The tokens of one JavaScript, TypeScript or JSX text; `jsx` for .jsx/.tsx (and .js, where JSX is common).
 * With `reuse`, the arrays are views of this thread's scratch space, valid until the next call: for a
 * caller that copies what it keeps (units take slices), and allocates nothing per file.
 */
export function lexJs(text: string, jsx: boolean, reuse = false): JsTokens {
  const lexer = new Lexer(text, jsx);
  lexer.run();
  // Lines as an editor counts them: a last line without its line break still counts, an empty text has none.
  let lineCount = text.length > 0 && !text.endsWith("\n") ? 1 : 0;
  for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) lineCount++;
  const view = <T extends Uint32Array | Uint8Array>(array: T): T =>
    (reuse ? array.subarray(0, lexer.count) : array.slice(0, lexer.count)) as T;
  return {
    count: lexer.count,
    hashes: view(lexer.hashes),
    kinds: view(lexer.kinds),
    lines: view(lexer.lines),
    starts: view(lexer.starts),
    ends: view(lexer.ends),
    lineCount,
  };
}
