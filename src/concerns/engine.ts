import type { Import, LanguageId, Unit } from "../lang/index.js";
import type { ConcernDefinition } from "./definition.js";
import {
  type FeatureView,
  featuresOf,
  fileViewOf,
  fires,
  firstMatch,
  heads,
  indexBy,
  type UnitFeatures,
  viewOf,
} from "./feature-view.js";
import { libraryBindings, wrapperOf } from "./libraries.js";
import { blocksUsedBy, helpersCalledBy, methodsOf } from "./module-graph.js";
import { pathWords } from "./words.js";

/**
 * Bumped whenever the same definitions could match differently (a rule of the engine changed): stored
 * matches are keyed by it, so an index never hands back what an older engine found.
 */
export const MATCHING_ENGINE_VERSION = 14;

/** What the engine needs to know about one file; no teams, no repositories, no I/O. */
export interface ConcernFile {
  path: string;
  language: LanguageId;
  imports: Import[];
  units: Unit[];
  /**
   * Local names this file imports from a golden path. Calling them is adoption, so they are never
   * evidence that the file implements the concern again.
   */
  adoptedNames?: ReadonlySet<string>;
}

export interface UnitMatch {
  /** Index into the file's units. */
  unit: number;
  concern: string;
  score: number;
  /** The signals that fired, as `kind:value`, strongest first. */
  evidence: string[];
  /** The well-known package this unit wraps, when it is a wrapper rather than its own writing. */
  wraps?: string;
}

/**
 * A module-level block lends its words to the units that use it when it is a small piece of their work (a
 * hoisted header name, a retry policy's constants). A large one (a client's table of every default option)
 * is read by many functions that each do something else: its words would make every one of them look like
 * every concern the table mentions.
 */
export const LENT_BLOCK_TOKENS = 200;

/** How one unit fares against one concern: every signal that fired and every requirement left unmet. */
export interface UnitExplanation {
  concern: string;
  score: number;
  threshold: number;
  matched: boolean;
  /** Signals that fired, as `id=kind:value`, strongest first (negative weights included). */
  fired: string[];
  /** `requires` groups with no positive or gate signal that fired, as `id|id`. */
  missing: string[];
}

/**
 * Evidence must be proportionate to size: a long unit that mentions a concern in passing (a 600-line build
 * function that creates a logger) is not an implementation of it. Up to SIZE_FREE_TOKENS of the unit's own
 * tokens (about 150 lines) the threshold stands; beyond, it grows with the doubling of the size.
 */
export const SIZE_FREE_TOKENS = 1600;

export function sizeFactor(ownTokens: number): number {
  return ownTokens <= SIZE_FREE_TOKENS ? 1 : Math.log2(ownTokens / (SIZE_FREE_TOKENS / 2));
}

function explainUnit(
  definition: ConcernDefinition,
  view: FeatureView,
  language: LanguageId,
): UnitExplanation {
  const fired = new Map<string, { weight: number; evidence: string }>();
  for (const signal of definition.signals) {
    if (signal.languages && !signal.languages.includes(language)) continue;
    const hit = firstMatch(signal, view);
    if (hit !== undefined) fired.set(signal.id, { weight: signal.weight, evidence: `${signal.kind}:${hit}` });
  }
  const missing = definition.requires
    .filter((group) => !group.some((id) => (fired.get(id)?.weight ?? -1) >= 0))
    .map((group) => group.join("|"));
  let score = 0;
  for (const { weight } of fired.values()) score += weight;
  score = Math.round(score * 100) / 100;
  const threshold = Math.round(definition.threshold * sizeFactor(view.ownTokens) * 100) / 100;
  return {
    concern: definition.id,
    score,
    threshold,
    matched: missing.length === 0 && score >= threshold,
    fired: [...fired].sort((a, b) => b[1].weight - a[1].weight).map(([id, f]) => `${id}=${f.evidence}`),
    missing,
  };
}

/** A type describes work and does none; a unit that misses a requirement cannot match. */
function unmatched(definition: ConcernDefinition): UnitExplanation {
  return {
    concern: definition.id,
    score: 0,
    threshold: definition.threshold,
    matched: false,
    fired: [],
    missing: [],
  };
}

