import type { Node } from "web-tree-sitter";
import type { LineIndex } from "../line-index.js";
import { constantCallPattern, constantExpressionPattern, decodeEscapes } from "../literal-text.js";
import type { Import } from "../unit.js";
import type { UnitBuilder } from "../unit-builder.js";
import { type AnnotationArgument, type Member, planClass, TYPE_CONVERSION, wireName } from "./class-plan.js";
import { type DecodedString, type GrammarSpec, type PlanContext, QUIET } from "./grammar.js";
import { dottedImport } from "./names.js";

const TYPES = new Set([
  "class_declaration",
  "interface_declaration",
  "enum_declaration",
  "record_declaration",
  "annotation_type_declaration",
]);
const METHODS = new Set(["method_declaration", "constructor_declaration", "compact_constructor_declaration"]);
const STRINGS = ["string_literal", "character_literal"];

/** Java over tree-sitter-java. Types are mandatory syntax, as in Go, so they emit identifier tokens. */
export const java: GrammarSpec = {
  language: "java",
  wasm: "tree-sitter-java.wasm",
  version: 5,
  // `super` is an identifier so that `super.run()` is recorded as `super.run`, not as a call to `run`.
  identifiers: ["identifier", "type_identifier", "super"],
  strings: STRINGS,
  numbers: [
    "decimal_integer_literal",
    "hex_integer_literal",
    "octal_integer_literal",
    "binary_integer_literal",
    "decimal_floating_point_literal",
    "hex_floating_point_literal",
  ],
  booleans: ["true", "false"],
  nulls: ["null_literal"],
  skip: ["line_comment", "block_comment"],
  containers: ["array_initializer", "element_value_array_initializer", "parenthesized_expression"],
  functions: ["lambda_expression", "method_reference", ...METHODS],
  calls: { method_invocation: "", explicit_constructor_invocation: "constructor" },
  members: { method_invocation: ["object", "name"], field_access: ["object", "field"] },
  subscripts: { array_access: ["array", "index"] },
  binders: {
    variable_declarator: ["name", "value"],
    assignment_expression: ["left", "right"],
    element_value_pair: ["key", "value"],
  },
  pairs: {},
  binaries: ["binary_expression"],
  unaries: ["unary_expression"],
  returns: ["return_statement"],
  imports: ["import_declaration"],
  flags: {
    if_statement: "branch",
    switch_expression: "branch",
    ternary_expression: "branch",
    for_statement: "loop",
    enhanced_for_statement: "loop",
    while_statement: "loop",
    do_statement: "loop",
    try_statement: "try",
    try_with_resources_statement: "try",
    catch_clause: "catch",
    throw_statement: "throw",
  },
  callFlags: {},
  operators:
    "+ - * / % ++ -- == != < <= > >= && || ! ~ & | ^ << >> >>> = += -= *= /= %= &= |= ^= <<= >>= >>>= -> :: instanceof".split(
      " ",
    ),
  selfNames: [],
  conversions: TYPE_CONVERSION,
  constantExpression: constantExpressionPattern(),
  constantValues: { types: ["method_invocation"], pattern: constantCallPattern() },
  hooks: { object_creation_expression: constructs, annotation: annotationKey },
  decodeString,
  keyName: () => undefined,
  importsOf,
  plan,
};

function plan(root: Node, ctx: PlanContext): void {
  for (const child of root.namedChildren) {
    if (child === null || child.type.endsWith("comment") || child.type === "package_declaration") continue;
    if (child.type === "import_declaration") ctx.importStatement(child);
    else if (child.type === "ERROR") ctx.boundary();
    else if (TYPES.has(child.type))
      planClass(ctx, reader, child, nameOf(child), hasModifier(child, "public"));
    else ctx.statement(child, [], false);
  }
}

