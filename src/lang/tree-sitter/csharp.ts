import type { Node } from "web-tree-sitter";
import type { LineIndex } from "../line-index.js";
import {
  constantCallPattern,
  constantExpressionPattern,
  decodeEscapes,
  splitBraceTemplate,
} from "../literal-text.js";
import type { Import } from "../unit.js";
import type { UnitBuilder } from "../unit-builder.js";
import { type AnnotationArgument, type Member, planClass, TYPE_CONVERSION, wireName } from "./class-plan.js";
import { type Binding, type DecodedString, type GrammarSpec, type PlanContext, QUIET } from "./grammar.js";

const TYPES = new Set([
  "class_declaration",
  "interface_declaration",
  "struct_declaration",
  "record_declaration",
  "record_struct_declaration",
  "enum_declaration",
]);
const METHODS: Readonly<Record<string, string | undefined>> = {
  method_declaration: undefined, // its own name
  constructor_declaration: "constructor",
  destructor_declaration: "finalizer",
  operator_declaration: "operator",
  conversion_operator_declaration: "operator",
};
const NAMESPACES = new Set(["namespace_declaration", "file_scoped_namespace_declaration"]);
const STRINGS = [
  "string_literal",
  "verbatim_string_literal",
  "character_literal",
  "interpolated_string_expression",
];
const FUNCTION_VALUES = new Set(["lambda_expression", "anonymous_method_expression"]);

/** C# over tree-sitter-c-sharp. A member is exported when it is `public` inside an exported type. */
export const csharp: GrammarSpec = {
  language: "csharp",
  wasm: "tree-sitter-c_sharp.wasm",
  version: 5,
  // `base` is an identifier so that `base.Run()` is recorded as `base.Run`, not as a call to `Run`.
  identifiers: ["identifier", "base_expression"],
  strings: STRINGS,
  numbers: ["integer_literal", "real_literal"],
  booleans: ["boolean_literal"],
  nulls: ["null_literal"],
  skip: ["comment", "interpolated_string_text", "interpolated_verbatim_string_text", "escape_sequence"],
  // An initializer passes its bound name on: `int[] Codes = { 502, 503 }` gives two numbers named Codes.
  containers: [
    "parenthesized_expression",
    "equals_value_clause",
    "arrow_expression_clause",
    "initializer_expression",
  ],
  functions: [
    "lambda_expression",
    "anonymous_method_expression",
    "local_function_statement",
    ...Object.keys(METHODS),
  ],
  calls: { invocation_expression: "function" },
  members: {
    member_access_expression: ["expression", "name"],
    conditional_access_expression: ["condition", "#-1"],
  },
  subscripts: {
    element_access_expression: ["expression", "subscript"],
    element_binding_expression: ["#0", "#0"],
  },
  binders: {
    assignment_expression: ["left", "right"],
    property_declaration: ["name", "value"],
    enum_member_declaration: ["name", "value"],
  },
  pairs: {},
  bindings: {
    variable_declarator: (node) => named(node.firstNamedChild, node.lastNamedChild),
    parameter: (node) => named(node.childForFieldName("name"), node.lastNamedChild),
    argument: (node) => prefixed(node, "name_colon"),
    attribute_argument: (node) => prefixed(node, "name_equals"),
    anonymous_object_creation_expression: anonymousObject,
    initializer_expression: dictionaryEntry,
  },
  binaries: ["binary_expression"],
  unaries: ["prefix_unary_expression"],
  returns: ["return_statement"],
  imports: ["using_directive"],
  flags: {
    if_statement: "branch",
    switch_statement: "branch",
    switch_expression: "branch",
    conditional_expression: "branch",
    for_statement: "loop",
    for_each_statement: "loop",
    while_statement: "loop",
    do_statement: "loop",
    try_statement: "try",
    catch_clause: "catch",
    throw_statement: "throw",
    throw_expression: "throw",
    await_expression: "await",
  },
  callFlags: {},
  operators:
    "+ - * / % ++ -- == != < <= > >= && || ! ~ & | ^ << >> = += -= *= /= %= &= |= ^= <<= >>= ?? ??= => ?. is as".split(
      " ",
    ),
  selfNames: [],
  conversions: TYPE_CONVERSION,
  constantExpression: constantExpressionPattern(),
  constantValues: { types: ["invocation_expression"], pattern: constantCallPattern() },
  hooks: {
    object_creation_expression: constructs,
    constructor_initializer: chainsConstructor,
    initializer_expression: initializerKeys,
    attribute: attributeKey,
  },
  decodeString,
  keyName: () => undefined,
  importsOf,
  plan,
};

