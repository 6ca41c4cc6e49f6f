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
export const KEYWORD_HASHES = new Map([...KEYWORDS].map((word) => [word, tokenHash(word)]));
/** Keywords after which an expression starts, so a `/` there opens a regex and a `<` may open JSX. */
export const KEYWORDS_BEFORE_VALUE = new Set([
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
export const CONTROL_HEADS = new Set(["if", "for", "while", "with"]);
export const BOOLEAN_OR_NULL = new Map([
  ["true", TOKEN.boolean],
  ["false", TOKEN.boolean],
  ["null", TOKEN.null],
  ["undefined", TOKEN.null],
]);
export const JSX_TEXT = fnv1a("jsx-text");

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

export const isNameStart = (c: number) =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 36 || c === 95 || c === 92 || c > 127;
export const isNamePart = (c: number) => isNameStart(c) || (c >= 48 && c <= 57);
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
