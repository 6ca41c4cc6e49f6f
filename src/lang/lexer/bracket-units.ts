import { tokenHash } from "../token-hash.js";
import type { FileUnits, Import, LanguageId, Unit, UnitKind } from "../unit.js";
import { type JsTokens, lexJs, TokenKind } from "./js-lexer.js";

/**
 * Units of a JavaScript or TypeScript file found from its tokens alone, by their brackets: each outermost
 * function body (a declaration, a method, an arrow or function expression) with its head is a unit, and
 * the code between them (module statements, a class's fields) is a unit of its own. Together they cover
 * every token in order, so a copy search over them sees the whole file. What a syntax tree would add (the
 * features concerns read: calls, keys, literals, flags) is left empty: this is the copy search's view.
 */

/** A `(` whose `)` ends a statement head, not a function's parameters: `if (…) {` is a block, not a function. */
const BLOCK_HEADS = new Set(["if", "for", "while", "switch", "catch", "with"]);
/**
 * Words before a method's name that are not its name (`get size()`, `override run()`). The others
 * (`async`, `static`, `public`, …) are keywords to the lexer, so they are never taken for names.
 */
const MODIFIERS = new Set(["get", "set", "override", "accessor"]);

/**
 * The features a syntax tree would give (words, calls, literals, keys, flags), empty in the copy search's
 * view: one frozen array shared by every unit instead of six new ones per unit.
 */
const NONE = Object.freeze([]) as unknown as never[];

interface Frame {
  kind: "function" | "class" | "other";
  /** For a class: its name. */
  name?: string;
  /** For an outermost function: where its unit starts (token index) and its name. */
  unitStart?: number;
  unitName?: string;
  unitKind?: UnitKind;
}

/**
 * Token hashes of the punctuators and keywords the unit finder asks about: a token is compared by its hash
 * (the lexer's, kept per token), so no text is cut out or looked up per question.
 */
const PUNCT = Object.fromEntries(
  ["(", ")", "[", "]", "{", "}", ";", ",", ".", ":", "=", "=>", "*", "<", ">"].map((p) => [p, tokenHash(p)]),
) as Record<"(" | ")" | "[" | "]" | "{" | "}" | ";" | "," | "." | ":" | "=" | "=>" | "*" | "<" | ">", number>;
const KEYWORD = {
  await: tokenHash("await"),
  class: tokenHash("class"),
  export: tokenHash("export"),
  for: tokenHash("for"),
  function: tokenHash("function"),
  import: tokenHash("import"),
} as const;

class TokenView {
  constructor(
    readonly text: string,
    readonly t: JsTokens,
  ) {}
  /**
   * Token `k`'s text, as a string of its own. V8 makes a slice of 13 or more characters a view that keeps
   * the whole file's text alive; units and imports keep these names, so every file's text would live as
   * long as the scan (29 MB on the peer corpus, copied by each young-generation collection on its way).
   */
  textOf(k: number): string {
    const text = this.text.slice(this.t.starts[k], this.t.ends[k]);
    return text.length < 13 ? text : ` ${text}`.slice(1);
  }
  /** Whether token `k` is the punctuator of hash `p` (PUNCT). */
  isPunct(k: number, p: number): boolean {
    return k >= 0 && k < this.t.count && this.t.kinds[k] === TokenKind.Punct && this.t.hashes[k] === p;
  }
  /** Whether token `k` is a keyword, or the keyword of hash `word` (KEYWORD). */
  isKeyword(k: number, word?: number): boolean {
    if (k < 0 || k >= this.t.count || this.t.kinds[k] !== TokenKind.Keyword) return false;
    return word === undefined || this.t.hashes[k] === word;
  }
  isName(k: number): boolean {
    return k >= 0 && k < this.t.count && this.t.kinds[k] === TokenKind.Name;
  }
}

