import type { Node } from "web-tree-sitter";
import type { LineIndex } from "../line-index.js";
import { constantExpressionPattern, decodeEscapes, splitBraceTemplate } from "../literal-text.js";
import type { Import } from "../unit.js";
import { type DecodedString, type GrammarSpec, isDocstring, type PlanContext } from "./grammar.js";

const DOCSTRING = ["block", "expression_statement", "string"] as const;
const IMPORTS = ["import_statement", "import_from_statement", "future_import_statement"];

/** Python over tree-sitter-python. */
export const python: GrammarSpec = {
  language: "python",
  wasm: "tree-sitter-python.wasm",
  // 2: numbers with type suffixes (`10L`), indexes through parentheses as bound names.
  version: 5,
  identifiers: ["identifier"],
  strings: ["string"],
  numbers: ["integer", "float"],
  booleans: ["true", "false"],
  nulls: ["none"],
  // `type` is every annotation (parameters, returns, variables): annotations emit no tokens.
  skip: ["comment", "type", "string_start", "string_content", "string_end", "escape_sequence"],
  // With the annotation skipped, `x: int = 3` must hash like `x=3`.
  silent: ["typed_parameter"],
  tokenAliases: { typed_default_parameter: "default_parameter" },
  containers: [
    "tuple",
    "list",
    "set",
    "expression_list",
    "parenthesized_expression",
    "concatenated_string",
    "pattern_list",
    "tuple_pattern",
    "list_pattern",
  ],
  functions: ["function_definition", "lambda"],
  calls: { call: "function" },
  members: { attribute: ["object", "attribute"] },
  subscripts: { subscript: ["value", "subscript"] },
  binders: {
    assignment: ["left", "right"],
    augmented_assignment: ["left", "right"],
    keyword_argument: ["name", "value"],
    default_parameter: ["name", "value"],
    typed_default_parameter: ["name", "value"],
  },
  pairs: { pair: ["key", "value"] },
  binaries: ["binary_operator"],
  unaries: ["unary_operator"],
  returns: ["return_statement"],
  imports: IMPORTS,
  docstrings: DOCSTRING,
  flags: {
    if_statement: "branch",
    conditional_expression: "branch",
    match_statement: "branch",
    for_statement: "loop",
    while_statement: "loop",
    try_statement: "try",
    except_clause: "catch",
    except_group_clause: "catch",
    raise_statement: "throw",
    await: "await",
  },
  callFlags: {},
  operators: [
    ..."+ - * / // % ** @ << >> & | ^ ~ == != < <= > >= in is and or not := = += -= *= /= //= %= **= &= |= ^= >>= <<=".split(
      " ",
    ),
    "not in",
    "is not",
  ],
  selfNames: ["self", "cls"],
  constantExpression: constantExpressionPattern(),
  decodeString,
  keyName: (node) => (node.type === "string" ? decodeString(node.text).parts.join("") : undefined),
  importsOf,
  plan,
};

function plan(root: Node, ctx: PlanContext): void {
  const publicNames = dunderAll(root);
  const isPublic = (name: string): boolean => (publicNames ? publicNames.has(name) : !name.startsWith("_"));
  let first = true;
  for (const child of root.namedChildren) {
    if (child === null || child.type === "comment") continue;
    const isFirst = first;
    first = false;
    if (IMPORTS.includes(child.type)) ctx.importStatement(child);
    else if (child.type === "ERROR") ctx.boundary();
    else if (isFirst && isDocstring(child, DOCSTRING)) continue;
    else if (!planDefinition(child, ctx, isPublic)) {
      const declares = declaredNames(child);
      ctx.statement(
        child,
        declares,
        declares.some((name) => !name.includes(".") && isPublic(name)),
      );
    }
  }
}

