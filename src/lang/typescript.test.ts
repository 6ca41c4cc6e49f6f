import { describe, expect, it } from "vitest";
import { languageKit } from "../../test/helpers/lang.js";

const { parse, unit, shape, only } = languageKit("src/file.ts");

describe("TypeScript units", () => {
  it("finds functions, arrow functions, classes, methods and blocks with their lines", () => {
    const file = parse(`import axios from "axios";
export interface Options { retries: number }
const client = axios.create({ timeout: 5000 });
const base = "/v1";
export async function fetchJson(url: string) {
  return client.get(base + url);
}
export const retry = async (fn: () => Promise<void>) => {
  await fn();
};
@Injectable()
export class Api {
  timeout = 30;
  @Get("/") list() { return []; }
  handle = () => this.list();
}
app.use(cors());
module.exports = { retry };
export type Id = string;
export default function () {}
`);
    expect(shape(file)).toEqual([
      ["Options", "type", 2, 2],
      ["client", "block", 3, 4],
      ["fetchJson", "function", 5, 7],
      ["retry", "function", 8, 10],
      ["Api", "class", 11, 16],
      ["Api.list", "method", 14, 14],
      ["Api.handle", "method", 15, 15],
      ["module.exports", "block", 17, 18],
      ["Id", "type", 19, 19],
      ["default", "function", 20, 20],
    ]);
    expect(unit(file, "Api.list").parent).toBe("Api");
  });

  it("names a block of plain calls <module>, skips declarations and reads types as type units", () => {
    const file = parse(
      "declare const x: number;\napp.use(helmet());\napp.listen(3000);\ntype A = 1;\nexport interface B {\n  code: string;\n}\nfunction f(): void;\n",
    );
    expect(shape(file)).toEqual([
      ["<module>", "block", 2, 3],
      ["A", "type", 4, 4],
      ["B", "type", 5, 7],
    ]);
    expect(unit(file, "B").flags).toContain("exported");
  });

  it("reads a type declared inside code as tokens, but not type annotations", () => {
    const plain = only("function f(a) { return g(a); }");
    const annotated = only("function f(a: Record<string, number[]>): Promise<void> { return g(a); }");
    const local = only("function f(a) { type Row = { id: string; total: number }; return g(a); }");
    expect(annotated.tokens).toEqual(plain.tokens);
    expect(local.tokens.length).toBeGreaterThan(plain.tokens.length + 5);
  });

  it("keeps a class's fields and decorators but not its methods' bodies", () => {
    const file = parse(`@Component({ selector: "app" })
class Widget {
  private retries = 3;
  render() { return draw(this.retries); }
}`);
    const cls = unit(file, "Widget");
    expect(cls.calls).toEqual(["Component"]);
    expect(cls.identifiers).toEqual(["Component", "selector", "Widget", "retries"]);
    expect(cls.literals).toEqual([
      { kind: "string", value: "app", name: "selector", line: 1 },
      { kind: "number", value: 3, name: "retries", line: 3 },
    ]);
    expect(unit(file, "Widget.render").calls).toEqual(["draw"]);
  });
});

describe("TypeScript tokens", () => {
  it("gives a renamed, re-valued copy the same stream", () => {
    const a = only(
      "function retry(fn, n) { for (let i = 0; i < n; i++) { try { return fn(); } catch (e) { log('x', e); } } }",
    );
    const b = only(
      "function again(op, max) { for (let k = 1; k < max; k++) { try { return op(); } catch (err) { warn(`y`, err); } } }",
    );
    expect(b.tokens).not.toEqual(a.tokens);
    const c = only(
      "function again(op, max) { for (let k = 1; k < max; k++) { try { return op(); } catch (err) { warn('y', err); } } }",
    );
    expect(c.tokens).toEqual(a.tokens);
  });

  it("emits no tokens for type annotations, so a typed copy matches its JavaScript", () => {
    const typed = only(
      "function f<T>(a: number, b?: T): Promise<T> { return g(a as number, b!) satisfies unknown; }",
    );
    const plain = only("function f(a, b) { return g(a, b); }", "src/file.js");
    expect(typed.tokens).toEqual(plain.tokens);
    expect(typed.identifiers).toEqual(["f", "a", "b", "g"]);
  });

  it("tells operators apart and keeps one line per token", () => {
    const plus = only("const x = a + b;");
    const minus = only("const x = a - b;");
    expect(plus.tokens).not.toEqual(minus.tokens);
    const multi = only("function f() {\n  return 1;\n}\n");
    expect(multi.tokens.length).toBe(multi.tokenLines.length);
    expect([...multi.tokenLines]).toEqual([1, 1, 1, 2, 2]);
  });
});

