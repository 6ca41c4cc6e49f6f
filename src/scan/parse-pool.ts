import { existsSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Piscina } from "piscina";
import { createLanguageRegistry, type LanguageRegistry } from "../lang/index.js";
import { packageRoot } from "../shared/index.js";
import {
  type ConcernMatching,
  languagesOf,
  loadMatcher,
  type ParseOutcome,
  type ParseTask,
  readAndParse,
} from "./parse-file.js";

/**
 * Reads and parses files (and matches concerns on them) on every core; results come back in the order the
 * tasks were given.
 */
export interface ParsePool {
  readonly workers: number;
  /**
   * `onDone` hears each batch as it finishes (task positions and their outcomes), so progress can be shown
   * and results kept before the whole job is done.
   */
  parse(
    tasks: ParseTask[],
    matching?: ConcernMatching | null,
    onDone?: (positions: number[], outcomes: ParseOutcome[]) => void,
  ): Promise<ParseOutcome[]>;
  close(): Promise<void>;
}

export interface ParsePoolOptions {
  /** Parsers: this thread and `workers - 1` worker threads; 1 parses in this thread only. Default: the machine's cores (at most 8). */
  workers?: number;
  /** Jobs smaller than this many bytes parse in this thread (default IN_PROCESS_BELOW_BYTES); 0 always uses workers. */
  inProcessBelow?: number;
  /** Bytes of files per batch (default BATCH_BYTES). */
  batchBytes?: number;
}

/**
 * Below this much code, starting a worker thread (0.2 to 0.3 s before its first result) costs more than the
 * second core saves: at about 6 MB/s on one core, a second one pays off from a few MB. The example org
 * (0.8 MB) scans in 0.9 s in this thread against 1.1 s with workers.
 */
export const IN_PROCESS_BELOW_BYTES = 4 * 1024 * 1024;
/** Files are sent in batches of about this many bytes, so messaging costs little next to parsing. */
const BATCH_BYTES = 512 * 1024;

// The worker runs compiled code: the parse-worker.js beside this module, in dist/scan/ or in the command
// line's bundle (dist/bundle/, which has one of its own). Under the test runner (TypeScript sources) the
// compiled worker from dist/scan/ is used, which `npm test` builds first.
const HERE = fileURLToPath(import.meta.url);
const WORKER = HERE.endsWith(".ts")
  ? join(packageRoot, "dist", "scan", "parse-worker.js")
  : join(dirname(HERE), "parse-worker.js");

export function defaultWorkers(): number {
  return Math.max(1, Math.min(8, availableParallelism()));
}

export function sizeOf(task: ParseTask): number {
  if (task.bytes) return task.bytes.byteLength;
  try {
    return statSync(task.absPath).size;
  } catch {
    return 0;
  }
}

/**
 * Batches by size, largest files first, so one huge file starts early instead of leaving a core idle at
 * the end; each batch keeps the tasks' original positions.
 */
export function batchBySize(tasks: ParseTask[], sizes: number[], batchBytes = BATCH_BYTES): number[][] {
  const order = tasks.map((_, index) => ({ index, size: sizes[index] ?? 0 })).sort((a, b) => b.size - a.size);
  const batches: number[][] = [];
  let current: number[] = [];
  let bytes = 0;
  for (const { index, size } of order) {
    current.push(index);
    bytes += size;
    if (bytes >= batchBytes) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
  }
  if (current.length) batches.push(current);
  return batches;
}

/** Parses batches in this thread, one at a time. */
function localParser(): (tasks: ParseTask[], matching: ConcernMatching | null) => Promise<ParseOutcome[]> {
  let registry: Promise<LanguageRegistry> | undefined;
  return async (tasks, matching) => {
    registry ??= createLanguageRegistry([]);
    const languages = await registry;
    await languages.load(languagesOf(tasks));
    const match = await loadMatcher(matching);
    return tasks.map((task) => readAndParse(task, languages, match));
  };
}

function inProcessPool(): ParsePool {
  const parseHere = localParser();
  return {
    workers: 1,
    async parse(tasks, matching = null, onDone) {
      const outcomes = await parseHere(tasks, matching);
      onDone?.(
        tasks.map((_, position) => position),
        outcomes,
      );
      return outcomes;
    },
    async close() {},
  };
}

/**
 * Batches each worker has in hand at once: the next one waits in the worker while this thread takes in
 * the last one's results or parses a batch of its own (during which it cannot send any), so the worker
 * never idles between batches.
 */
const IN_FLIGHT_PER_WORKER = 2;

/**
 * A pool sized to the cores; small jobs and single-core machines parse in this thread. With N cores, this
 * thread is one of the N parsers beside N - 1 worker threads: it would mostly wait otherwise, and each
 * worker thread is a whole V8 heap more at the scan's peak (about 100 MB on a large org), whose results
 * must also be copied back.
 */
export function createParsePool(options: ParsePoolOptions = {}): ParsePool {
  const workers = options.workers ?? defaultWorkers();
  const inProcessBelow = options.inProcessBelow ?? IN_PROCESS_BELOW_BYTES;
  const local = inProcessPool();
  if (workers <= 1 || !existsSync(WORKER)) return local;
  const parseHere = localParser();
  // Loaded on the first parse that needs workers: a run that never gets there (a re-scan that takes every
  // file from the index, a small repository) does not pay for loading the pool's module.
  let piscina: Promise<Piscina> | undefined;
  return {
    workers,
    async parse(tasks, matching = null, onDone) {
      const sizes = tasks.map(sizeOf);
      if (sizes.reduce((sum, size) => sum + size, 0) < inProcessBelow)
        return local.parse(tasks, matching, onDone);
      piscina ??= import("piscina").then(
        ({ Piscina }) =>
          new Piscina({
            filename: WORKER,
            minThreads: workers - 1,
            maxThreads: workers - 1,
            // Sent ahead, so a worker has its next batch even while this thread is busy parsing.
            concurrentTasksPerWorker: IN_FLIGHT_PER_WORKER,
          }),
      );
      const pool = await piscina;
      const outcomes: ParseOutcome[] = new Array(tasks.length);
      const batches = batchBySize(tasks, sizes, options.batchBytes ?? BATCH_BYTES);
      let next = 0;
      const keep = (batch: number[], results: ParseOutcome[]) => {
        batch.forEach((taskIndex, k) => {
          outcomes[taskIndex] = results[k] as ParseOutcome;
        });
        onDone?.(batch, results);
      };
      // Every parser takes the next batch (largest first) when it is free, so the cores end together.
      const inWorker = async () => {
        for (let batch = batches[next++]; batch !== undefined; batch = batches[next++]) {
          const results = (await pool.run({ tasks: batch.map((i) => tasks[i]), matching })) as ParseOutcome[];
          keep(batch, results);
        }
      };
      const inThisThread = async () => {
        for (let batch = batches[next++]; batch !== undefined; batch = batches[next++]) {
          // Let finished workers' results in (and send them more) before parsing a batch here.
          await new Promise((resolve) => setImmediate(resolve));
          keep(
            batch,
            await parseHere(
              batch.map((i) => tasks[i] as ParseTask),
              matching,
            ),
          );
        }
      };
      const feeders = Array.from({ length: (workers - 1) * IN_FLIGHT_PER_WORKER }, inWorker);
      await Promise.all([...feeders, inThisThread()]);
      return outcomes;
    },
    async close() {
      await (await piscina)?.destroy();
    },
  };
}
