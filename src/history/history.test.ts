import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ann, bo, bot, commit, cy, makeRepo, tempDir } from "../../test/helpers/repos.js";
import { git } from "../git/index.js";
import { readRepoHistory, summarizeTouches } from "./index.js";

describe("readRepoHistory", async () => {
  const dir = tempDir();
  const root = await makeRepo(dir, "svc", [
    commit("2024-01-02T10:00:00+01:00", ann, "Add retry", {
      "src/util/retry.ts": "v1\n",
      "src/app.ts": "a\n",
    }),
    commit(
      "2024-02-03T11:00:00+01:00",
      bo,
      "Tune retry",
      { "src/util/retry.ts": "v1\nv2\n" },
      { coauthors: [cy] },
    ),
    {
      date: "2024-03-04T12:00:00+01:00",
      author: ann,
      message: "Move retry to lib",
      changes: [{ op: "rename", from: "src/util/retry.ts", to: "src/lib/retry.ts" }],
    },
    commit("2024-04-05T09:00:00+02:00", bot, "Bump deps", { "src/lib/retry.ts": "v1\nv2\nv3\n" }),
    commit("2024-05-06T09:00:00+02:00", bo, "Fix retry", {
      "src/lib/retry.ts": "v1\nv2\nv4\n",
      ".mailmap": "Bo Diaz <bo@example.test> <bo@old.test>\n",
    }),
  ]);

  it("follows renames, counts co-authors, and leaves bots out", async () => {
    const history = await readRepoHistory(root, new Set(["src/lib/retry.ts", "src/app.ts"]), {
      detail: "counts",
    });
    expect(history.state).toBe("ok");
    expect(history.detail).toBe("counts");
    expect(history.commits).toBe(5);
    const touches = history.files.get("src/lib/retry.ts") ?? [];
    expect(touches.map((t) => t.date.slice(0, 10))).toEqual([
      "2024-05-06",
      "2024-03-04",
      "2024-02-03",
      "2024-01-02",
    ]);
    expect(touches[2]?.people).toEqual(["bo@example.test", "cy@example.test"]);
    expect(summarizeTouches(touches, "file")).toEqual({
      authors: 3,
      commits: 4,
      activeDays: 4,
      authorDays: 5,
      linesChanged: 4,
      firstSeen: "2024-01-02T10:00:00+01:00",
      lastChanged: "2024-05-06T09:00:00+02:00",
      attribution: "file",
    });
    expect(history.files.get("src/app.ts")).toHaveLength(1);
    expect(touches[0]).toMatchObject({ added: 1, deleted: 1 });
  });

  it("reads names only by default: the same touches, without line counts", async () => {
    const counted = await readRepoHistory(root, new Set(["src/lib/retry.ts"]), { detail: "counts" });
    const named = await readRepoHistory(root, new Set(["src/lib/retry.ts"]));
    expect(named.detail).toBe("names");
    const strip = (touches: { sha: string; date: string; people: string[] }[] = []) =>
      touches.map(({ sha, date, people }) => ({ sha, date, people }));
    expect(strip(named.files.get("src/lib/retry.ts"))).toEqual(strip(counted.files.get("src/lib/retry.ts")));
    expect(named.files.get("src/lib/retry.ts")?.[0]?.added).toBeUndefined();
  });

  it("falls back to names only when a blob is missing, keeping authors and dates", async () => {
    const damaged = await makeRepo(dir, "damaged", [
      commit("2024-01-02T10:00:00+01:00", ann, "Add", { "a.ts": "one\n", "big.bin": "lost\n" }),
      commit("2024-02-03T11:00:00+01:00", bo, "Change", { "a.ts": "one\ntwo\n", "big.bin": "lost too\n" }),
    ]);
    // Unpack to loose objects, then delete one blob, as a partial clone or a damaged store would lack it.
    const packs = join(damaged, ".git", "objects", "pack");
    for (const name of readdirSync(packs).filter((n) => n.endsWith(".pack"))) {
      const pack = readFileSync(join(packs, name));
      for (const file of readdirSync(packs)) rmSync(join(packs, file));
      await git(["unpack-objects", "-q"], { cwd: damaged, input: pack });
    }
    const blob = (await git(["rev-parse", "HEAD~1:big.bin"], { cwd: damaged })).stdout.trim();
    rmSync(join(damaged, ".git", "objects", blob.slice(0, 2), blob.slice(2)));

    const history = await readRepoHistory(damaged, new Set(["a.ts"]), { detail: "counts" });
    expect(history.detail).toBe("names");
    expect(history.files.get("a.ts")?.map((t) => [t.date.slice(0, 10), t.people])).toEqual([
      ["2024-02-03", ["bo@example.test"]],
      ["2024-01-02", ["ann@example.test"]],
    ]);
  });

  it("returns an empty history for a repository without commits", async () => {
    const empty = await makeRepo(dir, "empty", []);
    const history = await readRepoHistory(empty, new Set(["a"]));
    expect(history).toMatchObject({ state: "empty", commits: 0 });
  });
});