export function bracketUnits(text: string, language: LanguageId): FileUnits {
  // The lexer's arrays are reused by the next file: units keep slices of them.
  const tokens = lexJs(text, language !== "typescript", true);
  const view = new TokenView(text, tokens);
  const { count } = tokens;
  const openOf = new Int32Array(count).fill(-1);
  const parens: number[] = [];
  const frames: Frame[] = [];
  const units: Unit[] = [];
  let segmentStart = 0;
  let functionDepth = 0;
  let pendingClass: { depth: number; name: string } | null = null;

  const classAround = (): string | undefined => {
    for (let f = frames.length - 1; f >= 0; f--) {
      const frame = frames[f] as Frame;
      if (frame.kind === "class") return frame.name;
      if (frame.kind === "function") return undefined;
    }
    return undefined;
  };
  // Import and re-export statements are boilerplate, not code anyone copies: they are in no unit.
  const imported = importStatements(view);
  // Units come in file order and never overlap, so each one's tokens and lines are the next part of one
  // buffer per file: the file's stream as the copy search reads it, with no copy per unit.
  const streamTokens = new Uint32Array(count);
  const streamLines = new Uint32Array(count);
  let written = 0;
  const addUnit = (from: number, to: number, name: string, kind: UnitKind, parent?: string) => {
    let start = from;
    let end = to;
    while (start < end && imported[start]) start++;
    while (end > start && imported[end - 1]) end--;
    if (end <= start) return;
    const first = written;
    for (let k = start; k < end; k++) {
      if (imported[k]) continue;
      streamTokens[written] = tokens.hashes[k] as number;
      streamLines[written++] = tokens.lines[k] as number;
    }
    const unit: Unit = {
      name,
      kind,
      startLine: tokens.lines[start] as number,
      endLine: tokens.lines[end - 1] as number,
      tokens: streamTokens.subarray(first, written),
      tokenLines: streamLines.subarray(first, written),
      identifiers: NONE,
      subwords: NONE,
      calls: NONE,
      literals: NONE,
      keys: NONE,
      flags: NONE,
    };
    if (parent) unit.parent = parent;
    units.push(unit);
  };
  const closeGap = (end: number) => {
    const owner = classAround();
    addUnit(segmentStart, end, owner ?? "<module>", owner ? "class" : "block");
  };

  const { kinds, hashes, starts, ends } = tokens;
  for (let k = 0; k < count; k++) {
    const kind = kinds[k];
    if (kind === TokenKind.Keyword) {
      // (`a.class` is a name to the lexer, so a keyword here is a class.)
      if (hashes[k] === KEYWORD.class)
        pendingClass = { depth: frames.length, name: view.isName(k + 1) ? view.textOf(k + 1) : "<class>" };
      continue;
    }
    if (kind !== TokenKind.Punct) continue;
    const start = starts[k] as number;
    if ((ends[k] as number) - start !== 1) continue;
    const c = text.charCodeAt(start);
    if (c === 40 || c === 91) {
      parens.push(k);
    } else if (c === 41 || c === 93) {
      const open = parens.pop();
      if (open !== undefined) openOf[k] = open;
    } else if (c === 123) {
      const frame = openingFrame(view, k, openOf, pendingClass, frames.length);
      if (frame.kind === "class") pendingClass = null;
      if (frame.kind === "function") {
        if (functionDepth === 0) {
          const start = headStart(view, k, openOf, segmentStart);
          closeGap(start);
          const parent = classAround();
          const name = functionName(view, k, openOf, start);
          frame.unitStart = start;
          frame.unitName = parent && name !== "<anonymous>" ? `${parent}.${name}` : name;
          frame.unitKind = parent ? "method" : "function";
          if (parent) frame.name = parent;
        }
        functionDepth++;
      }
      frames.push(frame);
    } else if (c === 125) {
      const frame = frames.pop();
      if (frame?.kind !== "function") continue;
      functionDepth--;
      if (frame.unitStart !== undefined) {
        addUnit(frame.unitStart, k + 1, frame.unitName as string, frame.unitKind as UnitKind, frame.name);
        segmentStart = k + 1;
      }
    }
  }
  if (!closeOpenFunction(frames, count, addUnit)) closeGap(count);
  return { language, units, imports: importsOf(view), problems: [], lines: tokens.lineCount };
}

/**
 * A function left open at the end of the file (a syntax error) still ends there. Apart from the loop
 * above: a path few files take, which would otherwise cost the loop its optimised code each time one does.
 */
