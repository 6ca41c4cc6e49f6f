import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import {
  createLanguageRegistry,
  type FileUnits,
  LANGUAGE_IDS,
  type LanguageRegistry,
  type UnitFlag,
} from "./index.js";

// One generic test for every adapter: each fixture file must satisfy the invariants later stages rely on.
const FIXTURES = fileURLToPath(new URL("../../test/fixtures/lang/", import.meta.url));
const LANGUAGES = LANGUAGE_IDS;
const FLAGS: readonly UnitFlag[] = [
  "loop",
  "branch",
  "try",
  "catch",
  "await",
  "async",
  "recursion",
  "throw",
  "returns-function",
  "exported",
];

let registry: LanguageRegistry;
beforeAll(async () => {
  registry = await createLanguageRegistry();
});

const isDistinct = (values: readonly string[]): boolean => new Set(values).size === values.length;

function checkInvariants(file: FileUnits, language: string): void {
  const { units } = file;
  expect(file.language).toBe(language);
  expect(units.length).toBeGreaterThan(0);
  expect(units.map((u) => u.startLine)).toEqual([...units.map((u) => u.startLine)].sort((a, b) => a - b));
  for (const unit of units) {
    const where = `${unit.name} (${unit.startLine}-${unit.endLine})`;
    expect(unit.startLine, where).toBeGreaterThanOrEqual(1);
    expect(unit.endLine, where).toBeGreaterThanOrEqual(unit.startLine);
    expect(unit.endLine, where).toBeLessThanOrEqual(file.lines);
    expect(unit.tokens.length, where).toBeGreaterThan(0);
    expect(unit.tokenLines.length, where).toBe(unit.tokens.length);
    for (const line of unit.tokenLines) {
      expect(line >= unit.startLine && line <= unit.endLine, `${where}: token on line ${line}`).toBe(true);
    }
    expect(unit.callLines?.length, where).toBe(unit.calls.length);
    for (const [i, lines] of (unit.callLines ?? []).entries()) {
      const call = `${where}: ${unit.calls[i]} on lines ${lines.join(", ")}`;
      expect(lines.length > 0 && lines.length <= 16, call).toBe(true);
      expect(lines, call).toEqual([...lines].sort((a, b) => a - b));
      expect((lines[0] as number) >= unit.startLine && (lines.at(-1) as number) <= unit.endLine, call).toBe(
        true,
      );
    }
    for (const literal of unit.literals) {
      expect(literal.line >= unit.startLine && literal.line <= unit.endLine, where).toBe(true);
      if (literal.kind === "number") expect(Number.isFinite(literal.value), where).toBe(true);
      else expect(String(literal.value).length, where).toBeLessThanOrEqual(200);
    }
    for (const list of [unit.identifiers, unit.subwords, unit.calls, unit.keys, unit.flags]) {
      expect(isDistinct(list), `${where}: ${list.join(", ")}`).toBe(true);
    }
    expect(
      unit.flags.every((flag) => FLAGS.includes(flag)),
      where,
    ).toBe(true);
    if (unit.loopIdentifiers !== undefined) {
      // Named inside a loop statement: identifiers of the unit, of a unit that has a loop.
      expect(unit.loopIdentifiers.length, where).toBeGreaterThan(0);
      expect(isDistinct(unit.loopIdentifiers), where).toBe(true);
      expect(
        unit.loopIdentifiers.every((name) => unit.identifiers.includes(name)),
        where,
      ).toBe(true);
      expect(unit.flags, where).toContain("loop");
    }
    expect(
      unit.subwords.every((word) => word.length >= 2 && word === word.toLowerCase()),
      where,
    ).toBe(true);
    if (unit.kind === "method") {
      expect(unit.parent, where).toBeDefined();
      const parent = units.find((u) => u.kind === "class" && u.name === unit.parent);
      // Go methods hang off a type, not a class unit; elsewhere the class must enclose the method.
      if (language !== "go" || parent !== undefined) {
        expect(parent, where).toBeDefined();
        expect(
          unit.startLine >= (parent?.startLine ?? 0) && unit.endLine <= (parent?.endLine ?? 0),
          where,
        ).toBe(true);
      }
    }
  }
  const flat = units.filter((u) => u.kind !== "class");
  for (let i = 1; i < flat.length; i++) {
    const previous = flat[i - 1];
    const current = flat[i];
    expect(current?.startLine, `${previous?.name} overlaps ${current?.name}`).toBeGreaterThan(
      previous?.endLine ?? 0,
    );
  }
  for (const imported of file.imports) {
    expect(imported.line >= 1 && imported.line <= file.lines).toBe(true);
    expect(imported.module).not.toBe("");
  }
}

