import { beforeAll, describe, expect, it } from "vitest";
import { createLanguageRegistry, LANGUAGE_IDS, type LanguageRegistry } from "./index.js";

let registry: LanguageRegistry;
beforeAll(async () => {
  registry = await createLanguageRegistry();
});

describe("createLanguageRegistry", () => {
  it.each([
    ["src/a.ts", "typescript"],
    ["src/a.mts", "typescript"],
    ["src/a.cts", "typescript"],
    ["src/App.tsx", "tsx"],
    ["a.js", "javascript"],
    ["a.mjs", "javascript"],
    ["a.cjs", "javascript"],
    ["Cart.JSX", "javascript"],
    ["pkg/mod.py", "python"],
    ["cmd/main.go", "go"],
    ["src/main/java/Retry.java", "java"],
    ["App.kt", "kotlin"],
    ["build.gradle.kts", "kotlin"],
    ["Api/Client.cs", "csharp"],
    ["lib/client.rb", "ruby"],
    ["Gemfile", null],
    ["types/index.d.ts", null],
    ["types/index.d.mts", null],
    ["README.md", null],
    ["Makefile", null],
    [String.raw`C:\repo\a.py`, "python"],
  ])("languageOf(%s) is %s", (path, language) => {
    expect(registry.languageOf(path)).toBe(language);
  });

  it("reports adapter versions for the unit cache key", () => {
    const versions = Object.fromEntries(
      LANGUAGE_IDS.map((language) => [language, registry.adapterVersion(language)]),
    );
    expect(versions).toEqual({
      typescript: 13,
      tsx: 13,
      javascript: 13,
      python: 5,
      go: 6,
      java: 5,
      kotlin: 5,
      csharp: 5,
      ruby: 4,
    });
  });

  it("throws for a path with no adapter, so callers ask languageOf first", () => {
    expect(() => registry.parse("notes.txt", "hello")).toThrow(/no language adapter/);
  });

  it("can be created again and shares the loaded grammars", async () => {
    const again = await createLanguageRegistry();
    expect(again.parse("a.py", "def f():\n    return 1\n").units.map((u) => u.name)).toEqual(["f"]);
  });

  it("loads adapters on demand: a registry made with none parses a language once it is loaded", async () => {
    const lazy = await createLanguageRegistry([]);
    expect(lazy.adapterVersion("python")).toBe(5);
    expect(() => lazy.parse("a.py", "x = 1\n")).toThrow(/python adapter is not loaded/);
    await lazy.load(["python", "python", "tsx"]);
    expect(lazy.parse("a.py", "def f():\n    return 1\n").units.map((u) => u.name)).toEqual(["f"]);
    // One load serves TypeScript, TSX and JavaScript alike.
    expect(lazy.parse("a.js", "function g() { return 2 }\n").units.map((u) => u.name)).toEqual(["g"]);
    expect(() => lazy.parse("A.java", "class A {}")).toThrow(/java adapter is not loaded/);
  });

  it.each(["a.ts", "a.js", "a.py", "a.go", "A.java", "a.kt", "A.cs", "a.rb"])(
    "never throws for garbage in %s",
    (path) => {
      for (const text of ["\u0000\u0001\uFFFF}}}{{{", "(".repeat(5000), "", "\n\n", "😀".repeat(100)]) {
        const result = registry.parse(path, text);
        expect(result.lines).toBe(text === "" ? 0 : text.split("\n").length - (text.endsWith("\n") ? 1 : 0));
        expect(Array.isArray(result.problems)).toBe(true);
      }
    },
  );

  it("is pure: the same input gives the same output", () => {
    const text = "export const a = 1;\nexport function f(x) { return x * a; }\n";
    const first = registry.parse("a.ts", text);
    registry.parse("b.py", "x = 1\n");
    expect(registry.parse("a.ts", text)).toEqual(first);
  });
});
