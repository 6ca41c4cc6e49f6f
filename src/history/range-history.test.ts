import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ann, bo, bot, commit, cy, makeRepo, tempDir } from "../../test/helpers/repos.js";
import { git } from "../git/index.js";
import { readRepoHistory } from "./index.js";

const lines = (...rows: string[]) => `${rows.join("\n")}\n`;

describe("following an implementation's lines through history", async () => {
  const dir = tempDir();
  const v1 = lines("header", "function retry() {", "  a", "  b", "}", "footer");
  const v2 = lines("// one", "// two", "header", "function retry() {", "  a", "  b", "}", "footer");
  const v3 = lines("// one", "// two", "header", "function retry() {", "  A", "  b", "}", "footer");
  const v5 = lines("// one", "// two", "header", "function retry() {", "  A", "  b", "  c", "}", "footer");
  const v6 = lines("// one", "// two", "header", "function retry() {", "  A", "  b", "  c", "}", "footer!");
  const v7 = lines(
    "// one",
    "// two",
    "header",
    "function retry() {",
    "  A;",
    "  b;",
    "  c;",
    "}",
    "footer!",
  );
  const root = await makeRepo(dir, "svc", [
    commit("2024-01-02T10:00:00+01:00", ann, "Add retry", { "src/retry.ts": v1 }),
    commit("2024-02-03T11:00:00+01:00", bo, "Comments", { "src/retry.ts": v2 }, { coauthors: [cy] }),
    commit("2024-03-04T12:00:00+01:00", bo, "Fix retry", { "src/retry.ts": v3 }),
    {
      date: "2024-04-05T12:00:00+02:00",
      author: ann,
      message: "Move to lib",
      changes: [{ op: "rename", from: "src/retry.ts", to: "lib/retry.ts" }],
    },
    commit("2024-05-06T09:00:00+02:00", bot, "Bot edit", { "lib/retry.ts": v5 }),
    commit("2024-06-07T09:00:00+02:00", ann, "Footer", { "lib/retry.ts": v6 }),
    commit("2024-07-08T09:00:00+02:00", cy, "Format everything", { "lib/retry.ts": v7 }),
  ]);
  const sha = async (rev: string) => (await git(["rev-parse", rev], { cwd: root })).stdout.trim();

  it("charges the commits that changed the range's lines, and nobody else", async () => {
    const formatting = await sha("HEAD");
    const history = await readRepoHistory(root, new Set(), {
      ranges: [{ key: "retry", path: "lib/retry.ts", start: 4, end: 8 }],
      ignoreRevs: new Set([formatting]),
    });
    const touches = history.ranges?.get("retry") ?? [];
    // Not: the formatting commit (ignored), the footer (outside), the bot, the rename, the comments above.
    expect(touches.map((t) => [t.date.slice(0, 10), t.people, t.added, t.deleted])).toEqual([
      ["2024-03-04", ["bo@example.test"], 1, 1],
      ["2024-01-02", ["ann@example.test"], 4, 0],
    ]);
    expect(touches.map((t) => t.sha)).toEqual([await sha("HEAD~4"), await sha("HEAD~6")]);
    expect(touches.map((t) => [t.subject, t.created])).toEqual([
      ["Fix retry", false],
      ["Add retry", true],
    ]);
    // What the writing brought: `function` and one-letter names say nothing.
    expect(touches[1]?.introduced).toEqual(["retry"]);
  });

  it("tallies each person's active days per owning team, bots and ignored commits left out", async () => {
    const history = await readRepoHistory(root, new Set(), {
      teamOf: (path) => (path.startsWith("lib/") ? "platform" : "checkout"),
      ranges: [],
      ignoreRevs: new Set([await sha("HEAD")]),
    });
    expect([...history.people.keys()].sort()).toEqual([
      "ann@example.test",
      "bo@example.test",
      "cy@example.test",
    ]);
    const annDays = history.people.get("ann@example.test");
    expect([...(annDays?.days ?? [])].sort()).toEqual(["2024-01-02", "2024-04-05", "2024-06-07"]);
    // A file is owned by the team that owns it under its name today, even in commits before a move.
    expect(Object.fromEntries(annDays?.teams ?? [])).toEqual({ platform: 3 });
    expect(history.people.get("ann@example.test")?.name).toBe("Ann Lee");
    expect(history.people.has("cy@example.test")).toBe(true); // co-author of the comments
  });
});