function planDefinition(outer: Node, ctx: PlanContext, isPublic: (name: string) => boolean): boolean {
  const definition = outer.type === "decorated_definition" ? outer.childForFieldName("definition") : outer;
  const name = definition?.childForFieldName("name")?.text;
  if (definition === null || name === undefined) return false;
  if (definition.type === "function_definition") {
    ctx.unit({ node: outer, name, kind: "function", exported: isPublic(name), async: isAsync(definition) });
    return true;
  }
  if (definition.type !== "class_definition") return false;
  const methods = (definition.childForFieldName("body")?.namedChildren ?? []).filter(
    (member): member is Node => member !== null && methodOf(member) !== null,
  );
  const exported = isPublic(name);
  ctx.unit({ node: outer, name, kind: "class", exported, skip: methods });
  for (const member of methods) {
    const method = methodOf(member);
    const methodName = method?.childForFieldName("name")?.text ?? "";
    ctx.unit({
      node: member,
      name: `${name}.${methodName}`,
      kind: "method",
      parent: name,
      exported: exported && !methodName.startsWith("_"),
      async: method !== null && isAsync(method),
    });
  }
  return true;
}

function methodOf(member: Node): Node | null {
  const definition = member.type === "decorated_definition" ? member.childForFieldName("definition") : member;
  return definition?.type === "function_definition" ? definition : null;
}

function isAsync(definition: Node): boolean {
  return definition.child(0)?.type === "async";
}

// `x = …` → x, `a, b = …` → a, b, `app.config["X"] = …` → app.config.
function declaredNames(statement: Node): string[] {
  const expression = statement.type === "expression_statement" ? statement.firstNamedChild : null;
  if (expression?.type !== "assignment" && expression?.type !== "augmented_assignment") return [];
  const names: string[] = [];
  const collect = (target: Node | null): void => {
    if (target === null) return;
    if (target.type === "identifier" || target.type === "attribute") names.push(target.text);
    else if (target.type === "subscript") collect(target.childForFieldName("value"));
    else for (const child of target.namedChildren) collect(child);
  };
  collect(expression.childForFieldName("left"));
  return names;
}

// Names listed in a module-level `__all__ = [...]`, which define what a module exports.
function dunderAll(root: Node): Set<string> | undefined {
  for (const child of root.namedChildren) {
    const assignment = child?.type === "expression_statement" ? child.firstNamedChild : null;
    if (assignment?.type !== "assignment" || assignment.childForFieldName("left")?.text !== "__all__")
      continue;
    const value = assignment.childForFieldName("right");
    const names = (value?.namedChildren ?? []).filter((item) => item?.type === "string");
    return new Set(names.map((item) => decodeString(item?.text ?? "").parts.join("")));
  }
  return undefined;
}

function importsOf(node: Node, lines: LineIndex): Import[] {
  const line = lines.lineAt(node.startIndex);
  const nameOf = (child: Node | null): string =>
    child?.type === "aliased_import" ? (child.childForFieldName("name")?.text ?? "") : (child?.text ?? "");
  const named = node.childrenForFieldName("name").filter((child) => child?.isNamed);
  if (node.type === "import_statement")
    return named.map((child) => ({ module: nameOf(child), names: [], line }));
  const module =
    node.type === "future_import_statement" ? "__future__" : node.childForFieldName("module_name")?.text;
  const wildcard = node.namedChildren.some((child) => child?.type === "wildcard_import");
  return [{ module: module ?? "", names: wildcard ? ["*"] : named.map(nameOf), line }];
}

/** Python string source → its value; an f-string gives the static text between its `{…}` fields. */
export function decodeString(raw: string): DecodedString {
  const prefix = /^[A-Za-z]*/.exec(raw)?.[0].toLowerCase() ?? "";
  const rest = raw.slice(prefix.length);
  const quote = rest.startsWith('"""') || rest.startsWith("'''") ? rest.slice(0, 3) : rest.slice(0, 1);
  const end = rest.length > quote.length && rest.endsWith(quote) ? rest.length - quote.length : rest.length;
  const body = rest.slice(quote.length, end);
  const decode = prefix.includes("r") ? (text: string) => text : decodeEscapes;
  if (!prefix.includes("f")) return { template: false, parts: [decode(body)] };
  const { parts, fields } = splitBraceTemplate(body, decode);
  return { template: fields > 0, parts };
}
