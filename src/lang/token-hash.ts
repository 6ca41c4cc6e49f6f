// FNV-1a, 32 bit: cheap, stable across runs and platforms, good enough spread for k-gram winnowing.
export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

export function fnv1a(text: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, FNV_PRIME);
  }
  return hash >>> 0;
}

// The token vocabulary is small and bounded (node types × operators), so the caches never need evicting.
const plain = new Map<string, number>();
const withOperator = new Map<string, Map<string, number>>();

/** Hash of a normalised token, memoised: the hot path hashes each distinct string once per process. */
export function tokenHash(text: string): number {
  let hash = plain.get(text);
  if (hash === undefined) {
    hash = fnv1a(text);
    plain.set(text, hash);
  }
  return hash;
}

/** Hash of `type operator` without building the string on every node. */
export function operatorHash(type: string, operator: string): number {
  let byOperator = withOperator.get(type);
  if (byOperator === undefined) {
    byOperator = new Map();
    withOperator.set(type, byOperator);
  }
  let hash = byOperator.get(operator);
  if (hash === undefined) {
    hash = fnv1a(`${type} ${operator}`);
    byOperator.set(operator, hash);
  }
  return hash;
}

/** Normalised tokens shared by every language, so a renamed or re-valued copy hashes the same. */
export const TOKEN = {
  identifier: fnv1a("id"),
  string: fnv1a("str"),
  number: fnv1a("num"),
  template: fnv1a("tpl"),
  boolean: fnv1a("bool"),
  null: fnv1a("null"),
  regex: fnv1a("regex"),
} as const;
