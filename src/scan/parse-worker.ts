import { createLanguageRegistry } from "../lang/index.js";
import { type ParseOutcome, type ParseTask, readAndParse } from "./parse-file.js";

// One registry per worker thread: tree-sitter's grammars compile once and serve every batch.
const languages = createLanguageRegistry();

/** A worker's job: read and parse a batch of files (see parse-pool.ts). */
export default async function parseBatch(batch: ParseTask[]): Promise<ParseOutcome[]> {
  const registry = await languages;
  return batch.map((task) => readAndParse(task, registry));
}
