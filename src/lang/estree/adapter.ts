import type { ParserOptions } from "oxc-parser";
import { assembleUnits } from "../assemble.js";
import { LineIndex } from "../line-index.js";
import type { FileUnits, Import, LanguageAdapter, LanguageId } from "../unit.js";
import { UnitBuilder } from "../unit-builder.js";
import { MAX_NESTING, nestingBound } from "./depth.js";
import { planProgram } from "./plan.js";
import { parseEstree } from "./recover.js";
import { ESTREE_ADAPTER_VERSION } from "./version.js";
import { EstreeWalker } from "./walker.js";

/** TypeScript, TSX and JavaScript (with JSX) over oxc-parser. */
export function createEstreeAdapter(): LanguageAdapter {
  const builder = new UnitBuilder();
  return {
    languages: ["typescript", "tsx", "javascript"],
    version: ESTREE_ADAPTER_VERSION,
    parse(path: string, text: string, language: LanguageId): FileUnits {
      const lines = new LineIndex(text);
      const nesting = nestingBound(text);
      if (nesting.offset !== undefined) {
        // Reported as a problem with no units: the scan lists the file as a parse error, and goes on.
        const message = `nested deeper than ${MAX_NESTING.toLocaleString("en")} levels (brackets or chained operators): not parsed, as the parser would overflow its stack`;
        const problems = [{ line: lines.lineAt(nesting.offset), message }];
        return { language, units: [], imports: [], problems, lines: lines.count };
      }
      try {
        const parsed = parseEstree(path, text, parserOptions(path, language));
        const problems = parsed.errors.map((error) => ({
          line: lines.lineAt(error.offset),
          message: error.message,
        }));
        if (parsed.program === undefined)
          return { language, units: [], imports: [], problems, lines: lines.count };
        const imports: Import[] = [];
        const walker = new EstreeWalker(builder, lines, text, imports);
        const units = assembleUnits(planProgram(parsed.program, walker, lines, text, imports), builder);
        imports.sort((a, b) => a.line - b.line);
        return { language, units, imports, problems, lines: lines.count };
      } catch (error) {
        // Never throw for bad input (a pathological nesting depth, a parser fault): report and move on.
        const message = `could not read the file: ${error instanceof Error ? error.message : String(error)}`;
        return { language, units: [], imports: [], problems: [{ line: 1, message }], lines: lines.count };
      }
    },
  };
}

function parserOptions(path: string, language: LanguageId): ParserOptions {
  const extension = path.slice(path.lastIndexOf(".") + 1).toLowerCase();
  // .js files often hold JSX; parsing all JavaScript as JSX costs nothing for plain code.
  const lang = language === "typescript" ? "ts" : language === "tsx" ? "tsx" : "jsx";
  const sourceType = MODULE_KIND[extension] ?? "unambiguous";
  return { lang, sourceType, preserveParens: false };
}

const MODULE_KIND: Readonly<Record<string, ParserOptions["sourceType"]>> = {
  mjs: "module",
  mts: "module",
  cjs: "commonjs",
  cts: "commonjs",
};
