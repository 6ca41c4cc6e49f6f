import type { Unit } from "../lang/index.js";
import type { ConcernDefinition } from "./definition.js";
import { type ConcernFile, ownWork, type UnitMatch } from "./engine.js";
import { type FocusRun, workFocus } from "./focus.js";
import { blocksUsedBy, callableByName, callersOf, lastSegment, methodsOf } from "./module-graph.js";

/** The units of one file that together do one concern. */
export interface ImplementationDraft {
  concern: string;
  /** Indexes into the file's units, ascending. */
  units: number[];
  /** The matched units (the others are helpers they call, or methods that call them). */
  matched: number[];
  /**
   * The units that do the concern's work by their own code: the matched ones and the parts of them (a
   * backoff computation, a retryable-error test) that the module reading found together. The rest of
   * `units` support the work: helpers, options blocks, methods that only pass through.
   */
  work: number[];
  score: number;
  evidence: string[];
  /**
   * The lines of the units that do the work (else of the matched ones): what a reader is pointed at.
   * Support (an import block, an options table, a helper far down the file) does not stretch them.
   */
  startLine: number;
  endLine: number;
  /** Set when the implementation is a wrapper around a well-known package of the concern. */
  wraps?: string;
  /**
   * Long units doing the work, and where in each the work is (`workFocus`): a CLI's `main` sets its logger
   * up on four of its hundred lines; a long class around the methods that do the work, none of its own.
   * Left out when no unit has such a place.
   */
  focus?: { unit: number; runs: FocusRun[] }[];
}

/**
 * Groups a file's matches into one implementation per concern, and pulls in the units that belong with
 * them: helpers a matched unit calls (a `sleep`, an `isRetryable`), sibling methods that call a matched
 * method (a client's `get` and `post` around its `request`), and the units whose own code does part of the
 * work. `definitions` are the ones the matches were scored against.
 */