describe("TypeScript calls", () => {
  it("records callees as written, without this., constructors included", () => {
    const fn = only(`async function go() {
  await fetch(url);
  axios.create();
  this.http.get("/x");
  new AbortController();
  await sleep(100);
  a.b().c();
  super.save();
  client?.post();
}`);
    expect(fn.calls).toEqual([
      "fetch",
      "axios.create",
      "http.get",
      "AbortController",
      "sleep",
      "c",
      "a.b",
      "super.save",
      "client.post",
    ]);
    expect(fn.callLines).toEqual([[2], [3], [4], [5], [6], [7], [7], [8], [9]]);
  });

  it("reads `delete store[key]` as a delete call, and not `delete options.debug`", () => {
    const fn = only(`function forget(key) {
  delete this.entries[key];
  delete options.debug;
}`);
    expect(fn.calls).toEqual(["delete"]);
  });

  it("records every line a call is made on, once per line", () => {
    const fn = only(`async function poll() {
  await sleep(10); await sleep(20);
  check();
  await sleep(40);
}`);
    expect(fn.calls).toEqual(["sleep", "check"]);
    expect(fn.callLines).toEqual([[2, 4], [3]]);
  });

  it("records each alternative of a callee chosen at run time", () => {
    const fn = only(`function arm(options, settle, ms) {
  const id = (options.setTimeout ?? setTimeout)(settle, ms);
  (ms > 0 ? (schedule as Scheduler) : runNow)(settle);
  (options.log || console.log)("armed", id);
}`);
    expect(fn.calls).toEqual([
      "options.setTimeout",
      "setTimeout",
      "schedule",
      "runNow",
      "options.log",
      "console.log",
    ]);
  });
});

describe("TypeScript flags", () => {
  it("raises structural flags", () => {
    const fn = only(`export async function retry(fn) {
  for (;;) { try { return await fn(); } catch (e) { if (done) throw e; } }
  retry(fn);
}`);
    expect(fn.flags).toEqual([
      "loop",
      "branch",
      "try",
      "catch",
      "await",
      "async",
      "recursion",
      "throw",
      "exported",
    ]);
  });

  it("sees recursion in an inner function that calls itself, not in one called from outside", () => {
    const file = parse(`function withRetry(fn) {
  const attempt = (n) => fn().catch(() => attempt(n + 1));
  return attempt(0);
}
function outer() { const helper = () => 1; return helper(); }`);
    expect(unit(file, "withRetry").flags).toContain("recursion");
    expect(unit(file, "outer").flags).not.toContain("recursion");
  });

  it("sees functions that return functions", () => {
    const file = parse(`const withRetry = (fn) => async (...args) => fn(...args);
function decorate(fn) { function wrapper() { return fn(); } return wrapper; }
function plain() { const helper = () => 1; return helper(); }
function promise() { return load().catch(() => null); }`);
    expect(unit(file, "withRetry").flags).toEqual(["returns-function"]);
    expect(unit(file, "decorate").flags).toEqual(["returns-function"]);
    expect(unit(file, "plain").flags).toEqual([]);
    expect(unit(file, "promise").flags).toEqual(["catch"]);
  });

  it("marks exports by keyword, export list, default and CommonJS", () => {
    const file = parse(`function a() {}
function b() {}
function c() {}
function d() {}
function hidden() {}
export { a };
export default b;
module.exports = { c };
exports.d = d;
class K { pub() {} private priv() {} #own() {} }
export { K };`);
    const exported = file.units.filter((u) => u.flags.includes("exported")).map((u) => u.name);
    expect(exported).toEqual(["a", "b", "c", "d", "module.exports", "K", "K.pub"]);
    expect(unit(file, "K.#own").flags).toEqual([]);
  });
});