describe.each(LANGUAGES)("contract: %s fixtures", (language) => {
  const folder = join(FIXTURES, language);
  const names = readdirSync(folder).sort();

  it("has 3 to 5 realistic files of 20 to 80 lines, one of them broken", () => {
    expect(names.length).toBeGreaterThanOrEqual(3);
    expect(names.length).toBeLessThanOrEqual(5);
    expect(names.filter((name) => name.startsWith("broken."))).toHaveLength(1);
    for (const name of names) {
      const lines = readFileSync(join(folder, name), "utf8").trimEnd().split("\n").length;
      expect(lines >= 20 && lines <= 80, `${name}: ${lines} lines`).toBe(true);
    }
  });

  it.each(names)("%s satisfies the unit contract", (name) => {
    const path = join(folder, name);
    const text = readFileSync(path, "utf8");
    expect(registry.languageOf(path)).toBe(language);
    const file = registry.parse(path, text);
    checkInvariants(file, language);
    expect(registry.parse(path, text)).toEqual(file);
    if (!name.startsWith("broken.")) {
      expect(file.problems).toEqual([]);
      return;
    }
    // A syntax error costs the unit it sits in, never the whole file.
    const [problem] = file.problems;
    expect(problem).toBeDefined();
    const line = problem?.line ?? 0;
    expect(file.units.some((u) => u.endLine < line)).toBe(true);
    expect(file.units.some((u) => u.startLine > line)).toBe(true);
  });
});

// A loop that walks pages names its token inside it; code beside the loop does not count as in it.
const LOOPS: Readonly<Record<(typeof LANGUAGE_IDS)[number], [string, string]>> = {
  typescript: [
    "a.ts",
    "function f(first: string) {\n  let cursor = first;\n  const outside = 1;\n  while (cursor) {\n    cursor = next(cursor);\n  }\n  return outside;\n}\n",
  ],
  tsx: [
    "a.tsx",
    "function f(items: string[]) {\n  const outside = 1;\n  for (const cursor of items) use(cursor);\n  return outside;\n}\n",
  ],
  javascript: [
    "a.js",
    "function f(c) {\n  const outside = 1;\n  let cursor = c;\n  do { cursor = next(cursor); } while (cursor);\n  return outside;\n}\n",
  ],
  python: [
    "a.py",
    "def f(first):\n    outside = 1\n    cursor = first\n    while cursor:\n        cursor = step(cursor)\n    return outside\n",
  ],
  go: [
    "a.go",
    'package p\n\nfunc f(first string) int {\n\toutside := 1\n\tcursor := first\n\tfor cursor != "" {\n\t\tcursor = step(cursor)\n\t}\n\treturn outside\n}\n',
  ],
  java: [
    "A.java",
    "class A {\n  int f(String first) {\n    int outside = 1;\n    String cursor = first;\n    while (cursor != null) {\n      cursor = step(cursor);\n    }\n    return outside;\n  }\n}\n",
  ],
  kotlin: [
    "A.kt",
    "fun f(first: String?): Int {\n    val outside = 1\n    var cursor = first\n    while (cursor != null) {\n        cursor = step(cursor)\n    }\n    return outside\n}\n",
  ],
  csharp: [
    "A.cs",
    "class A {\n  int F(string first) {\n    var outside = 1;\n    var cursor = first;\n    while (cursor != null) {\n      cursor = Step(cursor);\n    }\n    return outside;\n  }\n}\n",
  ],
  ruby: [
    "a.rb",
    "def f(first)\n  outside = 1\n  cursor = first\n  while cursor\n    cursor = step(cursor)\n  end\n  outside\nend\n",
  ],
};

describe.each(LANGUAGES)("identifiers named in a loop: %s", (language) => {
  it("are the ones inside the loop statement, not the ones beside it", () => {
    const [name, text] = LOOPS[language];
    const file = registry.parse(name, text);
    expect(file.problems).toEqual([]);
    const unit = file.units.find((u) => u.kind === "function" || u.kind === "method");
    expect(unit?.loopIdentifiers).toContain("cursor");
    expect(unit?.loopIdentifiers).not.toContain("outside");
    expect(unit?.identifiers).toContain("outside");
  });
});

