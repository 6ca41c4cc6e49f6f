import { describe, expect, it } from "vitest";
import { parseCodeOwners } from "./codeowners.js";
import { ownerResolver, teamFromHandle } from "./resolve.js";

describe("teamFromHandle", () => {
  it("drops the org and compares case-insensitively", () => {
    expect(teamFromHandle("@acme/Fulfilment")).toBe("fulfilment");
    expect(teamFromHandle("@octocat")).toBe("octocat");
    expect(teamFromHandle("jane.doe@example.com")).toBe("jane.doe");
  });
});

describe("ownerResolver with umbrella teams", () => {
  const codeowners = parseCodeOwners(
    "* @acme/Engineering\n/apps/web/ @acme/engineering @acme/web-checkout\n/docs/ @acme/ENGINEERING\n",
  );

  it("takes a rule's first owner that is not an umbrella team, whatever the case", () => {
    const owner = ownerResolver("shop", [], codeowners, ["@acme/engineering"]);
    expect(owner("apps/web/a.ts")).toMatchObject({ team: "web-checkout", source: "codeowners", line: 2 });
  });

  it("treats a rule with only umbrella owners as no rule", () => {
    const owner = ownerResolver("shop", [{ team: "docs-team", repos: ["shop"] }], codeowners, [
      "engineering",
    ]);
    expect(owner("docs/readme.ts")).toMatchObject({ team: "docs-team", source: "config-repo" });
    expect(owner("src/x.ts")).toMatchObject({ team: "docs-team", source: "config-repo" });
    expect(ownerResolver("shop", [], codeowners, ["engineering"])("src/x.ts")).toMatchObject({
      team: "shop",
      source: "fallback",
    });
  });

  it("without the setting, the umbrella team owns what it is first on", () => {
    expect(ownerResolver("shop", [], codeowners)("src/x.ts").team).toBe("engineering");
  });
});

describe("ownerResolver", () => {
  const codeowners = parseCodeOwners("/apps/web/ @acme/Web-Checkout\n/apps/cat/ @acme/catalog\n");

  it("uses CODEOWNERS, normalising the team name", () => {
    const owner = ownerResolver("shop", [], codeowners)("apps/web/a.ts");
    expect(owner).toMatchObject({ team: "web-checkout", source: "codeowners", line: 1 });
  });

  it("maps several handles to one team through config owners", () => {
    const owner = ownerResolver("shop", [{ team: "checkout", owners: ["@acme/web-checkout"] }], codeowners);
    expect(owner("apps/web/a.ts").team).toBe("checkout");
  });

  it("lets config paths win over CODEOWNERS", () => {
    const owner = ownerResolver("shop", [{ team: "legacy", paths: ["apps/web/old/**"] }], codeowners);
    expect(owner("apps/web/old/x.ts")).toMatchObject({ team: "legacy", source: "config-path" });
    expect(owner("apps/web/new/x.ts").source).toBe("codeowners");
  });

  it("uses a config repo rule where CODEOWNERS is silent, then the repository name", () => {
    expect(ownerResolver("recs", [{ team: "insights", repos: ["recs"] }], undefined)("a.py")).toMatchObject({
      team: "insights",
      source: "config-repo",
    });
    expect(ownerResolver("shop", [], codeowners)("README.md")).toMatchObject({
      team: "shop",
      source: "fallback",
    });
  });
});

describe("ownerResolver where CODEOWNERS names people beside teams", () => {
  const codeowners = parseCodeOwners(
    [
      "* @costinm @linsun",
      "/pilot/ @istio/wg-networking",
      "/istioctl/ @howardjohn @istio/wg-user-experience",
      "/tools/ @howardjohn",
    ].join("\n"),
  );

  it("takes a rule's first team, not the first person", () => {
    expect(ownerResolver("istio", [], codeowners)("istioctl/cmd.go")).toMatchObject({
      team: "wg-user-experience",
      source: "codeowners",
      line: 3,
    });
  });

  it("treats a rule that names only people as no rule", () => {
    const owner = ownerResolver("istio", [], codeowners);
    expect(owner("go.mod")).toMatchObject({ team: "istio", source: "fallback" });
    expect(owner("tools/gen.go")).toMatchObject({ team: "istio", source: "fallback" });
    expect(owner("pilot/main.go").team).toBe("wg-networking");
  });

  it("still lets the config map a person to a team", () => {
    const owner = ownerResolver("istio", [{ team: "tooling", owners: ["@howardjohn"] }], codeowners);
    expect(owner("tools/gen.go")).toMatchObject({ team: "tooling", source: "codeowners", line: 4 });
  });

  it("keeps people as owners where the file names no team at all", () => {
    const people = parseCodeOwners("* @alice\n/api/ @bob jane@example.com\n");
    const owner = ownerResolver("shop", [], people);
    expect(owner("api/x.go").team).toBe("bob");
    expect(owner("main.go").team).toBe("alice");
  });
});
