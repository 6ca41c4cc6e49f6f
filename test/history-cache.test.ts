import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeTimelineRepo } from "../src/demo/index.js";
import type { ScanResult } from "../src/result/index.js";
import { scan } from "../src/scan/index.js";
import { ann, bo, commit, tempDir } from "./helpers/repos.js";
import { retrySource } from "./helpers/retry-source.js";

const retry = (attempts: number) => retrySource(attempts, "retryRequest");

const historyPart = (result: ScanResult) => ({
  implementations: result.concerns.flatMap((c) => c.implementations.map((i) => [i.id, i.history])),
  ledger: result.ledger,
  advice: result.advice,
  repos: result.repos,
});

describe("the history cache", async () => {
  const dir = tempDir();
  const repo = join(dir, "org", "svc");
  const first = [
    commit("2025-01-06T10:00:00+00:00", ann, "Retry helper", { "src/retry.ts": retry(3) }),
    commit("2025-04-07T10:00:00+00:00", bo, "Five attempts", { "src/retry.ts": retry(5) }),
  ];
  await writeTimelineRepo({ name: "svc", commits: first }, repo);
  const cacheDir = join(dir, ".lineitem", "cache", "history");
  const run = () => scan({ paths: [join(dir, "org")], cwd: dir, cache: true, workers: 1 });

  it("keeps a complete history by commit beside the config (here: the current folder), and reuses it", async () => {
    const cold = await run();
    expect(readdirSync(cacheDir)).toEqual([expect.stringMatching(/^svc-[0-9a-f]{32}\.json$/)]);
    const warm = await run();
    expect(historyPart(warm)).toEqual(historyPart(cold));
    expect(cold.concerns[0]?.implementations[0]?.history).toMatchObject({ authors: 2, commits: 2 });
    // Proof that the entry is what the warm run read: an entry that says no line changed is believed.
    const [entry] = readdirSync(cacheDir);
    const path = join(cacheDir, entry as string);
    const stored = JSON.parse(readFileSync(path, "utf8"));
    stored.history.ranges = [];
    writeFileSync(path, JSON.stringify(stored));
    const tampered = await run();
    expect(tampered.concerns[0]?.implementations[0]?.history).toBeNull();
  });

  it("reads history again after a new commit, and keeps only the newest entry", async () => {
    await writeTimelineRepo(
      {
        name: "svc",
        commits: [...first, commit("2025-07-01T10:00:00+00:00", ann, "Seven", { "src/retry.ts": retry(7) })],
      },
      repo,
    );
    const after = await run();
    expect(after.concerns[0]?.implementations[0]?.history).toMatchObject({ authors: 2, commits: 3 });
    expect(readdirSync(cacheDir)).toHaveLength(1);
  });

  it("ignores a damaged cache entry and reads the history again", async () => {
    const [entry] = readdirSync(cacheDir);
    writeFileSync(join(cacheDir, entry as string), "{ not json");
    const result = await run();
    expect(result.concerns[0]?.implementations[0]?.history).toMatchObject({ authors: 2, commits: 3 });
    // JSON, but not what a scan writes.
    const [again] = readdirSync(cacheDir);
    writeFileSync(join(cacheDir, again as string), '{"history": {"files": 3}}');
    const reread = await run();
    expect(reread.concerns[0]?.implementations[0]?.history).toMatchObject({ authors: 2, commits: 3 });
    expect(reread.diagnostics.filter((d) => d.code.startsWith("history"))).toEqual([]);
  });
});
