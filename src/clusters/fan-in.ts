import { posix } from "node:path";
import { lastSegment } from "../concerns/index.js";
import type { ClusterFile, FoundImplementation } from "./model.js";

const withoutExtension = (path: string) => path.replace(/\.[a-z0-9]+$/i, "").replace(/\/index$/, "");

/** Whether an import in `from` names the module file `target` (same repository). */
function importsFile(from: ClusterFile, module: string, target: ClusterFile): boolean {
  if (from.repo !== target.repo) return false;
  const targetPath = withoutExtension(target.path);
  // JavaScript/TypeScript: a relative path, with or without extension, or the folder's index.
  if (module.startsWith("."))
    return withoutExtension(posix.join(posix.dirname(from.path), module)) === targetPath;
  // Python: a dotted module, from the repository root or from a package root (`src/…`).
  if (target.language === "python") {
    const dotted = module.replace(/\./g, "/");
    return targetPath === dotted || targetPath.endsWith(`/${dotted}`);
  }
  // Go: the import path ends with the package's folder.
  if (target.language === "go") return module.endsWith(`/${posix.dirname(target.path)}`);
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
  return implementations.map((impl) => {
    const file = files[impl.file] as ClusterFile;
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
    files.forEach((other, index) => {
      const imports = other.imports.some(
        (imp) => viaPackage(imp.module) || importsFile(other, imp.module, file),
      );
      if (index === impl.file || !imports) return;
      for (const unit of other.units) {
        if (unit.calls.some((call) => names.has(lastSegment(call)))) callers++;
      }
    });
    return callers;
  });
}