export function groupImplementations(
  file: ConcernFile,
  matches: UnitMatch[],
  definitions: readonly ConcernDefinition[],
): ImplementationDraft[] {
  const byConcern = new Map<string, UnitMatch[]>();
  for (const match of matches) {
    const list = byConcern.get(match.concern);
    if (list) list.push(match);
    else byConcern.set(match.concern, [match]);
  }
  const byName = callableByName(file.units);
  const callers = callersOf(file.units, byName);

  const usedBlocks = blocksUsedBy(file.units);
  const classMethods = methodsOf(file.units);
  const drafts: ImplementationDraft[] = [];
  // The file's own-code reading, once for every concern it implements.
  const own = ownWork(
    file,
    definitions.filter((definition) => byConcern.has(definition.id)),
  );
  for (const [concern, list] of byConcern) {
    const matched = list.map((m) => m.unit);
    // A matched unit whose own code shows none of the work the definition asks of its parts matches
    // through its helpers: it does none of the work, and joins the implementation only as something the
    // work uses (a helper called, a sibling method); a matched class still brings its methods.
    const lacking = own.lacking.get(concern) ?? new Set<number>();
    const doing = own.doing.get(concern) ?? [];
    const work = new Set([...matched.filter((unit) => !lacking.has(unit)), ...doing]);
    // A class is read with its methods' words, so one method doing the work makes a class of many methods
    // look like part of it. Such a class does part of the work by its own reading only when two of its
    // methods do: with one, that method is the work and the class is where it sits (in C# and Java, every
    // method has one). A class of one or two methods is one piece of code (an error type whose constructor
    // sets the code and status) and keeps its reading.
    for (const unit of doing) {
      if ((file.units[unit] as Unit).kind !== "class" || matched.includes(unit)) continue;
      const methods = classMethods[unit] ?? [];
      const working = methods.filter((method) => work.has(method)).length;
      if (methods.length > 2 && working < 2) work.delete(unit);
    }
    // No unit shows the work by its own code (a class is read with its methods): the match rests on what
    // the file lends every unit (its imports, its path) and on words. A media encoder that imports the
    // configuration package and says "invalid" and "default" is not a config loader, and there is
    // nothing in it to point at.
    if (work.size === 0) continue;
    // A matched class brings its methods: they are what the class does.
    const members = new Set([
      ...work,
      ...matched.flatMap((unit) => [...(classMethods[unit] ?? []), ...(usedBlocks[unit] ?? [])]),
    ]);
    // Helpers the members call, directly or through each other, when only the members call them: a
    // retry's `sleep` is its own; a service's `checkUser`, called from fifty methods, is not the concern's
    // because one of them does its work. A part of the work that the own-code reading found (not matched)
    // brings only helpers whose own code speaks the concern too: a service's `Run` that registers a metric
    // does part of the work, but the thirty helpers only it calls are the service's, not the metric's.
    const fromMatched = new Set(members);
    for (const unit of work) if (!matched.includes(unit)) fromMatched.delete(unit);
    const speaking = own.speaking.get(concern) ?? new Set<number>();
    for (let grew = true; grew; ) {
      grew = false;
      for (const member of [...members]) {
        for (const call of (file.units[member] as Unit).calls) {
          const callee = byName.get(lastSegment(call));
          if (callee === undefined || members.has(callee)) continue;
          if (!fromMatched.has(member) && !speaking.has(callee)) continue;
          if ((callers[callee] ?? []).every((caller) => members.has(caller) || caller === callee)) {
            members.add(callee);
            if (fromMatched.has(member)) fromMatched.add(callee);
            grew = true;
          }
        }
      }
    }
    // Sibling methods that call a unit doing the work: a client's `get` and `post` around its `request`.
    file.units.forEach((unit, index) => {
      if (members.has(index) || !unit.parent) return;
      const callsWork = unit.calls.some((call) => {
        const callee = byName.get(lastSegment(call));
        return callee !== undefined && work.has(callee) && file.units[callee]?.parent === unit.parent;
      });
      if (callsWork) members.add(index);
    });
    for (const member of [...members]) for (const block of usedBlocks[member] ?? []) members.add(block);
    const units = [...members].sort((a, b) => a - b);
    const evidence = [...new Set(list.flatMap((m) => m.evidence))].slice(0, 8);
    const wraps = list.every((m) => m.wraps !== undefined) ? list[0]?.wraps : undefined;
    const shown = work.size > 0 ? [...work] : matched;
    const definition = definitions.find((candidate) => candidate.id === concern);
    const focus = [...work]
      .sort((a, b) => a - b)
      .flatMap((unit) => {
        const runs =
          definition && workFocus(file.units, work, unit, definition, file.language, file.adoptedNames);
        return runs ? [{ unit, runs }] : [];
      });
    drafts.push({
      ...(wraps !== undefined ? { wraps } : {}),
      ...(focus.length > 0 ? { focus } : {}),
      concern,
      units,
      matched: matched.sort((a, b) => a - b),
      work: [...work].sort((a, b) => a - b),
      score: Math.max(...list.map((m) => m.score)),
      evidence,
      startLine: Math.min(...shown.map((i) => (file.units[i] as Unit).startLine)),
      endLine: Math.max(...shown.map((i) => (file.units[i] as Unit).endLine)),
    });
  }
  return absorbUsedInstances(file, drafts).sort(
    (a, b) => a.startLine - b.startLine || a.concern.localeCompare(b.concern),
  );
}

/**
 * A configured instance (a top-level block such as `const channel = createLogger(…)`) that another
 * implementation in the same file uses belongs to that implementation: the audit helper's own logger is
 * part of the audit helper, not the team's logging setup. Functions are never absorbed this way, so a retry
 * loop inside an HTTP client stays a retry implementation.
 */
function absorbUsedInstances(file: ConcernFile, drafts: ImplementationDraft[]): ImplementationDraft[] {
  const kept = [...drafts];
  for (const candidate of drafts) {
    if (!candidate.matched.every((i) => file.units[i]?.kind === "block")) continue;
    const names = new Set(candidate.matched.map((i) => lastSegment((file.units[i] as Unit).name)));
    const user = kept.find(
      (other) =>
        other !== candidate &&
        other.matched.some((i) => file.units[i]?.kind !== "block") &&
        other.units.some((i) => (file.units[i] as Unit).identifiers.some((id) => names.has(id))),
    );
    if (!user) continue;
    kept.splice(kept.indexOf(candidate), 1);
    // The instance supports the user's work; the lines shown stay those of the work.
    user.units = [...new Set([...user.units, ...candidate.units])].sort((a, b) => a - b);
  }
  return kept;
}