const reader = {
  separator: ".",
  members(type: Node, exported: boolean): Member[] {
    // Interface members are public unless they say otherwise.
    const implicit = type.type === "interface_declaration" || type.type === "annotation_type_declaration";
    const isPublic = (node: Node) =>
      hasModifier(node, "public") || (implicit && !hasModifier(node, "private"));
    const members: Member[] = [];
    const visit = (body: Node | null): void => {
      for (const member of body?.namedChildren ?? []) {
        if (member === null) continue;
        if (member.type === "enum_body_declarations") visit(member);
        else if (TYPES.has(member.type))
          members.push({
            node: member,
            name: nameOf(member),
            kind: "class",
            exported: exported && isPublic(member),
          });
        else if (METHODS.has(member.type))
          members.push({
            node: member,
            // Constructors go by one name in every language: `Client.constructor`, as in TypeScript.
            name: member.type === "method_declaration" ? nameOf(member) : "constructor",
            kind: "method",
            exported: exported && isPublic(member),
            declaration: member.childForFieldName("body") === null,
          });
      }
    };
    visit(type.childForFieldName("body"));
    return members;
  },
  isInterface: (type: Node) => type.type === "interface_declaration",
};

function nameOf(node: Node): string {
  return node.childForFieldName("name")?.text ?? "";
}

function hasModifier(node: Node, keyword: string): boolean {
  const modifiers = node.namedChildren.find((child) => child?.type === "modifiers");
  return modifiers?.children.some((child) => child?.type === keyword) ?? false;
}

// `new HttpClient(…)` calls the constructor: recorded as `HttpClient`, without type arguments.
function constructs(node: Node, out: UnitBuilder): number {
  const type = node.childForFieldName("type");
  if (type !== null) out.call(type.text.replace(/<[\s\S]*$/, "").replace(/\s+/g, ""));
  return 0;
}

// `@JsonProperty("error_code")` / `@SerializedName(value = "error_code")`: the name is a key, not a value.
function annotationKey(node: Node, out: UnitBuilder): number {
  const args = node.childForFieldName("arguments")?.namedChildren ?? [];
  const values = args.map((arg): AnnotationArgument => {
    if (arg?.type === "element_value_pair") {
      const value = arg.childForFieldName("value");
      return [
        arg.childForFieldName("key")?.text ?? "",
        value?.type === "string_literal" ? text(value) : undefined,
      ];
    }
    return ["", arg?.type === "string_literal" ? text(arg) : undefined];
  });
  const name = wireName(node.childForFieldName("name")?.text ?? "", values);
  if (name === undefined) return 0;
  out.key(name);
  return QUIET;
}

const text = (node: Node): string => decodeString(node.text).parts.join("");

function importsOf(node: Node, lines: LineIndex): Import[] {
  const path = node.namedChildren.find(
    (child) => child?.type === "scoped_identifier" || child?.type === "identifier",
  );
  if (path === undefined || path === null) return [];
  const line = lines.lineAt(node.startIndex);
  const wildcard = node.namedChildren.some((child) => child?.type === "asterisk");
  return [dottedImport(path.text.replace(/\s+/g, ""), wildcard, line)];
}

/** Java string, text block or char source → its value (a text block loses its incidental indentation). */
export function decodeString(raw: string): DecodedString {
  if (!raw.startsWith('"""')) {
    const body = raw.length >= 2 ? raw.slice(1, -1) : raw;
    return { template: false, parts: [decodeEscapes(body.replace(/\\s/g, " "))] };
  }
  const lines = raw
    .slice(3, raw.endsWith('"""') ? -3 : undefined)
    .split("\n")
    .slice(1);
  const indents = lines
    .filter((line) => line.trim() !== "")
    .map((line) => /^[ \t]*/.exec(line)?.[0].length ?? 0);
  const closing = lines[lines.length - 1] ?? "";
  const margin = Math.min(...indents, closing.trim() === "" ? closing.length : Number.POSITIVE_INFINITY);
  const body = lines.map((line) => line.slice(Number.isFinite(margin) ? margin : 0).trimEnd()).join("\n");
  return { template: false, parts: [decodeEscapes(body.replace(/\\s/g, " "))] };
}
