import { visitorKeys } from "oxc-parser";

/**
 * oxc's ESTree objects, read structurally: the walker is generic over node types, and the generated
 * per-type interfaces would only add casts. Fields are the ones ESTree and TS-ESTree define.
 */
export interface EsNode {
  readonly type: string;
  readonly start: number;
  readonly end: number;
  readonly [field: string]: unknown;
}

export function isNode(value: unknown): value is EsNode {
  return (
    typeof value === "object" && value !== null && typeof (value as { type?: unknown }).type === "string"
  );
}

export function field(node: EsNode, name: string): EsNode | undefined {
  const value = node[name];
  return isNode(value) ? value : undefined;
}

export function list(node: EsNode, name: string): readonly EsNode[] {
  const value = node[name];
  return Array.isArray(value) ? (value as EsNode[]) : [];
}

export function text(node: EsNode | undefined, name: string): string | undefined {
  const value = node?.[name];
  return typeof value === "string" ? value : undefined;
}

export function flag(node: EsNode, name: string): boolean {
  return node[name] === true;
}

// Keys that only ever hold types: skipping them is what makes annotations emit no tokens.
const TYPE_KEYS = new Set([
  "typeAnnotation",
  "typeParameters",
  "typeArguments",
  "returnType",
  "superTypeArguments",
  "implements",
]);

const childKeyCache = new Map<string, readonly string[]>();

/** Every child key in source order, types included: for reading a type declaration itself. */
export function allChildKeys(type: string): readonly string[] {
  return visitorKeys[type] ?? [];
}

/** Child keys in source order, without type-only keys. */
export function childKeys(type: string): readonly string[] {
  let keys = childKeyCache.get(type);
  if (keys === undefined) {
    keys = (visitorKeys[type] ?? []).filter((key) => !TYPE_KEYS.has(key));
    childKeyCache.set(type, keys);
  }
  return keys;
}

const TS_WRAPPERS = new Set([
  "TSAsExpression",
  "TSSatisfiesExpression",
  "TSNonNullExpression",
  "TSTypeAssertion",
  "TSInstantiationExpression",
  "ParenthesizedExpression",
]);

/** `(x as T)!` → `x`: the runtime expression under type-only wrappers. */
export function unwrap(node: EsNode | undefined): EsNode | undefined {
  let current = node;
  while (current !== undefined && TS_WRAPPERS.has(current.type)) current = field(current, "expression");
  return current;
}

export function isFunction(node: EsNode | undefined): boolean {
  const type = node?.type;
  return type === "ArrowFunctionExpression" || type === "FunctionExpression";
}

/** Name of an Identifier or PrivateIdentifier (`#secret` as written), else undefined. */
export function identifierName(node: EsNode | undefined): string | undefined {
  if (node === undefined) return undefined;
  if (node.type === "Identifier" || node.type === "JSXIdentifier") return text(node, "name");
  if (node.type === "PrivateIdentifier") return `#${text(node, "name") ?? ""}`;
  return undefined;
}

/** The name a property key binds: `timeout`, `"x-client"`, `404`; undefined when computed from an expression. */
export function keyName(key: EsNode | undefined, computed: boolean): string | undefined {
  if (key === undefined) return undefined;
  if (key.type === "Literal") {
    const value = key.value;
    return typeof value === "string" || typeof value === "number" ? String(value) : undefined;
  }
  return computed ? undefined : identifierName(key);
}

/** `module.exports.retry` for a member chain of plain names (and `this`), else undefined. */
export function dottedName(node: EsNode | undefined): string | undefined {
  const target = unwrap(node);
  if (target === undefined) return undefined;
  if (target.type === "ThisExpression") return "this";
  if (target.type !== "MemberExpression") return identifierName(target);
  const object = dottedName(field(target, "object"));
  const property = keyName(field(target, "property"), flag(target, "computed"));
  return object === undefined || property === undefined ? undefined : `${object}.${property}`;
}

/** Names bound by a declaration pattern: `{ a, b: [c] }` → a, c. */
export function patternNames(pattern: EsNode | undefined, out: string[] = []): string[] {
  if (pattern === undefined) return out;
  switch (pattern.type) {
    case "Identifier":
      out.push(text(pattern, "name") ?? "");
      break;
    case "ObjectPattern":
      for (const property of list(pattern, "properties")) {
        patternNames(field(property, property.type === "RestElement" ? "argument" : "value"), out);
      }
      break;
    case "ArrayPattern":
      for (const element of list(pattern, "elements")) if (isNode(element)) patternNames(element, out);
      break;
    case "AssignmentPattern":
      patternNames(field(pattern, "left"), out);
      break;
    case "RestElement":
      patternNames(field(pattern, "argument"), out);
      break;
  }
  return out;
}

/** The static text of a template part (`cooked` is null for invalid escapes in tagged templates). */
export function cookedText(quasi: EsNode): string | undefined {
  const value = quasi.value as { cooked?: unknown } | null | undefined;
  return typeof value?.cooked === "string" ? value.cooked : undefined;
}
