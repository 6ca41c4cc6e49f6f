import { describe, expect, it } from "vitest";
import { makeUnit as unit } from "../../test/helpers/units.js";
import type { CompiledSignal } from "./definition.js";
import { featuresOf, fileViewOf, fires, firstMatch, viewOf } from "./feature-view.js";

// `fires` is the requirements' fast test (every regex of a signal joined into one); it must say exactly what
// `firstMatch` says about whether a signal fires. The file's view must hold every unit's.

const facts = {
  imports: new Set<string>(),
  importByHead: new Map<string, string>(),
  path: new Set<string>(),
};

const signal = (patterns: CompiledSignal["patterns"], kind: CompiledSignal["kind"] = "identifier") => ({
  id: "s",
  kind,
  patterns,
  weight: 1,
  atLeast: 1,
});

describe("fires", () => {
  const units = [
    unit("retryLater", { identifiers: ["retryLater", "attempt"], calls: ["this.http.get", "setTimeout"] }),
    unit("abab", { identifiers: ["abab", "cc"] }),
    unit("plain", { identifiers: ["value"] }),
  ];
  const views = units.map((own) => viewOf(own, [featuresOf(own, undefined)], [], facts, 10));
  const signals: CompiledSignal[] = [
    signal([{ exact: "attempt" }]),
    signal([{ regex: /^retry/i }, { regex: /later$/i }]),
    signal([{ regex: /^(ab)\1$/i }]), // a backreference: tested apart, not joined
    signal([{ regex: /^(c)\1$/i }, { regex: /^zz/i }]),
    signal([{ exact: "get" }], "call"),
    signal([{ regex: /timeout/i }], "call"),
    signal([{ exact: "nothing" }, { regex: /^nope/i }]),
  ];

  it("agrees with firstMatch on every signal and view", () => {
    for (const view of views)
      for (const s of signals)
        expect(fires(s, view), s.patterns.map(String).join()).toBe(firstMatch(s, view) !== undefined);
    expect(signals.map((s) => fires(s, views[1] as (typeof views)[number]))).toEqual([
      false,
      false,
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it("fires on the file's view whenever it fires on a unit's", () => {
    const whole = fileViewOf(
      units,
      units.map((own) => featuresOf(own, undefined)),
      facts,
    );
    for (const s of signals) if (views.some((view) => fires(s, view))) expect(fires(s, whole)).toBe(true);
  });
});
