import { describe, expect, it } from "vitest";
import { compilePattern, matchCodeOwners, parseCodeOwners } from "./codeowners.js";

const matches = (pattern: string, path: string) => compilePattern(pattern).test(path);

describe("CODEOWNERS patterns (GitHub's documented examples)", () => {
  it("* matches every file", () => {
    expect(matches("*", "a.js")).toBe(true);
    expect(matches("*", "deep/down/a.js")).toBe(true);
  });

  it("*.js matches at any depth", () => {
    expect(matches("*.js", "a.js")).toBe(true);
    expect(matches("*.js", "src/lib/a.js")).toBe(true);
    expect(matches("*.js", "src/lib/a.ts")).toBe(false);
  });

  it("/build/logs/ matches everything below that folder at the root only", () => {
    expect(matches("/build/logs/", "build/logs/x.log")).toBe(true);
    expect(matches("/build/logs/", "build/logs/deep/x.log")).toBe(true);
    expect(matches("/build/logs/", "other/build/logs/x.log")).toBe(false);
  });

  it("docs/* matches files directly in docs, not in its subfolders", () => {
    expect(matches("docs/*", "docs/getting-started.md")).toBe(true);
    expect(matches("docs/*", "docs/build-app/troubleshooting.md")).toBe(false);
  });

  it("/* matches root-level files only, unlike a gitignore matcher", () => {
    expect(matches("/*", "README.md")).toBe(true);
    expect(matches("/*", "src/index.ts")).toBe(false);
  });

  it("apps/ without a leading slash matches an apps folder anywhere", () => {
    expect(matches("apps/", "apps/web/a.ts")).toBe(true);
    expect(matches("apps/", "x/apps/web/a.ts")).toBe(true);
  });

  it("/docs/ and /docs own everything below docs", () => {
    expect(matches("/docs", "docs/a/b.md")).toBe(true);
    expect(matches("/docs", "docs")).toBe(true);
    expect(matches("/docs", "docsite/a.md")).toBe(false);
  });

  it("**/logs matches a logs folder at any depth", () => {
    expect(matches("**/logs", "logs/a.txt")).toBe(true);
    expect(matches("**/logs", "build/logs/a.txt")).toBe(true);
    expect(matches("/apps/**/tests/", "apps/web/src/tests/a.ts")).toBe(true);
  });

  it("an inner slash anchors the pattern", () => {
    expect(matches("apps/github", "apps/github/a.ts")).toBe(true);
    expect(matches("apps/github", "x/apps/github/a.ts")).toBe(false);
  });
});

describe("parseCodeOwners", () => {
  const text = [
    "# comment",
    "*                        @acme/everyone",
    "/apps/web-checkout/      @acme/checkout",
    "/services/catalog-bff/   @acme/catalog @acme/search",
    "/apps/web-checkout/public/",
    "!/apps/legacy/           @acme/legacy",
    "/apps/[ab]/              @acme/ab",
    "/apps/x/                 not-an-owner",
    "/file\\ with\\ spaces.md @acme/docs # trailing comment",
  ].join("\n");
  const parsed = parseCodeOwners(text);

  it("keeps valid rules and reports each bad line by number", () => {
    expect(parsed.rules.map((r) => r.line)).toEqual([2, 3, 4, 5, 9]);
    expect(parsed.problems.map((p) => p.line)).toEqual([6, 7, 8]);
    expect(parsed.problems[2]?.message).toMatch(/not-an-owner/);
  });

  it("lets the last matching rule win", () => {
    expect(matchCodeOwners(parsed, "apps/web-checkout/src/a.ts")?.owners).toEqual(["@acme/checkout"]);
    expect(matchCodeOwners(parsed, "services/catalog-bff/a.ts")?.owners).toEqual([
      "@acme/catalog",
      "@acme/search",
    ]);
    expect(matchCodeOwners(parsed, "README.md")?.owners).toEqual(["@acme/everyone"]);
  });

  it("treats a rule without owners as unowning the path", () => {
    expect(matchCodeOwners(parsed, "apps/web-checkout/public/logo.svg")?.owners).toEqual([]);
  });

  it("reads escaped spaces and drops trailing comments", () => {
    expect(matchCodeOwners(parsed, "file with spaces.md")?.owners).toEqual(["@acme/docs"]);
  });

  it("reads GitLab sections with default owners", () => {
    const gitlab = parseCodeOwners(
      "[Backend] @acme/backend\n/api/\n^[Docs][2] @acme/docs\n*.md @acme/writers\n/guide/\n",
    );
    expect(matchCodeOwners(gitlab, "api/x.go")?.owners).toEqual(["@acme/backend"]);
    expect(matchCodeOwners(gitlab, "api/x.go")?.section).toBe("Backend");
    expect(matchCodeOwners(gitlab, "guide/a.txt")?.owners).toEqual(["@acme/docs"]);
    expect(matchCodeOwners(gitlab, "api/readme.md")?.owners).toEqual(["@acme/writers"]);
  });

  it("returns undefined when nothing matches", () => {
    expect(matchCodeOwners(parseCodeOwners("/a/ @x\n"), "b/c.ts")).toBeUndefined();
  });
});
