import type { Language, Node } from "web-tree-sitter";
import type { LineIndex } from "../line-index.js";
import { TOKEN, tokenHash } from "../token-hash.js";
import type { Import, LanguageId, UnitFlag, UnitKind } from "../unit.js";
import { FLAG, type UnitBuilder } from "../unit-builder.js";

/** What a language's string literal holds: plain text, or the static parts of an interpolated string. */
export interface DecodedString {
  template: boolean;
  parts: readonly string[];
}

/** A function, method or class the language's planner found at module level. */
export interface UnitOptions {
  node: Node;
  name: string;
  kind: UnitKind;
  parent?: string;
  exported: boolean;
  async?: boolean;
  /** Member nodes walked as units of their own (a class's methods). */
  skip?: readonly Node[];
  /** A receiver name dropped from the front of callees, like `self` (Go: `c` in `func (c *Client)`). */
  receiver?: string;
  /** Known from the shape alone: an expression body or a last expression (Ruby) that is a function. */
  returnsFunction?: boolean;
}

/** One value a node binds, for binders no field table can describe (Kotlin has no fields at all). */
export interface Binding {
  /** A direct child of the binder. */
  readonly value: Node;
  readonly name: string | undefined;
  /** The direct child that names it: walked without recording literals. */
  readonly target?: Node | null;
  /** The name is also a key, as in a hash or object literal (not a keyword argument). */
  readonly key?: boolean;
}

export interface PlanContext {
  readonly text: string;
  unit(options: UnitOptions): void;
  /**
   * A module-level statement; adjacent ones form one block unit named after the first declared name.
   * `types` are the declared names that name types (Go `type` specs), not values.
   */
  statement(node: Node, declares: readonly string[], exported: boolean, types?: readonly string[]): void;
  /** An import statement at module level (also ends the current block). */
  importStatement(node: Node): void;
  /** Something that is not code (an unreadable region): ends the current block. */
  boundary(): void;
}

/** Called on entering a node of the type; returning QUIET walks its children without recording literals. */
export type NodeHook = (node: Node, out: UnitBuilder) => number;
export const QUIET = 1;

/**
 * A language over tree-sitter: tables of node types plus a few functions for what tables cannot say.
 * Adding a language is one file that exports one of these, and a fixture folder.
 */
