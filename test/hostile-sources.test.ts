import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { gitIn, implementationPaths, plainRepo, RETRY, reasonOf, scanMeasured } from "./helpers/hostile.js";
import { figures, reliabilityLog, runMeasured } from "./helpers/measured.js";
import { tempDir } from "./helpers/repos.js";

/**
 * Source files built to blow up a parser or the similarity stage, each scanned through the built
 * executable, measured: exit 0 within generous bounds, the file reported (set aside with a reason, or a
 * parse error with the line), and a retry helper beside it still found.
 *
 * Covered elsewhere, not repeated here: a syntax error between good units, unbalanced garbage, NUL bytes,
 * Latin-1, UTF-16 and a 50 MB file (bad-input.test.ts).
 */
const record = reliabilityLog(import.meta.filename);
const dir = tempDir("lineitem-hostile-sources-");
const RAISED = "maxFileBytes: 20971520\n";

/** Twelve lines, well over the similarity stage's 50 tokens, so every copy is a candidate. */
const TOTAL = (n: number) => `export function total${n}(items, rate) {
  let sum = 0;
  for (const item of items) {
    if (item.price > 0 && item.quantity > 0) {
      sum += item.price * item.quantity * (1 + rate);
    } else {
      throw new Error("bad item " + item.id);
    }
  }
  return Math.round(sum * 100) / 100;
}
`;

