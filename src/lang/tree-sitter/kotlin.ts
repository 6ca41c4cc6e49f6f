import type { Node } from "web-tree-sitter";
import type { LineIndex } from "../line-index.js";
import { constantCallPattern, constantExpressionPattern, decodeEscapes } from "../literal-text.js";
import type { Import } from "../unit.js";
import { FLAG, type UnitBuilder } from "../unit-builder.js";
import { type AnnotationArgument, type Member, planClass, TYPE_CONVERSION, wireName } from "./class-plan.js";
import { type Binding, type DecodedString, type GrammarSpec, type PlanContext, QUIET } from "./grammar.js";
import { dottedImport } from "./names.js";

const TYPES = new Set(["class_declaration", "object_declaration"]);
const FUNCTIONS = ["function_declaration", "secondary_constructor", "lambda_literal", "anonymous_function"];
// What an expression body (`fun f() = …`) may be to return a function.
const FUNCTION_VALUES = new Set(["lambda_literal", "anonymous_function", "callable_reference"]);
const HIDDEN = new Set(["private", "protected", "internal"]);

/**
 * Kotlin over tree-sitter-kotlin. That grammar has no fields, so calls and members use positions (`#0`)
 * and binders are read by `bindings` around their `=` token. Declarations are public unless marked
 * `private`, `protected` or `internal`.
 */
export const kotlin: GrammarSpec = {
  language: "kotlin",
  wasm: "tree-sitter-kotlin.wasm",
  version: 5,
  identifiers: ["simple_identifier", "type_identifier", "interpolated_identifier", "super_expression"],
  strings: ["string_literal", "character_literal"],
  numbers: [
    "integer_literal",
    "hex_literal",
    "bin_literal",
    "real_literal",
    "long_literal",
    "unsigned_literal",
  ],
  booleans: ["boolean_literal"],
  nulls: [],
  skip: ["line_comment", "multiline_comment", "string_content", "shebang_line"],
  containers: ["parenthesized_expression", "collection_literal"],
  functions: [...FUNCTIONS, "callable_reference"],
  calls: { call_expression: "#0", constructor_delegation_call: "#0" },
  members: { navigation_expression: ["#0", "#-1"], directly_assignable_expression: ["#0", "#-1"] },
  subscripts: { indexing_expression: ["#0", "#-1"] },
  binders: {},
  pairs: {},
  bindings: {
    property_declaration: (node) => equalsBindings(node, "variable_declaration"),
    class_parameter: (node) => equalsBindings(node, "simple_identifier"),
    value_argument: (node) => equalsBindings(node, "simple_identifier"),
    function_value_parameters: (node) => equalsBindings(node, "parameter"),
    assignment: assignmentBinding,
    infix_expression: pairBinding,
  },
  binaries: ["additive_expression", "multiplicative_expression"],
  unaries: ["prefix_expression"],
  returns: ["jump_expression"],
  imports: ["import_list"],
  flags: {
    if_expression: "branch",
    when_expression: "branch",
    for_statement: "loop",
    while_statement: "loop",
    do_while_statement: "loop",
    try_expression: "try",
    catch_block: "catch",
  },
  // `repeat(n) { … }` is Kotlin's counted loop; `deferred.await()` is its await.
  callFlags: {
    repeat: "loop",
    ".forEach": "loop",
    ".forEachIndexed": "loop",
    ".await": "await",
    awaitAll: "await",
  },
  // `null` is an anonymous token in this grammar: kept as an operator so it still counts.
  operators:
    "+ - * / % ++ -- && || ! !! == != === !== < <= > >= = += -= *= /= %= ?: ?. .. -> :: as as? is !is in !in null".split(
      " ",
    ),
  selfNames: [],
  conversions: TYPE_CONVERSION,
  constantExpression: constantExpressionPattern(),
  constantValues: { types: ["call_expression", "navigation_expression"], pattern: constantCallPattern() },
  hooks: { jump_expression: throws, annotation: annotationKey },
  nameOf: functionName,
  decodeString,
  keyName: () => undefined,
  importsOf,
  plan,
};

