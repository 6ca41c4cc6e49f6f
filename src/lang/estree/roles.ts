import { FLAG } from "../unit-builder.js";
import { type EsNode, field, flag, identifierName, keyName, text, unwrap } from "./node.js";

// How the walker treats each ESTree node type. Numbers, not strings, so the walk switches on small ints.
export const GENERIC = 0;
export const SKIP = 1; // type-only: no tokens, not descended
export const TRANSPARENT = 2; // type wrappers: no token, children keep the binding
export const IDENTIFIER = 3;
export const LITERAL = 4;
export const TEMPLATE = 5;
export const BINARY = 6;
export const LOGICAL = 7;
export const CONDITIONAL = 8;
export const ARRAY = 9;
export const OBJECT = 10;
export const BINDER = 11; // binds a name to one child: see BINDERS
export const PASS = 16; // token, children keep the binding
export const FUNCTION = 18;
export const CALL = 19;
export const IMPORT_EXPRESSION = 20;
export const UNARY = 21;
export const OPERATOR = 22; // token carries the operator
export const RETURN = 23;
export const DECLARABLE = 24; // skipped when `declare`d
export const EXPRESSION_STATEMENT = 25;
export const MODULE = 26;
export const METHOD = 27;
export const TEMPLATE_ELEMENT = 28;

const ROLES = new Map<string, number>([
  ["Identifier", IDENTIFIER],
  ["PrivateIdentifier", IDENTIFIER],
  ["JSXIdentifier", IDENTIFIER],
  ["Literal", LITERAL],
  ["TemplateLiteral", TEMPLATE],
  ["TemplateElement", TEMPLATE_ELEMENT],
  ["BinaryExpression", BINARY],
  ["LogicalExpression", LOGICAL],
  ["ConditionalExpression", CONDITIONAL],
  ["ArrayExpression", ARRAY],
  ["ObjectExpression", OBJECT],
  ["VariableDeclarator", BINDER],
  ["AssignmentPattern", BINDER],
  ["AssignmentExpression", BINDER],
  ["PropertyDefinition", BINDER],
  ["AccessorProperty", BINDER],
  ["JSXAttribute", BINDER],
  ["TSEnumMember", BINDER],
  ["JSXExpressionContainer", PASS],
  ["FunctionDeclaration", FUNCTION],
  ["FunctionExpression", FUNCTION],
  ["ArrowFunctionExpression", FUNCTION],
  ["CallExpression", CALL],
  ["NewExpression", CALL],
  ["ImportExpression", IMPORT_EXPRESSION],
  ["UnaryExpression", UNARY],
  ["UpdateExpression", OPERATOR],
  ["ReturnStatement", RETURN],
  ["VariableDeclaration", DECLARABLE],
  ["ClassDeclaration", DECLARABLE],
  ["TSEnumDeclaration", DECLARABLE],
  ["ExpressionStatement", EXPRESSION_STATEMENT],
  ["TSModuleDeclaration", MODULE],
  ["MethodDefinition", METHOD],
  // The TS node types that carry runtime code; every other `TS*` type is type-only.
  ["TSAsExpression", TRANSPARENT],
  ["TSSatisfiesExpression", TRANSPARENT],
  ["TSNonNullExpression", TRANSPARENT],
  ["TSTypeAssertion", TRANSPARENT],
  ["TSInstantiationExpression", TRANSPARENT],
  ["TSParameterProperty", TRANSPARENT],
  ["ParenthesizedExpression", TRANSPARENT],
  ["TSEnumBody", GENERIC],
  ["TSModuleBlock", GENERIC],
  ["TSExportAssignment", GENERIC],
]);

export function roleOf(type: string): number {
  let role = ROLES.get(type);
  if (role === undefined) {
    role = type.startsWith("TS") ? SKIP : GENERIC;
    ROLES.set(type, role);
  }
  return role;
}

