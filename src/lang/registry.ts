import { ESTREE_ADAPTER_VERSION } from "./estree/version.js";
import { csharp } from "./tree-sitter/csharp.js";
import { go } from "./tree-sitter/go.js";
import { java } from "./tree-sitter/java.js";
import { kotlin } from "./tree-sitter/kotlin.js";
import { python } from "./tree-sitter/python.js";
import { ruby } from "./tree-sitter/ruby.js";
import type { FileUnits, LanguageAdapter, LanguageId } from "./unit.js";

/** Every language lineitem reads, by file extension. */
export interface LanguageRegistry {
  /** The language of a path by its extension, or null (unknown extension, or a `.d.ts` declaration file). */
  languageOf(path: string): LanguageId | null;
  /**
   * Units, imports and problems of one file. Synchronous and pure; never throws for bad input (a syntax
   * error gives problems, not an exception). Throws only for a path `languageOf` does not know.
   */
  parse(path: string, text: string): FileUnits;
  /** Bumped whenever the adapter's output for the same input changes; part of the unit cache key. */
  adapterVersion(language: LanguageId): number;
}

const EXTENSIONS: Readonly<Record<string, LanguageId>> = {
  ts: "typescript",
  mts: "typescript",
  cts: "typescript",
  tsx: "tsx",
  js: "javascript",
  mjs: "javascript",
  cjs: "javascript",
  jsx: "javascript",
  py: "python",
  go: "go",
  java: "java",
  kt: "kotlin",
  kts: "kotlin",
  cs: "csharp",
  rb: "ruby",
};

/**
 * Creates the adapters for every supported language. Async only because tree-sitter compiles its WASM
 * grammars once; later calls reuse them.
 */
export async function createLanguageRegistry(): Promise<LanguageRegistry> {
  // The parsers (a native binding, a WASM runtime) load here, on first use: a re-run that parses nothing
  // never loads them.
  const [{ createEstreeAdapter }, { createTreeSitterAdapter }] = await Promise.all([
    import("./estree/adapter.js"),
    import("./tree-sitter/adapter.js"),
  ]);
  const adapters = [
    createEstreeAdapter(),
    ...(await Promise.all([python, go, java, kotlin, csharp, ruby].map(createTreeSitterAdapter))),
  ];
  const byLanguage = new Map<LanguageId, LanguageAdapter>();
  for (const adapter of adapters) for (const language of adapter.languages) byLanguage.set(language, adapter);
  const adapterOf = (language: LanguageId): LanguageAdapter => {
    const adapter = byLanguage.get(language);
    if (adapter === undefined) throw new Error(`no language adapter for ${language}`);
    return adapter;
  };
  return {
    languageOf,
    parse(path, text) {
      const language = languageOf(path);
      if (language === null) throw new Error(`no language adapter for ${path}; check languageOf(path) first`);
      return adapterOf(language).parse(path, text, language);
    },
    adapterVersion: (language) => adapterOf(language).version,
  };
}

export function languageOf(path: string): LanguageId | null {
  const name = path.slice(Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\")) + 1).toLowerCase();
  // Declaration files describe types only: nothing in them runs.
  if (/\.d\.[mc]?ts$/.test(name)) return null;
  const dot = name.lastIndexOf(".");
  return dot <= 0 ? null : (EXTENSIONS[name.slice(dot + 1)] ?? null);
}

const TREE_SITTER_SPECS = [python, go, java, kotlin, csharp, ruby];

/**
 * What a file's units are a function of besides its bytes: its extension (which picks the language and,
 * for .mjs/.cjs, the module kind) and the adapter's version. Known without creating the adapters, so the
 * unit cache can be asked before any grammar is compiled. Null for a path no adapter reads.
 */
export function parseKindOf(path: string): string | null {
  const language = languageOf(path);
  if (language === null) return null;
  const extension = path.slice(path.lastIndexOf(".") + 1).toLowerCase();
  const spec = TREE_SITTER_SPECS.find((candidate) => candidate.language === language);
  return `${extension}@${spec ? spec.version : ESTREE_ADAPTER_VERSION}`;
}