/**
 * Whether every `requires` group has a signal that fires, positive or a gate (weight 0, which meets a
 * requirement without adding to the score); a negative one never does. Without that a unit cannot match, so
 * scoring skips the rest of its signals. Most units fail the first group, which keeps nineteen concerns cheap.
 */
function meetsRequirements(definition: ConcernDefinition, view: FeatureView, language: LanguageId): boolean {
  for (const group of definition.requiredSignals) {
    const met = group.some(
      (signal) => (!signal.languages || signal.languages.includes(language)) && fires(signal, view),
    );
    if (!met) return false;
  }
  return true;
}

/** What a file says about itself, beside its units: its imports and the words of its path. */
function factsOf(file: ConcernFile, imports = file.imports) {
  const modules = new Set(imports.map((imp) => imp.module.toLowerCase()));
  return { imports: modules, importByHead: indexBy(modules, heads), path: new Set(pathWords(file.path)) };
}

/**
 * A unit's own facts: the file's path and imports, less the namespace imports (`using
 * Microsoft.Extensions.Configuration;` in C#, `import a.b.*` in Java). Those bind no name a unit could be
 * seen to use, and a C# file has one for every namespace it touches: an ASP.NET service that takes an
 * `IConfiguration` imports the configuration namespace, and so, for the reading, does every method of it.
 */
function ownFactsOf(file: ConcernFile): ReturnType<typeof factsOf> {
  return factsOf(
    file,
    file.imports.filter((imp) => !(imp.names.includes("*") && imp.locals === undefined)),
  );
}

/**
 * Per definition, whether any unit of the file could match it: the whole file's features (types left out:
 * no unit is ever read with one) meet its requirements. Most files meet few of the nineteen.
 */
function possibleConcerns(
  file: ConcernFile,
  definitions: readonly ConcernDefinition[],
  facts: ReturnType<typeof factsOf>,
  featuresAt: (index: number) => UnitFeatures,
): boolean[] {
  const readable = file.units.flatMap((unit, i) => (unit.kind === "type" ? [] : [i]));
  const view = fileViewOf(
    readable.map((i) => file.units[i] as Unit),
    readable.map(featuresAt),
    facts,
  );
  return definitions.map((definition) => meetsRequirements(definition, view, file.language));
}

/**
 * The concerns some unit of the file could match, by the file-level test the engine runs first: the ids
 * of the definitions whose requirements the whole file's features meet. A file with none needs no concern
 * matching at all (what a pipeline that reads most files as tokens only would ask before building an AST).
 */
export function concernsPossibleIn(file: ConcernFile, definitions: readonly ConcernDefinition[]): string[] {
  const possible = possibleConcerns(file, definitions, factsOf(file), (i) =>
    featuresOf(file.units[i] as Unit, file.adoptedNames),
  );
  return definitions.flatMap((definition, k) => (possible[k] ? [definition.id] : []));
}

/**
 * How a unit is read: with its module (the helpers it calls, the blocks they use), which is how a concern is
 * found, or by its own code alone (a class with its methods), which is how a unit is judged to do the work.
 */
type Reading = "module" | "own";

/**
 * Every unit's standing against every concern, read with its module: the free helpers it calls and the
 * blocks they use. Callers of a matched unit in the same file may match too; they only widen the same
 * implementation (one file, one concern), and the size rule keeps a long caller from matching in passing.
 */
