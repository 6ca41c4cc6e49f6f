import fc from "fast-check";
import ignore from "ignore";
import { describe, expect, it } from "vitest";
import { compilePattern, matchCodeOwners, parseCodeOwners } from "./codeowners.js";

// GitHub matches CODEOWNERS patterns with gitignore's rules, with one documented difference: `docs/*`
// owns the files directly in docs/, not those in its subfolders (gitignore would ignore the whole folder).
// `ignore` (the gitignore implementation eslint and prettier use) is the reference for everything else.

const name = fc.constantFrom("a", "b", "src", "docs", "logs", "x.js", "y.ts", "app.test.js", "README.md");
const globSegment = fc.constantFrom("a", "src", "docs", "logs", "*", "*.js", "*.ts", "x.*", "?", "a?", "**");
const path = fc.array(name, { minLength: 1, maxLength: 5 }).map((parts) => parts.join("/"));
const pattern = fc
  .tuple(fc.boolean(), fc.array(globSegment, { minLength: 1, maxLength: 4 }), fc.boolean())
  .map(([rooted, segments, folder]) => `${rooted ? "/" : ""}${segments.join("/")}${folder ? "/" : ""}`)
  // The documented difference, held by its own example below; and `**/**`, which says nothing more.
  .filter((p) => !/\/\*$/.test(p) && !p.includes("**/**") && p !== "/");

describe("CODEOWNERS matching (properties)", () => {
  it("matches a path exactly when gitignore's rules would", () => {
    fc.assert(
      fc.property(pattern, path, (p, file) => {
        expect(compilePattern(p).test(file), `${p} against ${file}`).toBe(ignore().add(p).ignores(file));
      }),
      { numRuns: 3000 },
    );
  });

  it("gives a path the last line that matches it", () => {
    fc.assert(
      fc.property(fc.array(pattern, { minLength: 1, maxLength: 8 }), path, (patterns, file) => {
        const text = patterns.map((p, i) => `${p.replace(/^\//, "/")} @acme/team-${i}`).join("\n");
        const owner = matchCodeOwners(parseCodeOwners(text), file);
        const last = patterns
          .map((p, i) => [p, i] as const)
          .filter(([p]) => ignore().add(p).ignores(file))
          .at(-1);
        expect(owner?.owners).toEqual(last ? [`@acme/team-${last[1]}`] : undefined);
      }),
      { numRuns: 1000 },
    );
  });

  it("keeps GitHub's documented difference: docs/* owns docs' own files, not its subfolders'", () => {
    expect(compilePattern("docs/*").test("docs/getting-started.md")).toBe(true);
    expect(compilePattern("docs/*").test("docs/build-app/troubleshooting.md")).toBe(false);
  });
});
