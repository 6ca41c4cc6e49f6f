import { posix } from "node:path";
import type { Import, LanguageId, Unit } from "../lang/index.js";
import { callableByName, lastSegment, methodsOf } from "./module-graph.js";

/** What the import graph needs of a file: where it is, what it imports, its units. */
export interface ModuleFile {
  repo: string;
  path: string;
  language: LanguageId;
  imports: Import[];
  units: Unit[];
}

/** Units of another file that an implementation reads, with that file's path. */
export interface ImportedUnits {
  path: string;
  units: Unit[];
}

/** Languages whose relative imports name a file by its path (`./options.js`, `../utils/normalize`). */
const PATH_IMPORTS: ReadonlySet<string> = new Set<LanguageId>(["javascript", "typescript", "tsx"]);

/** Whether a language's relative imports name files by path, so importedUnits can follow them. */
export function importsByPath(language: string | null): boolean {
  return language !== null && PATH_IMPORTS.has(language);
}

/**
 * A module's key as relative imports name it: the repository path without its extension or a trailing
 * `/index` (`src/options.ts` and `src/options/index.js` are both `src/options`), so `./options`,
 * `./options.js` (TypeScript's spelling of `options.ts`) and `./options/index.js` meet.
 */
export function moduleKey(path: string): string {
  return path.replace(/\.[a-z0-9]+$/i, "").replace(/\/index$/, "");
}

/** The module key a relative import in `fromPath` names, or null for a package import. */
export function relativeImportKey(fromPath: string, module: string): string | null {
  if (!module.startsWith(".")) return null;
  return moduleKey(posix.join(posix.dirname(fromPath), module));
}

/** What a default export or a CommonJS `module.exports = function …` is declared as. */
const MODULE_EXPORTS = new Set(["module.exports", "exports", "default"]);

/** The names an implementation's units use: identifiers, and callees by their last segment. */
interface NamesUsed {
  names: Set<string>;
  /** Callees as written: a whole-module binding called as a function (`resolveAuthHeader(ctx)`). */
  calls: Set<string>;
}

function namesUsed(units: readonly Unit[]): NamesUsed {
  const names = new Set<string>();
  const calls = new Set<string>();
  for (const unit of units) {
    for (const name of unit.identifiers) names.add(name);
    for (const call of unit.calls) {
      names.add(lastSegment(call));
      calls.add(call);
    }
  }
  return { names, calls };
}

/**
 * The units of the file that call into the implementation (`backOff(request, options)` building a
 * `new BackOff(…)` from sanitised options): the entry point is where the implementation is configured.
 */
function callersOf(fileUnits: readonly Unit[], implementationUnits: readonly Unit[]): Unit[] {
  const members = new Set(implementationUnits);
  const names = new Set(
    implementationUnits.filter((unit) => unit.kind !== "block").map((unit) => lastSegment(unit.name)),
  );
  return fileUnits.filter(
    (unit) => !members.has(unit) && unit.calls.some((call) => names.has(lastSegment(call))),
  );
}

/**
 * The units of `target` that answer to an import: those named (or, for blocks, declaring) an imported
 * name the implementation uses. A whole-module binding (`import * as C`, `const lib = require(…)`, a
 * default import) reaches the module-level names the implementation uses through it (`C.TIMEOUT`,
 * `lib.defaults`), and the module's export when the binding is called as a function.
 */
function answering(imp: Import, target: ModuleFile, used: NamesUsed): number[] {
  const locals = imp.locals ?? imp.names;
  const bound = locals.filter((local) => used.names.has(local));
  if (bound.length === 0) return [];
  const wholeModule = imp.names.length === 0 || imp.names.includes("*") || imp.names.includes("default");
  const wanted = new Set<string>();
  imp.names.forEach((name, index) => {
    if (name !== "*" && name !== "default" && used.names.has(locals[index] ?? name)) wanted.add(name);
  });
  if (wholeModule) for (const local of bound) wanted.add(local);
  const called = wholeModule && bound.some((local) => used.calls.has(local));
  const picked: number[] = [];
  target.units.forEach((unit, index) => {
    const names = [lastSegment(unit.name), ...(unit.declares ?? [])];
    const reached = names.some(
      (name) =>
        wanted.has(name) ||
        (called && MODULE_EXPORTS.has(name)) ||
        // Through the binding: module-level names only, not a method that happens to share a name.
        (wholeModule && unit.kind !== "method" && used.names.has(name)),
    );
    if (reached) picked.push(index);
  });
  return picked;
}