function explainAll(
  file: ConcernFile,
  definitions: readonly ConcernDefinition[],
  full: boolean,
  reading: Reading = "module",
): UnitExplanation[][] {
  const fileFacts = factsOf(file);
  const ownFacts = reading === "own" ? ownFactsOf(file) : fileFacts;
  const helpers = helpersCalledBy(file.units);
  const usedBlocks = blocksUsedBy(file.units);
  const methods = methodsOf(file.units);
  const features: (UnitFeatures | undefined)[] = [];
  const featuresAt = (i: number): UnitFeatures => {
    features[i] ??= featuresOf(file.units[i] as Unit, file.adoptedNames);
    return features[i];
  };
  // A definition whose requirements even the whole file's features miss cannot match any of its units: most
  // files meet few of the nineteen, and a file that meets none builds no unit's view at all.
  const possible = full
    ? definitions.map(() => true)
    : possibleConcerns(file, definitions, fileFacts, featuresAt);
  const anyPossible = possible.includes(true);
  // One answer shared by every unit that is not read (callers only read explanations).
  const none = definitions.map((definition) => unmatched(definition));
  return file.units.map((unit, index) => {
    // A block's own words are mostly its data (a level table, default options): it does a concern's work
    // only when it matches by itself, as a module read as one block does.
    if (describesTypes(unit) || (reading === "own" && unit.kind === "block") || !anyPossible) return none;
    // A class is read with its methods' words and calls: in class-based code the class is the module, and a
    // client sets its timeout in the constructor and its headers in `get`. Structure flags stay per unit:
    // "a loop that waits and tries again" describes one body of code, not a loop in one method and retry
    // words in another.
    const parts = [...(methods[index] ?? [])];
    const called =
      reading === "own"
        ? []
        : [...new Set([index, ...parts].flatMap((i) => helpers[i] ?? []))].filter((i) => i !== index);
    const withParts = [...new Set([...parts, ...called])];
    // Blocks used by the helpers count too: the helper that reads the hoisted header name is part of the work.
    const blocks =
      reading === "own"
        ? new Set<number>()
        : new Set(
            [index, ...withParts]
              .flatMap((i) => usedBlocks[i] ?? [])
              .filter((i) => (file.units[i] as Unit).tokens.length <= LENT_BLOCK_TOKENS),
          );
    const size = [index, ...parts].reduce((sum, i) => sum + (file.units[i] as Unit).tokens.length, 0);
    const working = [index, ...withParts].map(featuresAt);
    const facts = reading === "own" ? ownFacts : fileFacts;
    const view = viewOf(unit, working, [...blocks].map(featuresAt), facts, size);
    return definitions.map((definition, k) =>
      full || (possible[k] && meetsRequirements(definition, view, file.language))
        ? explainUnit(definition, view, file.language)
        : (none[k] as UnitExplanation),
    );
  });
}

/**
 * A type unit, or a block that declares only types (a Go struct or interface): it describes data or calls
 * and does no concern's work by itself, as a TypeScript interface does not. It still lends its words to the
 * functions that use it (an audit entry's fields, an envelope's keys).
 */
function describesTypes(unit: Unit): boolean {
  if (unit.kind === "type") return true;
  const types = unit.types;
  return (
    unit.kind === "block" &&
    types !== undefined &&
    (unit.declares ?? []).every((name) => types.includes(name))
  );
}

/** Every unit's standing against every concern, matched or not: for people asking "why (not)?". */
export function explainFile(
  file: ConcernFile,
  definitions: readonly ConcernDefinition[],
): UnitExplanation[][] {
  return explainAll(file, definitions, true);
}

/**
 * Inside a file that implements a concern, a unit does part of that work when its own code (not its helpers')
 * carries at least this share of the concern's bar: the backoff computation, the retryable-error test, the
 * logger's level filter. The requirements are not asked of it: they describe the whole piece of work, which
 * a part of it need not show. Units below the share that the implementation still pulls in (a generic
 * helper it calls, the options block it reads) support the work without doing it. Chosen by measurement on
 * the dev set (docs/concerns.md): 0.5 finds more parts, 0.7 wrongly calls fewer units work; 0.6 between.
 */
export const WORK_SHARE = 0.6;

/** Whether a unit's own code fires one of the signals the definition asks of a part of its work, if any. */
function showsWork(explained: UnitExplanation, definition: ConcernDefinition): boolean {
  const wanted = definition.work ?? [];
  if (wanted.length === 0) return true;
  return explained.fired.some((entry) => {
    const id = entry.slice(0, entry.indexOf("="));
    return wanted.includes(id) && (definition.signals.find((s) => s.id === id)?.weight ?? 0) > 0;
  });
}

/** How a file's units stand, by their own code, towards the concerns it implements. */
export interface OwnWork {
  /** Concern id → the units whose own code does part of its work (ascending). */
  doing: Map<string, number[]>;
  /**
   * Concern id → the functions, methods and classes whose own code fires none of the signals the definition
   * asks of its work (`work`); empty for a definition that asks none. A unit that matches only through its
   * helpers and blocks (a getter named `cache`) supports the work without doing it.
   */
  lacking: Map<string, Set<number>>;
  /** Concern id → the units whose own code fires any of its signals, with a positive score. */
  speaking: Map<string, Set<number>>;
}

