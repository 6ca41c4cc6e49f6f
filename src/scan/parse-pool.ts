import { existsSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Piscina } from "piscina";
import { createLanguageRegistry, type LanguageRegistry } from "../lang/index.js";
import { packageRoot } from "../shared/index.js";
import { type ConcernMatching, type ParseOutcome, type ParseTask, readAndParse } from "./parse-file.js";

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
  /** Worker threads; 1 parses in this thread. Default: the machine's cores (at most 8). */
  workers?: number;
  /** Jobs smaller than this many bytes parse in this thread (default IN_PROCESS_BELOW_BYTES); 0 always uses workers. */
  inProcessBelow?: number;
}

/**
 * Below this much code, starting threads and compiling grammars in each (about 0.3 s) costs more than the
 * second core saves: at about 6 MB/s on one worker and 1.45× on two (npm run bench:parse), two workers pay off
 * from about 6 MB. The example org (0.8 MB) scans in 0.9 s in this thread against 1.1 s with workers.
 */
export const IN_PROCESS_BELOW_BYTES = 4 * 1024 * 1024;
/** Files are sent in batches of about this many bytes, so messaging costs little next to parsing. */
const BATCH_BYTES = 512 * 1024;

// The worker runs compiled code; under the test runner (TypeScript sources) the same compiled worker from
// dist/ is used, which `npm test` builds first.
const WORKER = join(packageRoot, "dist", "scan", "parse-worker.js");

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

function inProcessPool(): ParsePool {
  let registry: Promise<LanguageRegistry> | undefined;
  return {
    workers: 1,
    async parse(tasks, matching = null, onDone) {
      registry ??= createLanguageRegistry();
      const languages = await registry;
      const outcomes = tasks.map((task) => readAndParse(task, languages, matching));
      onDone?.(
        tasks.map((_, position) => position),
        outcomes,
      );
      return outcomes;
    },
    async close() {},
  };
}

/** A pool sized to the cores; small jobs and single-core machines parse in this thread. */
export function createParsePool(options: ParsePoolOptions = {}): ParsePool {
  const workers = options.workers ?? defaultWorkers();
  const inProcessBelow = options.inProcessBelow ?? IN_PROCESS_BELOW_BYTES;
  const local = inProcessPool();
  if (workers <= 1 || !existsSync(WORKER)) return local;
  let piscina: Piscina | undefined;
  return {
    workers,
    async parse(tasks, matching = null, onDone) {
      const sizes = tasks.map(sizeOf);
      if (sizes.reduce((sum, size) => sum + size, 0) < inProcessBelow)
        return local.parse(tasks, matching, onDone);
      piscina ??= new Piscina({ filename: WORKER, minThreads: workers, maxThreads: workers });
      const pool = piscina;
      const outcomes: ParseOutcome[] = new Array(tasks.length);
      await Promise.all(
        batchBySize(tasks, sizes).map(async (batch) => {
          const results = (await pool.run({
            tasks: batch.map((i) => tasks[i]),
            matching,
          })) as ParseOutcome[];
          batch.forEach((taskIndex, k) => {
            outcomes[taskIndex] = results[k] as ParseOutcome;
          });
          onDone?.(batch, results);
        }),
      );
      return outcomes;
    },
    async close() {
      await piscina?.destroy();
    },
  };
}
