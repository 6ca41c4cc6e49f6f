import type { LanguageId, Unit } from "../lang/index.js";
import type { CompiledSignal, ConcernDefinition } from "./definition.js";
import { firesOn } from "./feature-view.js";
import { lastSegment } from "./module-graph.js";
import { nameWords } from "./words.js";

/** A run of lines inside a unit. */
export interface FocusRun {
  startLine: number;
  endLine: number;
}

/**
 * A unit doing a concern's work is pointed into only from this many lines on: a shorter one (an HTTP
 * client's forty-line `request`) is the work and is read whole; a service's `Run` or a CLI's `main` of a
 * hundred lines and more does many things besides.
 */
export const FOCUS_MIN_LINES = 80;
/** Evidence lines closer than this are one place (a logger's level, format and output set together). */
export const FOCUS_JOIN_GAP = 8;
/**
 * A long class around the methods doing its work is placed by them; its first line joins them when the
 * first begins within this many lines of it (`class JsonFormatter(logging.Formatter):` above `format`).
 */
export const CLASS_HEADER_GAP = 20;
/** Lines shown on each side of the evidence: the statement it is part of. */
export const FOCUS_CONTEXT = 2;
/** Runs that would cover more of the unit than this share leave it whole: the work is the unit. */
export const FOCUS_MAX_SHARE = 0.6;
/**
 * Only signals of this weight or more place the work. Weaker ones are the generic calls that go with many
 * jobs (`Promise`, `parseInt`, `append`): they add to a score but would point all over a long unit.
 */
export const FOCUS_MIN_WEIGHT = 1.5;
/** Words in a call's or a bound value's name place the work only from this weight on. */
export const FOCUS_WORD_WEIGHT = 2;

const placing = (signal: CompiledSignal, kind: CompiledSignal["kind"], language: LanguageId) =>
  signal.kind === kind &&
  signal.weight >= FOCUS_MIN_WEIGHT &&
  (signal.languages === undefined || signal.languages.includes(language));

/**
 * Where in a long unit its own code does the concern's work: the lines of its calls, strings and bound
 * names that fire the definition's signals (every line a call is made on, up to sixteen), joined into
 * runs with a little context. Undefined when the unit is short, when nothing with a line fires (its
 * evidence is words spread through it, or comes from its helpers) or when the runs would cover most of it
 * anyway. Calls to names adopted from a golden path are adoption, not evidence, as in matching.
 */
export function focusOf(
  unit: Unit,
  definition: ConcernDefinition,
  language: LanguageId,
  adopted?: ReadonlySet<string>,
): FocusRun[] | undefined {
  const length = unit.endLine - unit.startLine + 1;
  if (length < FOCUS_MIN_LINES) return undefined;
  const signalsOf = (kind: CompiledSignal["kind"]) =>
    definition.signals.filter((signal) => placing(signal, kind, language));
  const calls = signalsOf("call");
  const strings = signalsOf("string");
  const names = [...signalsOf("key"), ...signalsOf("identifier")];
  // A call named for the concern places it too: `metrics.NewMetrics()`, `registerMetrics(registry)`,
  // `retryIfErr(…)`. Only the called name's words are read, not the receiver's: every `log.Info` has "log".
  // Words are common, so only the strong ones place it ("level" is in `is_order_level_voucher`).
  const words = [...signalsOf("subword"), ...signalsOf("name")].filter(
    (signal) => signal.weight >= FOCUS_WORD_WEIGHT,
  );
  const lines: number[] = [];
  unit.calls.forEach((call, i) => {
    const at = unit.callLines?.[i];
    if (at === undefined || adopted?.has(call.split(".")[0] as string)) return;
    const value = call.toLowerCase();
    if (
      calls.some((signal) => firesOn(signal, value)) ||
      nameWords(lastSegment(call)).some((word) => words.some((signal) => firesOn(signal, word)))
    )
      lines.push(...at);
  });
  // A value bound to a name that speaks the concern places it: `timeoutMs = 10_000`, `{ retries: 3 }`.
  for (const literal of unit.literals) {
    const value = String(literal.value).toLowerCase();
    const name = literal.name;
    if (
      (literal.kind === "string" && strings.some((signal) => firesOn(signal, value))) ||
      (name !== undefined &&
        (names.some((signal) => firesOn(signal, name.toLowerCase())) ||
          nameWords(name).some((word) => words.some((signal) => firesOn(signal, word)))))
    )
      lines.push(literal.line);
  }
  if (lines.length === 0) return undefined;
  lines.sort((a, b) => a - b);
  const runs: FocusRun[] = [];
  for (const line of lines) {
    const last = runs.at(-1);
    if (last !== undefined && line <= last.endLine + FOCUS_JOIN_GAP) last.endLine = line;
    else runs.push({ startLine: line, endLine: line });
  }
  for (const run of runs) {
    run.startLine = Math.max(unit.startLine, run.startLine - FOCUS_CONTEXT);
    run.endLine = Math.min(unit.endLine, run.endLine + FOCUS_CONTEXT);
  }
  const covered = runs.reduce((sum, run) => sum + run.endLine - run.startLine + 1, 0);
  return covered > FOCUS_MAX_SHARE * length ? undefined : runs;
}

/**
 * Where a unit doing the work is, among the implementation's `work` units of the file: `focusOf`, and for a
 * long class around methods that do the work, only its own evidence (fields, set-up) and its first line
 * when they begin near it. Empty then when it has neither: its lines would bury theirs (a six-hundred-line
 * service class around the one method that retries). Undefined when the unit is read whole.
 */
export function workFocus(
  units: readonly Unit[],
  work: ReadonlySet<number>,
  index: number,
  definition: ConcernDefinition,
  language: LanguageId,
  adopted?: ReadonlySet<string>,
): FocusRun[] | undefined {
  const unit = units[index] as Unit;
  const own = focusOf(unit, definition, language, adopted);
  if (unit.kind !== "class" || unit.endLine - unit.startLine + 1 < FOCUS_MIN_LINES) return own;
  const inside = [...work]
    .map((i) => units[i] as Unit)
    .filter((other) => other !== unit && other.startLine >= unit.startLine && other.endLine <= unit.endLine);
  if (inside.length === 0) return own;
  const first = Math.min(...inside.map((other) => other.startLine));
  const header =
    first - unit.startLine <= CLASS_HEADER_GAP
      ? [{ startLine: unit.startLine, endLine: unit.startLine }]
      : [];
  return [...header, ...(own ?? [])];
}
