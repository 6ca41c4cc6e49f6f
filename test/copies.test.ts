import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type CopiesResult, copiesResultSchema, type ScanResult } from "../src/result/index.js";
import { runCli } from "./helpers/cli.js";
import { buildCloneOrg } from "./helpers/clone-org.js";
import { tempDir } from "./helpers/repos.js";

describe("lineitem copies: the copy search alone", () => {
  const dir = tempDir("lineitem-copies-");
  let org: string;
  let config: string;

  beforeAll(async () => {
    org = await buildCloneOrg(dir);
    config = join(org, "lineitem.config.yaml");
  }, 60_000);

  async function copies(...flags: string[]): Promise<CopiesResult> {
    const run = await runCli(["copies", org, "-c", config, "-q", "--format", "json", ...flags]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    return copiesResultSchema.parse(JSON.parse(run.stdout));
  }

  it("groups the copies of a function, with owners, the canonical member marked", async () => {
    const result = await copies();
    expect(result.kind).toBe("lineitem.copies");
    expect(result.summary).toMatchObject({ repos: 3, teams: 3, filesRead: 8 });
    const group = result.clones.groups.find((g) => g.members.some((m) => m.unit === "fetchAllPages"));
    expect(group).toMatchObject({
      level: "unit",
      kind: "renamed",
      crossTeam: true,
      teams: ["platform", "shop"],
    });
    expect(group?.members.map((m) => [m.repo, m.path, m.startLine, m.endLine, m.canonical])).toEqual([
      ["platform", "packages/http/src/paginate.ts", 2, 14, true],
      ["shop", "src/orders/list.ts", 2, 14, false],
    ]);
  });

  it("finds a run copied inside two different functions, and the same cross-team copies as the scan", async () => {
    const result = await copies();
    const fragment = result.clones.groups.find((g) => g.level === "fragment" && g.crossTeam);
    expect(fragment?.kind).toBe("exact");
    expect(fragment?.members.map((m) => [m.repo, m.unit])).toEqual([
      ["search", "invoiceLine"],
      ["shop", "cartTotal"],
    ]);
    const scan = await runCli(["scan", org, "-c", config, "-q", "--no-index", "--json", "-"]);
    const places = (groups: { crossTeam: boolean; members: { repo: string; path: string }[] }[]) =>
      groups
        .filter((g) => g.crossTeam)
        .map((g) => g.members.map((m) => `${m.repo}/${m.path}`).join(" "))
        .sort();
    expect(places(result.clones.groups)).toEqual(
      places((JSON.parse(scan.stdout) as ScanResult).clones.groups),
    );
  });

  it("counts scaffolding and lists it with --show-boilerplate", async () => {
    const quiet = await copies();
    expect(quiet.clones.groups.filter((g) => g.boilerplate)).toEqual([]);
    expect(quiet.clones.setAside.scaffolding).toBe(1);
    const shown = await copies("--show-boilerplate");
    expect(
      shown.clones.groups.find((g) => g.boilerplate === "scaffolding")?.members.map((m) => m.path),
    ).toEqual(["src/routes/a.ts", "src/routes/b.ts", "src/routes/c.ts", "src/routes/d.ts"]);
  });

  it("takes --min-tokens, and refuses a bad one with exit 2", async () => {
    const strict = await copies("--min-tokens", "400");
    expect(strict.clones.groups.filter((g) => g.level === "fragment")).toEqual([]);
    expect(strict.clones.settings.minFragmentTokens).toBe(400);
    const refused = await runCli(["copies", org, "--min-tokens", "lots"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("--min-tokens");
  });

  it("prints the groups in the terminal, as Markdown and as SARIF", async () => {
    const view = await runCli(["copies", org, "-c", config, "-q", "--no-color"]);
    expect(view.code).toBe(0);
    expect(view.stdout).toMatch(/^lineitem copies · 3 repositories · 3 teams · 8 files read/);
    expect(view.stdout).toMatch(
      /◆ +platform +platform +packages\/http\/src\/paginate\.ts:2-14 +fetchAllPages/,
    );

    const markdown = await runCli(["copies", org, "-c", config, "-q", "--format", "markdown"]);
    expect(markdown.stdout).toContain(
      "| ◆ | platform | `platform/packages/http/src/paginate.ts:2-14` | fetchAllPages |",
    );

    const sarifFile = join(dir, "copies.sarif");
    const both = await runCli(["copies", org, "-c", config, "-q", "--format", "sarif", "--sarif", sarifFile]);
    const sarif = JSON.parse(both.stdout);
    expect(sarif.version).toBe("2.1.0");
    const results = sarif.runs[0].results;
    expect(results).toHaveLength(2);
    // Reported on the copy, not on the canonical original, which is a related location.
    const paging = results.find((r: { message: { text: string } }) => r.message.text.includes("paginate"));
    expect(paging.locations[0].physicalLocation.artifactLocation.uri).toBe("shop/src/orders/list.ts");
    expect(paging.relatedLocations[0].physicalLocation.artifactLocation.uri).toBe(
      "platform/packages/http/src/paginate.ts",
    );
  });

  it("says which path is missing and exits 2", async () => {
    const run = await runCli(["copies", join(dir, "nowhere")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("nowhere");
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("tells exact copies from renamed ones in text beyond ASCII, line by line", async () => {
    // Lines are cut from the file's bytes: characters of several bytes before and inside the copy must
    // neither shift its lines nor make equal text differ.
    const body = (greeting: string, heading = "// Überblick: ein Gruß ✓✓✓ für alle") => `${heading}
export function describeOrder(order: { id: string; items: { name: string; cents: number }[] }) {
  const lines: string[] = [];
  for (const item of order.items) {
    const euros = (item.cents / 100).toFixed(2);
    lines.push(\`\${item.name} — \${euros} €\`);
  }
  const total = order.items.reduce((sum, item) => sum + item.cents, 0);
  lines.push("${greeting}", String(total));
  return { id: order.id, text: lines.join("\\n"), count: order.items.length };
}
`;
    const write = (root: string, name: string, text: string) => {
      mkdirSync(join(root, name, "src"), { recursive: true });
      writeFileSync(join(root, name, "src", "order.ts"), text);
    };
    const kindOf = async (root: string) => {
      const run = await runCli(["copies", root, "-q", "--format", "json"]);
      expect(run.code).toBe(0);
      const result = copiesResultSchema.parse(JSON.parse(run.stdout));
      const group = result.clones.groups.find((g) => g.members.some((m) => m.unit === "describeOrder"));
      expect(group?.members.map((m) => [m.startLine, m.endLine])).toEqual([
        [2, 11],
        [2, 11],
      ]);
      return group?.kind;
    };
    const same = join(dir, "same-text");
    write(same, "one", body("Grüße, café ✓"));
    write(same, "two", body("Grüße, café ✓", "// Overview"));
    expect(await kindOf(same)).toBe("exact");
    const other = join(dir, "other-text");
    write(other, "one", body("Grüße, café ✓"));
    write(other, "two", body("Grüße, cafë ✓"));
    expect(await kindOf(other)).toBe("renamed");
  });
});
