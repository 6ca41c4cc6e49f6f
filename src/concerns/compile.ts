import {
  type CompiledSignal,
  type ConcernDefinition,
  type ConcernDefinitionInput,
  type Pattern,
  SIGNAL_KINDS,
  type SignalKind,
} from "./definition.js";
import { stem } from "./words.js";

/** A name as parameters compare names: `max_attempts`, `maxAttempts` and `MAX-ATTEMPTS` are one. */
export function normalName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** A regex is written `/…/` (always case-insensitive); anything else is an exact, case-insensitive word. */
export function isRegexPattern(text: string): boolean {
  return text.length > 2 && text.startsWith("/") && text.endsWith("/");
}

function compilePattern(text: string, kind: SignalKind): Pattern {
  if (isRegexPattern(text)) return { regex: new RegExp(text.slice(1, -1), "i") };
  const lower = text.toLowerCase();
  return { exact: kind === "subword" || kind === "path" || kind === "name" ? stem(lower) : lower };
}

/**
 * Turns a validated definition into the engine's form. `checkRegex` is called on every regex first, so an
 * unsafe pattern is refused before it is ever run against code.
 */
export function compileDefinition(
  input: ConcernDefinitionInput,
  source: string,
  checkRegex: (pattern: string, where: string) => void,
): ConcernDefinition {
  const signals: CompiledSignal[] = input.signals.map((signal, index) => {
    const kind = SIGNAL_KINDS.find((k) => signal[k] !== undefined) as SignalKind;
    const raw = signal[kind] as string | string[];
    const list = Array.isArray(raw) ? raw : [raw];
    list.forEach((text, at) => {
      if (isRegexPattern(text))
        checkRegex(text.slice(1, -1), `signals.${index}.${kind}${Array.isArray(raw) ? `.${at}` : ""}`);
    });
    return {
      id: signal.id ?? `${kind}-${(list[0] as string).replace(/[^a-z0-9]+/gi, "-").toLowerCase()}`,
      kind,
      patterns: list.map((text) => compilePattern(text, kind)),
      weight: signal.weight,
      atLeast: signal.atLeast ?? 1,
      ...(signal.languages ? { languages: signal.languages } : {}),
    };
  });
  const ids = new Set(signals.map((s) => s.id));
  input.requires.forEach((group, index) => {
    const unknown = group.find((id) => !ids.has(id));
    if (unknown) throw new Error(`requires.${index}: no signal has the id "${unknown}"`);
  });
  const unknownWork = (input.work ?? []).find((id) => !ids.has(id));
  if (unknownWork) throw new Error(`work: no signal has the id "${unknownWork}"`);
  const parameters = input.parameters.map((parameter, index) => {
    const match = parameter.match === undefined ? [] : [parameter.match].flat();
    match.forEach((text, at) => {
      if (isRegexPattern(text)) checkRegex(text.slice(1, -1), `parameters.${index}.match.${at}`);
    });
    return {
      id: parameter.id,
      title: parameter.title,
      kind: parameter.kind,
      names: new Set((parameter.names ?? []).map(normalName)),
      match: match.map((text) => compilePattern(text, "string")),
      calls: parameter.calls ?? [],
      keysToo: parameter.keysToo ?? false,
    };
  });
  return {
    id: input.id,
    title: input.title,
    noun: input.noun,
    description: input.description,
    signals,
    requires: input.requires,
    requiredSignals: input.requires.map((group) =>
      signals.filter((signal) => group.includes(signal.id) && signal.weight >= 0),
    ),
    threshold: input.threshold,
    work: input.work ?? [],
    parameters,
    libraries: input.libraries.map((library) => library.toLowerCase()),
    source,
  };
}
