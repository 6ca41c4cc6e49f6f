// Development aid: shows, for one source file, each unit's features and how every concern scores it
// (with the module-level blocks it uses, as the scan reads it).
// Usage: npm run build && node scripts/explain.mjs path/to/file.ts [concern-id]
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { explainFile, loadConcernDefinitions } from "../dist/concerns/index.js";
import { createLanguageRegistry } from "../dist/lang/index.js";
import { DiagnosticLog } from "../dist/shared/index.js";

const [file, only] = process.argv.slice(2);
const registry = await createLanguageRegistry();
const parsed = registry.parse(file, readFileSync(file, "utf8"));
// Path signals read the path inside its repository, as a scan sees it: the folder a repository was
// cloned into (a dev-set package's name, for one) must not score.
const repoRoot = (dir) =>
  existsSync(join(dir, ".git")) ? dir : dirname(dir) === dir ? null : repoRoot(dirname(dir));
const root = repoRoot(dirname(resolve(file)));
const path = root ? relative(root, resolve(file)) : file;
const definitions = (await loadConcernDefinitions([], process.cwd(), new DiagnosticLog())).filter(
  (d) => !only || d.id === only,
);
const explained = explainFile({ path, ...parsed }, definitions);
console.log("imports:", parsed.imports.map((i) => `${i.module}{${i.names.join(",")}}`).join(" "));
parsed.units.forEach((unit, index) => {
  console.log(`\n${unit.kind} ${unit.name} ${unit.startLine}-${unit.endLine} flags=[${unit.flags}]`);
  console.log(`  subwords: ${unit.subwords.join(" ")}`);
  console.log(`  calls: ${unit.calls.join(" ")}`);
  console.log(
    `  keys: ${unit.keys.join(" ")}  strings: ${unit.literals
      .filter((l) => l.kind === "string")
      .map((l) => l.value)
      .join(" | ")}`,
  );
  for (const e of explained[index] ?? []) {
    if (e.fired.length === 0) continue;
    const missing = e.missing.length ? ` missing: ${e.missing.join("; ")}` : "";
    console.log(
      `  ${e.matched ? "MATCH" : "     "} ${e.concern} ${e.score}/${e.threshold} [${e.fired.map((f) => f.split("=")[0]).join(",")}]${missing}`,
    );
  }
});