function plan(root: Node, ctx: PlanContext): void {
  // A namespace's declarations are planned as if at top level: its name is not part of unit names.
  const namespace = root.childForFieldName("name")?.id;
  for (const child of root.namedChildren) {
    if (child === null || child.type === "comment" || child.id === namespace) continue;
    const type = child.type;
    if (type === "using_directive") ctx.importStatement(child);
    else if (type === "ERROR") ctx.boundary();
    else if (NAMESPACES.has(type)) plan(child.childForFieldName("body") ?? child, ctx);
    else if (TYPES.has(type)) planClass(ctx, reader, child, typeName(child), hasModifier(child, "public"));
    else if (type === "global_statement" && child.firstNamedChild?.type === "local_function_statement") {
      const fn = child.firstNamedChild;
      ctx.unit({ node: child, name: nameOf(fn), kind: "function", exported: false, ...shape(fn) });
    } else ctx.statement(child, declaredNames(child), false);
  }
}

const reader = {
  separator: ".",
  members(type: Node, exported: boolean): Member[] {
    // Interface members are public unless they say otherwise.
    const implicit = type.type === "interface_declaration";
    const isPublic = (node: Node) =>
      hasModifier(node, "public") || (implicit && !hasModifier(node, "private"));
    const members: Member[] = [];
    for (const member of type.childForFieldName("body")?.namedChildren ?? []) {
      if (member === null) continue;
      const visible = exported && isPublic(member);
      if (TYPES.has(member.type))
        members.push({ node: member, name: typeName(member), kind: "class", exported: visible });
      if (!(member.type in METHODS)) continue;
      const name = METHODS[member.type] ?? nameOf(member);
      members.push({ node: member, name, kind: "method", exported: visible, ...shape(member) });
    }
    return members;
  },
  isInterface: (type: Node) => type.type === "interface_declaration",
};

function shape(node: Node): { async: boolean; returnsFunction: boolean; declaration: boolean } {
  const body = node.childForFieldName("body");
  const value = body?.type === "arrow_expression_clause" ? body.firstNamedChild : null;
  return {
    async: hasModifier(node, "async"),
    returnsFunction: value !== null && value !== undefined && FUNCTION_VALUES.has(value.type),
    declaration: body === null,
  };
}

// `Policy` and `Policy<TResult>` are two types in C#, often side by side in one file.
function typeName(node: Node): string {
  const parameters = node.childForFieldName("type_parameters")?.text.replace(/\s+/g, "") ?? "";
  return nameOf(node) + parameters;
}

function nameOf(node: Node): string {
  return node.childForFieldName("name")?.text ?? "";
}

function hasModifier(node: Node, keyword: string): boolean {
  return node.namedChildren.some((child) => child?.type === "modifier" && child.text === keyword);
}

// `var client = …;` at top level declares client.
function declaredNames(statement: Node): string[] {
  const local = statement.firstNamedChild;
  const declaration = local?.type === "local_declaration_statement" ? local.firstNamedChild : null;
  return (declaration?.namedChildren ?? []).flatMap((declarator) =>
    declarator?.type === "variable_declarator" ? [declarator.firstNamedChild?.text ?? ""] : [],
  );
}

function named(target: Node | null, value: Node | null): Binding[] {
  if (target === null || value === null || target.id === value.id) return [];
  return [{ value, name: target.text, target }];
}

// `Get(url, timeout: 5)`, `[Retry(Delay = 100)]`: a named argument binds its value.
function prefixed(node: Node, prefix: string): Binding[] {
  const target = node.firstNamedChild;
  if (target?.type !== prefix) return [];
  return [{ value: node.lastNamedChild ?? target, name: target.firstNamedChild?.text, target }];
}

