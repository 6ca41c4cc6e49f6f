/** The token arrays a lexer writes into, reused from file to file, and the state every part of it shares. */

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

/** What the lexer is inside of, innermost last. */
export enum Frame {
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

/** Writes tokens; the parts of the lexer (code, JSX) read the text through its position and state. */
export abstract class TokenWriter {
  protected readonly n: number;
  protected i = 0;
  protected line = 1;
  protected count = 0;
  private hashes: Uint32Array;
  private kinds: Uint8Array;
  private lines: Uint32Array;
  private starts: Uint32Array;
  private ends: Uint32Array;
  protected readonly frames: Frame[] = [];
  /** Whether an expression may start here (so `/` is a regex and `<` may open JSX). */
  protected valueNext = true;

  constructor(
    protected readonly text: string,
    protected readonly jsx: boolean,
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

  protected emit(kind: TokenKind, hash: number, start: number, end: number, line: number): void {
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
  protected skipTo(to: number): void {
    const { text } = this;
    for (let j = this.i; j < to; j++) if (text.charCodeAt(j) === 10) this.line++;
    this.i = to;
  }

  /** The tokens written, as views of the scratch arrays (`reuse`) or as copies. */
  tokens(reuse: boolean): JsTokens {
    const view = <T extends Uint32Array | Uint8Array>(array: T): T =>
      (reuse ? array.subarray(0, this.count) : array.slice(0, this.count)) as T;
    // Lines as an editor counts them: every line break was counted on the way; a last line without one
    // still counts, and an empty text has none.
    const lineCount = this.text.length === 0 ? 0 : this.text.endsWith("\n") ? this.line - 1 : this.line;
    return {
      count: this.count,
      hashes: view(this.hashes),
      kinds: view(this.kinds),
      lines: view(this.lines),
      starts: view(this.starts),
      ends: view(this.ends),
      lineCount,
    };
  }
}
