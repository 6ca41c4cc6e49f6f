import type { Unit } from "../lang/index.js";
import type { CompiledSignal, Pattern } from "./definition.js";
import { nameWords, stem } from "./words.js";

// How a unit's features are put in the shape the signals compare against: lower-cased and stemmed once
// per file, joined with the features of what the unit is read with, and indexed for dotted calls and
// module imports.

/** The unit's features in the shape matching wants: lower-cased, stemmed where words are compared. */
export interface FeatureView {
  subword: ReadonlySet<string>;
  name: ReadonlySet<string>;
  identifier: ReadonlySet<string>;
  call: ReadonlySet<string>;
  import: ReadonlySet<string>;
  string: ReadonlySet<string>;
  key: ReadonlySet<string>;
  flag: ReadonlySet<string>;
  path: ReadonlySet<string>;
  /** Identifiers named inside a loop statement of the unit itself (a structural fact, like `flag`). */
  looped: ReadonlySet<string>;
  /** Every dotted tail of every call (`this.http.get` → itself, `http.get`, `get`) → the first such call. */
  callByTail: ReadonlyMap<string, string>;
  /** Every `/`- or `.`-bounded head of every import (`a/b/c` → `a`, `a/b`, itself) → the first such import. */
  importByHead: ReadonlyMap<string, string>;
  /** Size of the unit itself (not its helpers), for the proportionality rule. */
  ownTokens: number;
}

/** One unit's features, lower-cased and stemmed once per file, whatever views it is part of. */
export interface UnitFeatures {
  subword: Set<string>;
  identifier: Set<string>;
  /** Calls not to adopted golden-path names. */
  call: Set<string>;
  string: Set<string>;
  key: Set<string>;
}

export function featuresOf(unit: Unit, adopted: ReadonlySet<string> | undefined): UnitFeatures {
  const lower = (values: Iterable<string>) => {
    const out = new Set<string>();
    for (const value of values) out.add(value.toLowerCase());
    return out;
  };
  const strings: string[] = [];
  for (const literal of unit.literals) if (literal.kind === "string") strings.push(String(literal.value));
  return {
    subword: new Set(unit.subwords.map((word) => stem(word))),
    identifier: lower(unit.identifiers),
    call: lower(unit.calls.filter((call) => !adopted?.has(call.split(".")[0] as string))),
    string: lower(strings),
    key: lower(unit.keys),
  };
}

function union(sets: ReadonlySet<string>[]): ReadonlySet<string> {
  if (sets.length === 1) return sets[0] as ReadonlySet<string>;
  const out = new Set<string>();
  for (const set of sets) for (const value of set) out.add(value);
  return out;
}

/** Each value under every tail after a dot (calls) or every head before a separator (imports); first wins. */
export function indexBy(values: Iterable<string>, cut: (value: string) => string[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const value of values) for (const part of cut(value)) if (!index.has(part)) index.set(part, value);
  return index;
}

const tails = (call: string) => {
  const out = [call];
  for (let i = call.indexOf("."); i >= 0; i = call.indexOf(".", i + 1)) out.push(call.slice(i + 1));
  return out;
};

export const heads = (module: string) => {
  const out = [module];
  for (let i = 0; i < module.length; i++)
    if (module[i] === "/" || module[i] === ".") out.push(module.slice(0, i));
  return out;
};

type FileFacts = {
  imports: ReadonlySet<string>;
  importByHead: ReadonlyMap<string, string>;
  path: ReadonlySet<string>;
};

/** Identifiers named in loops, lower-cased, as `looped` signals compare them. */
function loopedOf(units: readonly Unit[]): Set<string> {
  const out = new Set<string>();
  for (const unit of units) for (const name of unit.loopIdentifiers ?? []) out.add(name.toLowerCase());
  return out;
}

/**
 * A view over `working` (words and calls) and `lent` (words only), with the given names and structural
 * facts (flags, names in loops).
 */
function assembleView(
  name: ReadonlySet<string>,
  flag: ReadonlySet<string>,
  looped: ReadonlySet<string>,
  working: readonly UnitFeatures[],
  lent: readonly UnitFeatures[],
  file: FileFacts,
  ownTokens: number,
): FeatureView {
  const all = [...working, ...lent];
  const call = union(working.map((f) => f.call));
  return {
    subword: union(all.map((f) => f.subword)),
    name,
    identifier: union(all.map((f) => f.identifier)),
    call,
    import: file.imports,
    string: union(all.map((f) => f.string)),
    key: union(all.map((f) => f.key)),
    flag,
    path: file.path,
    looped,
    callByTail: indexBy(call, tails),
    importByHead: file.importByHead,
    ownTokens,
  };
}

/**
 * A unit as the concern engine reads it: with the same-file helpers it calls (their features are its
 * work) and the data of the module-level blocks it uses (words, strings, keys; not their calls, since
 * using a configured `const log = createLogger(…)` does not make a function a logger setup).
 */
