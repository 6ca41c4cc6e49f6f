import type { LanguageId, Literal, Unit } from "../lang/index.js";
import { normalName } from "./compile.js";
import type { CompiledParameter, ConcernDefinition, Pattern } from "./definition.js";
import type { ImportedUnits } from "./imported-units.js";
import { durationMs } from "./values.js";

/** One policy value of one implementation, where it is written, and how a person reads it. */
export interface ParameterValue {
  /**
   * Normalised: milliseconds for durations, numbers for counts, sorted lists for statuses and strings;
   * "Infinity" for a count or duration without limit.
   */
  value: number | string | (number | string)[];
  display: string;
  line: number;
  /** The file the value is written in, when not the implementation's own (a defaults module it imports). */
  path?: string;
}

/** `200 ms`, `2 s`, `1.5 s`, `5 min`, `2 h`: the unit a person would write. */
export function formatDuration(ms: number): string {
  const trim = (n: number) => String(Math.round(n * 100) / 100);
  if (ms < 1000) return `${trim(ms)} ms`;
  if (ms < 60_000) return `${trim(ms / 1000)} s`;
  if (ms < 3_600_000) return `${trim(ms / 60_000)} min`;
  return `${trim(ms / 3_600_000)} h`;
}

/** `Infinity` or `Number.POSITIVE_INFINITY`, which the adapters keep as the expression "Infinity". */
const isNoLimit = (literal: Literal) => literal.kind === "expression" && literal.value === "Infinity";

/**
 * `Infinity` as a count or a duration: no limit. Kept as the string "Infinity", which JSON can hold (a
 * number Infinity would be written as null).
 */
function noLimit(line: number): ParameterValue {
  return { value: "Infinity", display: "no limit", line };
}

function matches(patterns: Pattern[], value: string): boolean {
  const lower = value.toLowerCase();
  return (
    patterns.length === 0 || patterns.some((p) => ("exact" in p ? p.exact === lower : p.regex.test(lower)))
  );
}

/** An environment variable's name: upper snake case with at least one underscore (`CATALOG_URL`). */
const ENV_NAME = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;

const byLine = (a: { line: number }, b: { line: number }) => a.line - b.line;

function named(parameter: CompiledParameter, literals: Literal[]): Literal[] {
  return literals.filter(
    (l) => l.name !== undefined && parameter.names.has(parameterName(parameter, l.name)),
  );
}

/**
 * A bound name as the parameter's names are written: normalised, and without a leading "default" when
 * what follows is one of them (`defaultInitialInterval`, `DEFAULT_MAX_RETRIES`, Go's `DefaultTimeout`):
 * a default is the policy's value.
 */
function parameterName(parameter: CompiledParameter, name: string): string {
  const normal = normalName(name);
  const rest = normal.startsWith("default") ? normal.slice("default".length) : "";
  return rest !== "" && parameter.names.has(rest) ? rest : normal;
}

/**
 * The named literals in the order they are tried: by line, except that a name ending in another listed
 * name is the more specific binding and goes first (`resetTimeout: 30000` before a call's `timeout: 10000`
 * written above it, `maxRetries` before `retries`).
 */
function bySpecificName(literals: Literal[]): Literal[] {
  const names = [...new Set(literals.map((l) => normalName(l.name as string)))];
  const general = new Set(
    names.filter((name) => names.some((other) => other !== name && other.endsWith(name))),
  );
  return [
    ...literals.filter((l) => !general.has(normalName(l.name as string))),
    ...literals.filter((l) => general.has(normalName(l.name as string))),
  ];
}

/** A unit's keys: of the objects it writes whole, and the members it sets by assignment. */
const keysOf = (unit: Unit): string[] => (unit.assigned ? [...unit.keys, ...unit.assigned] : unit.keys);

