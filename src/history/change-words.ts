import { maskSecrets } from "../shared/index.js";

/**
 * What a change introduced, as words: the identifier sub-words and numbers of the lines it wrote that
 * the lines it removed did not have. Two copies that each gained `jitter` and `random` made the same
 * change separately; a fix whose words are missing from the other copies landed in one copy only.
 */
const WORD = /\p{Lu}+(?!\p{Ll})|\p{Lu}?\p{Ll}+|\p{Nd}+/gu;

/** Words every language's code is full of: they say nothing about what a change did. */
const COMMON = new Set(
  (
    "the and for from with this that then else return function const let var new true false null " +
    "undefined await async import export default class public private static void int string def self " +
    "nil end func err error value values result data args opts options type number boolean object " +
    "if not get set"
  ).split(" "),
);

const MAX_WORDS = 40;

/**
 * A linter's or compiler's directive, from its marker to the end of the line (`//nolint:staticcheck`,
 * `// eslint-disable-next-line no-console`, `# noqa: E501`, `# pylint: disable=…`, `// @ts-ignore`,
 * `#nosec`, `# rubocop:disable …`, `@SuppressWarnings("unchecked")`): quieting a check says nothing about
 * what the code does. Istio's ledger read "the same change (nolint, staticcheck) made 3 times".
 */
const DIRECTIVE =
  /(\/\/|#|\/\*)\s*(nolint|lint:ignore|eslint-(disable|enable)|noqa|pylint:|rubocop:|@ts-(ignore|expect-error|nocheck)|prettier-ignore|nosec|istanbul ignore|c8 ignore|biome-ignore|go:generate).*$|@SuppressWarnings\([^)]*\)/;

function wordsOf(lines: readonly string[]): Set<string> {
  const words = new Set<string>();
  for (const raw of lines) {
    const line = raw.replace(DIRECTIVE, "");
    for (const match of line.matchAll(WORD)) {
      const word = match[0].toLowerCase();
      const isNumber = /^\d+$/.test(word);
      if ((isNumber ? word.length >= 2 : word.length >= 3) && !COMMON.has(word)) words.add(word);
    }
  }
  return words;
}

/** The lines with their secrets masked, as one text: a key block spans lines. */
const maskedLines = (lines: readonly string[]) => maskSecrets(lines.join("\n")).split("\n");

/** Secrets in the lines are masked first: no piece of a key or token becomes a word the ledger shows. */
export function introducedWords(added: readonly string[], removed: readonly string[]): string[] {
  const before = wordsOf(maskedLines(removed));
  return [...wordsOf(maskedLines(added))].filter((word) => !before.has(word)).slice(0, MAX_WORDS);
}

/** A commit subject as it can be shown: emails and secrets masked, one line, at most 120 characters. */
export function showableSubject(subject: string): string {
  const masked = maskSecrets(subject)
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, "…@…")
    .trim();
  return masked.length > 120 ? `${masked.slice(0, 119)}…` : masked;
}
