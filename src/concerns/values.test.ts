import { describe, expect, it } from "vitest";
import type { LanguageId } from "../lang/index.js";
import { durationMs, parseDurationString } from "./values.js";

const expr = (value: string, language: LanguageId = "typescript", name?: string) =>
  durationMs({ kind: "expression", value, ...(name ? { name } : {}) }, language);
const num = (value: number, language: LanguageId = "typescript", name?: string) =>
  durationMs({ kind: "number", value, ...(name ? { name } : {}) }, language);
const str = (value: string) => durationMs({ kind: "string", value }, "typescript");

describe("durations in milliseconds", () => {
  it.each([
    ["TypeScript 30_000 (parsed as a number)", num(30_000), 30_000],
    ["TypeScript 30 * 1000", expr("30 * 1000"), 30_000],
    ['a string "30s"', str("30s"), 30_000],
    ["Go time.Second * 30", expr("time.Second * 30", "go"), 30_000],
    ["Go 30 * time.Second", expr("30 * time.Second", "go"), 30_000],
    ["Java Duration.ofSeconds(30)", expr("Duration.ofSeconds(30)", "java"), 30_000],
    ["Java TimeUnit.SECONDS.toMillis(30)", expr("TimeUnit.SECONDS.toMillis(30)", "java"), 30_000],
    ["C# TimeSpan.FromSeconds(30)", expr("TimeSpan.FromSeconds(30)", "csharp"), 30_000],
    ["Kotlin 30.seconds", expr("30.seconds", "kotlin"), 30_000],
    ["Ruby 30.seconds", expr("30.seconds", "ruby"), 30_000],
    ["Python timedelta(seconds=30)", expr("timedelta(seconds=30)", "python"), 30_000],
    [
      "Python datetime.timedelta(seconds=29, milliseconds=1000)",
      expr("datetime.timedelta(seconds=29, milliseconds=1000)", "python"),
      30_000,
    ],
    ["Python timeout=30 (seconds by convention)", num(30, "python", "timeout"), 30_000],
    ["TypeScript timeoutSeconds: 30", num(30, "typescript", "timeoutSeconds"), 30_000],
    ["Python timeout_ms=30000", num(30_000, "python", "timeout_ms"), 30_000],
    ["Go 1500 * time.Millisecond", expr("1500 * time.Millisecond", "go"), 1500],
    ["Go time.Duration(2) * time.Minute", expr("time.Duration(2) * time.Minute", "go"), 120_000],
    ['"1m30s"', str("1m30s"), 90_000],
    ['"500ms"', str("500ms"), 500],
    ['"1.5h"', str("1.5h"), 5_400_000],
    ['ISO 8601 "PT1M30S"', str("PT1M30S"), 90_000],
    ["(2 ** 3) * 100", expr("(2 ** 3) * 100"), 800],
    ["Kotlin 30_000L", expr("30_000L", "kotlin"), 30_000],
  ])("%s", (_what, actual, expected) => {
    expect(actual).toBe(expected);
  });

  it("refuses what is not a duration, and never evaluates code", () => {
    expect(str("retry")).toBeUndefined();
    expect(str("30 apples")).toBeUndefined();
    expect(str("")).toBeUndefined();
    expect(expr("process.exit(1)")).toBeUndefined();
    expect(expr("Math.random() * 1000")).toBeUndefined();
    expect(expr("30 / 0")).toBeUndefined();
    expect(expr("1 +")).toBeUndefined();
    expect(parseDurationString("PT")).toBeUndefined();
  });

  it("agrees across every spelling for any whole number of seconds", () => {
    let seed = 12345;
    for (let i = 0; i < 200; i++) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      const seconds = (seed % 86_400) + 1;
      const ms = seconds * 1000;
      const spellings = [
        num(ms),
        expr(`${seconds} * 1000`),
        str(`${seconds}s`),
        expr(`time.Second * ${seconds}`, "go"),
        expr(`Duration.ofSeconds(${seconds})`, "java"),
        expr(`TimeSpan.FromSeconds(${seconds})`, "csharp"),
        expr(`${seconds}.seconds`, "kotlin"),
        expr(`timedelta(seconds=${seconds})`, "python"),
        num(seconds, "python", "timeout"),
        str(`PT${seconds}S`),
      ];
      expect(new Set(spellings), `${seconds} s`).toEqual(new Set([ms]));
    }
  });
});
