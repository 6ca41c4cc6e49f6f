import type { Node } from "web-tree-sitter";
import type { LineIndex } from "../line-index.js";
import { constantExpressionPattern, decodeEscapes } from "../literal-text.js";
import type { Import } from "../unit.js";
import { FLAG, type UnitBuilder } from "../unit-builder.js";
import { type DecodedString, type GrammarSpec, type PlanContext, QUIET } from "./grammar.js";

const DECLARATIONS = new Set(["const_declaration", "var_declaration", "type_declaration"]);
const SPECS = new Set(["const_spec", "var_spec", "type_spec", "type_alias"]);
const STRINGS = ["interpreted_string_literal", "raw_string_literal", "rune_literal"];

/** Go over tree-sitter-go. Types are mandatory syntax in Go, not annotations, so they do emit tokens. */
export const go: GrammarSpec = {
  language: "go",
  wasm: "tree-sitter-go.wasm",
  // 2: numbers with type suffixes, indexes through parentheses as bound names. 4: blocks say which names are types.
  version: 6,
  identifiers: ["identifier", "field_identifier", "type_identifier", "package_identifier", "label_name"],
  strings: STRINGS,
  numbers: ["int_literal", "float_literal", "imaginary_literal"],
  booleans: ["true", "false"],
  nulls: ["nil"],
  skip: ["comment"],
  // A composite literal passes its bound name on: `Retry: []int{502, 503}` gives two numbers named Retry.
  containers: [
    "expression_list",
    "literal_element",
    "literal_value",
    "composite_literal",
    "parenthesized_expression",
  ],
  functions: ["func_literal"],
  calls: { call_expression: "function" },
  members: { selector_expression: ["operand", "field"] },
  subscripts: { index_expression: ["operand", "index"] },
  binders: {
    const_spec: ["name", "value"],
    var_spec: ["name", "value"],
    short_var_declaration: ["left", "right"],
    assignment_statement: ["left", "right"],
  },
  pairs: { keyed_element: ["", ""] },
  binaries: ["binary_expression"],
  unaries: ["unary_expression"],
  returns: ["return_statement"],
  imports: ["import_declaration"],
  flags: {
    for_statement: "loop",
    if_statement: "branch",
    expression_switch_statement: "branch",
    type_switch_statement: "branch",
    select_statement: "await",
  },
  callFlags: { panic: "throw" },
  operators:
    "+ - * / % & | ^ << >> &^ && || <- ++ -- == != < <= > >= = := ! += -= *= /= %= &= |= ^= <<= >>= &^=".split(
      " ",
    ),
  selfNames: [],
  // `15 * time.Second`: an exported package constant is as constant as a number.
  constantExpression: constantExpressionPattern(String.raw`[A-Za-z_]\w*\.[A-Z]\w*`),
  hooks: {
    if_statement: (node, out) => flagIf(out, isErrorCheck(node.childForFieldName("condition")), FLAG.catch),
    return_statement: (node, out) => flagIf(out, returnsError(node), FLAG.throw),
    unary_expression: (node, out) =>
      flagIf(out, node.childForFieldName("operator")?.type === "<-", FLAG.await),
    composite_literal: constructs,
    field_declaration: structTags,
  },
  decodeString,
  keyName(node) {
    const key = node.type === "literal_element" ? node.firstNamedChild : node;
    if (key === null) return undefined;
    if (key.type === "identifier" || key.type === "field_identifier") return key.text;
    return STRINGS.includes(key.type) ? decodeString(key.text).parts.join("") : undefined;
  },
  importsOf,
  plan,
};

function plan(root: Node, ctx: PlanContext): void {
  for (const child of root.namedChildren) {
    if (child === null || child.type === "comment" || child.type === "package_clause") continue;
    const name = child.childForFieldName("name")?.text ?? "";
    if (child.type === "import_declaration") {
      ctx.importStatement(child);
    } else if (child.type === "function_declaration") {
      ctx.unit({ node: child, name, kind: "function", exported: isExported(name) });
    } else if (child.type === "method_declaration") {
      const receiver = child
        .childForFieldName("receiver")
        ?.namedChildren.find((p) => p?.type === "parameter_declaration");
      const type = /^[\s*]*(\w+)/.exec(receiver?.childForFieldName("type")?.text ?? "")?.[1] ?? "";
      const receiverName = receiver?.childForFieldName("name")?.text;
      ctx.unit({
        node: child,
        name: `${type}.${name}`,
        kind: "method",
        parent: type,
        exported: isExported(name),
        ...(receiverName === undefined ? {} : { receiver: receiverName }),
      });
    } else if (child.type === "ERROR") {
      ctx.boundary();
    } else {
      const declares = DECLARATIONS.has(child.type) ? declaredNames(child) : [];
      const types = child.type === "type_declaration" ? declares : [];
      ctx.statement(child, declares, declares.some(isExported), types);
    }
  }
}

