import type { Unit } from "../../src/lang/index.js";

/** A unit with no features but those given: for engine tests that need no parser. */
export function makeUnit(name: string, features: Partial<Unit> = {}): Unit {
  return {
    name,
    kind: "function",
    startLine: 1,
    endLine: 2,
    tokens: new Uint32Array(),
    tokenLines: new Uint32Array(),
    identifiers: [],
    subwords: [],
    calls: [],
    literals: [],
    keys: [],
    flags: [],
    ...features,
  };
}
