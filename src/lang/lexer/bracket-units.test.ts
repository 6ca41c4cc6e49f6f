import { describe, expect, it } from "vitest";
import { bracketUnits } from "./bracket-units.js";
import { lexJs } from "./js-lexer.js";

const SOURCE = `import { retry } from "@acme/retry";
const api = require("./api");
const lazy = () => import("./lazy");

export async function fetchWithRetry(url: string, attempts = 3): Promise<Response> {
  for (let i = 0; i < attempts; i++) {
    try { return await fetch(\`\${url}?try=\${i}\`); } catch (error) { if (i === attempts - 1) throw error; }
  }
  throw new Error("unreachable");
}

export class Client extends Base<Options> implements Closeable {
  private timeout = 30_000;
  async get<T>(path: string): Promise<T> {
    return this.request("GET", path);
  }
  static create = (options: Options) => {
    return new Client(options);
  };
}

module.exports.handler = function (event) {
  for await (const record of event.records) { log(record); }
};
`;

describe("bracketUnits", () => {
  const file = bracketUnits(SOURCE, "typescript");
  const named = file.units.map((u) => [u.kind, u.name, u.startLine, u.endLine]);

  it("makes each outermost function a unit with its head, named as declared, assigned or a method", () => {
    expect(named).toEqual([
      // An arrow with an expression body (`lazy`) has no brackets of its own: it stays in the module's code.
      ["block", "<module>", 2, 3],
      ["function", "fetchWithRetry", 5, 10],
      ["class", "Client", 12, 13],
      ["method", "Client.get", 14, 16],
      ["method", "Client.create", 17, 19],
      ["block", "<module>", 19, 20],
      ["function", "handler", 22, 24],
      ["block", "<module>", 24, 24],
    ]);
    const method = file.units.find((u) => u.name === "Client.get");
    expect(method?.parent).toBe("Client");
  });

  it("covers every token but the imports once, in order, so a copy search sees the whole file", () => {
    const tokens = lexJs(SOURCE, false);
    const firstCode = [...tokens.lines].indexOf(2);
    const joined = file.units.flatMap((u) => [...u.tokens]);
    expect(joined).toEqual([...tokens.hashes].slice(firstCode));
    expect(file.units.flatMap((u) => [...u.tokenLines])).toEqual([...tokens.lines].slice(firstCode));
    expect(file.lines).toBe(24);
  });

  it("leaves import and re-export statements out of every unit, and keeps dynamic imports", () => {
    const source =
      'import a from "a";\nimport type { B } from "b";\nexport * from "c";\nexport { d } from "d";\nimport "e";\nexport { a };\nconst f = import("f");\n';
    const units = bracketUnits(source, "typescript").units;
    expect(units.map((u) => [u.startLine, u.endLine, u.tokens.length])).toEqual([[6, 7, 13]]);
  });

  it("does not take control blocks (if, for, for await, catch) for functions", () => {
    expect(named.filter(([kind]) => kind === "function").map(([, name]) => name)).toEqual([
      "fetchWithRetry",
      "handler",
    ]);
  });

  it("lists imports, requires and dynamic imports, for telling test code", () => {
    expect(file.imports.map((i) => [i.module, i.line])).toEqual([
      ["@acme/retry", 1],
      ["./api", 2],
      ["./lazy", 3],
    ]);
  });

  it("names a function passed to a call after the call", () => {
    const test = bracketUnits(
      'describe("x", () => {\n  it("works", async () => {\n    expect(1).toBe(1);\n  });\n});\n[1].map(function (n) { return n; });\n',
      "typescript",
    );
    expect(test.units.filter((u) => u.kind === "function").map((u) => u.name)).toEqual([
      "describe(…)",
      "map(…)",
    ]);
  });

  it("ends a function left open at the end of the file there", () => {
    const open = bracketUnits("function broken(a) {\n  if (a) {\n    return 1;\n", "javascript");
    expect(open.units.map((u) => [u.name, u.startLine, u.endLine])).toEqual([["broken", 1, 3]]);
  });
});
