import type { Import, LanguageId, Unit } from "../lang/index.js";
import type { CompiledSignal, ConcernDefinition, Pattern } from "./definition.js";
import { nameWords, pathWords, stem } from "./words.js";

/** What the engine needs to know about one file; no teams, no repositories, no I/O. */
export interface ConcernFile {
  path: string;
  language: LanguageId;
  imports: Import[];
  units: Unit[];
}

export interface UnitMatch {
  /** Index into the file's units. */
  unit: number;
  concern: string;
  score: number;
  /** The signals that fired, as `kind:value`, strongest first. */
  evidence: string[];
}

/** The unit's features in the shape matching wants: lower-cased, stemmed where words are compared. */
interface FeatureView {
  subword: Set<string>;
  name: Set<string>;
  identifier: string[];
  call: string[];
  import: string[];
  string: string[];
  key: string[];
  flag: Set<string>;
  path: Set<string>;
}

function viewOf(unit: Unit, fileImports: string[], filePath: Set<string>): FeatureView {
  return {
    subword: new Set(unit.subwords.map((word) => stem(word))),
    name: new Set(nameWords(unit.name)),
    identifier: unit.identifiers.map((name) => name.toLowerCase()),
    call: unit.calls.map((call) => call.toLowerCase()),
    import: fileImports,
    string: unit.literals.filter((l) => l.kind === "string").map((l) => String(l.value).toLowerCase()),
    key: unit.keys.map((key) => key.toLowerCase()),
    flag: new Set(unit.flags),
    path: filePath,
  };
}

function firstMatch(signal: CompiledSignal, view: FeatureView): string | undefined {
  for (const pattern of signal.patterns) {
    const hit = matchPattern(signal.kind, pattern, view);
    if (hit !== undefined) return hit;
  }
  return undefined;
}

function matchPattern(kind: CompiledSignal["kind"], pattern: Pattern, view: FeatureView): string | undefined {
  if (kind === "subword" || kind === "name" || kind === "flag" || kind === "path") {
    const set = view[kind];
    if ("exact" in pattern) return set.has(pattern.exact) ? pattern.exact : undefined;
    for (const value of set) if (pattern.regex.test(value)) return value;
    return undefined;
  }
  const values = view[kind];
  if ("regex" in pattern) return values.find((value) => pattern.regex.test(value));
  const wanted = pattern.exact;
  if (kind === "call") return values.find((call) => call === wanted || call.endsWith(`.${wanted}`));
  if (kind === "import") {
    return values.find(
      (mod) => mod === wanted || mod.startsWith(`${wanted}/`) || mod.startsWith(`${wanted}.`),
    );
  }
  return values.find((value) => value === wanted);
}

function scoreUnit(
  definition: ConcernDefinition,
  view: FeatureView,
  language: LanguageId,
): UnitMatch | undefined {
  const fired = new Map<string, { weight: number; evidence: string }>();
  for (const signal of definition.signals) {
    if (signal.languages && !signal.languages.includes(language)) continue;
    const hit = firstMatch(signal, view);
    if (hit !== undefined) fired.set(signal.id, { weight: signal.weight, evidence: `${signal.kind}:${hit}` });
  }
  if (!definition.requires.every((group) => group.some((id) => (fired.get(id)?.weight ?? 0) > 0)))
    return undefined;
  let score = 0;
  for (const { weight } of fired.values()) score += weight;
  if (score < definition.threshold) return undefined;
  const evidence = [...fired.values()]
    .filter((f) => f.weight > 0)
    .sort((a, b) => b.weight - a.weight)
    .map((f) => f.evidence);
  return { unit: -1, concern: definition.id, score: Math.round(score * 100) / 100, evidence };
}

/** Scores every unit of a file against every concern; returns the units that meet a concern's bar. */
export function scoreFile(file: ConcernFile, definitions: readonly ConcernDefinition[]): UnitMatch[] {
  const fileImports = file.imports.map((imp) => imp.module.toLowerCase());
  const filePath = new Set(pathWords(file.path));
  const matches: UnitMatch[] = [];
  file.units.forEach((unit, index) => {
    const view = viewOf(unit, fileImports, filePath);
    for (const definition of definitions) {
      const match = scoreUnit(definition, view, file.language);
      if (match) matches.push({ ...match, unit: index });
    }
  });
  return matches;
}
