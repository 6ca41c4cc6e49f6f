import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../../test/helpers/repos.js";
import { DiagnosticLog } from "../shared/index.js";
import { builtinConcernsDir, loadConcernDefinitions } from "./load.js";

const VALID = `id: feature-flag
title: Feature-flag wrapper
noun: feature-flag wrappers
description: Reads flags for the org.
signals:
  - id: flag-word
    subword: [flag, toggle]
    weight: 3
  - id: provider
    call: ["/^(ld|launchdarkly|unleash)\\\\./"]
    weight: 2
requires:
  - [flag-word]
threshold: 4
`;

describe("loadConcernDefinitions", () => {
  const dir = tempDir();
  const write = (name: string, text: string) => {
    const folder = join(dir, name);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, "concern.yaml"), text);
    return folder;
  };

  it("loads the built-in concerns, each with a title, a noun and requirements", async () => {
    const definitions = await loadConcernDefinitions([], dir, new DiagnosticLog(), builtinConcernsDir);
    expect(definitions.map((d) => d.id).sort()).toEqual([
      "audit-log",
      "auth-token",
      "caching",
      "circuit-breaker",
      "config-loading",
      "date-formatting",
      "error-envelope",
      "feature-flag",
      "http-client",
      "idempotency-key",
      "metrics",
      "pagination",
      "polling",
      "rate-limit",
      "retry",
      "secret-masking",
      "sleep-timeout",
      "structured-logging",
      "tracing",
    ]);
    for (const definition of definitions) expect(definition.requires.length).toBeGreaterThan(0);
  });

  it("adds the org's own definitions, with safe regexes", async () => {
    const folder = write("ok", VALID);
    const definitions = await loadConcernDefinitions([folder], dir, new DiagnosticLog());
    expect(definitions.find((d) => d.id === "feature-flag")?.signals[1]?.patterns[0]).toHaveProperty("regex");
  });

  it("lets a user definition replace a built-in, and says so", async () => {
    const folder = write("override", VALID.replace("id: feature-flag", "id: retry"));
    const log = new DiagnosticLog();
    const definitions = await loadConcernDefinitions([folder], dir, log);
    expect(definitions.find((d) => d.id === "retry")?.title).toBe("Feature-flag wrapper");
    expect(log.entries[0]?.code).toBe("concern-override");
  });

  it("names the file, line and key of an unknown key", async () => {
    const folder = write("unknown", VALID.replace("threshold: 4", "threshold: 4\nweights: 2"));
    await expect(loadConcernDefinitions([folder], dir, new DiagnosticLog())).rejects.toThrow(
      /concern\.yaml:15: \(top level\): unknown key "weights"/,
    );
  });

  it("refuses a signal that names two kinds", async () => {
    const folder = write(
      "two",
      VALID.replace("    subword: [flag, toggle]", "    subword: [flag]\n    call: [x]"),
    );
    await expect(loadConcernDefinitions([folder], dir, new DiagnosticLog())).rejects.toThrow(
      /concern\.yaml:\d+: signals\.0: a signal names exactly one of/,
    );
  });

  it("refuses a regex that could backtrack catastrophically, before running it", async () => {
    const folder = write("redos", VALID.replace("/^(ld|launchdarkly|unleash)\\\\./", "/^(a|aa)+$/"));
    await expect(loadConcernDefinitions([folder], dir, new DiagnosticLog())).rejects.toThrow(
      /signals\.1\.call\.0: regex \/\^\(a\|aa\)\+\$\/ could backtrack catastrophically/,
    );
  });

  it("checks a parameter's regex too, and names the parameter", async () => {
    const body = `${VALID}parameters:\n  - id: header\n    title: header\n    kind: strings\n    match: "/^(x|xx)+$/"\n`;
    const folder = write("redos-parameter", body);
    await expect(loadConcernDefinitions([folder], dir, new DiagnosticLog())).rejects.toThrow(
      /parameters\.0\.match\.0: regex \/\^\(x\|xx\)\+\$\/ could backtrack catastrophically/,
    );
  });

  it("refuses a requirement that names no signal", async () => {
    const folder = write("dangling", VALID.replace("  - [flag-word]", "  - [flag-wrod]"));
    await expect(loadConcernDefinitions([folder], dir, new DiagnosticLog())).rejects.toThrow(
      /requires\.0: no signal has the id "flag-wrod"/,
    );
  });

  it("says which configured path does not exist", async () => {
    await expect(loadConcernDefinitions(["./nope"], dir, new DiagnosticLog())).rejects.toThrow(
      /concerns: \.\/nope does not exist/,
    );
  });
});