// `new { Name = "x", Count = 2 }`: like an object literal, its names are keys.
function anonymousObject(node: Node): Binding[] {
  const bindings: Binding[] = [];
  const children = node.namedChildren;
  children.forEach((child, index) => {
    const value = children[index + 1];
    if (child?.type === "name_equals" && value !== null && value !== undefined)
      bindings.push({ value, name: child.firstNamedChild?.text, target: child, key: true });
  });
  return bindings;
}

// `{ "Accept", "application/json" }` inside a dictionary initializer is one entry.
function dictionaryEntry(node: Node): Binding[] {
  const [key, value, extra] = node.namedChildren;
  if (node.parent?.type !== "initializer_expression" || extra !== undefined) return [];
  if (key?.type !== "string_literal" || value === null || value === undefined) return [];
  return [{ value, name: stringOf(key), target: key, key: true }];
}

// `new HttpClient { Timeout = … }`, `{ ["X-Request-Id"] = id }`: the assigned names are keys.
function initializerKeys(node: Node, out: UnitBuilder): number {
  for (const child of node.namedChildren) {
    const left = child?.type === "assignment_expression" ? child.childForFieldName("left") : null;
    if (left?.type === "identifier") out.key(left.text);
    const index =
      left?.type === "element_binding_expression" ? left.descendantsOfType("string_literal")[0] : null;
    if (index !== null && index !== undefined) out.key(stringOf(index));
  }
  return 0;
}

// `new HttpClient(…)` calls the constructor: recorded as `HttpClient`, without type arguments.
function constructs(node: Node, out: UnitBuilder): number {
  const type = node.childForFieldName("type");
  if (type !== null) out.call(type.text.replace(/<[\s\S]*$/, "").replace(/\s+/g, ""));
  return 0;
}

// `: base(message)` calls the parent's constructor, as Java's `super(message)` does.
function chainsConstructor(node: Node, out: UnitBuilder): number {
  const keyword = node.children.find((child) => child?.type === "base" || child?.type === "this");
  if (keyword !== undefined && keyword !== null) out.call(keyword.type);
  return 0;
}

// `[JsonPropertyName("error_code")]`, `[DataMember(Name = "error_code")]`: the name is a key, not a value.
function attributeKey(node: Node, out: UnitBuilder): number {
  const list = node.namedChildren.find((child) => child?.type === "attribute_argument_list");
  const values = (list?.namedChildren ?? []).map((arg): AnnotationArgument => {
    const value = arg?.lastNamedChild;
    const name =
      arg?.firstNamedChild?.type === "name_equals" ? (arg.firstNamedChild.firstNamedChild?.text ?? "") : "";
    return [
      name,
      value?.type === "string_literal" || value?.type === "verbatim_string_literal"
        ? stringOf(value)
        : undefined,
    ];
  });
  const name = wireName(nameOf(node).replace(/Attribute$/, ""), values);
  if (name === undefined) return 0;
  out.key(name);
  return QUIET;
}

const stringOf = (node: Node): string => decodeString(node.text).parts.join("");

// `using System.Net.Http;` brings a whole namespace into scope, like Java's `import a.b.*`: names [*].
// An alias (`using Json = Newtonsoft.Json;`) names the alias, as Go does.
function importsOf(node: Node, lines: LineIndex): Import[] {
  const alias = node.namedChildren.find((child) => child?.type === "name_equals");
  const target = node.namedChildren.filter((child) => child?.type !== "name_equals").at(-1);
  if (target === null || target === undefined) return [];
  const module = target.text.replace(/\s+/g, "");
  const names = alias === undefined || alias === null ? ["*"] : [alias.firstNamedChild?.text ?? ""];
  return [{ module, names, line: lines.lineAt(node.startIndex) }];
}

/** C# regular, verbatim (`@"…"`), interpolated (`$"…{x}…"`) string or char source → its value. */
export function decodeString(raw: string): DecodedString {
  const prefix = /^[$@]*/.exec(raw)?.[0] ?? "";
  const verbatim = prefix.includes("@");
  const body = raw.slice(prefix.length + 1, raw.length > prefix.length + 1 ? -1 : undefined);
  const decode = (text: string): string => (verbatim ? text.replace(/""/g, '"') : decodeEscapes(text));
  if (!prefix.includes("$")) return { template: false, parts: [decode(body)] };
  return { template: true, parts: splitBraceTemplate(body, decode).parts };
}
