/**
 * What every language adapter produces for a file. Later stages (similarity, concerns) only ever see this
 * shape, never a syntax tree, so adding a language never touches them.
 */

/** Every language lineitem reads; concern definitions and reports refer to these ids. */
export const LANGUAGE_IDS = [
  "typescript",
  "tsx",
  "javascript",
  "python",
  "go",
  "java",
  "kotlin",
  "csharp",
  "ruby",
] as const;

export type LanguageId = (typeof LANGUAGE_IDS)[number];

/**
 * `type`: a TypeScript interface or type alias, or a Java, Kotlin or C# interface of signatures only (no
 * method with a body). Read for copies (the same error-envelope type in every team is a copy), never as an
 * implementation of a concern: it describes work, it does none.
 */
export type UnitKind = "function" | "method" | "class" | "block" | "type";

/**
 * Structural facts about a unit that concern definitions can ask for ("a loop that catches, waits and
 * tries again" is `loop` + `catch` + a sleep call).
 */
export type UnitFlag =
  | "loop" // for / while / do, Kotlin `repeat`/`forEach`, Ruby iterators (`each`, `times`, `loop`) and `retry`
  // if / switch / a conditional expression (`a ? b : c`), Python `match`, Kotlin `when`, Ruby `case`,
  // `unless` and their modifiers: code that decides something, not wiring or a declaration
  | "branch"
  | "try" // try statement, Ruby `rescue`/`ensure` (in a begin block or a def's body); Go has none
  | "catch" // catch clause, Python except, Ruby rescue, Go `if err != nil`
  | "await" // await / Python await / Kotlin `.await()` / Go channel receive or select
  | "async" // declared async, Kotlin `suspend`
  | "recursion" // calls itself by name
  | "throw" // throw / raise / panic, or Go `return …, err`
  | "returns-function" // returns a function (wrappers, decorators, middleware factories), Ruby by last expression
  // exported / public at module level: Go capitalised, Python no leading underscore, Java and C# `public`
  // in an exported type, Kotlin unless private/protected/internal, Ruby public methods of classes/modules
  | "exported";

export interface Literal {
  /**
   * `string` and `number` are plain literals; `expression` is a value built from literals, kept raw:
   * `30 * 1000`, Go `15 * time.Second`, `Duration.ofSeconds(30)`, `TimeSpan.FromSeconds(10)`, `30.seconds`;
   * and `"Infinity"` for JavaScript's `Infinity` or `Number.POSITIVE_INFINITY` bound to a name (no limit).
   */
  kind: "string" | "number" | "expression";
  /** The decoded string, the numeric value, or for `expression` the source text (at most 120 chars). */
  value: string | number;
  /** The name the value is bound to: property key, variable, keyword argument, struct field. */
  name?: string;
  line: number;
}

export interface Unit {
  /**
   * Dotted, human-readable: `retry`, `HttpClient.request`, `Client.Do`, `Outer.Inner.constructor`,
   * Ruby `Acme::Client.get`, `<module>`.
   */
  name: string;
  kind: UnitKind;
  /** 1-based, inclusive. */
  startLine: number;
  endLine: number;
  /** Name of the enclosing class unit for methods. */
  parent?: string;
  /**
   * Block units: every module-level name the block declares (`HEADER`, `storage`, `module.exports`), so a
   * function that uses a hoisted constant or a configured instance can be read together with it.
   */
  declares?: string[];
  /**
   * Block units: the names among `declares` that name types rather than values (Go `type` specs). A method
   * names its receiver's type without using the data declared beside it (see blocksUsedBy).
   */
  types?: string[];
  /**
   * Normalised token stream: one 32-bit hash per syntax node in pre-order, with identifiers and literals
   * reduced to their kind, so renamed and re-valued copies give the same stream. A class unit's stream
   * excludes its methods (they are units of their own).
   */
  tokens: Uint32Array;
  /** Source line of each token, parallel to `tokens`. */
  tokenLines: Uint32Array;
  /** Distinct identifiers as written, in first-seen order. */
  identifiers: string[];
  /**
   * The identifiers named inside a loop statement (its condition, header or body), when there are any: a
   * loop that walks pages names its page token inside it, a handler that passes the token on names it
   * beside a loop over the page's items. Left out when none, and by the copy search's lexer.
   */
  loopIdentifiers?: string[];
  /** Distinct lower-case sub-words of the identifiers (`maxRetryCount` → max, retry, count). */
  subwords: string[];
  /**
   * Distinct callees as written, without `this.`/`self.`/`@`: `fetch`, `axios.create`, `time.Sleep`,
   * `AbortController`, constructors by type (`new HttpClient(…)` → `HttpClient`), Ruby `Net::HTTP.new`.
   */
  calls: string[];
  /**
   * The lines each of `calls` is made on (the first sixteen, ascending), parallel to it: where in a long
   * unit its concern's work is (a service's `Run` that registers its metrics on two of its three hundred
   * lines), and whether a call is made all through it. Left out by the copy search's lexer, which reads no
   * calls.
   */
  callLines?: number[][];
  literals: Literal[];
  /**
   * Distinct keys of object/dict/hash/struct literals and initialisers, Go json struct tags and
   * serialisation annotations (`@JsonProperty("code")`): `timeout`, `x-request-id`, `code`.
   */
  keys: string[];
  /**
   * Member names the unit sets by assignment (`err.statusCode = …`, `headers["x-request-id"] = id`,
   * `this.level = …`): the keys of an object built step by step. JavaScript and TypeScript; left out when
   * none. Read by the drift table's parameters, not by the concern signals.
   */
  assigned?: string[];
  flags: UnitFlag[];
}

export interface Import {
  /**
   * `axios`, `@acme/platform-kit/retry`, `./retry.js`, `net/http`, `requests.adapters`, `java.net.http`
   * (Java/Kotlin `import a.b.C` is module `a.b`, names [C], like Python's from-import), `System.Net.Http`.
   */
  module: string;
  /** Imported names; empty for side-effect imports (and Ruby requires), `*` for namespace imports (C# using). */
  names: string[];
  /**
   * The names the import binds in this file, where they differ from `names`: `import pRetry from "p-retry"`
   * binds `pRetry`, `import * as http from …` binds `http`, `const retrier = require("retry")` binds
   * `retrier`. Left out when the adapter binds exactly `names`.
   */
  locals?: string[];
  line: number;
}

export interface ParseProblem {
  line: number;
  message: string;
}

export interface FileUnits {
  language: LanguageId;
  units: Unit[];
  imports: Import[];
  /** Syntax errors the parser recovered from; units are still produced for what it could read. */
  problems: ParseProblem[];
  /** Lines of the file. */
  lines: number;
}

/** One adapter per language; `parse` is pure (text in, units out) once the adapter is created. */
export interface LanguageAdapter {
  readonly languages: readonly LanguageId[];
  /** Bumped whenever the output for the same input changes; part of the unit cache key. */
  readonly version: number;
  parse(path: string, text: string, language: LanguageId): FileUnits;
}
