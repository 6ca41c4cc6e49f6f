import { describe, expect, it } from "vitest";
import { LineIndex } from "./line-index.js";
import {
  constantCallPattern,
  constantExpressionPattern,
  decodeEscapes,
  parseNumber,
} from "./literal-text.js";
import { splitIdentifier, subwordsOf } from "./subwords.js";
import { fnv1a, operatorHash, tokenHash } from "./token-hash.js";

describe("subwords", () => {
  it.each([
    ["maxRetryCount", ["max", "retry", "count"]],
    ["HTTPClient", ["http", "client"]],
    ["XMLHttpRequest", ["xml", "http", "request"]],
    ["max_retry_count", ["max", "retry", "count"]],
    ["MAX_RETRIES", ["max", "retries"]],
    ["x-request-id", ["request", "id"]],
    ["base64Encode", ["base", "64", "encode"]],
    ["getV2", ["get"]],
    ["#privateField", ["private", "field"]],
    ["i", []],
  ])("%s → %j", (identifier, words) => {
    expect(splitIdentifier(identifier)).toEqual(words);
  });

  it("is distinct across identifiers, in first-seen order", () => {
    expect(subwordsOf(["retryCount", "maxRetry", "RetryPolicy"])).toEqual([
      "retry",
      "count",
      "max",
      "policy",
    ]);
  });
});

describe("token hashes", () => {
  it("is 32-bit FNV-1a", () => {
    expect(fnv1a("")).toBe(0x811c9dc5);
    expect(fnv1a("a")).toBe(0xe40c292c);
    expect(fnv1a("foobar")).toBe(0xbf9cf968);
  });

  it("memoises without changing the value", () => {
    expect(tokenHash("CallExpression")).toBe(fnv1a("CallExpression"));
    expect(operatorHash("BinaryExpression", "+")).toBe(fnv1a("BinaryExpression +"));
    expect(operatorHash("BinaryExpression", "-")).not.toBe(operatorHash("BinaryExpression", "+"));
  });
});

describe("LineIndex", () => {
  it("maps offsets to 1-based lines in any order", () => {
    const lines = new LineIndex("a\nbc\n\ndef\n");
    expect(lines.count).toBe(4);
    expect([0, 2, 3, 5, 6, 9].map((offset) => lines.lineAt(offset))).toEqual([1, 2, 2, 3, 4, 4]);
    expect(lines.lineAt(0)).toBe(1);
    expect(lines.lastLineOf(2, 5)).toBe(2);
  });

  it("counts a last line without a newline and an empty file", () => {
    expect(new LineIndex("a\nb").count).toBe(2);
    expect(new LineIndex("").count).toBe(0);
  });
});

describe("literal text", () => {
  it("reads numbers in every notation the languages use", () => {
    expect(parseNumber("10_000")).toBe(10000);
    expect(parseNumber("0x1F")).toBe(31);
    expect(parseNumber("0o17")).toBe(15);
    expect(parseNumber("017")).toBe(15);
    expect(parseNumber("1e3")).toBe(1000);
    expect(parseNumber("10n")).toBe(10);
    expect(parseNumber("2i")).toBeNaN();
  });

  it("reads the type suffixes of the JVM and .NET languages, never a hex digit", () => {
    expect(["100L", "10_000L", "1.5f", "2.0d", "10UL", "10u", "1.5m", "0b1010L"].map(parseNumber)).toEqual([
      100, 10000, 1.5, 2, 10, 10, 1.5, 10,
    ]);
    expect(["0x1F", "0x1FL", "0xFF_FFL", "0xD"].map(parseNumber)).toEqual([31, 31, 65535, 13]);
    expect(constantExpressionPattern().test("100L * 1000")).toBe(true);
  });

  it("decodes escapes", () => {
    expect(decodeEscapes(String.raw`a\tb\n\x41\u00e9\"`)).toBe('a\tb\nAé"');
    expect(decodeEscapes(String.raw`\d`)).toBe(String.raw`\d`);
  });

  it("recognises arithmetic over literals only", () => {
    const plain = constantExpressionPattern();
    expect(["30 * 1000", "2 ** 10", "(1 + 2) * 3", "5 * 1024 * 1024"].every((s) => plain.test(s))).toBe(true);
    expect(["base * 2", "3 < 4", "15 * time.Second", "a.b * 2"].some((s) => plain.test(s))).toBe(false);
    expect(constantExpressionPattern(String.raw`[A-Za-z_]\w*\.[A-Z]\w*`).test("15 * time.Second")).toBe(true);
  });

  it("recognises a type's factory over numbers, and unit properties of numbers", () => {
    const pattern = constantCallPattern();
    const values = [
      "Duration.ofSeconds(30)",
      "TimeSpan.FromMilliseconds(250 * 2)",
      "TimeUnit.SECONDS.toMillis(5)",
      "Duration.ofMillis(100L)",
      "30.seconds",
      "2.5.minutes",
    ];
    expect(values.filter((value) => pattern.test(value))).toEqual(values);
    const calls = ["Thread.sleep(100)", "Duration.ofSeconds(timeout)", "client.ofSeconds(3)", "x.seconds"];
    expect(calls.filter((value) => pattern.test(value))).toEqual([]);
  });
});
