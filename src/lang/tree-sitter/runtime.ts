import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Language, Parser } from "web-tree-sitter";

// web-tree-sitter compiles its own WASM once per process and each grammar once; every registry shares them.
let runtime: Promise<void> | undefined;
const grammars = new Map<string, Promise<Language>>();
// Grammars load one after another: two loading at once can link one grammar's external scanner into the
// other ("bad export type for 'tree_sitter_python_external_scanner_create'", tree-sitter/tree-sitter#2338).
let previousLoad: Promise<unknown> = Promise.resolve();

/** Loads `tree-sitter-wasms/out/<file>` (once per process). */
export function loadGrammar(file: string): Promise<Language> {
  let grammar = grammars.get(file);
  if (grammar === undefined) {
    runtime ??= Parser.init().catch((error: unknown) => {
      runtime = undefined;
      throw error;
    });
    const ready = runtime;
    grammar = previousLoad.then(() => ready).then(() => Language.load(grammarPath(file)));
    previousLoad = grammar.catch(() => grammars.delete(file));
    grammars.set(file, grammar);
  }
  return grammar;
}

function grammarPath(file: string): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve("tree-sitter-wasms/package.json")), "out", file);
}
