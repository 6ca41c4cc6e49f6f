/**
 * Bumped whenever the TypeScript/JavaScript adapter's output for the same input changes; part of the unit
 * cache key. In a module of its own so the key can be known without loading the parser.
 */
export const ESTREE_ADAPTER_VERSION = 13;