function plan(root: Node, ctx: PlanContext): void {
  for (const child of root.namedChildren) {
    if (child === null || child.type.endsWith("comment")) continue;
    const type = child.type;
    if (type === "package_header" || type === "file_annotation" || type === "shebang_line") continue;
    if (type === "import_list") ctx.importStatement(child);
    else if (type === "ERROR") ctx.boundary();
    else if (TYPES.has(type)) planClass(ctx, reader, child, typeName(child), isVisible(child));
    else if (type === "function_declaration")
      ctx.unit({ node: child, kind: "function", ...functionShape(child, true) });
    else {
      const name = type === "property_declaration" ? propertyName(child) : undefined;
      ctx.statement(child, name === undefined ? [] : [name], name !== undefined && isVisible(child));
    }
  }
}

const reader = {
  separator: ".",
  members(type: Node, exported: boolean): Member[] {
    const members: Member[] = [];
    const visit = (body: Node | undefined | null): void => {
      for (const member of body?.namedChildren ?? []) {
        if (member === null) continue;
        const visible = exported && isVisible(member);
        // A companion object's functions are called on the class: `Client.create()`.
        if (member.type === "companion_object")
          visit(member.namedChildren.find((c) => c?.type === "class_body"));
        else if (TYPES.has(member.type))
          members.push({ node: member, name: typeName(member), kind: "class", exported: visible });
        else if (member.type === "function_declaration")
          members.push({ node: member, kind: "method", ...functionShape(member, exported) });
        else if (member.type === "secondary_constructor")
          members.push({ node: member, name: "constructor", kind: "method", exported: visible });
      }
    };
    visit(
      type.namedChildren.find((child) => child?.type === "class_body" || child?.type === "enum_class_body"),
    );
    return members;
  },
  // `interface Api` and `fun interface Handler`: a class_declaration with the `interface` keyword.
  isInterface: (type: Node) => type.children.some((child) => child?.type === "interface"),
};

function functionName(node: Node): string | undefined {
  return node.namedChildren.find((child) => child?.type === "simple_identifier")?.text;
}

function functionShape(node: Node, visible: boolean) {
  const body = node.namedChildren.find((child) => child?.type === "function_body");
  const value = body?.child(0)?.type === "=" ? body.firstNamedChild : null;
  return {
    name: functionName(node) ?? "",
    exported: visible && isVisible(node),
    async: modifierWords(node).includes("suspend"),
    returnsFunction: value !== null && value !== undefined && FUNCTION_VALUES.has(value.type),
    declaration: body === undefined,
  };
}

function typeName(node: Node): string {
  return node.namedChildren.find((child) => child?.type === "type_identifier")?.text ?? "";
}

function propertyName(node: Node): string | undefined {
  const declaration = node.namedChildren.find((child) => child?.type === "variable_declaration");
  return declaration?.firstNamedChild?.text;
}

function modifierWords(node: Node): string[] {
  const modifiers = node.namedChildren.find((child) => child?.type === "modifiers");
  return (modifiers?.namedChildren ?? []).map((modifier) => modifier?.text ?? "");
}

function isVisible(node: Node): boolean {
  return !modifierWords(node).some((word) => HIDDEN.has(word));
}

// `val x: Int = 3`, `timeout = 5_000`, `(times: Int = 3, …)`: the child after each `=` is bound to the name
// in the closest preceding child of `nameType` (or that child itself when it is the identifier).
function equalsBindings(node: Node, nameType: string): Binding[] {
  const bindings: Binding[] = [];
  let target: Node | null = null;
  let afterEquals = false;
  for (const child of node.children) {
    if (child === null) continue;
    if (child.type === "=") afterEquals = target !== null;
    else if (afterEquals && child.isNamed) {
      const name = target?.type === "simple_identifier" ? target : target?.firstNamedChild;
      bindings.push({
        value: child,
        name: name?.text,
        target: nameType === "simple_identifier" ? target : null,
      });
      afterEquals = false;
    } else if (child.type === nameType) target = child;
  }
  return bindings;
}