describe("following lines across branches and merges", async () => {
  const dir = tempDir();
  const root = join(dir, "merged");
  const run = (args: string[], who = "Ann Lee <ann@example.test>", date = "2024-01-01T10:00:00+00:00") => {
    const [name, email] = who.replace(">", "").split(" <") as [string, string];
    return git(args, {
      cwd: root,
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: name,
        GIT_AUTHOR_EMAIL: email,
        GIT_COMMITTER_NAME: name,
        GIT_COMMITTER_EMAIL: email,
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_DATE: date,
        GIT_CONFIG_GLOBAL: "/dev/null",
        GIT_CONFIG_NOSYSTEM: "1",
      },
    });
  };
  const write = (content: string[]) => writeFileSync(join(root, "f.ts"), lines(...content));
  const base = ["a", "b", "function retry() {", "  one", "  two", "  three", "}", "c", "d"];
  await git(["init", "-q", "-b", "main", root], { cwd: dir });
  write(base);
  await run(["add", "f.ts"]);
  await run(["commit", "-qm", "base"]);
  await run(["checkout", "-qb", "side"]);
  write(["new1", "new2", "new3", ...base.slice(0, 3), "  ONE", ...base.slice(4)]);
  await run(["commit", "-qam", "side edit"], "Bo Diaz <bo@example.test>", "2024-02-01T10:00:00+00:00");
  await run(["checkout", "-q", "main"]);
  write([...base.slice(0, 5), "  THREE", ...base.slice(6), "e"]);
  await run(["commit", "-qam", "main edit"], "Cy Park <cy@example.test>", "2024-03-01T10:00:00+00:00");
  write(["a", "top", ...base.slice(1, 5), "  THREE", ...base.slice(6), "e"]);
  await run(["commit", "-qam", "main above"], "Cy Park <cy@example.test>", "2024-03-02T10:00:00+00:00");
  await run(
    ["merge", "-q", "side", "-m", "merge side"],
    "Ann Lee <ann@example.test>",
    "2024-04-01T10:00:00+00:00",
  );

  it("agrees with git log -L, merges charged to nobody", async () => {
    // Today: new1-3, a, top, b, function retry() { … } at lines 7-11.
    const history = await readRepoHistory(root, new Set(), {
      ranges: [{ key: "retry", path: "f.ts", start: 7, end: 11 }],
    });
    const ours = (history.ranges?.get("retry") ?? []).map((t) => t.sha).sort();
    const oracle = await git(["log", "--no-merges", "-L", "7,11:f.ts", "--format=%H", "-s"], { cwd: root });
    const theirs = oracle.stdout
      .split("\n")
      .filter((l) => /^[0-9a-f]{40}$/.test(l))
      .sort();
    expect(theirs).toHaveLength(3); // base, side edit, main edit
    expect(ours).toEqual(theirs);
  });
});

/** A new repository with one author and no user or system git config, and a way to run git in it. */
async function scratchRepo(dir: string, name: string) {
  const root = join(dir, name);
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: "Ann Lee",
    GIT_AUTHOR_EMAIL: "ann@example.test",
    GIT_COMMITTER_NAME: "Ann Lee",
    GIT_COMMITTER_EMAIL: "ann@example.test",
    GIT_CONFIG_GLOBAL: "/dev/null",
    GIT_CONFIG_NOSYSTEM: "1",
  };
  await git(["init", "-q", "-b", "main", root], { cwd: dir });
  return { root, run: (args: string[]) => git(args, { cwd: root, env }) };
}

describe("a merge whose only diff is against its second parent", async () => {
  // dev puts a line on top and edits line b; main only touches another file; main is merged into dev.
  // For f.ts the merge equals its first parent, so git prints one diff, against the second parent (main).
  // Read as a diff against the first, it would shift the range onto line b and charge dev's edit of b.
  const { root, run } = await scratchRepo(tempDir(), "second-parent");
  writeFileSync(join(root, "f.ts"), lines("a", "b", "c", "d", "e"));
  writeFileSync(join(root, "g.ts"), lines("g"));
  await run(["add", "."]);
  await run(["commit", "-qm", "base"]);
  await run(["checkout", "-qb", "dev"]);
  writeFileSync(join(root, "f.ts"), lines("top", "a", "b", "c", "d", "e"));
  await run(["commit", "-qam", "dev adds top"]);
  writeFileSync(join(root, "f.ts"), lines("top", "a", "B", "c", "d", "e"));
  await run(["commit", "-qam", "dev edits b"]);
  await run(["checkout", "-q", "main"]);
  writeFileSync(join(root, "g.ts"), lines("g2"));
  await run(["commit", "-qam", "main edit"]);
  await run(["checkout", "-q", "dev"]);
  await run(["merge", "-q", "--no-edit", "main"]);

  it("reads which parent each diff is against, and follows lines as git log -L does", async () => {
    // Today: top, a, B, c, d, e; the range is c..d, lines 4-5.
    const history = await readRepoHistory(root, new Set(["f.ts"]), {
      ranges: [{ key: "r", path: "f.ts", start: 4, end: 5 }],
    });
    const ours = (history.ranges?.get("r") ?? []).map((t) => t.subject).sort();
    const oracle = await git(["log", "--no-merges", "-L", "4,5:f.ts", "--format=%s", "-s"], { cwd: root });
    const theirs = oracle.stdout
      .split("\n")
      .filter((l) => ["base", "dev adds top", "dev edits b", "main edit"].includes(l))
      .sort();
    expect(theirs).toEqual(["base"]);
    expect(ours).toEqual(theirs);
  });
});

describe("a merge that brings in a file its first parent never had", async () => {
  // main has no f.ts; dev creates it and edits it; dev is merged into main. For f.ts the merge's diff
  // against main creates the file, and against dev there is none: the range came from dev.
  const { root, run } = await scratchRepo(tempDir(), "brought-in");
  writeFileSync(join(root, "g.ts"), lines("g"));
  await run(["add", "."]);
  await run(["commit", "-qm", "base"]);
  await run(["checkout", "-qb", "dev"]);
  writeFileSync(join(root, "f.ts"), lines("one", "two", "three"));
  await run(["add", "f.ts"]);
  await run(["commit", "-qm", "dev writes"]);
  writeFileSync(join(root, "f.ts"), lines("one", "TWO", "three"));
  await run(["commit", "-qam", "dev edits"]);
  await run(["checkout", "-q", "main"]);
  writeFileSync(join(root, "g.ts"), lines("g2"));
  await run(["commit", "-qam", "main moves on"]);
  await run(["merge", "-q", "--no-ff", "--no-edit", "dev"]);

  it("follows the range into the parent that had it", async () => {
    const history = await readRepoHistory(root, new Set(["f.ts"]), {
      ranges: [{ key: "r", path: "f.ts", start: 1, end: 3 }],
    });
    expect((history.ranges?.get("r") ?? []).map((t) => t.subject).sort()).toEqual([
      "dev edits",
      "dev writes",
    ]);
  });
});
