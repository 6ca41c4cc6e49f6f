import { fnv1a, TOKEN, tokenHash } from "../token-hash.js";

/** What the JavaScript/TypeScript lexer knows of the language: keywords, punctuators, characters. */

const KEYWORDS = new Set<string>(
  (
    "break case catch class const continue debugger default delete do else export extends finally for " +
    "function if import in instanceof new return super switch this throw try typeof var void while with " +
    "yield let static async await of interface type enum implements private protected public readonly " +
    "abstract declare namespace as"
  ).split(" "),
);
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
export const JSX_TEXT = fnv1a("jsx-text");

/** A word the lexer treats apart from other names: a keyword, or a value (`true`, `null`, `undefined`). */
export interface LexiconWord {
  word: string;
  /** Its token hash: FNV-1a of the word, what the lexer computes over the text to look it up. */
  hash: number;
  /** A keyword (its token is its own hash), with what may follow it. */
  keyword: boolean;
  beforeValue: boolean;
  controlHead: boolean;
  /** For a value: the token it is normalised to. */
  value: number | undefined;
}

export const LEXICON: LexiconWord[] = [...new Set([...KEYWORDS, ...BOOLEAN_OR_NULL.keys()])].map((word) => ({
  word,
  hash: fnv1a(word),
  keyword: KEYWORDS.has(word),
  beforeValue: KEYWORDS_BEFORE_VALUE.has(word),
  controlHead: CONTROL_HEADS.has(word),
  value: BOOLEAN_OR_NULL.get(word),
}));

/** The lexicon by hash, open addressing: a word is looked up without cutting it out of the text. */
const LEXICON_SLOTS = new Int16Array(512).fill(-1);
LEXICON.forEach((entry, index) => {
  let slot = entry.hash & 511;
  while (LEXICON_SLOTS[slot] !== -1) slot = (slot + 1) & 511;
  LEXICON_SLOTS[slot] = index;
});

/** The lexicon's entry for `text[start, end)`, whose FNV-1a hash is `hash`, or undefined. */
export function lexiconWord(text: string, start: number, end: number, hash: number): LexiconWord | undefined {
  for (let slot = hash & 511; ; slot = (slot + 1) & 511) {
    const index = LEXICON_SLOTS[slot] as number;
    if (index === -1) return undefined;
    const entry = LEXICON[index] as LexiconWord;
    if (entry.hash === hash && entry.word.length === end - start && text.startsWith(entry.word, start))
      return entry;
  }
}

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
/** A punctuator of two to four characters with its token hash, so the lexer hashes no text for it. */
export interface LongPunctuator {
  text: string;
  hash: number;
}

/** The long punctuators by their first character's code (ASCII only: none starts otherwise), longest first. */
export const LONG_PUNCTUATORS_BY_FIRST: (LongPunctuator[] | undefined)[] = new Array(128).fill(undefined);
for (const text of LONG_PUNCTUATORS) {
  const first = text.charCodeAt(0);
  const list = LONG_PUNCTUATORS_BY_FIRST[first] ?? [];
  list.push({ text, hash: tokenHash(text) });
  LONG_PUNCTUATORS_BY_FIRST[first] = list;
}

/** Which ASCII characters may continue a name (letters, digits, `$`, `_`, `\\` of an escape): a table read per character. */
const NAME_PART = Uint8Array.from({ length: 128 }, (_, c) =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 36 || c === 95 || c === 92
    ? 1
    : 0,
);
export const isNameStart = (c: number) =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 36 || c === 95 || c === 92 || c > 127;
/** Any character past ASCII may be part of a name (Unicode letters); the lexer does not tell them apart. */
export const isNamePart = (c: number) => (c < 128 ? NAME_PART[c] === 1 : true);
export const isDigit = (c: number) => c >= 48 && c <= 57;

/** Hashes of the one-character ASCII punctuators, by code: a table read per token, not a map. */
const ASCII_PUNCT_HASHES = Uint32Array.from({ length: 128 }, (_, c) => tokenHash(String.fromCharCode(c)));
const punctHashes = new Map<number, number>();
/** Hash of a one-character punctuator (any character the lexer does not know is one), by its code. */
export function punctHash(c: number): number {
  if (c < 128) return ASCII_PUNCT_HASHES[c] as number;
  let hash = punctHashes.get(c);
  if (hash === undefined) {
    hash = tokenHash(String.fromCharCode(c));
    punctHashes.set(c, hash);
  }
  return hash;
}
