import { beforeAll } from "vitest";
import {
  createLanguageRegistry,
  type FileUnits,
  type LanguageRegistry,
  type Unit,
} from "../../src/lang/index.js";

/**
 * What every language test needs: a registry created once per file, a parser for a sample path (with an
 * optional prefix, such as Go's `package` line), and readable views of the units it finds.
 */
export function languageKit(samplePath: string, prefix = "") {
  let registry: LanguageRegistry;
  beforeAll(async () => {
    registry = await createLanguageRegistry();
  });
  return {
    parse: (source: string, path = samplePath): FileUnits => registry.parse(path, `${prefix}${source}`),
    unit: (file: FileUnits, name: string): Unit => {
      const found = file.units.find((u) => u.name === name);
      if (found === undefined)
        throw new Error(`no unit ${name} in ${file.units.map((u) => u.name).join(", ")}`);
      return found;
    },
    /** The one unit of a source that must have exactly one. */
    only: (source: string, path = samplePath): Unit => {
      const [first, ...rest] = registry.parse(path, `${prefix}${source}`).units;
      if (first === undefined || rest.length > 0) throw new Error("expected exactly one unit");
      return first;
    },
    shape: (file: FileUnits) => file.units.map((u) => [u.name, u.kind, u.startLine, u.endLine]),
    bound: (u: Unit) => u.literals.map((l) => [l.kind, l.value, l.name]),
  };
}