export interface GrammarSpec {
  readonly language: LanguageId;
  /** File name under `tree-sitter-wasms/out/`. */
  readonly wasm: string;
  readonly version: number;
  readonly identifiers: readonly string[];
  readonly strings: readonly string[];
  readonly numbers: readonly string[];
  readonly booleans: readonly string[];
  readonly nulls: readonly string[];
  /** Not walked and no token: comments, type annotations, the inner parts of a string. */
  readonly skip: readonly string[];
  /** No token of their own, children walked: wrappers that only exist to hold an annotation. */
  readonly silent?: readonly string[];
  /** Hash a node type as another one: `typed_default_parameter` is a `default_parameter` with a type. */
  readonly tokenAliases?: Readonly<Record<string, string>>;
  /** Pass a bound name on to their elements (`timeout=(3.05, 10)`), pairwise for `a, b = 1, 2`. */
  readonly containers: readonly string[];
  /** Nested function nodes: reset the bound name; a named one counts for "returns-function". */
  readonly functions: readonly string[];
  /**
   * Call node → the child holding the callee: a field, `#n` for the n-th named child (`#-1` the last) in
   * grammars without fields, or "" when the call node is itself a member access (Java `a.b()`, Ruby `a.b`).
   */
  readonly calls: Readonly<Record<string, string>>;
  /**
   * Member access node → [object, property, separator (default ".")], as fields or `#n`, for dotted callee
   * names. A property that wraps its name (Kotlin `navigation_suffix`) gives the identifier inside.
   */
  readonly members: Readonly<Record<string, readonly [string, string] | readonly [string, string, string]>>;
  /** Index node → [object, index] (fields or `#n`): `headers["X-Id"] = …` binds to X-Id. */
  readonly subscripts: Readonly<Record<string, readonly [string, string]>>;
  /** Node that binds names to a value → [names field, value field] (fields only: else use `bindings`). */
  readonly binders: Readonly<Record<string, readonly [string, string]>>;
  /** Key-value node → [key field, value field]; empty fields mean the first two named children. */
  readonly pairs: Readonly<Record<string, readonly [string, string]>>;
  /**
   * Binders a field table cannot describe: node → the values it binds (Kotlin's `=` without fields, C#'s
   * `name: value`, Ruby's hash entries vs keyword arguments). An empty answer walks the node as usual.
   */
  readonly bindings?: Readonly<Record<string, (node: Node) => readonly Binding[]>>;
  readonly binaries: readonly string[];
  readonly unaries: readonly string[];
  readonly returns: readonly string[];
  readonly imports: readonly string[];
  /** Blocks whose first statement may be a docstring ([block type, statement type, string type]). */
  readonly docstrings?: readonly [string, string, string];
  readonly flags: Readonly<Record<string, UnitFlag>>;
  /** Callee name → flag (`panic` → throw); `.each` matches that last segment on any receiver. */
  readonly callFlags: Readonly<Record<string, UnitFlag>>;
  /** Identifiers that are calls when they stand alone (Ruby's bare `raise`): recorded as calls. */
  readonly bareCalls?: readonly string[];
  /** Callees that import (Ruby `require`): such a call anywhere is also read by `importsOf`. */
  readonly importCalls?: readonly string[];
  /** A prefix that means `self.` (Ruby `@timeout`): dropped from identifiers, callees and bound names. */
  readonly sigil?: string;
  /** Anonymous tokens kept in the stream: operators, so `a + b` and `a - b` differ. */
  readonly operators: readonly string[];
  /** Receivers that never count as identifiers or callee prefixes (`self`, `cls`). */
  readonly selfNames: readonly string[];
  /** Constant arithmetic bound as one `expression` literal (`30 * 1000`, Go `15 * time.Second`). */
  readonly constantExpression: RegExp;
  /** Nodes of these types whose source matches are one `expression` literal (`Duration.ofSeconds(30)`). */
  readonly constantValues?: { readonly types: readonly string[]; readonly pattern: RegExp };
  /**
   * A returned call wrapping one function literal returns a function when its callee matches (default: any
   * callee, as Go's `http.HandlerFunc(func …)`). Where lambdas are everyday arguments (Java's
   * `executor.submit(() -> …)`) only a conversion to a type counts.
   */
  readonly conversions?: RegExp;
  /** The name of a nested function node, for grammars without a `name` field (Kotlin). */
  nameOf?(node: Node): string | undefined;
  readonly hooks?: Readonly<Record<string, NodeHook>>;
  decodeString(raw: string): DecodedString;
  /** The key a pair's key node names (`"x-client"`, Go field `Timeout`), or undefined. */
  keyName(node: Node): string | undefined;
  importsOf(node: Node, lines: LineIndex): Import[];
  plan(root: Node, context: PlanContext): void;
}

// Roles: how the walker treats a node type, looked up by tree-sitter's numeric type id.
export const NONE = 0; // anonymous punctuation and keywords
export const OPERATOR = 1;
export const SKIP = 2;
export const SILENT = 3; // ERROR: no token, children walked
export const PLAIN = 4;
export const IDENTIFIER = 5;
export const STRING = 6;
export const NUMBER = 7;
export const CONSTANT = 8; // booleans and null: a normalised token, nothing else
export const CONTAINER = 9;
export const BINDER = 10;
export const PAIR = 11;
export const CALL = 12;
export const FUNCTION = 13;
export const RETURN = 14;
export const BINARY = 15;
export const UNARY = 16;
export const BLOCK = 17;
export const IMPORT = 18;
export const BOUND = 19; // binds through a spec function

/** A spec resolved against a loaded grammar: per type id tables, so the walk never compares strings. */
export interface CompiledGrammar {
  readonly spec: GrammarSpec;
  readonly roles: Uint8Array;
  readonly hashes: Uint32Array;
  readonly flags: Uint16Array;
  readonly hooks: readonly (NodeHook | undefined)[];
  readonly bindings: readonly (((node: Node) => readonly Binding[]) | undefined)[];
  /** 1 for node types listed in `constantValues`. */
  readonly constantValues: Uint8Array;
  /** For binders and pairs: [names/key field id, value field id]. */
  readonly fields: readonly (readonly [number, number] | undefined)[];
  readonly identifierTypes: ReadonlySet<string>;
  readonly functionTypes: ReadonlySet<string>;
  readonly callTypes: ReadonlySet<string>;
  readonly containerTypes: ReadonlySet<string>;
  readonly bareCalls: ReadonlySet<string>;
  readonly importCalls: ReadonlySet<string>;
}

