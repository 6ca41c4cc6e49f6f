import { createLanguageRegistry } from "../lang/index.js";
import { type ConcernMatching, type ParseOutcome, type ParseTask, readAndParse } from "./parse-file.js";

// One registry per worker thread: tree-sitter's grammars compile once and serve every batch.
const languages = createLanguageRegistry();

export interface ParseBatch {
  tasks: ParseTask[];
  matching: ConcernMatching | null;
}

/** A worker's job: read, parse and match concerns on a batch of files (see parse-pool.ts). */
export default async function parseBatch(batch: ParseBatch): Promise<ParseOutcome[]> {
  const registry = await languages;
  return batch.tasks.map((task) => readAndParse(task, registry, batch.matching));
}