/** A module's names, found once however many implementations import it. */
interface ModuleNames {
  /** Block units by the module-level names they declare. */
  blocks: Map<string, number>;
  /** Functions and methods by their last name segment. */
  callables: Map<string, number>;
  /** The methods of each class unit. */
  methods: number[][];
}

const namesOfModule = new WeakMap<ModuleFile, ModuleNames>();

function moduleNames(target: ModuleFile): ModuleNames {
  let names = namesOfModule.get(target);
  if (names === undefined) {
    const blocks = new Map<string, number>();
    target.units.forEach((unit, index) => {
      if (unit.kind === "block") for (const name of unit.declares ?? []) blocks.set(name, index);
    });
    names = { blocks, callables: callableByName(target.units), methods: methodsOf(target.units) };
    namesOfModule.set(target, names);
  }
  return names;
}

/**
 * With what they use in their own file: the blocks they read (a `defaultOptions` object), the free
 * functions they call, and a class's methods, as the implementation itself is read (see blocksUsedBy and
 * helpersCalledBy), walked from the picked units only: a large module is not read whole for each import.
 */
function withWhatTheyUse(target: ModuleFile, picked: number[]): number[] {
  const { blocks, callables, methods } = moduleNames(target);
  const out = new Set<number>();
  const queue = [...picked];
  while (queue.length > 0) {
    const index = queue.pop() as number;
    const unit = target.units[index];
    if (out.has(index) || unit === undefined) continue;
    out.add(index);
    for (const identifier of unit.identifiers) {
      const block = blocks.get(identifier);
      if (block !== undefined) queue.push(block);
    }
    for (const call of unit.calls) {
      const callee = callables.get(lastSegment(call));
      if (callee !== undefined && target.units[callee]?.kind === "function") queue.push(callee);
    }
    queue.push(...(methods[index] ?? []));
  }
  return [...out].sort((a, b) => a - b);
}

/**
 * The units of other files in the same repository that an implementation reads through its relative
 * imports, one hop: where a package keeps its defaults apart from the code that uses them (got's
 * `options.js`, ky's `utils/normalize.js`, exponential-backoff's `options.ts`). JavaScript and TypeScript
 * only, whose imports name files by path. Pure: `resolve` maps a module key (see moduleKey) to a file of
 * the implementation's repository.
 */
export function importedUnits(
  file: ModuleFile,
  implementationUnits: readonly Unit[],
  resolve: (key: string) => ModuleFile | undefined,
): ImportedUnits[] {
  if (!PATH_IMPORTS.has(file.language)) return [];
  const used = namesUsed([...implementationUnits, ...callersOf(file.units, implementationUnits)]);
  const out: ImportedUnits[] = [];
  const seen = new Set<string>();
  for (const imp of file.imports) {
    const key = relativeImportKey(file.path, imp.module);
    const target = key === null ? undefined : resolve(key);
    if (!target || target.path === file.path || !PATH_IMPORTS.has(target.language)) continue;
    const picked = answering(imp, target, used).filter((index) => !seen.has(`${target.path}\0${index}`));
    if (picked.length === 0) continue;
    const units = withWhatTheyUse(target, picked).filter((index) => {
      const id = `${target.path}\0${index}`;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
    out.push({ path: target.path, units: units.map((index) => target.units[index] as Unit) });
  }
  return out;
}

/**
 * Files by repository and module key, for importedUnits' `resolve`. Where two files share a key
 * (`options.ts` beside `options/index.ts`), the first listed answers.
 */
export function moduleLookup<F extends ModuleFile>(
  files: readonly F[],
): (repo: string, key: string) => F | undefined {
  const byRepo = new Map<string, Map<string, F>>();
  for (const file of files) {
    if (!PATH_IMPORTS.has(file.language)) continue;
    const keys = byRepo.get(file.repo) ?? new Map<string, F>();
    const key = moduleKey(file.path);
    if (!keys.has(key)) keys.set(key, file);
    byRepo.set(file.repo, keys);
  }
  return (repo, key) => byRepo.get(repo)?.get(key);
}
