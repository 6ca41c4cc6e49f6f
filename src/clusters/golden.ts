import { posix } from "node:path";
import { lastSegment } from "../concerns/index.js";
import type { AdoptionFound, ClusterFile, FoundImplementation, GoldenPath } from "./model.js";

function withoutExtension(path: string): string {
  return path.replace(/\.[cm]?[jt]sx?$|\.py$|\.go$/, "").replace(/\/index$/, "");
}

/**
 * Whether an import names a golden path's package or import path, or a module under it: `@acme/kit`,
 * `@acme/kit/retry`, Go's `github.com/acme/kit/retry`, Python's `acme_kit.retry`.
 */
export function importsFrom(module: string, pkg: string): boolean {
  return module === pkg || module.startsWith(`${pkg}/`) || module.startsWith(`${pkg}.`);
}

/** The implementation at the golden path's repository and path, if the scan found one there. */
export function findGolden(
  golden: GoldenPath,
  implementations: FoundImplementation[],
  files: ClusterFile[],
): number | undefined {
  if (!golden.path) return undefined;
  const index = implementations.findIndex((impl) => {
    const file = files[impl.file] as ClusterFile;
    return file.path === golden.path && (!golden.repo || file.repo === golden.repo);
  });
  return index >= 0 ? index : undefined;
}

/**
 * Files that import the golden path: through its package (`@acme/platform-kit` or a subpath) naming one
 * of the golden implementation's units, or through a relative import that resolves to the golden file.
 * The golden path's own team is not an adopter of its own code.
 */
export function findAdoptions(
  golden: GoldenPath,
  goldenImpl: FoundImplementation | undefined,
  files: ClusterFile[],
): AdoptionFound[] {
  const goldenFile = goldenImpl ? files[goldenImpl.file] : undefined;
  const exported = new Set(
    goldenImpl && goldenFile
      ? goldenImpl.units.map((i) => lastSegment((goldenFile.units[i] as { name: string }).name))
      : [],
  );
  const goldenStem = golden.path ? posix.basename(withoutExtension(golden.path)) : undefined;
  const adoptions: AdoptionFound[] = [];
  files.forEach((file, index) => {
    if (goldenFile && file.team === goldenFile.team) return;
    for (const imp of file.imports) {
      const viaPackage =
        golden.package !== undefined &&
        importsFrom(imp.module, golden.package) &&
        (imp.names.some((name) => exported.has(name)) ||
          (goldenStem !== undefined &&
            (imp.module.endsWith(`/${goldenStem}`) || imp.module.endsWith(`.${goldenStem}`))));
      const viaPath =
        imp.module.startsWith(".") &&
        goldenFile !== undefined &&
        file.repo === goldenFile.repo &&
        withoutExtension(posix.join(posix.dirname(file.path), imp.module)) ===
          withoutExtension(goldenFile.path);
      if (viaPackage || viaPath) {
        adoptions.push({
          concern: golden.concern,
          team: file.team,
          file: index,
          line: imp.line,
          module: imp.module,
        });
        return;
      }
    }
  });
  return adoptions;
}