// `this.timeout = 5`, `headers["X-Id"] = "v"`: bound like any member or index target.
function assignmentBinding(node: Node): Binding[] {
  const target = node.firstNamedChild;
  const value = node.lastNamedChild;
  if (target === null || value === null || target.id === value.id) return [];
  const last = target.lastNamedChild ?? target;
  const inner = last.type === "simple_identifier" ? last : last.firstNamedChild;
  const name = inner?.type === "string_literal" ? stringOf(inner) : inner?.text;
  return [{ value, name, target }];
}

// `mapOf("X-Request-Id" to id)`: a pair, so the string is a key.
function pairBinding(node: Node): Binding[] {
  const [key, operator, value] = node.namedChildren;
  if (key?.type !== "string_literal" || operator?.text !== "to" || value === null || value === undefined)
    return [];
  return [{ value, name: stringOf(key), target: key, key: true }];
}

function throws(node: Node, out: UnitBuilder): number {
  if (node.child(0)?.type === "throw") out.flag(FLAG.throw);
  return 0;
}

// `@SerialName("error_code")`, `@Json(name = "error_code")`: the name is a key, not a value.
function annotationKey(node: Node, out: UnitBuilder): number {
  const invocation = node.namedChildren.find((child) => child?.type === "constructor_invocation");
  const type = invocation?.firstNamedChild?.text ?? "";
  const args =
    invocation?.namedChildren.find((child) => child?.type === "value_arguments")?.namedChildren ?? [];
  const values = args.map((arg): AnnotationArgument => {
    const value = arg?.lastNamedChild;
    const named = arg !== null && arg.namedChildCount > 1 ? (arg.firstNamedChild?.text ?? "") : "";
    return [named, value?.type === "string_literal" ? stringOf(value) : undefined];
  });
  const name = wireName(type, values);
  if (name === undefined) return 0;
  out.key(name);
  return QUIET;
}

const stringOf = (node: Node): string => decodeString(node.text).parts.join("");

function importsOf(node: Node, lines: LineIndex): Import[] {
  const headers = node.type === "import_header" ? [node] : node.namedChildren;
  return headers.flatMap((header) => {
    const path = header?.namedChildren
      .find((child) => child?.type === "identifier")
      ?.text.replace(/\s+/g, "");
    if (header === null || path === undefined) return [];
    const wildcard = header.namedChildren.some((child) => child?.type === "wildcard_import");
    return [dottedImport(path, wildcard, lines.lineAt(header.startIndex))];
  });
}

/** Kotlin string or char source → its value; a template gives the static text around `$x` and `${…}`. */
export function decodeString(raw: string): DecodedString {
  const triple = raw.startsWith('"""');
  const quote = triple ? 3 : 1;
  const body = raw.slice(quote, raw.length >= 2 * quote ? raw.length - quote : raw.length);
  const decode = triple
    ? (text: string) => text
    : (text: string) => decodeEscapes(text.replace(/\\\$/g, "$"));
  const parts: string[] = [];
  let current = "";
  let fields = 0;
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    const next = body[i + 1] ?? "";
    if (char === "\\" && !triple) {
      current += char + next;
      i++;
    } else if (char === "$" && (next === "{" || /[\p{L}_]/u.test(next))) {
      fields++;
      if (current !== "") parts.push(decode(current));
      current = "";
      if (next === "{") {
        for (let depth = 0; i < body.length; i++) {
          if (body[i] === "{") depth++;
          else if (body[i] === "}" && --depth === 0) break;
        }
      } else {
        while (i + 1 < body.length && /[\p{L}\p{N}_]/u.test(body[i + 1] ?? "")) i++;
      }
    } else {
      current += char;
    }
  }
  if (current !== "") parts.push(decode(current));
  return { template: fields > 0, parts };
}
