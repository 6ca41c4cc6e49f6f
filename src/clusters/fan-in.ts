import { posix } from "node:path";
import { lastSegment, moduleKey, relativeImportKey } from "../concerns/index.js";
import type { ClusterFile, FoundImplementation } from "./model.js";

interface ResolvedImport {
  module: string;
  /** A relative import resolved against its file, without extension or `/index`; null otherwise. */
  relative: string | null;
}

/** Whether an import in `from` names the module file `target` (same repository). */
function importsFile(
  from: ClusterFile,
  imp: ResolvedImport,
  target: ClusterFile,
  targetPath: string,
): boolean {
  if (from.repo !== target.repo) return false;
  // JavaScript/TypeScript: a relative path, with or without extension, or the folder's index.
  if (imp.relative !== null) return imp.relative === targetPath;
  // Python: a dotted module, from the repository root or from a package root (`src/…`).
  if (target.language === "python") {
    const dotted = imp.module.replace(/\./g, "/");
    return targetPath === dotted || targetPath.endsWith(`/${dotted}`);
  }
  // Go: the import path ends with the package's folder.
  if (target.language === "go") return imp.module.endsWith(`/${posix.dirname(target.path)}`);
  return false;
}

/**
 * Fan-in: how many units in other files of the repository call an implementation, through an import of
 * its file. It says which copy carries the most weight, and which one nobody uses any more.
 */
export function fanIn(
  files: ClusterFile[],
  implementations: FoundImplementation[],
  /** The package a golden path is published as: its importers anywhere in the org count too. */
  packageOf: (impl: FoundImplementation) => string | undefined = () => undefined,
): number[] {
  // Imports are resolved once per file, and files grouped by repository: an implementation is imported
  // by files of its own repository, or through its package from anywhere.
  const resolved: ResolvedImport[][] = files.map((file) =>
    file.imports.map((imp) => ({
      module: imp.module,
      relative: relativeImportKey(file.path, imp.module),
    })),
  );
  const byRepo = new Map<string, number[]>();
  files.forEach((file, index) => {
    const list = byRepo.get(file.repo) ?? [];
    list.push(index);
    byRepo.set(file.repo, list);
  });
  const allFiles = files.map((_, index) => index);
  return implementations.map((impl) => {
    const file = files[impl.file] as ClusterFile;
    const targetPath = moduleKey(file.path);
    const names = new Set(
      impl.units.flatMap((u) => {
        const unit = file.units[u];
        if (!unit) return [];
        return [lastSegment(unit.name), ...(unit.declares ?? []).map(lastSegment)];
      }),
    );
    const pkg = packageOf(impl);
    const viaPackage = (module: string) =>
      pkg !== undefined && (module === pkg || module.startsWith(`${pkg}/`));
    let callers = 0;
    for (const index of pkg === undefined ? (byRepo.get(file.repo) ?? []) : allFiles) {
      const other = files[index] as ClusterFile;
      if (index === impl.file) continue;
      const imports = (resolved[index] as ResolvedImport[]).some(
        (imp) => viaPackage(imp.module) || importsFile(other, imp, file, targetPath),
      );
      if (!imports) continue;
      for (const unit of other.units) {
        if (unit.calls.some((call) => names.has(lastSegment(call)))) callers++;
      }
    }
    return callers;
  });
}
