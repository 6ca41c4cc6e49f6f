import { beforeAll, describe, expect, it } from "vitest";
import { parameterDefinition } from "../../test/helpers/concerns.js";
import { languageKit } from "../../test/helpers/lang.js";
import type { LanguageId, Unit } from "../lang/index.js";
import {
  importedUnits,
  type ModuleFile,
  moduleKey,
  moduleLookup,
  relativeImportKey,
} from "./imported-units.js";
import { extractParameters } from "./parameters.js";

const kit = languageKit("src/backoff.ts");

function file(path: string, source: string, repo = "lib"): ModuleFile {
  const parsed = kit.parse(source, path);
  const language: LanguageId = path.endsWith(".ts") ? "typescript" : "javascript";
  return { repo, path, language, imports: parsed.imports, units: parsed.units };
}

const named = (f: ModuleFile, ...names: string[]): Unit[] =>
  names.map((name) => {
    const found = f.units.find((u) => u.name === name);
    if (!found) throw new Error(`no unit ${name} in ${f.path}`);
    return found;
  });
const unitNames = (groups: { path: string; units: Unit[] }[]) =>
  groups.map((g) => [g.path, g.units.map((u) => u.name)]);

const retry = parameterDefinition([
  { id: "attempts", title: "attempts", kind: "count", names: ["numOfAttempts", "maxAttempts"] },
  { id: "baseDelay", title: "base delay", kind: "duration", names: ["startingDelay"] },
]);

// A package that keeps its defaults apart from the code that uses them, as exponential-backoff does.
const backoff = `import { getSanitizedOptions, IBackoffOptions } from "./options";
import { sleep } from "sleepy-package";

export function backOff(request, options = {}) {
  const sanitized = getSanitizedOptions(options);
  return new BackOff(request, sanitized).execute();
}

class BackOff {
  private attemptNumber = 0;
  constructor(private request, private options) {}
  async execute() {
    while (this.attemptNumber < this.options.numOfAttempts) {
      try { return await this.request(); } catch (e) { this.attemptNumber++; await sleep(this.options.startingDelay); }
    }
  }
}
`;
const options = `const defaultOptions = { numOfAttempts: 10, startingDelay: 100 };
const unrelated = { maxAttempts: 99 };

export function getSanitizedOptions(options) {
  return { ...defaultOptions, ...options };
}

export function describeUnrelated() {
  return unrelated;
}
`;

describe("units an implementation reads through its relative imports", () => {
  let main: ModuleFile;
  let lookup: ReturnType<typeof moduleLookup>;
  const resolve = (key: string) => lookup("lib", key);
  beforeAll(() => {
    main = file("src/backoff.ts", backoff);
    lookup = moduleLookup([main, file("src/options.ts", options)]);
  });

  it("follows a named import the implementation's entry point calls to the defaults it reads", () => {
    const imported = importedUnits(main, named(main, "BackOff", "BackOff.execute"), resolve);
    expect(unitNames(imported)).toEqual([["src/options.ts", ["defaultOptions", "getSanitizedOptions"]]]);
  });

  it("fills a parameter the implementation leaves unset, naming the file the value is in", () => {
    const units = named(main, "BackOff", "BackOff.execute");
    const parameters = extractParameters(retry, units, "typescript", importedUnits(main, units, resolve));
    expect(parameters.attempts).toEqual({ value: 10, display: "10", line: 1, path: "src/options.ts" });
    expect(parameters.baseDelay).toMatchObject({ value: 100, path: "src/options.ts" });
  });

  it("keeps the implementation's own value over an imported default", () => {
    const own = file("src/backoff.ts", backoff.replace("private attemptNumber = 0;", "maxAttempts = 3;"));
    const units = named(own, "BackOff", "BackOff.execute");
    const parameters = extractParameters(retry, units, "typescript", importedUnits(own, units, resolve));
    expect(parameters.attempts).toEqual({ value: 3, display: "3", line: 10 });
    expect(parameters.baseDelay).toMatchObject({ value: 100, path: "src/options.ts" });
  });

  it("reads nothing from an import the implementation does not use, or from another repository", () => {
    const unused = file("src/backoff.ts", backoff.replace("getSanitizedOptions(options)", "{ ...options }"));
    expect(importedUnits(unused, named(unused, "BackOff", "BackOff.execute"), resolve)).toEqual([]);
    const elsewhere = (key: string) => lookup("other", key);
    expect(importedUnits(main, named(main, "BackOff", "BackOff.execute"), elsewhere)).toEqual([]);
  });

  it("reaches the names used through a namespace import, and a CommonJS export called as a function", () => {
    const constants = file(
      "lib/constants.js",
      "const TIMEOUT = 5000;\nconst OTHER = 1;\nmodule.exports = { TIMEOUT, OTHER };\n",
    );
    const header = file(
      "lib/resolvers/auth-header.js",
      "module.exports = function resolveAuthHeader(ctx) {\n  return ctx.headers['authorization'];\n};\n",
    );
    const user = file(
      "lib/index.js",
      `const C = require("./constants.js");
const resolveAuthHeader = require("./resolvers/auth-header");
function middleware(ctx) {
  const token = resolveAuthHeader(ctx);
  return setTimeout(() => token, C.TIMEOUT);
}
module.exports = middleware;
`,
    );
    const both = moduleLookup([user, constants, header]);
    const imported = importedUnits(user, named(user, "middleware"), (key) => both("lib", key));
    expect(imported.map((g) => g.path)).toEqual(["lib/constants.js", "lib/resolvers/auth-header.js"]);
    const constantNames = imported[0]?.units.flatMap((u) => u.declares ?? [u.name]) ?? [];
    expect(constantNames).toContain("TIMEOUT");
    expect(imported[1]?.units.some((u) => u.literals.some((l) => l.value === "authorization"))).toBe(true);
  });

  it("reads only values bound to a name from an imported module: no event name, no other object's keys", () => {
    const logging = parameterDefinition(
      [
        { id: "level", title: "level", kind: "strings", names: ["level"], match: ["info", "error"] },
        { id: "fields", title: "fields", kind: "keys", match: ["env", "service"] },
        { id: "codes", title: "codes", kind: "statuses" },
      ],
      "structured-logging",
    );
    const workers = file(
      "lib/workers.js",
      `const LEVEL = { level: "info" };
function runWorkers(worker) {
  worker.once("error", (error) => { throw error; });
  if (worker.status === 503) return { env: SHARE_ENV, level: LEVEL.level };
}
module.exports = { runWorkers };
`,
    );
    const cli = file(
      "lib/cli.js",
      `const { runWorkers } = require("./workers");
function createLogger(worker) {
  return runWorkers(worker);
}
`,
    );
    const both = moduleLookup([cli, workers]);
    const units = named(cli, "createLogger");
    const imported = importedUnits(cli, units, (key) => both("lib", key));
    expect(imported.map((g) => g.path)).toEqual(["lib/workers.js"]);
    const parameters = extractParameters(logging, units, "javascript", imported);
    expect(parameters).toEqual({
      level: { value: ["info"], display: "info", line: 1, path: "lib/workers.js" },
      fields: null,
      codes: null,
    });
  });

  it("names a module as relative imports do, whatever the extension or index file", () => {
    expect(moduleKey("src/options.ts")).toBe("src/options");
    expect(moduleKey("src/options/index.js")).toBe("src/options");
    expect(relativeImportKey("src/core/index.js", "../utils/normalize.js")).toBe("src/utils/normalize");
    expect(relativeImportKey("src/core/index.js", "./options")).toBe("src/core/options");
    expect(relativeImportKey("src/core/index.js", "got")).toBeNull();
  });
});