export function viewOf(
  own: Unit,
  working: UnitFeatures[],
  blocks: UnitFeatures[],
  file: FileFacts,
  ownTokens: number,
): FeatureView {
  return assembleView(
    new Set(nameWords(own.name)),
    new Set(own.flags),
    loopedOf([own]),
    working,
    blocks,
    file,
    ownTokens,
  );
}

/**
 * Everything any unit of the file can be read with: the union of every unit's features, names and flags.
 * Every unit's view is a subset of it and signals only ask for values to be present, so a definition
 * whose requirements this view misses matches no unit of the file.
 */
export function fileViewOf(
  units: readonly Unit[],
  features: readonly UnitFeatures[],
  file: FileFacts,
): FeatureView {
  const names = new Set(units.flatMap((unit) => nameWords(unit.name)));
  return assembleView(
    names,
    new Set(units.flatMap((unit) => unit.flags)),
    loopedOf(units),
    features,
    [],
    file,
    0,
  );
}

/**
 * What fires the signal, or undefined: the first pattern that matches, or with `atLeast` above one, the
 * values that that many different patterns matched (joined with `+`).
 */
export function firstMatch(signal: CompiledSignal, view: FeatureView): string | undefined {
  const atLeast = signal.atLeast ?? 1;
  if (atLeast <= 1) {
    for (const pattern of signal.patterns) {
      const hit = matchPattern(signal.kind, pattern, view);
      if (hit !== undefined) return hit;
    }
    return undefined;
  }
  const hits: string[] = [];
  for (const pattern of signal.patterns) {
    const hit = matchPattern(signal.kind, pattern, view);
    if (hit !== undefined) hits.push(hit);
    if (hits.length === atLeast) return hits.join("+");
  }
  return undefined;
}

/** A signal's patterns as one test: its exact words, and its regexes joined into one alternation. */
interface AnyPattern {
  exact: string[];
  joined: RegExp | undefined;
  /** Regexes that cannot be joined (a backreference would point at another pattern's group). */
  apart: RegExp[];
}

// Keyed by the compiled signal: definitions are compiled once per scan (and cloned once per worker batch).
const anyPatterns = new WeakMap<CompiledSignal, AnyPattern>();

function anyPatternOf(signal: CompiledSignal): AnyPattern {
  let any = anyPatterns.get(signal);
  if (any === undefined) {
    const exact: string[] = [];
    const regexes: RegExp[] = [];
    for (const pattern of signal.patterns) {
      if ("exact" in pattern) exact.push(pattern.exact);
      else regexes.push(pattern.regex);
    }
    const joinable = regexes.filter((regex) => !/\\[1-9]|\\k</.test(regex.source));
    any = {
      exact,
      joined:
        joinable.length > 0
          ? new RegExp(joinable.map((regex) => `(?:${regex.source})`).join("|"), "i")
          : undefined,
      apart: regexes.filter((regex) => !joinable.includes(regex)),
    };
    anyPatterns.set(signal, any);
  }
  return any;
}

/**
 * Whether one value (a call, a string, a key or bound name, lower-cased) fires the signal by itself: which
 * of a unit's calls and literals are its evidence, so their lines say where in the unit the work is.
 */
export function firesOn(signal: CompiledSignal, value: string): boolean {
  const any = anyPatternOf(signal);
  const candidates = signal.kind === "call" ? tails(value) : [value];
  if (any.exact.some((exact) => candidates.includes(exact))) return true;
  if (any.joined?.test(value)) return true;
  return any.apart.some((regex) => regex.test(value));
}

/**
 * Whether the signal fires, without saying on what: one pass over the values with every regex of the signal
 * joined, where `firstMatch` tries the patterns one by one (requirements only ask whether, and most units
 * fail them, so this is the engine's hottest loop).
 */
export function fires(signal: CompiledSignal, view: FeatureView): boolean {
  if ((signal.atLeast ?? 1) > 1) return firstMatch(signal, view) !== undefined;
  const any = anyPatternOf(signal);
  for (const exact of any.exact) if (matchExact(signal.kind, exact, view) !== undefined) return true;
  const values = view[signal.kind];
  if (any.joined !== undefined) for (const value of values) if (any.joined.test(value)) return true;
  for (const regex of any.apart) for (const value of values) if (regex.test(value)) return true;
  return false;
}

function matchPattern(kind: CompiledSignal["kind"], pattern: Pattern, view: FeatureView): string | undefined {
  if ("exact" in pattern) return matchExact(kind, pattern.exact, view);
  for (const value of view[kind]) if (pattern.regex.test(value)) return value;
  return undefined;
}

function matchExact(kind: CompiledSignal["kind"], wanted: string, view: FeatureView): string | undefined {
  // A call matches by its name or any dotted tail (`get` matches `this.http.get`); an import by itself
  // or a parent module (`requests` matches `requests.adapters`, `@acme/kit` matches `@acme/kit/retry`).
  if (kind === "call") return view.callByTail.get(wanted);
  if (kind === "import") return view.importByHead.get(wanted);
  return view[kind].has(wanted) ? wanted : undefined;
}