/**
 * A strings parameter's values written as keys (`keysToo`): the names values are bound to (`accept:
 * "application/json"`, `headers["content-type"] = …`) and object keys (`{ "x-request-id": id }`) that
 * match, as string literals on the line of their unit (keys carry no line) or of the value. From an
 * imported module, bound names only.
 */
function keysAsValues(
  parameter: CompiledParameter,
  units: Unit[],
  literals: Literal[],
  imported: boolean,
): Literal[] {
  const bound = literals
    .filter((l) => l.name !== undefined && matches(parameter.match, l.name))
    .map((l) => ({ kind: "string" as const, value: l.name as string, name: l.name as string, line: l.line }));
  if (imported) return bound;
  const keyed = units.flatMap((unit) =>
    keysOf(unit)
      .filter((key) => matches(parameter.match, key))
      .map((key) => ({ kind: "string" as const, value: key, name: key, line: unit.startLine })),
  );
  return [...bound, ...keyed];
}

/**
 * The error statuses HTTP has (RFC 9110 and IANA's registry), with the few others servers answer with
 * (418, nginx's 499, Cloudflare's 520–524) and 599, the top of the range a retry tests (axios-retry's
 * `status <= 599`). A number between 400 and 599 is not one by its range: Istio's route builder names
 * port 443 beside its retry policy.
 */
const ERROR_STATUSES = new Set([
  ...range(400, 418),
  ...range(421, 426),
  428,
  429,
  431,
  451,
  499,
  ...range(500, 508),
  510,
  511,
  ...range(520, 524),
  599,
]);

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

function isErrorStatus(value: Literal["value"]): boolean {
  return typeof value === "number" && ERROR_STATUSES.has(value);
}

/**
 * The first value (by line: defaults are written before they are used) of one parameter, or null.
 * `literals` are the units' literals, sorted by line.
 */
