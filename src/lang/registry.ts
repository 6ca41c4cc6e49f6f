import { ESTREE_ADAPTER_VERSION } from "./estree/version.js";
import { bracketUnits } from "./lexer/bracket-units.js";
import { csharp } from "./tree-sitter/csharp.js";
import { go } from "./tree-sitter/go.js";
import { java } from "./tree-sitter/java.js";
import { kotlin } from "./tree-sitter/kotlin.js";
import { python } from "./tree-sitter/python.js";
import { ruby } from "./tree-sitter/ruby.js";
import { type FileUnits, LANGUAGE_IDS, type LanguageAdapter, type LanguageId } from "./unit.js";

/** Every language lineitem reads, by file extension. */
export interface LanguageRegistry {
  /** The language of a path by its extension, or null (unknown extension, or a `.d.ts` declaration file). */
  languageOf(path: string): LanguageId | null;
  /**
   * Units, imports and problems of one file. Synchronous and pure; never throws for bad input (a syntax
   * error gives problems, not an exception). Throws only for a path `languageOf` does not know.
   */
  parse(path: string, text: string): FileUnits;
  /**
   * Makes the adapters of these languages ready for `parse` (a tree-sitter grammar compiles on first use,
   * about 7 MB of memory each); languages already loaded cost nothing.
   */
  load(languages: Iterable<LanguageId>): Promise<void>;
  /** Bumped whenever the adapter's output for the same input changes; part of the unit cache key. */
  adapterVersion(language: LanguageId): number;
  /**
   * The copy search's view of a file: units with their normalised tokens, and imports. JavaScript and
   * TypeScript are read by a lexer, with units found by their brackets (no syntax tree, no concern
   * features: about a fifth of `parse`'s cost); other languages are parsed as by `parse`.
   */
  tokens(path: string, text: string): FileUnits;
}

/** Languages whose `tokens` needs no adapter loaded: the lexer reads them. */
export function lexedLanguage(language: LanguageId): boolean {
  return ESTREE_LANGUAGES.includes(language);
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
 * Creates the registry with the adapters of `languages` ready (default: every language). Others load on
 * `load`: a worker thread that only ever sees TypeScript never compiles six tree-sitter grammars, which
 * would cost it about 40 MB and 0.1 s.
 */
export async function createLanguageRegistry(
  languages: readonly LanguageId[] = LANGUAGE_IDS,
): Promise<LanguageRegistry> {
  const byLanguage = new Map<LanguageId, LanguageAdapter>();
  const loading = new Map<LanguageId, Promise<void>>();
  const loadOne = (wanted: LanguageId): Promise<void> => {
    // TypeScript, TSX and JavaScript share one adapter: ask for it once.
    const language = ESTREE_LANGUAGES.includes(wanted) ? "typescript" : wanted;
    let ready = loading.get(language);
    if (ready === undefined) {
      ready = adapterFor(language).then((adapter) => {
        for (const served of adapter.languages) byLanguage.set(served, adapter);
      });
      // A failed load can be tried again (the error still reaches this caller).
      ready.catch(() => loading.delete(language));
      loading.set(language, ready);
    }
    return ready;
  };
  const load = async (wanted: Iterable<LanguageId>): Promise<void> => {
    await Promise.all([...new Set(wanted)].map(loadOne));
  };
  await load(languages);
  const parse = (path: string, text: string): FileUnits => {
    const language = languageOf(path);
    if (language === null) throw new Error(`no language adapter for ${path}; check languageOf(path) first`);
    const adapter = byLanguage.get(language);
    if (adapter === undefined) throw new Error(`the ${language} adapter is not loaded; call load() first`);
    return adapter.parse(path, text, language);
  };
  return {
    languageOf,
    load,
    parse,
    tokens(path, text) {
      const language = languageOf(path);
      if (language !== null && ESTREE_LANGUAGES.includes(language)) return bracketUnits(text, language);
      return parse(path, text);
    },
    adapterVersion,
  };
}

// One estree adapter serves TypeScript, TSX and JavaScript; it is made once per registry.
const ESTREE_LANGUAGES: readonly LanguageId[] = ["typescript", "tsx", "javascript"];

/**
 * The adapter that reads `language`. The parsers (a native binding, a WASM runtime) load here, on first
 * use: a re-run that parses nothing never loads them.
 */
async function adapterFor(language: LanguageId): Promise<LanguageAdapter> {
  if (ESTREE_LANGUAGES.includes(language)) {
    const { createEstreeAdapter } = await import("./estree/adapter.js");
    return createEstreeAdapter();
  }
  const spec = TREE_SITTER_SPECS.find((candidate) => candidate.language === language);
  if (spec === undefined) throw new Error(`no language adapter for ${language}`);
  const { createTreeSitterAdapter } = await import("./tree-sitter/adapter.js");
  return createTreeSitterAdapter(spec);
}

/** Known without creating any adapter, so the unit cache can be asked before a grammar is compiled. */
function adapterVersion(language: LanguageId): number {
  const spec = TREE_SITTER_SPECS.find((candidate) => candidate.language === language);
  return spec ? spec.version : ESTREE_ADAPTER_VERSION;
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
  return `${extension}@${adapterVersion(language)}`;
}
