import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { LanguageId } from "../lang/index.js";
import { durationMs, parseDurationString } from "./values.js";

// Every way of writing the same duration must normalise to the same milliseconds: the drift table
// compares policies, not spellings.

const UNITS = [
  { ms: 1, spellings: ["ms"] },
  { ms: 1000, spellings: ["s", "sec", "secs", "second", "seconds"] },
  { ms: 60_000, spellings: ["m", "min", "mins", "minute", "minutes"] },
  { ms: 3_600_000, spellings: ["h", "hr", "hrs", "hour", "hours"] },
];
const amount = fc.integer({ min: 0, max: 100_000 });
const unit = fc
  .constantFrom(...UNITS)
  .chain((u) => fc.constantFrom(...u.spellings).map((s) => ({ ms: u.ms, s })));
const expr = (value: string, language: LanguageId) => durationMs({ kind: "expression", value }, language);

describe("duration values (properties)", () => {
  it("reads a number with any spelling of its unit, in any case and with any spacing", () => {
    fc.assert(
      fc.property(amount, unit, fc.boolean(), fc.boolean(), (n, u, upper, spaced) => {
        const text = `${spaced ? "  " : ""}${n}${spaced ? " " : ""}${upper ? u.s.toUpperCase() : u.s}${spaced ? " " : ""}`;
        expect(parseDurationString(text)).toBe(n * u.ms);
      }),
      { numRuns: 500 },
    );
  });

  it("adds the parts of a compound duration, in Go's and in ISO 8601's spelling", () => {
    fc.assert(
      fc.property(amount, fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 }), (h, m, s) => {
        const total = h * 3_600_000 + m * 60_000 + s * 1000;
        expect(parseDurationString(`${h}h${m}m${s}s`)).toBe(total);
        expect(parseDurationString(`PT${h}H${m}M${s}S`)).toBe(total);
        expect(parseDurationString(`${h}h ${m}m ${s}s`)).toBe(total);
      }),
      { numRuns: 300 },
    );
  });

  it("reads the same seconds the same way in every language's own idiom", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 86_400 }), (n) => {
        const ms = n * 1000;
        expect(expr(`time.Second * ${n}`, "go")).toBe(ms);
        expect(expr(`${n} * time.Second`, "go")).toBe(ms);
        expect(expr(`Duration.ofSeconds(${n})`, "java")).toBe(ms);
        expect(expr(`TimeSpan.FromSeconds(${n})`, "csharp")).toBe(ms);
        expect(expr(`${n}.seconds`, "kotlin")).toBe(ms);
        expect(expr(`timedelta(seconds=${n})`, "python")).toBe(ms);
        expect(expr(`${n} * 1000`, "typescript")).toBe(ms);
        expect(durationMs({ kind: "string", value: `${n}s` }, "typescript")).toBe(ms);
      }),
      { numRuns: 300 },
    );
  });

  it("never throws and never invents a duration from text that spells none", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        const parsed = parseDurationString(text);
        if (!/\d/.test(text)) expect(parsed).toBeUndefined();
        if (parsed !== undefined) expect(Number.isFinite(parsed) && parsed >= 0).toBe(true);
        expect(() => expr(text, "typescript")).not.toThrow();
      }),
      { numRuns: 1000 },
    );
  });
});