describe("hostile source files", () => {
  it("one line of 10 MB", async () => {
    const root = await plainRepo(join(dir, "one-line"), {
      "src/retry.ts": RETRY(),
      "src/line.ts": `export const s = "${"x".repeat(10 * 1024 * 1024)}";\n`,
    });
    const byDefault = await scanMeasured([root], dir);
    expect(reasonOf(byDefault.result, "src/line.ts")).toEqual(["too-large"]);
    writeFileSync(join(dir, "raised.yaml"), RAISED);
    const raised = await scanMeasured([root], dir, ["--config", join(dir, "raised.yaml")]);
    expect(reasonOf(raised.result, "src/line.ts")).toEqual(["minified"]);
    expect(implementationPaths(raised.result, "one-line")).toEqual(["src/retry.ts"]);
    record({
      test: "hostile source files > one line of 10 MB",
      inputs: "a 10 MB .ts file on one line; by default and with maxFileBytes at 20 MB",
      outcome: "skipped: too-large by default; minified (very long lines) when allowed",
      ...figures(raised.run),
    });
  });

  it("100,000 identical functions across 100 files and two teams", async () => {
    const files: Record<string, string> = {
      CODEOWNERS: "/src/a/ @acme/alpha\n/src/b/ @acme/beta\n",
      "src/retry.ts": RETRY(),
    };
    for (let f = 0; f < 100; f++) {
      const body = Array.from({ length: 1000 }, (_, i) => TOTAL(f * 1000 + i)).join("");
      files[`src/${f % 2 ? "a" : "b"}/totals${f}.ts`] = body;
    }
    const root = await plainRepo(join(dir, "same"), files);
    const { run, result } = await scanMeasured([root], dir);
    expect(result.summary.units).toBe(100_001);
    // One shape in every file of both teams: counted as boilerplate, not a group of 100,000 members.
    expect(result.clones.setAside.everywhere).toBe(1);
    expect(implementationPaths(result, "same")).toEqual(["src/retry.ts"]);
    record({
      test: "hostile source files > 100,000 identical functions across 100 files and two teams",
      inputs: "100 files × 1,000 identical 11-line functions (1.1 million lines), two teams",
      outcome: "all parsed; the shape set aside as boilerplate (everywhere), counted",
      ...figures(run),
    });
  }, 120_000);

  it("100,000 identical functions in one file", async () => {
    const body = Array.from(
      { length: 100_000 },
      (_, i) =>
        `export function f${i}(a, b) {\n  const c = a + b;\n  if (c > 10) return c * 2;\n  return c - 1;\n}\n`,
    ).join("");
    const root = await plainRepo(join(dir, "same-one"), { "src/retry.ts": RETRY(), "src/same.ts": body });
    writeFileSync(join(dir, "raised.yaml"), RAISED);
    const run = await runMeasured(
      ["scan", root, "--json", "-", "--quiet", "--no-index", "--config", join(dir, "raised.yaml")],
      dir,
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.seconds).toBeLessThan(60);
    // Above the 1.5 GiB the other cases keep to (≈1.9 GiB measured): one file's 100,000 units are held
    // several times over on their way from the parser. Bounded, and recorded so it is seen.
    expect(run.peakMiB).toBeLessThan(3072);
    const result = JSON.parse(run.stdout);
    expect(result.summary.units).toBe(100_001);
    expect(implementationPaths(result, "same-one")).toEqual(["src/retry.ts"]);
    record({
      test: "hostile source files > 100,000 identical functions in one file",
      inputs: "one 4.6 MB file of 100,000 identical 5-line functions (maxFileBytes raised to 20 MB)",
      outcome: "all parsed; small units set aside by size, counted",
      ...figures(run),
    });
  }, 120_000);

  it("nesting 100,000 levels deep, in four languages and five constructs", async () => {
    const n = 100_000;
    const root = await plainRepo(join(dir, "nested"), {
      "src/retry.ts": RETRY(),
      "src/parens.ts": `export const x = ${"(\n".repeat(n)}1${")\n".repeat(n)};\n`,
      "src/open.js": `export function f() {\n${"{(\n".repeat(n / 2)}`,
      "src/else-if.ts": `if (a) {}\n${"else if (a) {}\n".repeat(n / 5)}`,
      "src/ternary.ts": `export const t = ${"a ? b :\n".repeat(n / 5)}c;\n`,
      "src/template.ts": `export const s = ${"`${\n".repeat(n / 5)}1${"}`\n".repeat(n / 5)};\n`,
      "src/parens.py": `x = ${"(\n".repeat(n)}1${")\n".repeat(n)}\n`,
      "src/parens.go": `package p\n\nvar x = ${"(\n".repeat(n)}1${")\n".repeat(n)}\n`,
    });
    const { run, result } = await scanMeasured([root], dir);
    const deep = [
      "else-if.ts",
      "open.js",
      "parens.go",
      "parens.py",
      "parens.ts",
      "template.ts",
      "ternary.ts",
    ];
    for (const name of deep) {
      const skipped = result.skipped.filter((s) => s.path === `src/${name}`);
      expect(
        skipped.map((s) => s.reason),
        name,
      ).toEqual(["parse-error"]);
      expect(skipped[0]?.detail, name).toMatch(/^line \d+: /);
    }
    expect(implementationPaths(result, "nested")).toEqual(["src/retry.ts"]);
    // A change that adds such a file is checked as calmly as it is scanned.
    const index = join(dir, "nested.sqlite");
    const indexed = await runMeasured(
      ["scan", root, "--index", index, "--quiet", "--json", join(dir, "n.json")],
      dir,
    );
    expect(indexed.code, indexed.stderr).toBe(0);
    await gitIn(root, ["checkout", "--quiet", "-b", "change"]);
    writeFileSync(
      join(root, "src", "more.ts"),
      `export const y = ${"[\n".repeat(n)}${"]\n".repeat(n)};\n${RETRY("again")}`,
    );
    const check = await runMeasured(
      ["check", root, "--base", "main", "--index", index, "--format", "json"],
      dir,
    );
    expect(check.stderr).not.toMatch(/internal error|\n\s+at /);
    expect([0, 1]).toContain(check.code);
    record({
      test: "hostile source files > nesting 100,000 levels deep, in four languages and five constructs",
      inputs:
        "100,000 ( in TS, Python, Go; 50,000 unclosed {( in JS; 20,000-link else-if, ternary and template chains; check on a change adding 100,000 [",
      outcome:
        "each skipped: parse-error with the line (oxc is not run past 3,000 levels); check exits normally",
      ...figures(run),
    });
  }, 120_000);
});
