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
export const PUNCTUATORS_BY_FIRST = new Map<number, string[]>();
for (const p of LONG_PUNCTUATORS) {
  const first = p.charCodeAt(0);
  (PUNCTUATORS_BY_FIRST.get(first) ?? PUNCTUATORS_BY_FIRST.set(first, []).get(first))?.push(p);
}

export const isNameStart = (c: number) =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 36 || c === 95 || c === 92 || c > 127;
export const isNamePart = (c: number) => isNameStart(c) || (c >= 48 && c <= 57);
export const isDigit = (c: number) => c >= 48 && c <= 57;

const punctHashes = new Map<number, number>();
/** Hash of a one-character punctuator, memoised by its code. */
export function punctHash(c: number): number {
  let hash = punctHashes.get(c);
  if (hash === undefined) {
    hash = tokenHash(String.fromCharCode(c));
    punctHashes.set(c, hash);
  }
  return hash;
}
