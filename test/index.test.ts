import { copyFileSync, mkdirSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { serialize } from "node:v8";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { writeTimelineRepo } from "../src/demo/index.js";
import type { ScanResult } from "../src/result/index.js";
import { type ScanOptions, type ScanProgress, scan } from "../src/scan/index.js";
import { acquireLock } from "../src/store/index.js";
import { runCli } from "./helpers/cli.js";
import { ann, bo, commit, tempDir } from "./helpers/repos.js";
import { retrySource } from "./helpers/retry-source.js";

const retry = (attempts: number) => retrySource(attempts, "retryRequest");
const withoutTime = (result: ScanResult) => ({ ...result, generatedAt: "" });
const firstHistory = (result: ScanResult) => result.concerns[0]?.implementations[0]?.history;

/** A scan with the index, and the progress it reported. */
async function scanWithIndex(dir: string, extra: Partial<ScanOptions> = {}) {
  const events: ScanProgress[] = [];
  const result = await scan({
    paths: [join(dir, "org")],
    cwd: dir,
    index: {},
    workers: 1,
    onProgress: (event) => events.push(event),
    ...extra,
  });
  const reading = events.find((event) => event.stage === "read");
  return { result, events, parsed: reading ? (reading.total ?? 0) - (reading.done ?? 0) : null };
}

const noIndex = (dir: string) => scan({ paths: [join(dir, "org")], cwd: dir, workers: 1 });

describe("the index: units by content, scans by input", async () => {
  const dir = tempDir();
  const first = [
    commit("2025-01-06T10:00:00+00:00", ann, "Retry helper", { "src/retry.ts": retry(3) }),
    commit("2025-04-07T10:00:00+00:00", bo, "Five attempts", {
      "src/retry.ts": retry(5),
      "src/orders.ts":
        "export function total(items: number[]) {\n  return items.reduce((a, b) => a + b, 0);\n}\n",
    }),
  ];
  await writeTimelineRepo({ name: "svc", commits: first }, join(dir, "org", "svc"));
  await writeTimelineRepo(
    {
      name: "web",
      commits: [commit("2025-02-03T10:00:00+00:00", bo, "Web", { "src/app.ts": "export const x = 1;\n" })],
    },
    join(dir, "org", "web"),
  );

  it("parses every file on the first scan, and none on a re-run with nothing changed: the last result is taken", async () => {
    const cold = await scanWithIndex(dir);
    expect(cold.parsed).toBe(3);
    const warm = await scanWithIndex(dir);
    expect(warm.events.map((event) => event.stage)).not.toContain("read");
    expect(warm.events.at(-1)?.message).toMatch(/^nothing changed since the scan finished/);
    expect(withoutTime(warm.result)).toEqual(withoutTime(cold.result));
    expect(withoutTime(cold.result)).toEqual(withoutTime(await noIndex(dir)));
  });

  it("parses only a changed file, and the result is what a scan without the index gives", async () => {
    writeFileSync(join(dir, "org", "web", "src", "app.ts"), "export const x = 2;\nexport const y = 3;\n");
    const changed = await scanWithIndex(dir);
    expect(changed.parsed).toBe(1);
    expect(withoutTime(changed.result)).toEqual(withoutTime(await noIndex(dir)));
  });

  it("never parses the same bytes twice, even in another repository that vendors the file", async () => {
    mkdirSync(join(dir, "org", "web", "src", "vendor-copy"), { recursive: true });
    copyFileSync(join(dir, "org", "svc", "src", "retry.ts"), join(dir, "org", "web", "src", "lib-retry.ts"));
    const vendored = await scanWithIndex(dir);
    expect(vendored.parsed).toBe(0);
    expect(vendored.result.concerns[0]?.implementations).toHaveLength(2);
    expect(withoutTime(vendored.result)).toEqual(withoutTime(await noIndex(dir)));
  });

  it("names an unchanged file by its stat, but never trusts a stat taken in the same moment as an edit", async () => {
    const file = join(dir, "org", "web", "src", "app.ts");
    writeFileSync(file, "export const x = 4;\nexport const y = 5;\n");
    const { mtime } = statSync(file);
    expect((await scanWithIndex(dir)).parsed).toBe(1);
    // Same size, same modification time (an edit within one clock tick of the scan that hashed it).
    writeFileSync(file, "export const x = 6;\nexport const y = 7;\n");
    utimesSync(file, mtime, mtime);
    const sameTick = await scanWithIndex(dir);
    expect(sameTick.parsed).toBe(1);
    expect(withoutTime(sameTick.result)).toEqual(withoutTime(await noIndex(dir)));
  });

  it("--no-cache (fresh) parses everything again and still keeps it", async () => {
    const fresh = await scanWithIndex(dir, { index: { fresh: true } });
    expect(fresh.parsed).toBe(4);
    expect((await scanWithIndex(dir)).events.map((event) => event.stage)).not.toContain("read");
  });
});

describe("the index: histories by commit", async () => {
  const dir = tempDir();
  const repo = join(dir, "org", "svc");
  const first = [
    commit("2025-01-06T10:00:00+00:00", ann, "Retry helper", { "src/retry.ts": retry(3) }),
    commit("2025-04-07T10:00:00+00:00", bo, "Five attempts", { "src/retry.ts": retry(5) }),
  ];
  await writeTimelineRepo({ name: "svc", commits: first }, repo);
  const indexFile = join(dir, ".lineitem", "index.sqlite");
  // --show-boilerplate changes the result's inputs but not what history is asked: the history is reused.
  const rerun = (showBoilerplate: boolean) => scanWithIndex(dir, { showBoilerplate });
  const setHistory = (value: Buffer) => {
    const db = new Database(indexFile);
    db.prepare("UPDATE repo_history SET history = ?").run(value);
    db.close();
  };

  it("keeps a complete history by commit and takes it back while nothing it depends on changed", async () => {
    const cold = await rerun(false);
    expect(firstHistory(cold.result)).toMatchObject({ authors: 2, commits: 2 });
    // Proof that the kept history is what the next scan read: one that says no line changed is believed.
    const db = new Database(indexFile);
    const row = db.prepare("SELECT history FROM repo_history").pluck().get() as Buffer;
    db.close();
    const { deserialize } = await import("node:v8");
    const kept = deserialize(row);
    kept.ranges = new Map([...kept.ranges.keys()].map((key) => [key, []]));
    setHistory(serialize(kept));
    expect(firstHistory((await rerun(true)).result)).toBeNull();
  });

  it("reads history again after a new commit", async () => {
    await writeTimelineRepo(
      {
        name: "svc",
        commits: [...first, commit("2025-07-01T10:00:00+00:00", ann, "Seven", { "src/retry.ts": retry(7) })],
      },
      repo,
    );
    expect(firstHistory((await rerun(false)).result)).toMatchObject({ authors: 2, commits: 3 });
  });

  it("reads history again when the kept one is damaged or not in the shape a scan writes", async () => {
    setHistory(Buffer.from("not a serialized value"));
    const damaged = await rerun(true);
    expect(firstHistory(damaged.result)).toMatchObject({ authors: 2, commits: 3 });
    setHistory(serialize({ files: 3 }));
    const odd = await rerun(false);
    expect(firstHistory(odd.result)).toMatchObject({ authors: 2, commits: 3 });
    expect(odd.result.diagnostics.filter((d) => d.code.startsWith("history"))).toEqual([]);
  });
});

describe("the index from the command line", async () => {
  const dir = tempDir();
  await writeTimelineRepo(
    {
      name: "svc",
      commits: [commit("2025-01-06T10:00:00+00:00", ann, "Retry", { "src/retry.ts": retry(3) })],
    },
    join(dir, "org", "svc"),
  );
  const org = join(dir, "org");

  it("keeps it in .lineitem/ in the current folder; `lineitem report` prints the last finished scan", async () => {
    expect((await runCli(["report"], dir)).code).toBe(2);
    const scanned = await runCli(["scan", org, "--json", "-", "-q"], dir);
    expect(scanned.code).toBe(0);
    const reported = await runCli(["report", "--json", "-"], dir);
    expect(reported.code).toBe(0);
    expect(withoutTime(JSON.parse(reported.stdout))).toEqual(withoutTime(JSON.parse(scanned.stdout)));
    const view = await runCli(["report"], dir);
    expect(view.stdout).toMatch(/From the scan that finished \d{4}-\d\d-\d\dT/);
  });

  it("run from inside the repository it scans, it never lists its own folder, and a re-run takes the result", async () => {
    const repo = join(org, "svc");
    const first = await runCli(["scan", ".", "--json", "-", "-q"], repo);
    expect(first.code).toBe(0);
    expect(JSON.stringify(JSON.parse(first.stdout).skipped)).not.toContain(".lineitem");
    const again = await runCli(["scan", ".", "--json", "out.json"], repo);
    expect(again.stderr).toContain("nothing changed since the scan finished");
  });

  it("--no-index keeps nothing; --index FILE keeps it where asked", async () => {
    const elsewhere = tempDir();
    expect((await runCli(["scan", org, "-q", "--no-index"], elsewhere)).code).toBe(0);
    expect((await runCli(["report"], elsewhere)).stderr).toMatch(/index\.sqlite: the index cannot be opened/);
    expect((await runCli(["scan", org, "-q", "--index", "ci/idx.sqlite"], elsewhere)).code).toBe(0);
    expect((await runCli(["report", "--index", "ci/idx.sqlite"], elsewhere)).code).toBe(0);
  });

  it("keeps it beside a config given with --config, where `lineitem report -c` finds it", async () => {
    const elsewhere = tempDir();
    mkdirSync(join(elsewhere, "cfg"));
    writeFileSync(join(elsewhere, "cfg", "lineitem.config.yaml"), "version: 1\n");
    expect((await runCli(["scan", org, "-q", "-c", "cfg/lineitem.config.yaml"], elsewhere)).code).toBe(0);
    expect((await runCli(["report"], elsewhere)).code).toBe(2);
    const found = await runCli(["report", "-c", "cfg/lineitem.config.yaml"], elsewhere);
    expect(found.code).toBe(0);
    expect(found.stdout).toContain(join(elsewhere, "cfg", ".lineitem", "index.sqlite"));
  });

  it("refuses a file that is not a lineitem index, naming it, and leaves it as it was", async () => {
    const stranger = join(dir, "stranger.sqlite");
    const db = new Database(stranger);
    db.exec("CREATE TABLE mine (x)");
    db.close();
    const refused = await runCli(["scan", org, "-q", "--index", stranger], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`${stranger}: this SQLite file is not a lineitem index.`);
    writeFileSync(join(dir, "garbage.sqlite"), "x".repeat(5000));
    const garbage = await runCli(["scan", org, "-q", "--index", "garbage.sqlite"], dir);
    expect(garbage.code).toBe(2);
    expect(garbage.stderr).toMatch(
      /garbage\.sqlite: (not a readable lineitem index|the index cannot be opened)/,
    );
    expect(garbage.stderr).not.toMatch(/\n\s+at /);
  });

  it("a scan that finds the lock taken before its holder's note is written waits for the note to name it", async () => {
    const lock = join(tempDir(), "index.sqlite.lock");
    const release = await acquireLock(lock, { waitMs: 0 });
    // The moment between the holder taking the lock and writing its note.
    rmSync(`${lock}.holder`);
    const told: string[] = [];
    const waiting = acquireLock(lock, { waitMs: 10_000, onWait: (holder) => told.push(holder) });
    // Well inside the second it waits for a note, so a busy machine's late timers leave room.
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(told).toEqual([]);
    writeFileSync(
      `${lock}.holder`,
      JSON.stringify({ pid: 4242, host: "ci", startedAt: "2026-11-25T00:00:00Z" }),
    );
    await new Promise((resolve) => setTimeout(resolve, 400));
    release();
    (await waiting)();
    expect(told).toEqual(["process 4242 on ci, started 2026-11-25T00:00:00Z"]);
    // With no note at all, the holder is named as unknown after a second, once.
    const again = await acquireLock(lock, { waitMs: 0 });
    rmSync(`${lock}.holder`);
    const unknown: string[] = [];
    const later = acquireLock(lock, { waitMs: 10_000, onWait: (holder) => unknown.push(holder) });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    again();
    (await later)();
    expect(unknown).toEqual(["another process"]);
  });

  it("a second scan on the same index waits for the first, or fails with a message naming it", async () => {
    const release = await acquireLock(join(dir, ".lineitem", "index.sqlite.lock"), { waitMs: 0 });
    const busy = await runCli(["scan", org, "-q", "--wait", "0"], dir);
    expect(busy.code).toBe(2);
    expect(busy.stderr).toContain(`another scan is writing this index (process ${process.pid} on`);
    setTimeout(release, 400);
    const waited = await runCli(["scan", org, "--wait", "10"], dir);
    expect(waited.code).toBe(0);
    expect(waited.stderr).toContain("lineitem: waiting for the scan writing this index");
  });
});
