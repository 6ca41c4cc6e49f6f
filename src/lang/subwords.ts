// Upper-case runs not followed by a lower-case letter are acronyms (HTTPClient → HTTP, Client); caseless
// scripts and digit runs are words of their own; everything else (_ - . $ #) separates.
const WORD = /\p{Lu}+(?!\p{Ll})|\p{Lu}?\p{Ll}+|\p{Lo}+|\p{Nd}+/gu;

// Identifiers repeat across units (logger, client, retry), so splitting is memoised; the cap keeps memory
// flat on an org-wide scan.
const cache = new Map<string, readonly string[]>();
const CACHE_LIMIT = 50_000;

export function splitIdentifier(identifier: string): readonly string[] {
  const cached = cache.get(identifier);
  if (cached !== undefined) return cached;
  const words: string[] = [];
  for (const match of identifier.matchAll(WORD)) {
    const word = match[0].toLowerCase();
    if (word.length >= 2 && !words.includes(word)) words.push(word);
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(identifier, words);
  return words;
}

/** Distinct lower-case sub-words of the identifiers, in first-seen order, each at least two characters. */
export function subwordsOf(identifiers: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const identifier of identifiers) {
    for (const word of splitIdentifier(identifier)) out.add(word);
  }
  return [...out];
}
