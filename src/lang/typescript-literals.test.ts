// What the TypeScript and JavaScript reader records of a unit's values: the literals bound to the names they
// configure, `Infinity`, the members an assignment sets, and object keys. The drift table reads these.
import { describe, expect, it } from "vitest";
import { languageKit } from "../../test/helpers/lang.js";

const { parse, unit, only } = languageKit("src/file.ts");

describe("TypeScript literals", () => {
  it("binds literals to the name they configure", () => {
    const file = parse(`export const MAX_RETRIES = 3;
const client = axios.create({
  timeout: 5000,
  attempts: opts.attempts ?? 3,
  retryOn: [502, 503],
  window: 30 * 1000,
  headers: { "x-client": "web-checkout" },
  url: \`\${base}/v1/orders\`,
  offset: -1,
});
function call(timeoutMs = 10_000) {
  setTimeout(fn, 8000);
  const id = req.headers["x-request-id"];
  this.delay = isProd ? 250 : 0;
  headers["x-trace"] = "on";
}`);
    expect(unit(file, "MAX_RETRIES").literals.map(({ kind, value, name }) => [kind, value, name])).toEqual([
      ["number", 3, "MAX_RETRIES"],
      ["number", 5000, "timeout"],
      ["number", 3, "attempts"],
      ["number", 502, "retryOn"],
      ["number", 503, "retryOn"],
      ["expression", "30 * 1000", "window"],
      ["string", "web-checkout", "x-client"],
      ["string", "/v1/orders", "url"],
      ["number", -1, "offset"],
    ]);
    expect(unit(file, "call").literals).toEqual([
      { kind: "number", value: 10000, name: "timeoutMs", line: 11 },
      { kind: "number", value: 8000, line: 12 },
      { kind: "string", value: "x-request-id", line: 13 },
      { kind: "number", value: 250, name: "delay", line: 14 },
      { kind: "number", value: 0, name: "delay", line: 14 },
      { kind: "string", value: "on", name: "x-trace", line: 15 },
    ]);
  });

  it("binds a value set with =, ??= or ||=, not a step added to a counter", () => {
    const fn = only(`function f(state) {
  state.retryCount += 1;
  total -= 2;
  state.timeout ??= 5000;
  state.limit ||= 10;
}`);
    expect(fn.literals.map(({ value, name }) => [value, name])).toEqual([
      [1, undefined],
      [2, undefined],
      [5000, "timeout"],
      [10, "limit"],
    ]);
  });

  it("reads Infinity bound to a name as the expression Infinity, the policy of no limit", () => {
    const fn = only(`function f() {
  const options = { maxTimeout: Infinity, backoffLimit: Number.POSITIVE_INFINITY, retries: 2 };
  return Math.min(options.maxTimeout, Infinity);
}`);
    expect(fn.literals.map(({ kind, value, name }) => [kind, value, name])).toEqual([
      ["expression", "Infinity", "maxTimeout"],
      ["expression", "Infinity", "backoffLimit"],
      ["number", 2, "retries"],
    ]);
  });

  it("records the members an assignment sets, not a module's exports or a class's own state", () => {
    const fn = only(`function f(status) {
  const err = new Error("no");
  err.statusCode = status;
  headers["x-request-id"] = id;
  err.count += 1;
  exports.version = "1.0";
  module.exports.logger = err;
  this.logger = err;
  total = 3;
}`);
    expect(fn.assigned).toEqual(["statusCode", "x-request-id"]);
    expect(fn.keys).toEqual([]);
    expect(only("function g() { return 1; }").assigned).toBeUndefined();
  });

  it("records object keys but not destructuring patterns, and truncates long strings", () => {
    const fn = only(`function f({ ignored }) {
  const { alsoIgnored } = x;
  return { timeout: 1, "x-request-id": id, [computed]: 2, 404: "missing", text: "${"a".repeat(300)}" };
}`);
    expect(fn.keys).toEqual(["timeout", "x-request-id", "text"]);
    const text = fn.literals.find((l) => l.name === "text");
    expect(String(text?.value).length).toBe(200);
    expect(fn.literals.find((l) => l.value === "missing")?.name).toBe("404");
  });

  it("binds JSX attributes, enum members and class fields", () => {
    const file = parse(
      `enum Level { Debug = "debug", Retries = 3 }
const el = <Spinner delayMs={300} label="loading" />;
class A { static limit = 10; }`,
      "src/file.tsx",
    );
    const values = file.units.flatMap((u) => u.literals.map((l) => `${l.name}=${l.value}`));
    expect(values).toEqual(["Debug=debug", "Retries=3", "delayMs=300", "label=loading", "limit=10"]);
  });
});
