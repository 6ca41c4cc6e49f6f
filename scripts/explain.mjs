// Development aid: shows, for one source file, each unit's features and how every concern scores it
// (with the module-level blocks it uses, as the scan reads it).
// Usage: npm run build && node scripts/explain.mjs path/to/file.ts [concern-id]
import { readFileSync } from "node:fs";
import { explainFile, loadConcernDefinitions } from "../dist/concerns/index.js";
import { createLanguageRegistry } from "../dist/lang/index.js";
import { DiagnosticLog } from "../dist/shared/index.js";

const [file, only] = process.argv.slice(2);
const registry = await createLanguageRegistry();
const parsed = registry.parse(file, readFileSync(file, "utf8"));
const definitions = (await loadConcernDefinitions([], process.cwd(), new DiagnosticLog())).filter(
  (d) => !only || d.id === only,
);
const explained = explainFile({ path: file, ...parsed }, definitions);
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
