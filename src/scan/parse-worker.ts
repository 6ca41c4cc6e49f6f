import { createLanguageRegistry } from "../lang/index.js";
import {
  type ConcernMatching,
  languagesOf,
  loadMatcher,
  type ParseOutcome,
  type ParseTask,
  readAndParse,
} from "./parse-file.js";

// One registry per worker thread, with no adapter loaded yet: each batch loads the ones its files need, so
// a tree-sitter grammar compiles once per worker, and only in workers that meet its language.
const languages = createLanguageRegistry([]);

export interface ParseBatch {
  tasks: ParseTask[];
  matching: ConcernMatching | null;
}

/**
 * A worker's job: read, parse and match concerns on a batch of files (see parse-pool.ts). The concern
 * engine is loaded on the first batch that has definitions to match (loadMatcher), so the copy search's
 * workers start sooner.
 */
export default async function parseBatch(batch: ParseBatch): Promise<ParseOutcome[]> {
  const registry = await languages;
  await registry.load(languagesOf(batch.tasks));
  const match = await loadMatcher(batch.matching);
  return batch.tasks.map((task) => readAndParse(task, registry, match));
}