/** Structural flags raised by a node type wherever it appears in a unit. */
export const NODE_FLAGS = new Map<string, number>([
  ["ForStatement", FLAG.loop],
  ["ForInStatement", FLAG.loop],
  ["ForOfStatement", FLAG.loop],
  ["WhileStatement", FLAG.loop],
  ["DoWhileStatement", FLAG.loop],
  ["IfStatement", FLAG.branch],
  ["SwitchStatement", FLAG.branch],
  ["ConditionalExpression", FLAG.branch],
  ["TryStatement", FLAG.try],
  ["CatchClause", FLAG.catch],
  ["ThrowStatement", FLAG.throw],
  ["AwaitExpression", FLAG.await],
]);

/** Operators whose result is a number; only these make `30 * 1000` a bound expression. */
export const ARITHMETIC = new Set(["+", "-", "*", "/", "%", "**", "<<", ">>", ">>>", "&", "|", "^"]);

/**
 * Nodes that bind a name to a value: the child under `value` is walked with `name(node)` as its bound
 * name; the child under `quiet` is a target, whose literals are names rather than values.
 */
export interface Binder {
  value: string;
  name(node: EsNode, source: string): string | undefined;
  quiet?: string;
}

const SETTING = new Set(["=", "??=", "||="]);

const memberKey = (node: EsNode): string | undefined => keyName(field(node, "key"), flag(node, "computed"));

export const BINDERS = new Map<string, Binder>([
  ["VariableDeclarator", { value: "init", name: (node) => identifierName(field(node, "id")) }],
  ["AssignmentPattern", { value: "right", name: (node) => identifierName(field(node, "left")) }],
  [
    "AssignmentExpression",
    {
      value: "right",
      // `x += 1` steps a value (a counter's increment), it does not set one: only `=`, `??=` and `||=` bind.
      name: (node) =>
        SETTING.has(text(node, "operator") ?? "") ? assignedName(field(node, "left")) : undefined,
      quiet: "left",
    },
  ],
  ["PropertyDefinition", { value: "value", name: memberKey }],
  ["AccessorProperty", { value: "value", name: memberKey }],
  ["TSEnumMember", { value: "initializer", name: (node) => keyName(field(node, "id"), false), quiet: "id" }],
  [
    "JSXAttribute",
    {
      value: "value",
      name: (node, source) => source.slice(field(node, "name")?.start, field(node, "name")?.end),
    },
  ],
]);

// `x = …` → x, `this.timeout = …` → timeout, `h["x-id"] = …` → x-id.
function assignedName(left: EsNode | undefined): string | undefined {
  const target = unwrap(left);
  if (target?.type === "MemberExpression")
    return keyName(field(target, "property"), flag(target, "computed"));
  return identifierName(target);
}

/** `Number.POSITIVE_INFINITY`: the other spelling of "no limit" (`backoffLimit: Number.POSITIVE_INFINITY`). */
export function isPositiveInfinity(node: EsNode, source: string): boolean {
  return (
    node.type === "MemberExpression" &&
    node.end - node.start === "Number.POSITIVE_INFINITY".length &&
    source.slice(node.start, node.end) === "Number.POSITIVE_INFINITY"
  );
}

/**
 * Objects whose members are not a record's keys: a module's exports (`exports.version = …`) and a class's
 * own state (`this.logger = …`).
 */
const NOT_RECORDS = new Set(["exports", "module.exports", "this"]);

/** The member an assignment sets (`err.statusCode = …` → statusCode, `h["x-id"] = …` → x-id), if any. */
export function assignedMember(node: EsNode, source: string): string | undefined {
  if (node.type !== "AssignmentExpression" || !SETTING.has(text(node, "operator") ?? "")) return undefined;
  const target = unwrap(field(node, "left"));
  if (target?.type !== "MemberExpression") return undefined;
  const object = field(target, "object");
  if (object !== undefined && NOT_RECORDS.has(source.slice(object.start, object.end))) return undefined;
  return keyName(field(target, "property"), flag(target, "computed"));
}
