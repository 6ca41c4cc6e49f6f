import type { Import, Unit } from "../lang/index.js";
import type { ConcernDefinition } from "./definition.js";

// A concern's well-known packages (a definition's `libraries`): calling one is adoption, and a team's
// exported function around one is a wrapper, reported with the defaults it sets.

/**
 * The name an import binds by itself in Go and Python: the last path segment (`backoff.Retry`,
 * `tenacity.retry`). A Go module's major version is not part of it: `github.com/cenkalti/backoff/v4` and
 * gopkg.in's `yaml.v3` bind `backoff` and `yaml`.
 */
function packageName(module: string): string {
  const segments = module.split("/");
  const last = segments.at(-1) ?? module;
  const named = /^v\d+$/.test(last) && segments.length > 1 ? (segments.at(-2) as string) : last;
  return (
    named
      .replace(/\.v\d+$/, "")
      .split(".")
      .at(-1) ?? named
  );
}

/** The local names (lower-case) each well-known library of a concern is bound to by these imports. */
export function libraryBindings(
  imports: readonly Import[],
  definition: ConcernDefinition,
): Map<string, string> {
  const bound = new Map<string, string>();
  if (definition.libraries.length === 0) return bound;
  for (const imp of imports) {
    const module = imp.module.toLowerCase();
    const library = definition.libraries.find(
      (lib) => module === lib || module.startsWith(`${lib}/`) || module.startsWith(`${lib}.`),
    );
    if (library === undefined) continue;
    const locals = imp.locals ?? imp.names.filter((n) => n !== "*" && n !== "default");
    for (const local of [...locals, packageName(module)]) bound.set(local.toLowerCase(), library);
  }
  return bound;
}

/**
 * A team's own function around a well-known package of the concern: it calls the package, it is exported
 * (the team's door to it), and it speaks the concern (a positive `score`). The package, or undefined.
 */
export function wrapperOf(unit: Unit, bindings: Map<string, string>, score: number): string | undefined {
  if (bindings.size === 0 || score <= 0 || !unit.flags.includes("exported")) return undefined;
  for (const call of unit.calls) {
    const library = bindings.get((call.split(".")[0] as string).toLowerCase());
    if (library !== undefined) return library;
  }
  return undefined;
}