function closeOpenFunction(
  frames: Frame[],
  count: number,
  addUnit: (from: number, to: number, name: string, kind: UnitKind, parent?: string) => void,
): boolean {
  const open = frames.find((frame) => frame.unitStart !== undefined);
  if (open?.unitStart === undefined) return false;
  addUnit(open.unitStart, count, open.unitName as string, open.unitKind as UnitKind, open.name);
  return true;
}

/** What a `{` at `k` opens: a function body, a class body, or another block or object. */
function openingFrame(
  view: TokenView,
  k: number,
  openOf: Int32Array,
  pendingClass: { depth: number; name: string } | null,
  depth: number,
): Frame {
  if (pendingClass && pendingClass.depth === depth) return { kind: "class", name: pendingClass.name };
  if (view.isPunct(k - 1, PUNCT["=>"])) return { kind: "function" };
  // `name(…) {`, `function (…) {`, or with a return type: `name(…): Promise<T> {`.
  let close = k - 1;
  if (!view.isPunct(close, PUNCT[")"])) {
    close = -1;
    for (let j = k - 1; j >= Math.max(0, k - 48); j--) {
      if (view.isPunct(j, PUNCT[")"]) && view.isPunct(j + 1, PUNCT[":"])) {
        close = j;
        break;
      }
      if (
        view.isPunct(j, PUNCT[";"]) ||
        view.isPunct(j, PUNCT["{"]) ||
        view.isPunct(j, PUNCT["}"]) ||
        view.isPunct(j, PUNCT["="])
      )
        break;
    }
  }
  if (close < 0) return { kind: "other" };
  const open = openOf[close] as number;
  if (open < 0) return { kind: "other" };
  const before = open - 1;
  if (view.isKeyword(before) && BLOCK_HEADS.has(view.textOf(before))) return { kind: "other" };
  if (view.isKeyword(before, KEYWORD.await) && view.isKeyword(before - 1, KEYWORD.for))
    return { kind: "other" };
  return { kind: "function" };
}

/** Where the statement or member a function body at `brace` belongs to starts (its head). */
function headStart(view: TokenView, brace: number, openOf: Int32Array, floor: number): number {
  let k = brace - 1;
  while (k >= floor) {
    if (view.isPunct(k, PUNCT[")"]) || view.isPunct(k, PUNCT["]"])) {
      const open = openOf[k] as number;
      if (open < floor) break;
      k = open - 1;
      continue;
    }
    if (
      view.isPunct(k, PUNCT["("]) ||
      view.isPunct(k, PUNCT["["]) ||
      view.isPunct(k, PUNCT[";"]) ||
      view.isPunct(k, PUNCT["{"]) ||
      view.isPunct(k, PUNCT["}"]) ||
      view.isPunct(k, PUNCT[","])
    )
      break;
    k--;
  }
  return k + 1;
}

/** The name a function is known by: declared, assigned, a key, or a method's. */
function functionName(view: TokenView, brace: number, openOf: Int32Array, start: number): string {
  // The parameters' `)`: just before the body, before an arrow, or before a return type.
  let close = -1;
  for (let j = brace - 1; j >= start; j--) {
    if (view.isPunct(j, PUNCT[")"])) {
      close = j;
      break;
    }
  }
  let k = close >= 0 ? (openOf[close] as number) - 1 : brace - 2;
  if (close < 0 && view.isPunct(brace - 1, PUNCT["=>"]) && view.isName(brace - 2)) k = brace - 3;
  while (k >= start && view.isPunct(k, PUNCT[">"])) {
    // Type parameters: `name<T>(…)`.
    let depth = 0;
    for (; k >= start; k--) {
      if (view.isPunct(k, PUNCT[">"])) depth++;
      else if (view.isPunct(k, PUNCT["<"]) && --depth === 0) break;
    }
    k--;
  }
  // The name right before the parameters is the function's, even a word like `get` (`get<T>(…)`).
  if (close >= 0 && view.isName(k)) return view.textOf(k);
  while (k >= start && (view.isKeyword(k) || view.isPunct(k, PUNCT["*"]) || view.isName(k))) {
    if (view.isName(k) && !MODIFIERS.has(view.textOf(k)) && !view.isKeyword(k - 1, KEYWORD.function)) break;
    k--;
  }
  // `const name = (…) =>`, `name: function (…)`, `exports.name = …`.
  if (view.isPunct(k, PUNCT["="]) || view.isPunct(k, PUNCT[":"])) {
    for (let j = k - 1; j >= start; j--) if (view.isName(j)) return view.textOf(j);
  }
  if (view.isName(k) && !MODIFIERS.has(view.textOf(k))) return view.textOf(k);
  return calleeOf(view, start) ?? "<anonymous>";
}