describe("TypeScript imports", () => {
  it("reads static, re-exported, CommonJS and dynamic imports", () => {
    const file = parse(`import axios, { type AxiosError, create as make } from "axios";
import * as path from "node:path";
import "./polyfill.js";
export { retry } from "./retry.js";
export * from "./types.js";
import fs = require("node:fs");
const { readFile, stat } = require("node:fs/promises");
require("dotenv/config");
async function later() { return import("./lazy.js"); }
`);
    expect(file.imports).toEqual([
      {
        module: "axios",
        names: ["default", "AxiosError", "create"],
        locals: ["axios", "AxiosError", "make"],
        line: 1,
      },
      { module: "node:path", names: ["*"], locals: ["path"], line: 2 },
      { module: "./polyfill.js", names: [], line: 3 },
      { module: "./retry.js", names: ["retry"], line: 4 },
      { module: "./types.js", names: ["*"], line: 5 },
      { module: "node:fs", names: [], line: 6 },
      { module: "node:fs/promises", names: ["readFile", "stat"], line: 7 },
      { module: "dotenv/config", names: [], line: 8 },
      { module: "./lazy.js", names: [], line: 9 },
    ]);
    expect(unit(file, "readFile").literals).toEqual([]);
  });

  it("says which name a default or whole-module import binds", () => {
    const file = parse(`const retrier = require("retry");
import pRetry from "p-retry";
`);
    expect(file.imports).toEqual([
      { module: "retry", names: [], locals: ["retrier"], line: 1 },
      { module: "p-retry", names: ["default"], locals: ["pRetry"], line: 2 },
    ]);
  });
});

describe("TypeScript text and errors", () => {
  it("counts offsets in UTF-16 units, so lines stay right after non-ASCII text", () => {
    const file = parse(`const greeting = "héllo 😀 世界"; const other = "ü";
// ünïcödé 🚀🚀🚀
function after() {
  return "naïve ☕";
}
`);
    expect(shape(file)).toEqual([
      ["greeting", "block", 1, 1],
      ["after", "function", 3, 5],
    ]);
    expect(unit(file, "greeting").literals[0]?.value).toBe("héllo 😀 世界");
    expect(unit(file, "after").literals).toEqual([{ kind: "string", value: "naïve ☕", line: 4 }]);
  });

  it("still yields the units around a syntax error and reports it", () => {
    const file = parse(`export function before() {
  return 1;
}
export function broken() {
  const x = (1 + ;
}
export function after() {
  return 2;
}
`);
    expect(file.units.map((u) => u.name)).toEqual(["before", "after"]);
    expect(file.problems).toHaveLength(1);
    expect(file.problems[0]?.line).toBe(5);
  });

  it("returns no units and one problem when nothing can be read", () => {
    const file = parse("}}} {{{ ;;; )))");
    expect(file.units).toEqual([]);
    expect(file.problems.length).toBeGreaterThan(0);
  });

  it("parses JSX in .js files and CommonJS at module level", () => {
    const file = parse(
      `"use strict";
const React = require("react");
function App() { return <div className="app"><Header title="Shop" /></div>; }
module.exports = App;
`,
      "src/app.js",
    );
    expect(shape(file)).toEqual([
      ["React", "block", 1, 2],
      ["App", "function", 3, 3],
      ["module.exports", "block", 4, 4],
    ]);
    expect(unit(file, "App").flags).toEqual(["exported"]);
    expect(unit(file, "App").identifiers).toEqual(["App", "div", "className", "Header", "title"]);
    expect(unit(file, "React").literals).toEqual([]);
  });
});