function extract(
  parameter: CompiledParameter,
  units: Unit[],
  unitLiterals: Literal[],
  language: LanguageId,
  imported: boolean,
): ParameterValue | null {
  // A module an implementation imports holds much besides its defaults (event names, option tables,
  // other objects' keys): from it only values bound to a name are read, as defaults are written.
  if (imported && (parameter.kind === "keys" || parameter.kind === "env" || parameter.kind === "calls"))
    return null;
  const literals =
    imported && (parameter.kind === "statuses" || parameter.kind === "strings")
      ? unitLiterals.filter((l) => l.name !== undefined)
      : unitLiterals;
  switch (parameter.kind) {
    case "count":
    case "number": {
      // A count of 0 is where a counter starts (`let attempts = 0`, `failures: 0`, `#retryCount = 0`),
      // not a limit: the first non-zero count bound to a name is the policy.
      const hit = bySpecificName(named(parameter, literals)).find(
        (l) => (l.kind === "number" && (parameter.kind !== "count" || Number(l.value) !== 0)) || isNoLimit(l),
      );
      if (!hit) return null;
      return isNoLimit(hit)
        ? noLimit(hit.line)
        : { value: Number(hit.value), display: String(hit.value), line: hit.line };
    }
    case "duration": {
      for (const literal of bySpecificName(named(parameter, literals))) {
        if (isNoLimit(literal)) return noLimit(literal.line);
        const ms = durationMs(literal, language);
        if (ms !== undefined) return { value: ms, display: formatDuration(ms), line: literal.line };
      }
      return null;
    }
    case "statuses": {
      const found = literals.filter((l) => l.kind === "number" && isErrorStatus(l.value));
      if (found.length === 0) return null;
      const codes = [...new Set(found.map((l) => Number(l.value)))].sort((a, b) => a - b);
      return { value: codes, display: codes.join(", "), line: (found[0] as Literal).line };
    }
    case "strings": {
      const all = literals.filter((l) => l.kind === "string" && matches(parameter.match, String(l.value)));
      if (parameter.keysToo) all.push(...keysAsValues(parameter, units, literals, imported));
      all.sort(byLine);
      // With `names`, the strings bound to them: a logger's default `level: "info"`, not every name in its
      // level table. Failing those, a lone value (`os.getenv("LOG_LEVEL", "INFO")`) is the setting; several
      // are a table, not a setting.
      let found = all;
      if (parameter.names.size > 0) {
        const bound = named(parameter, all);
        const lone = !imported && new Set(all.map((l) => String(l.value).toLowerCase())).size === 1;
        found = bound.length > 0 || !lone ? bound : all;
      }
      if (found.length === 0) return null;
      const values = [...new Set(found.map((l) => String(l.value).toLowerCase()))].sort();
      return { value: values, display: values.join(", "), line: (found[0] as Literal).line };
    }
    case "keys": {
      // One entry per key whatever its case (a Go field `Code` and its json tag `code`), the lower-case
      // spelling when there is one. An object built step by step (`err.statusCode = 404`) has keys too.
      const byLower = new Map<string, string>();
      for (const key of units.flatMap(keysOf)) {
        if (!matches(parameter.match, key)) continue;
        const lower = key.toLowerCase();
        const known = byLower.get(lower);
        if (known === undefined || (known !== lower && key === lower)) byLower.set(lower, key);
      }
      if (byLower.size === 0) return null;
      const keys = [...byLower.values()].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
      const first = Math.min(
        ...units.filter((u) => keysOf(u).some((k) => byLower.has(k.toLowerCase()))).map((u) => u.startLine),
      );
      return { value: keys.map((k) => k.toLowerCase()), display: keys.join(", "), line: first };
    }
    case "env": {
      // `process.env.CATALOG_URL`, `os.Getenv("CATALOG_URL")`, `os.environ.get("CATALOG_URL")`: the name is
      // an identifier or a string, in upper snake case.
      const candidates = [
        ...literals.filter((l) => l.kind === "string").map((l) => ({ name: String(l.value), line: l.line })),
        ...units.flatMap((unit) => unit.identifiers.map((name) => ({ name, line: unit.startLine }))),
      ].filter(({ name }) => ENV_NAME.test(name) && matches(parameter.match, name));
      if (candidates.length === 0) return null;
      const names = [...new Set(candidates.map((c) => c.name))].sort();
      return { value: names, display: names.join(", "), line: Math.min(...candidates.map((c) => c.line)) };
    }
    case "calls": {
      const wanted = parameter.calls.map((c) => c.toLowerCase());
      for (const unit of units) {
        const call = unit.calls.find((c) =>
          wanted.some((w) => c.toLowerCase() === w || c.toLowerCase().endsWith(`.${w}`)),
        );
        if (call !== undefined) return { value: call, display: `yes (${call})`, line: unit.startLine };
      }
      return null;
    }
  }
}

/**
 * The policy an implementation encodes, parameter by parameter: null where it has none (the drift table's
 * "—"). Its own units come first; a parameter they leave unset is read from what it imports (`imported`,
 * see importedUnits), in import order, with the file named. Pure: read from the units' literals, keys
 * and calls.
 */
export function extractParameters(
  definition: ConcernDefinition,
  units: Unit[],
  language: LanguageId,
  imported: readonly ImportedUnits[] = [],
): Record<string, ParameterValue | null> {
  const out: Record<string, ParameterValue | null> = {};
  const sources = [
    { path: undefined as string | undefined, units },
    ...imported.map((group) => ({ path: group.path as string | undefined, units: group.units })),
  ].map((source) => ({ ...source, literals: source.units.flatMap((unit) => unit.literals).sort(byLine) }));
  for (const parameter of definition.parameters) {
    let value: ParameterValue | null = null;
    for (const source of sources) {
      value = extract(parameter, source.units, source.literals, language, source.path !== undefined);
      if (value === null) continue;
      if (source.path !== undefined) value.path = source.path;
      break;
    }
    out[parameter.id] = value;
  }
  return out;
}
