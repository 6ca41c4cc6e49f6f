import { type Node, Parser, type Tree } from "web-tree-sitter";
import { assembleUnits, type TopPlan } from "../assemble.js";
import { LineIndex } from "../line-index.js";
import type { FileUnits, Import, LanguageAdapter, LanguageId, ParseProblem } from "../unit.js";
import { FLAG, UnitBuilder } from "../unit-builder.js";
import { compileGrammar, type GrammarSpec, type PlanContext } from "./grammar.js";
import { loadGrammar } from "./runtime.js";
import { SyntaxWalker } from "./walker.js";

const MAX_PROBLEMS = 20;

/** A language adapter over a tree-sitter grammar described by `spec`. */
export async function createTreeSitterAdapter(spec: GrammarSpec): Promise<LanguageAdapter> {
  const language = await loadGrammar(spec.wasm);
  const parser = new Parser();
  parser.setLanguage(language);
  const grammar = compileGrammar(spec, language);
  const builder = new UnitBuilder();
  return {
    languages: [spec.language],
    version: spec.version,
    parse(_path: string, text: string, id: LanguageId): FileUnits {
      const lines = new LineIndex(text);
      const failed = (message: string): FileUnits => ({
        language: id,
        units: [],
        imports: [],
        problems: [{ line: 1, message }],
        lines: lines.count,
      });
      let tree: Tree | null = null;
      try {
        tree = parser.parse(text);
        if (tree === null) return failed("the parser gave up on this file");
        const root = tree.rootNode;
        const problems: ParseProblem[] = [];
        if (root.hasError) collectProblems(root, lines, problems);
        const imports: Import[] = [];
        const cursor = tree.walk();
        try {
          const walker = new SyntaxWalker(grammar, builder, lines, text, imports, cursor);
          const plans: TopPlan[] = [];
          spec.plan(root, planContext(text, lines, walker, spec, imports, plans));
          const units = assembleUnits(plans, builder);
          imports.sort((a, b) => a.line - b.line);
          return { language: id, units, imports, problems, lines: lines.count };
        } finally {
          cursor.delete();
        }
      } catch (error) {
        // Never throw for bad input: report and move on.
        return failed(`could not read the file: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        tree?.delete();
      }
    },
  };
}

function planContext(
  text: string,
  lines: LineIndex,
  walker: SyntaxWalker,
  spec: GrammarSpec,
  imports: Import[],
  plans: TopPlan[],
): PlanContext {
  return {
    text,
    unit(options) {
      const { node } = options;
      let flags = options.exported ? FLAG.exported : 0;
      if (options.async === true) flags |= FLAG.async;
      if (options.returnsFunction === true) flags |= FLAG["returns-function"];
      plans.push({
        kind: "unit",
        unit: {
          name: options.name,
          kind: options.kind,
          parent: options.parent,
          startLine: lines.lineAt(node.startIndex),
          endLine: lines.lastLineOf(node.startIndex, node.endIndex),
          flags,
          emit: () => walker.walkRoot(node, options.skip, options.receiver),
        },
      });
    },
    statement(node, declares, exported, types = []) {
      plans.push({
        kind: "statement",
        statement: {
          declares,
          types,
          exported,
          startLine: lines.lineAt(node.startIndex),
          endLine: lines.lastLineOf(node.startIndex, node.endIndex),
          emit: () => walker.walkRoot(node, undefined, undefined),
        },
      });
    },
    importStatement(node) {
      imports.push(...spec.importsOf(node, lines));
      plans.push({ kind: "break" });
    },
    boundary() {
      plans.push({ kind: "break" });
    },
  };
}

// ERROR and MISSING nodes, found by descending only into subtrees that contain one.
function collectProblems(node: Node, lines: LineIndex, out: ParseProblem[]): void {
  if (out.length >= MAX_PROBLEMS) return;
  if (node.isError || node.isMissing) {
    // A whole file wrapped in one ERROR (Ruby after a lost `end`) starts at line 1; the first token the
    // parser could not fit into a complete construct is where it went wrong.
    const at =
      node.parent === null ? (node.children.find((child) => child !== null && !child.isNamed) ?? node) : node;
    const line = lines.lineAt(at.startIndex);
    const snippet = at.text.split("\n", 1)[0]?.trim().slice(0, 40) ?? "";
    const message = node.isMissing
      ? `syntax error: missing ${node.type}`
      : `syntax error${snippet === "" ? "" : ` near \`${snippet}\``}`;
    out.push({ line, message });
    return;
  }
  for (const child of node.children) {
    if (child !== null && (child.hasError || child.isMissing)) collectProblems(child, lines, out);
  }
}