export function compileGrammar(spec: GrammarSpec, language: Language): CompiledGrammar {
  const count = language.nodeTypeCount;
  const roles = new Uint8Array(count);
  const hashes = new Uint32Array(count);
  const flags = new Uint16Array(count);
  const hooks: (NodeHook | undefined)[] = new Array(count).fill(undefined);
  const bindings: (((node: Node) => readonly Binding[]) | undefined)[] = new Array(count).fill(undefined);
  const constantValues = new Uint8Array(count);
  const constantTypes = new Set(spec.constantValues?.types);
  const fields: (readonly [number, number] | undefined)[] = new Array(count).fill(undefined);
  const named = namedRoles(spec);
  const operators = new Set(spec.operators);
  const fieldId = (name: string): number => (name === "" ? -1 : (language.fieldIdForName(name) ?? -1));
  for (let id = 0; id < count; id++) {
    const type = language.nodeTypeForId(id);
    if (type === null) continue;
    if (!language.nodeTypeIsNamed(id)) {
      if (operators.has(type)) {
        roles[id] = OPERATOR;
        hashes[id] = tokenHash(type);
      }
      continue;
    }
    const role = named.get(type) ?? PLAIN;
    roles[id] = role;
    hashes[id] = roleHash(role, spec.tokenAliases?.[type] ?? type, spec);
    const flag = spec.flags[type];
    if (flag !== undefined) flags[id] = FLAG[flag];
    hooks[id] = spec.hooks?.[type];
    bindings[id] = spec.bindings?.[type];
    if (constantTypes.has(type)) constantValues[id] = 1;
    const pair = spec.binders[type] ?? spec.pairs[type];
    if (pair !== undefined) fields[id] = [fieldId(pair[0]), fieldId(pair[1])];
  }
  return {
    spec,
    roles,
    hashes,
    flags,
    hooks,
    bindings,
    constantValues,
    fields,
    identifierTypes: new Set(spec.identifiers),
    functionTypes: new Set(spec.functions),
    callTypes: new Set(Object.keys(spec.calls)),
    containerTypes: new Set(spec.containers),
    bareCalls: new Set(spec.bareCalls),
    importCalls: new Set(spec.importCalls),
  };
}

function namedRoles(spec: GrammarSpec): Map<string, number> {
  const roles = new Map<string, number>([["ERROR", SILENT]]);
  const assign = (types: Iterable<string>, role: number): void => {
    for (const type of types) roles.set(type, role);
  };
  assign(spec.identifiers, IDENTIFIER);
  assign(spec.strings, STRING);
  assign(spec.numbers, NUMBER);
  assign(spec.booleans, CONSTANT);
  assign(spec.nulls, CONSTANT);
  assign(spec.containers, CONTAINER);
  assign(Object.keys(spec.binders), BINDER);
  assign(Object.keys(spec.pairs), PAIR);
  assign(Object.keys(spec.bindings ?? {}), BOUND);
  assign(Object.keys(spec.calls), CALL);
  assign(spec.functions, FUNCTION);
  assign(spec.returns, RETURN);
  assign(spec.binaries, BINARY);
  assign(spec.unaries, UNARY);
  assign(spec.imports, IMPORT);
  if (spec.docstrings !== undefined) roles.set(spec.docstrings[0], BLOCK);
  assign(spec.silent ?? [], SILENT);
  assign(spec.skip, SKIP);
  return roles;
}

function roleHash(role: number, type: string, spec: GrammarSpec): number {
  switch (role) {
    case IDENTIFIER:
      return TOKEN.identifier;
    case NUMBER:
      return TOKEN.number;
    case STRING:
      return TOKEN.string;
    case CONSTANT:
      return spec.booleans.includes(type) ? TOKEN.boolean : TOKEN.null;
    default:
      return tokenHash(type);
  }
}

/** A string expression statement opening a block: documentation, like a comment. */
export function isDocstring(node: Node, [, statement, string]: readonly [string, string, string]): boolean {
  return node.type === statement && node.namedChildCount === 1 && node.firstNamedChild?.type === string;
}