// Code that decides something raises `branch`: an if, a conditional expression, a switch or a match.
// Straight-line wiring (calls one after another) does not; unnamed work is judged by it.
const JS_BRANCHES = `function guard(x) { if (x > 0) { return 1; } return 0; }
function pick(x) { return x > 0 ? "up" : "down"; }
function route(x) { switch (x) { case "a": return 1; default: return 2; } }
function wire(app) { app.use(cors()); app.listen(8080); }
`;
const BRANCHES: Readonly<Record<(typeof LANGUAGE_IDS)[number], [string, string]>> = {
  typescript: ["a.ts", JS_BRANCHES],
  tsx: ["a.tsx", JS_BRANCHES],
  javascript: ["a.js", JS_BRANCHES],
  python: [
    "a.py",
    'def guard(x):\n    if x > 0:\n        return 1\n    return 0\n\ndef pick(x):\n    return "up" if x > 0 else "down"\n\ndef route(x):\n    match x:\n        case "a":\n            return 1\n        case _:\n            return 2\n\ndef wire(app):\n    app.use(cors())\n    app.listen(8080)\n',
  ],
  go: [
    "a.go",
    'package p\n\nfunc guard(x int) int {\n\tif x > 0 {\n\t\treturn 1\n\t}\n\treturn 0\n}\n\nfunc route(x string) int {\n\tswitch x {\n\tcase "a":\n\t\treturn 1\n\t}\n\treturn 2\n}\n\nfunc routeType(x any) int {\n\tswitch x.(type) {\n\tcase string:\n\t\treturn 1\n\t}\n\treturn 2\n}\n\nfunc wire(app *App) {\n\tapp.Use(cors())\n\tapp.Listen(8080)\n}\n',
  ],
  java: [
    "A.java",
    'class A {\n  int guard(int x) { if (x > 0) { return 1; } return 0; }\n  String pick(int x) { return x > 0 ? "up" : "down"; }\n  int route(String x) { switch (x) { case "a": return 1; default: return 2; } }\n  void wire(App app) { app.use(cors()); app.listen(8080); }\n}\n',
  ],
  kotlin: [
    "A.kt",
    'fun guard(x: Int): Int {\n    if (x > 0) {\n        return 1\n    }\n    return 0\n}\n\nfun pick(x: Int) = if (x > 0) "up" else "down"\n\nfun route(x: String) = when (x) {\n    "a" -> 1\n    else -> 2\n}\n\nfun wire(app: App) {\n    app.use(cors())\n    app.listen(8080)\n}\n',
  ],
  csharp: [
    "A.cs",
    'class A {\n  int Guard(int x) { if (x > 0) { return 1; } return 0; }\n  string Pick(int x) { return x > 0 ? "up" : "down"; }\n  int Route(string x) { switch (x) { case "a": return 1; default: return 2; } }\n  int RouteExpression(string x) => x switch { "a" => 1, _ => 2 };\n  void Wire(App app) { app.Use(Cors()); app.Listen(8080); }\n}\n',
  ],
  ruby: [
    "a.rb",
    'def guard(x)\n  return 1 if x > 0\n  0\nend\n\ndef pick(x)\n  x > 0 ? "up" : "down"\nend\n\ndef route(x)\n  case x\n  when "a" then 1\n  else 2\n  end\nend\n\ndef skip(x)\n  unless x\n    return 0\n  end\n  1\nend\n\ndef wire(app)\n  app.use(cors)\n  app.listen(8080)\nend\n',
  ],
};

describe.each(LANGUAGES)("code that decides: %s", (language) => {
  it("raises branch on an if, a conditional, a switch or a match, and not on straight-line wiring", () => {
    const [name, text] = BRANCHES[language];
    const file = registry.parse(name, text);
    expect(file.problems).toEqual([]);
    const callables = file.units.filter((u) => u.kind === "function" || u.kind === "method");
    const deciding = callables.filter((u) => !/wire$/i.test(u.name));
    expect(deciding.length).toBeGreaterThanOrEqual(3);
    for (const unit of deciding) expect(unit.flags, unit.name).toContain("branch");
    const wire = callables.find((u) => /wire$/i.test(u.name));
    expect(wire?.flags).not.toContain("branch");
  });
});
