import type { LanguageId, Literal } from "../lang/index.js";

/**
 * Values as policies compare them: every way code writes a duration becomes milliseconds, so that
 * `30_000`, `30 * 1000`, `"30s"`, `time.Second * 30`, `Duration.ofSeconds(30)`, `TimeSpan.FromSeconds(30)`,
 * `30.seconds` and Python's `timedelta(seconds=30)` all read 30000. Pure: text in, number out; nothing is
 * ever evaluated as code, only this small arithmetic over numbers and known unit names.
 */

const MS = { ns: 1e-6, us: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** Unit constants and unit-named functions across languages, by how code spells them (lower-cased). */
const UNIT_NAMES: ReadonlyMap<string, number> = new Map([
  // Go: time.Second * 30
  ["time.nanosecond", MS.ns],
  ["time.microsecond", MS.us],
  ["time.millisecond", MS.ms],
  ["time.second", MS.s],
  ["time.minute", MS.m],
  ["time.hour", MS.h],
  // Java / Kotlin: Duration.ofSeconds(30), TimeUnit.SECONDS.toMillis(30), Kotlin 30.seconds
  ["duration.ofnanos", MS.ns],
  ["duration.ofmillis", MS.ms],
  ["duration.ofseconds", MS.s],
  ["duration.ofminutes", MS.m],
  ["duration.ofhours", MS.h],
  ["duration.ofdays", MS.d],
  ["timeunit.milliseconds.tomillis", MS.ms],
  ["timeunit.seconds.tomillis", MS.s],
  ["timeunit.minutes.tomillis", MS.m],
  // C#: TimeSpan.FromSeconds(30)
  ["timespan.frommilliseconds", MS.ms],
  ["timespan.fromseconds", MS.s],
  ["timespan.fromminutes", MS.m],
  ["timespan.fromhours", MS.h],
  ["timespan.fromdays", MS.d],
]);

/** Numeric conversions that change no value: Go `time.Duration(n)`, Kotlin/Java `toLong(n)`-style casts. */
const CONVERSIONS: ReadonlySet<string> = new Set(["time.duration", "int64", "float64", "long", "int"]);

/** Suffix units: Kotlin `30.seconds`, Ruby `30.seconds` / `2.minutes`, keyword arguments of timedelta. */
const SUFFIX_UNITS: ReadonlyMap<string, number> = new Map([
  ["nanoseconds", MS.ns],
  ["microseconds", MS.us],
  ["milliseconds", MS.ms],
  ["millis", MS.ms],
  ["ms", MS.ms],
  ["second", MS.s],
  ["seconds", MS.s],
  ["minute", MS.m],
  ["minutes", MS.m],
  ["hour", MS.h],
  ["hours", MS.h],
  ["day", MS.d],
  ["days", MS.d],
  ["weeks", 7 * MS.d],
]);

/** `"30s"`, `"1m30s"`, `"500ms"`, `"1.5h"`, ISO 8601 `"PT30S"`; undefined when the string is anything else. */
export function parseDurationString(text: string): number | undefined {
  const trimmed = text.trim().toLowerCase();
  const iso = /^pt(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m)?(?:(\d+(?:\.\d+)?)s)?$/.exec(trimmed);
  if (iso && trimmed !== "pt") {
    return Number(iso[1] ?? 0) * MS.h + Number(iso[2] ?? 0) * MS.m + Number(iso[3] ?? 0) * MS.s;
  }
  // Longer unit words first: with "m" before "min", "5min" would stop after the "m" and be refused.
  const part =
    /(\d+(?:\.\d+)?)\s*(ns|us|µs|ms|seconds?|secs|sec|s|minutes?|mins|min|m|hours?|hrs|hr|h|days?|d)/y;
  let total = 0;
  let position = 0;
  let parts = 0;
  while (position < trimmed.length) {
    part.lastIndex = position;
    const match = part.exec(trimmed);
    if (!match) return undefined;
    total += Number(match[1]) * unitOfWord(match[2] as string);
    position = part.lastIndex;
    while (trimmed[position] === " ") position++;
    parts++;
  }
  return parts > 0 ? total : undefined;
}

function unitOfWord(word: string): number {
  if (word === "ns") return MS.ns;
  if (word === "us" || word === "µs") return MS.us;
  if (word === "ms") return MS.ms;
  if (word.startsWith("s")) return MS.s;
  if (word.startsWith("m")) return MS.m;
  if (word.startsWith("h")) return MS.h;
  return MS.d;
}

interface Value {
  value: number;
  /** Already a duration (`time.Second`, `ofSeconds(…)`), or a bare number whose unit is still to be said. */
  isDuration: boolean;
}

function apply(op: string, a: number, b: number): number {
  return op === "+" ? a + b : op === "-" ? a - b : op === "*" ? a * b : a / b;
}

type Token =
  | { kind: "number"; value: number }
  | { kind: "name"; value: string }
  | { kind: "op"; value: string };

/** Numbers (with `_` separators and a type suffix such as `30L`), dotted names, operators, brackets. */
function tokenize(text: string): Token[] | undefined {
  const tokens: Token[] = [];
  const pattern =
    /\s*(?:(\d[\d_]*(?:\.\d+)?(?:e[+-]?\d+)?)[lLfFdDmM]?|([A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*)|(\*\*|[-+*/(),=.]))/y;
  let position = 0;
  while (position < text.length) {
    pattern.lastIndex = position;
    const match = pattern.exec(text);
    if (!match || match[0].length === 0) return /^\s*$/.test(text.slice(position)) ? tokens : undefined;
    if (match[1] !== undefined) tokens.push({ kind: "number", value: Number(match[1].replaceAll("_", "")) });
    else if (match[2] !== undefined) tokens.push({ kind: "name", value: match[2] });
    else tokens.push({ kind: "op", value: match[3] as string });
    position = pattern.lastIndex;
  }
  return tokens;
}

/**
 * A recursive-descent reader of `+ - * / **`, brackets, unit constants, unit functions of one argument
 * (`Duration.ofSeconds(30)`, `timedelta(seconds=30, milliseconds=5)`) and unit suffixes (`30.seconds`).
 * A value carries whether it is already a duration (`time.Second`, `ofSeconds(…)`) or a bare number.
 */
class Reader {
  private index = 0;
  constructor(private readonly tokens: Token[]) {}

  read(): Value | undefined {
    const result = this.sum();
    return result && this.index === this.tokens.length ? result : undefined;
  }

  private peek(): Token | undefined {
    return this.tokens[this.index];
  }

  private takeOp(op: string): boolean {
    const token = this.peek();
    if (token?.kind === "op" && token.value === op) {
      this.index++;
      return true;
    }
    return false;
  }

  private sum(): Value | undefined {
    return this.chain(["+", "-"], () => this.product());
  }

  private product(): Value | undefined {
    return this.chain(["*", "/"], () => this.power());
  }

  /**
   * Left-associative operators of one precedence. A result is a duration when either side is one:
   * `1000 * time.Millisecond` and `time.Second / 2` both are.
   */
  private chain(ops: string[], operand: () => Value | undefined): Value | undefined {
    let left = operand();
    while (left) {
      const op = ops.find((candidate) => this.takeOp(candidate));
      if (!op) break;
      const right = operand();
      if (!right || (op === "/" && right.value === 0)) return undefined;
      left = { value: apply(op, left.value, right.value), isDuration: left.isDuration || right.isDuration };
    }
    return left;
  }

  private power(): Value | undefined {
    const base = this.unary();
    if (base && this.takeOp("**")) {
      const exponent = this.unary();
      if (!exponent || exponent.isDuration) return undefined;
      return { value: base.value ** exponent.value, isDuration: base.isDuration };
    }
    return base;
  }

  private unary(): Value | undefined {
    if (this.takeOp("-")) {
      const inner = this.unary();
      return inner && { value: -inner.value, isDuration: inner.isDuration };
    }
    return this.atom();
  }

  private atom(): Value | undefined {
    const token = this.peek();
    if (!token) return undefined;
    if (token.kind === "op" && token.value === "(") {
      this.index++;
      const inner = this.sum();
      return inner && this.takeOp(")") ? inner : undefined;
    }
    this.index++;
    if (token.kind === "number") {
      // `30.seconds`: the tokenizer reads `30.` then a name only when written with a dot.
      if (this.takeOp(".")) {
        const unit = this.peek();
        const scale = unit?.kind === "name" ? SUFFIX_UNITS.get(unit.value.toLowerCase()) : undefined;
        if (scale === undefined) return undefined;
        this.index++;
        return { value: token.value * scale, isDuration: true };
      }
      return { value: token.value, isDuration: false };
    }
    if (token.kind !== "name") return undefined;
    const name = token.value.toLowerCase();
    if (this.takeOp("(")) return this.call(name);
    const scale = UNIT_NAMES.get(name);
    return scale === undefined ? undefined : { value: scale, isDuration: true };
  }

  /** `Duration.ofSeconds(30)` and `timedelta(seconds=30, milliseconds=5)`. */
  private call(name: string): Value | undefined {
    // Conversions to a duration type keep the number bare: `time.Duration(2) * time.Minute` is two minutes.
    if (CONVERSIONS.has(name)) {
      const argument = this.sum();
      return argument && this.takeOp(")") ? argument : undefined;
    }
    if (name === "timedelta" || name.endsWith(".timedelta")) {
      let total = 0;
      do {
        const key = this.peek();
        if (key?.kind !== "name") return undefined;
        this.index++;
        const scale = SUFFIX_UNITS.get(key.value.toLowerCase());
        if (scale === undefined || !this.takeOp("=")) return undefined;
        const value = this.sum();
        if (!value) return undefined;
        total += value.value * scale;
      } while (this.takeOp(","));
      return this.takeOp(")") ? { value: total, isDuration: true } : undefined;
    }
    const scale = UNIT_NAMES.get(name);
    const argument = this.sum();
    if (scale === undefined || !argument || !this.takeOp(")")) return undefined;
    return { value: argument.value * scale, isDuration: true };
  }
}

/** The unit a bare number is in, from the name it is bound to: `timeoutMs`, `timeout_seconds`, `delay`. */
function unitFromName(name: string | undefined, language: LanguageId): number {
  const words = (name ?? "").split(/[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])/).map((w) => w.toLowerCase());
  if (words.some((w) => w === "ms" || w === "millis" || w === "milliseconds" || w === "msec")) return MS.ms;
  if (words.some((w) => w === "s" || w === "sec" || w === "secs" || w === "seconds")) return MS.s;
  if (words.some((w) => w === "minutes" || w === "mins")) return MS.m;
  // Bare numbers are milliseconds in JavaScript/TypeScript APIs (setTimeout, axios, fetch wrappers) and
  // seconds in Python's (requests, time.sleep, asyncio), Ruby's (sleep, Net::HTTP) and Go's int seconds.
  return language === "python" || language === "ruby" ? MS.s : MS.ms;
}

/**
 * A literal as a duration in milliseconds, or undefined when it is not one. Strings must spell a
 * duration; expressions are read with unit constants; a bare number takes its unit from its name and the
 * language's convention.
 */
export function durationMs(
  literal: Pick<Literal, "kind" | "value" | "name">,
  language: LanguageId,
): number | undefined {
  if (literal.kind === "string") return parseDurationString(String(literal.value));
  if (literal.kind === "number") {
    const value = Number(literal.value);
    return Number.isFinite(value) ? round(value * unitFromName(literal.name, language)) : undefined;
  }
  const tokens = tokenize(String(literal.value));
  const result = tokens && new Reader(tokens).read();
  if (!result || !Number.isFinite(result.value)) return undefined;
  return round(result.isDuration ? result.value : result.value * unitFromName(literal.name, language));
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