function declaredNames(declaration: Node): string[] {
  const names: string[] = [];
  const visit = (node: Node, depth: number): void => {
    for (const child of node.namedChildren) {
      if (child === null) continue;
      if (SPECS.has(child.type)) {
        // `var _ Interface = (*T)(nil)` declares nothing: the blank name is not one a unit can use.
        for (const name of child.childrenForFieldName("name"))
          if (name?.isNamed && name.text !== "_") names.push(name.text);
      } else if (depth < 2) {
        visit(child, depth + 1);
      }
    }
  };
  visit(declaration, 0);
  return names;
}

function isExported(name: string): boolean {
  return /^\p{Lu}/u.test(name);
}

function flagIf(out: UnitBuilder, condition: boolean, flag: number): number {
  if (condition) out.flag(flag);
  return 0;
}

// `err != nil`, `nil != err`, or a call to errors.Is / errors.As.
function isErrorCheck(condition: Node | null): boolean {
  if (condition === null) return false;
  if (condition.type === "call_expression") {
    return /^errors\.(Is|As)$/.test(condition.childForFieldName("function")?.text ?? "");
  }
  if (condition.type !== "binary_expression")
    return condition.namedChildren.some((child) => isErrorCheck(child));
  const operator = condition.childForFieldName("operator")?.type;
  if (operator === "&&" || operator === "||")
    return condition.namedChildren.some((child) => isErrorCheck(child));
  const left = condition.childForFieldName("left");
  const right = condition.childForFieldName("right");
  const isErr = (node: Node | null): boolean => node?.type === "identifier" && /err/i.test(node.text);
  return (
    operator === "!=" && ((isErr(left) && right?.type === "nil") || (isErr(right) && left?.type === "nil"))
  );
}

// `return …, err`, `return fmt.Errorf(…)`, `return errors.New(…)`.
function returnsError(node: Node): boolean {
  const values = node.firstNamedChild;
  const last = values?.type === "expression_list" ? values.lastNamedChild : values;
  if (last === null || last === undefined) return false;
  if (last.type === "identifier") return /err/i.test(last.text);
  if (last.type !== "call_expression") return false;
  return /^(fmt\.Errorf|errors\.\w+)$/.test(last.childForFieldName("function")?.text ?? "");
}

// `http.Client{…}` and `&Client{…}` build a value of a named type: that counts as a constructor call.
function constructs(node: Node, out: UnitBuilder): number {
  const type = node.childForFieldName("type");
  if (type?.type === "type_identifier" || type?.type === "qualified_type") out.call(type.text);
  else if (type?.type === "generic_type") out.call(type.childForFieldName("type")?.text ?? type.text);
  return 0;
}

// `json:"actor,omitempty"` → key "actor"; the tag itself is not a string value.
function structTags(node: Node, out: UnitBuilder): number {
  const tag = node.childForFieldName("tag");
  if (tag === null) return 0;
  for (const match of decodeString(tag.text)
    .parts.join("")
    .matchAll(/(?:^|\s)json:"([^",]*)/g)) {
    const name = match[1];
    if (name !== undefined && name !== "" && name !== "-") out.key(name);
  }
  return QUIET;
}

function importsOf(node: Node, lines: LineIndex): Import[] {
  const specs = node.descendantsOfType("import_spec");
  return specs.flatMap((spec) => {
    if (spec === null) return [];
    const path = spec.childForFieldName("path");
    const alias = spec.childForFieldName("name")?.text;
    const module = path === null ? "" : decodeString(path.text).parts.join("");
    return [{ module, names: alias === undefined ? [] : [alias], line: lines.lineAt(spec.startIndex) }];
  });
}

/** Go string, raw string or rune source → its value. */
export function decodeString(raw: string): DecodedString {
  const body = raw.length >= 2 ? raw.slice(1, -1) : raw;
  return { template: false, parts: [raw.startsWith("`") ? body.replace(/\r/g, "") : decodeEscapes(body)] };
}
