import { importsFrom } from "../clusters/index.js";
import {
  type ConcernDefinition,
  groupImplementations,
  type ImplementationDraft,
  scoreFile,
} from "../concerns/index.js";
import type { FileUnits, LanguageId } from "../lang/index.js";

/** What a worker needs to match concerns where the units are: the definitions and the golden packages. */
export interface ConcernMatching {
  definitions: ConcernDefinition[];
  goldenPackages: string[];
}

/** Names a file imports from a golden path's package: calling them is adoption, not a new copy. */
export function adoptedNames(imports: FileUnits["imports"], goldenPackages: string[]): Set<string> {
  const names = new Set<string>();
  for (const imp of imports) {
    if (!goldenPackages.some((pkg) => importsFrom(imp.module, pkg))) continue;
    for (const name of imp.names) if (name !== "*" && name !== "default") names.add(name);
  }
  return names;
}

/** The concern engine on one parsed file (pure; runs in a worker after a parse, or on stored units). */
export function matchConcerns(
  path: string,
  parsed: FileUnits,
  matching: ConcernMatching,
): ImplementationDraft[] {
  if (matching.definitions.length === 0) return [];
  const file = {
    path,
    language: parsed.language as LanguageId,
    imports: parsed.imports,
    units: parsed.units,
    adoptedNames: adoptedNames(parsed.imports, matching.goldenPackages),
  };
  return groupImplementations(file, scoreFile(file, matching.definitions), matching.definitions);
}

/** The matcher readAndParse calls, for these definitions and golden packages. */
export function matcherFor(
  matching: ConcernMatching,
): (path: string, parsed: FileUnits) => ImplementationDraft[] {
  return (path, parsed) => matchConcerns(path, parsed, matching);
}
