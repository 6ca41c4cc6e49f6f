import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../../shared/index.js";
import { MAX_NESTING, nestingBound } from "./depth.js";

const over = (text: string) => nestingBound(text).offset !== undefined;
const N = MAX_NESTING + 10;

describe("nestingBound", () => {
  it("passes real code, far under the limit", () => {
    for (const file of [
      "src/lang/estree/walker.ts",
      "src/scan/scan.ts",
      "examples/acme/repos/payments-api/src/audit/audit-log.ts",
    ]) {
      expect(nestingBound(readFileSync(join(packageRoot, file), "utf8")).depth, file).toBeLessThan(100);
    }
  });

  it.each([
    ["brackets", `x = ${"(".repeat(N)}1${")".repeat(N)}`],
    ["unclosed braces", "{\n".repeat(N)],
    ["an else-if chain over lines", `if (a) {}\n${"else if (a) {}\n".repeat(N)}`],
    ["a ternary chain", `x = ${"a ? b :\n".repeat(N)}c`],
    ["an assignment chain", `${"a =\n".repeat(N)}1`],
    ["unary operators", `x = ${"!".repeat(N)}1`],
    ["nested template literals", `x = ${"`${".repeat(N)}1${"}`".repeat(N)}`],
  ])("stops %s", (_, text) => {
    expect(over(text)).toBe(true);
  });

  it("is not fooled by brackets in strings, comments or regex classes", () => {
    const hidden = `${'(")" + '.repeat(N)}1${")".repeat(N)}`;
    expect(over(`x = ${hidden}`)).toBe(true);
    expect(over(`const s = "${"(".repeat(N)}";\n// ${"{".repeat(N)}\n/* ${"[".repeat(N)} */\n`)).toBe(false);
  });

  it("does not add up statements without semicolons", () => {
    expect(over("a.b = c + d\n".repeat(N))).toBe(false);
    expect(over("const a = [1, 2, 3];\n".repeat(N))).toBe(false);
  });
});
