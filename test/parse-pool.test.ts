import { existsSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { Piscina } from "piscina";
import { describe, expect, it } from "vitest";
import { languageOf } from "../src/lang/index.js";
import { createParsePool } from "../src/scan/parse-pool.js";
import { packageRoot } from "../src/shared/index.js";

// The pool parses on every core: this thread beside cores - 1 worker threads (the compiled worker from
// dist/, which `npm test` builds first), each loading language adapters on first use. Whatever thread a
// file lands on, the outcomes must be the same as parsing everything here, and in the tasks' order.

const root = join(import.meta.dirname, "fixtures");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return languageOf(path) === null ? [] : [path];
  });
}

describe("parse pool", () => {
  it("gives the same outcomes on worker threads as in this thread, in order, every language", async () => {
    const tasks = sourceFiles(root).map((absPath) => ({
      path: relative(root, absPath),
      absPath,
      maxBytes: 1024 * 1024,
      matchConcerns: false,
    }));
    const languages = new Set(tasks.map((task) => languageOf(task.path)));
    expect(languages.size).toBeGreaterThanOrEqual(8);
    // Tiny batches, so both threads get many and the order must be put back together.
    const threads = createParsePool({ workers: 2, inProcessBelow: 0, batchBytes: 2048 });
    const here = createParsePool({ workers: 1 });
    const heard: number[] = [];
    try {
      const spread = await threads.parse(tasks, null, (positions) => heard.push(...positions));
      const local = await here.parse(tasks, null);
      expect(spread).toEqual(local);
      expect(heard.sort((a, b) => a - b)).toEqual(tasks.map((_, index) => index));
    } finally {
      await threads.close();
      await here.close();
    }
  }, 60_000);

  it("reads for the copy search on worker threads: units in one buffer, stream prints beside them", async () => {
    const tasks = sourceFiles(join(root, "concerns")).map((absPath) => ({
      path: relative(root, absPath),
      absPath,
      maxBytes: 1024 * 1024,
      matchConcerns: false,
      tokensOnly: true,
      prints: { k: 12, window: 6 },
    }));
    const threads = createParsePool({ workers: 2, inProcessBelow: 0, batchBytes: 2048 });
    const here = createParsePool({ workers: 1 });
    try {
      const spread = await threads.parse(tasks, null);
      expect(spread).toEqual(await here.parse(tasks, null));
      const read = spread.find((outcome) => outcome.ok && outcome.parsed.units.length > 1);
      if (!read?.ok) throw new Error("no file with two units among the fixtures");
      const buffers = new Set(read.parsed.units.map((unit) => unit.tokens.buffer));
      expect(buffers.size).toBe(1);
      expect(read.prints?.k).toBe(12);
    } finally {
      await threads.close();
      await here.close();
    }
  }, 60_000);

  it("the command line's bundle starts its reader threads from a worker of its own, which reads as this thread does", async () => {
    // The bundled command line (dist/bundle/) finds parse-worker.js beside its own chunks; a worker
    // missing there would leave every scan on one thread without a word.
    const worker = join(packageRoot, "dist", "bundle", "parse-worker.js");
    expect(existsSync(worker)).toBe(true);
    const tasks = sourceFiles(join(root, "concerns")).map((absPath) => ({
      path: relative(root, absPath),
      absPath,
      maxBytes: 1024 * 1024,
      matchConcerns: false,
    }));
    const bundled = new Piscina({ filename: worker, maxThreads: 1 });
    const here = createParsePool({ workers: 1 });
    try {
      const outcomes = await bundled.run({ tasks, matching: null });
      expect(outcomes).toEqual(await here.parse(tasks, null));
    } finally {
      await bundled.destroy();
      await here.close();
    }
  }, 60_000);
});
