import { cookedText, type EsNode, field, flag, identifierName, keyName, list, patternNames } from "./node.js";

/**
 * The callee as written, dotted, without a leading `this.`: `fetch`, `axios.create`, `this.http.get` →
 * `http.get`, `new AbortController()` → `AbortController`. A chain through a call or any other expression
 * keeps only the part after it: `a.b().c()` gives `a.b` and `c` (each call is recorded on its own), and
 * `items[i].save()` gives `save`.
 */
export function calleeName(callee: EsNode | undefined): string | undefined {
  const parts: string[] = [];
  let current = callee;
  while (current !== undefined) {
    const type = current.type;
    if (type === "MemberExpression") {
      const property = keyName(field(current, "property"), flag(current, "computed"));
      if (property === undefined) break;
      parts.push(property);
      current = field(current, "object");
    } else if (type === "ChainExpression" || type.startsWith("TS") || type === "ParenthesizedExpression") {
      current = field(current, "expression");
    } else {
      if (type === "Super") parts.push("super");
      else if (type !== "ThisExpression") {
        const name = identifierName(current);
        if (name !== undefined) parts.push(name);
      }
      break;
    }
  }
  return parts.length === 0 ? undefined : parts.reverse().join(".");
}

/**
 * Every callee a call may reach: the one `calleeName` reads, or for a callee chosen at run time among
 * alternatives, each of them: `(options.setTimeout ?? setTimeout)(settle, ms)` calls `options.setTimeout`
 * or `setTimeout`, and a sleep helper that lets its caller swap the timer still arms one.
 */
export function calleeNames(callee: EsNode | undefined): string[] {
  let current = callee;
  while (
    current !== undefined &&
    (current.type === "ParenthesizedExpression" || current.type.startsWith("TS"))
  )
    current = field(current, "expression");
  if (current?.type === "LogicalExpression")
    return [...calleeNames(field(current, "left")), ...calleeNames(field(current, "right"))];
  if (current?.type === "ConditionalExpression")
    return [...calleeNames(field(current, "consequent")), ...calleeNames(field(current, "alternate"))];
  const name = calleeName(current);
  return name === undefined ? [] : [name];
}

/** `require("x")` → "x"; anything else → undefined. */
export function requireSource(node: EsNode): string | undefined {
  if (node.type !== "CallExpression") return undefined;
  const callee = field(node, "callee");
  if (callee?.type !== "Identifier" || callee.name !== "require") return undefined;
  const [first] = list(node, "arguments");
  if (first?.type === "Literal" && typeof first.value === "string") return first.value;
  if (first?.type === "TemplateLiteral" && list(first, "expressions").length === 0) {
    const [quasi] = list(first, "quasis");
    return quasi === undefined ? undefined : cookedText(quasi);
  }
  return undefined;
}

/** `const { readFile, stat: s } = require("fs")` imports readFile and stat; a plain binding imports no names. */
export function requiredNames(id: EsNode | undefined): string[] {
  const names: string[] = [];
  if (id?.type !== "ObjectPattern") return names;
  for (const property of list(id, "properties")) {
    const key = keyName(field(property, "key"), flag(property, "computed"));
    if (key !== undefined) names.push(key);
    else patternNames(property, names);
  }
  return names;
}
