import { describe, expect, it } from "vitest";
import { ann, bo, bot, commit, cy, makeRepo, tempDir } from "../../test/helpers/repos.js";
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
    const history = await readRepoHistory(root, new Set(["src/lib/retry.ts", "src/app.ts"]));
    expect(history.state).toBe("ok");
    expect(history.commits).toBe(5);
    const touches = history.files.get("src/lib/retry.ts") ?? [];
    expect(touches.map((t) => t.date.slice(0, 10))).toEqual([
      "2024-05-06",
      "2024-03-04",
      "2024-02-03",
      "2024-01-02",
    ]);
    expect(touches[2]?.people).toEqual(["bo@example.test", "cy@example.test"]);
    expect(summarizeTouches(touches)).toEqual({
      authors: 3,
      commits: 4,
      activeDays: 4,
      firstSeen: "2024-01-02T10:00:00+01:00",
      lastChanged: "2024-05-06T09:00:00+02:00",
    });
    expect(history.files.get("src/app.ts")).toHaveLength(1);
  });

  it("returns an empty history for a repository without commits", async () => {
    const empty = await makeRepo(dir, "empty", []);
    const history = await readRepoHistory(empty, new Set(["a"]));
    expect(history).toMatchObject({ state: "empty", commits: 0 });
  });
});
