import { describe, expect, it } from "vitest";
import { parseConfig } from "./load.js";

function errorOf(text: string): string {
  try {
    parseConfig(text, "lineitem.config.yaml");
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected the config to be refused");
}

describe("parseConfig", () => {
  it("fills defaults for an empty file", () => {
    const config = parseConfig("", "c.yaml");
    expect(config.teams).toEqual([]);
    expect(config.includeTests).toBe(false);
    expect(config.maxFileBytes).toBe(1_048_576);
  });

  it("reads teams and golden paths", () => {
    const config = parseConfig(
      "teams:\n  - team: insights\n    repos: [recs]\ngoldenPaths:\n  - concern: retry\n    package: '@acme/kit'\n",
      "c.yaml",
    );
    expect(config.teams[0]).toEqual({ team: "insights", repos: ["recs"] });
    expect(config.goldenPaths[0]?.package).toBe("@acme/kit");
  });

  it("looks for CODEOWNERS where GitHub does, or where the config says; never outside the repository", () => {
    expect(parseConfig("", "c.yaml").codeowners).toEqual([
      ".github/CODEOWNERS",
      "CODEOWNERS",
      "docs/CODEOWNERS",
      ".gitlab/CODEOWNERS",
    ]);
    expect(parseConfig("codeowners: [.github/CODEOWNERS-soft]\n", "c.yaml").codeowners).toEqual([
      ".github/CODEOWNERS-soft",
    ]);
    expect(errorOf("codeowners: [../elsewhere/CODEOWNERS]\n")).toMatch(
      /^lineitem\.config\.yaml:1: codeowners\.0: a path inside the repository/,
    );
    expect(errorOf("codeowners:\n  - /etc/CODEOWNERS\n")).toMatch(
      /^lineitem\.config\.yaml:2: codeowners\.0: /,
    );
  });

  it("names an unknown key with its line and path", () => {
    expect(errorOf("teams:\n  - team: a\n    repo: [x]\n")).toBe(
      'lineitem.config.yaml:3: teams.0: unknown key "repo"',
    );
  });

  it("names a wrong type with its line and key", () => {
    const message = errorOf("version: 1\nincludeTests: yes please\n");
    expect(message).toMatch(/^lineitem\.config\.yaml:2: includeTests: /);
    expect(message).toMatch(/boolean/);
  });

  it("names a nested wrong type", () => {
    expect(errorOf("teams:\n  - team: a\n    repos: storefront\n")).toMatch(
      /^lineitem\.config\.yaml:3: teams\.0\.repos: .*array/,
    );
  });

  it("refuses YAML that is not YAML, with the line", () => {
    expect(errorOf("teams: [\n  - a\n")).toMatch(/^lineitem\.config\.yaml:\d+: not valid YAML/);
  });

  it("refuses an alias bomb quickly", () => {
    const bomb = [
      "a: &a [x, x, x, x, x, x, x, x, x, x]",
      "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]",
      "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]",
      "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]",
      "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]",
      "f: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]",
    ].join("\n");
    expect(errorOf(bomb)).toMatch(/lineitem\.config\.yaml/);
  });

  it("refuses a duplicate key", () => {
    expect(errorOf("includeTests: true\nincludeTests: false\n")).toMatch(
      /:\d+: not valid YAML.*[Mm]ap keys must be unique/,
    );
  });
});