/**
 * The units of a file that do each of `definitions`' work by their own code, given that the file
 * implements them, and those that show none of it. Types and blocks never do work this way.
 */
export function ownWork(file: ConcernFile, definitions: readonly ConcernDefinition[]): OwnWork {
  const doing = new Map<string, number[]>(definitions.map((definition) => [definition.id, []]));
  const lacking = new Map<string, Set<number>>(definitions.map((definition) => [definition.id, new Set()]));
  const speaking = new Map<string, Set<number>>(definitions.map((definition) => [definition.id, new Set()]));
  explainAll(file, definitions, true, "own").forEach((explanations, index) => {
    const unit = file.units[index] as Unit;
    const kind = unit.kind;
    const accessor = isAccessor(unit);
    explanations.forEach((explained, k) => {
      if (explained.score > 0) speaking.get(explained.concern)?.add(index);
      const shows = showsWork(explained, definitions[k] as ConcernDefinition);
      if (!shows && kind !== "block" && kind !== "type") lacking.get(explained.concern)?.add(index);
      if (shows && !accessor && explained.score > 0 && explained.score >= WORK_SHARE * explained.threshold)
        doing.get(explained.concern)?.push(index);
    });
  });
  return { doing, lacking, speaking };
}

/**
 * A getter or setter: a method named `getX`, `setX`, `isX` or `hasX` of at most three lines making at most
 * one call (`getWaitDuration() { return waitDuration; }`, `getPinLimiter() { return forDescriptor(PIN); }`).
 * Its words are its field's, so its own reading may speak the concern, but it hands a value in or out and
 * does none of the work; it can still match by itself. A bare `get` or `set` is a store's own operation.
 */
function isAccessor(unit: Unit): boolean {
  if (unit.kind !== "method" || unit.endLine - unit.startLine > 2 || unit.calls.length > 1) return false;
  return /^(get|set|is|has)[A-Z_]/.test(unit.name.slice(unit.name.lastIndexOf(".") + 1));
}

/**
 * A unit that clears several concerns' bars belongs to the one it implements most clearly; another is kept
 * only when it is nearly as clear (an HTTP client with its own retry loop is both). Clearness is the score
 * over the threshold, so concerns with different scales compare.
 */
export const SECOND_CONCERN_RATIO = 0.75;

/** Scores every unit of a file against every concern; returns the units that meet a concern's bar. */
export function scoreFile(file: ConcernFile, definitions: readonly ConcernDefinition[]): UnitMatch[] {
  const matches: UnitMatch[] = [];
  const bindings = definitions.map((definition) => libraryBindings(file.imports, definition));
  const positive = (definition: ConcernDefinition, explained: UnitExplanation) =>
    explained.fired
      .filter((entry) => (definition.signals.find((s) => s.id === entry.split("=")[0])?.weight ?? 0) > 0)
      .map((entry) => entry.slice(entry.indexOf("=") + 1));
  const wrapping = bindings.some((b) => b.size > 0);
  explainAll(file, definitions, wrapping).forEach((explanations, index) => {
    // Most units clear no bar and, in a file without a concern's library, cannot be a wrapper either.
    if (!wrapping && !explanations.some((explained) => explained.matched)) return;
    const cleared = definitions
      .map((definition, k) => ({ definition, explained: explanations[k] as UnitExplanation }))
      .filter(({ explained }) => explained.matched);
    const best = Math.max(0, ...cleared.map(({ explained }) => explained.score / explained.threshold));
    for (const { definition, explained } of cleared) {
      if (explained.score / explained.threshold < best * SECOND_CONCERN_RATIO) continue;
      matches.push({
        unit: index,
        concern: definition.id,
        score: explained.score,
        evidence: positive(definition, explained),
      });
    }
    if (cleared.length > 0 || !wrapping) return;
    definitions.forEach((definition, k) => {
      const explained = explanations[k] as UnitExplanation;
      const library = wrapperOf(
        file.units[index] as Unit,
        bindings[k] as Map<string, string>,
        explained.score,
      );
      if (library === undefined) return;
      const evidence = [`wraps:${library}`, ...positive(definition, explained)];
      matches.push({ unit: index, concern: definition.id, score: explained.score, evidence, wraps: library });
    });
  });
  return matches;
}