/**
 * A function passed to a call (`it("…", () => {…})`, `app.get("/x", function (req) {…})`) is known by
 * the call: `it(…)`, `get(…)`. Walks back from the function's head to the call's open `(`.
 */
function calleeOf(view: TokenView, start: number): string | undefined {
  let depth = 0;
  for (let k = start - 1; k >= Math.max(0, start - 256); k--) {
    if (view.isPunct(k, PUNCT[")"]) || view.isPunct(k, PUNCT["]"]) || view.isPunct(k, PUNCT["}"])) depth++;
    else if (view.isPunct(k, PUNCT["["]) || view.isPunct(k, PUNCT["{"])) {
      if (depth === 0) return undefined;
      depth--;
    } else if (view.isPunct(k, PUNCT["("])) {
      if (depth > 0) depth--;
      else return view.isName(k - 1) ? `${view.textOf(k - 1)}(…)` : undefined;
    } else if (depth === 0 && view.isPunct(k, PUNCT[";"])) return undefined;
  }
  return undefined;
}

/**
 * Which tokens belong to an import or re-export statement: `import … from "m";`, `import "m";`,
 * `export … from "m";`, `import x = require("m");`. A dynamic `import(…)` and `import.meta` are code.
 */
function importStatements(view: TokenView): Uint8Array {
  const { t } = view;
  const mask = new Uint8Array(t.count);
  for (let k = 0; k < t.count; k++) {
    const isImport =
      view.isKeyword(k, KEYWORD.import) &&
      !view.isPunct(k + 1, PUNCT["("]) &&
      !view.isPunct(k + 1, PUNCT["."]);
    const isReexport =
      view.isKeyword(k, KEYWORD.export) &&
      (view.isPunct(k + 1, PUNCT["*"]) || view.isPunct(k + 1, PUNCT["{"]));
    if (!isImport && !isReexport) continue;
    if (k > 0 && !view.isPunct(k - 1, PUNCT[";"]) && !view.isPunct(k - 1, PUNCT["}"])) continue;
    // To the module's string (and its `;`); a re-export without `from` (`export { a, b };`) is code.
    let end = -1;
    for (let j = k + 1; j < Math.min(t.count, k + 512); j++) {
      if (t.kinds[j] === TokenKind.String) {
        end = j;
        break;
      }
      if (view.isPunct(j, PUNCT[";"])) break;
    }
    if (end < 0) continue;
    if (view.isPunct(end + 1, PUNCT[")"])) end++;
    if (view.isPunct(end + 1, PUNCT[";"])) end++;
    mask.fill(1, k, end + 1);
    k = end;
  }
  return mask;
}

/** Modules the file imports or requires, for telling test code by its framework. */
function importsOf(view: TokenView): Import[] {
  const imports: Import[] = [];
  const { t } = view;
  for (let k = 0; k < t.count; k++) {
    if (t.kinds[k] !== TokenKind.String) continue;
    const fromImport =
      (view.isName(k - 1) && view.textOf(k - 1) === "from") ||
      view.isKeyword(k - 1, KEYWORD.import) ||
      (view.isPunct(k - 1, PUNCT["("]) &&
        (view.isKeyword(k - 2, KEYWORD.import) || (view.isName(k - 2) && view.textOf(k - 2) === "require")));
    if (!fromImport) continue;
    imports.push({ module: view.textOf(k).slice(1, -1), names: [], line: t.lines[k] as number });
  }
  return imports;
}
