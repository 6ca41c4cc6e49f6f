import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../src/shared/index.js";

const require = createRequire(import.meta.url);
const cruiser = require(join(packageRoot, "scripts", "architecture-layers.cjs")) as {
  layers: Record<string, string[]>;
};

function documentedLayers(): Record<string, string[]> {
  const doc = readFileSync(join(packageRoot, "docs", "architecture.md"), "utf8");
  const rows = doc.split("\n").filter((line) => /^\|\s*[a-z]+\s*\|\s*`src\//.test(line));
  return Object.fromEntries(
    rows.map((row) => {
      const cells = row.split("|").map((cell) => cell.trim());
      const imports = cells[4] === "—" ? [] : (cells[4] as string).split(",").map((s) => s.trim());
      return [cells[1] as string, imports];
    }),
  );
}

describe("docs/architecture.md", () => {
  it("lists the same stages and imports as the enforced rules", () => {
    expect(documentedLayers()).toEqual(cruiser.layers);
  });

  it("covers every folder under src/", () => {
    const folders = readdirSync(join(packageRoot, "src"), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(Object.keys(cruiser.layers).sort()).toEqual(folders);
  });

  it("gives every stage a single public entry", () => {
    for (const stage of Object.keys(cruiser.layers)) {
      expect(readdirSync(join(packageRoot, "src", stage))).toContain("index.ts");
    }
  });
});
