/**
 * A light plural-folding stem so that `retries`, `attempts` and `headers` meet `retry`, `attempt` and
 * `header`. Applied to both sides of every comparison, so it only has to be consistent, not linguistic.
 */
export function stem(word: string): string {
  if (word.length > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith("s") && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** Sub-words of a path's folders and file name: `services/catalog-bff/src/util/retry.ts` → services, catalog, bff, … */
export function pathWords(path: string): string[] {
  return path
    .replace(/\.[a-z0-9]+$/i, "")
    .split(/[^A-Za-z0-9]+|(?<=[a-z])(?=[A-Z])/)
    .filter((word) => word.length >= 2)
    .map((word) => stem(word.toLowerCase()));
}

/** Sub-words of a unit's own name: `HttpClient.request` → http, client, request; `to_error_response` → to, error, response. */
export function nameWords(name: string): string[] {
  return name
    .split(/[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/)
    .filter((word) => word.length >= 2)
    .map((word) => stem(word.toLowerCase()));
}
