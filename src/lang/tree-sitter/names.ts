import type { Node } from "web-tree-sitter";
import type { CompiledGrammar } from "./grammar.js";

/**
 * The callee as written, dotted, without a leading receiver (`self.session.get` → `session.get`,
 * Go `c.http.Do` → `http.Do` inside `func (c *Client)`). A chain through a call or an index keeps only the
 * part after it: `a.b().c()` gives `a.b` and `c`, each call being recorded on its own.
 */
export function calleeName(
  g: CompiledGrammar,
  callee: Node | null,
  receivers: ReadonlySet<string>,
): string | undefined {
  const parts: string[] = [];
  let current = callee;
  while (current !== null) {
    const member = g.spec.members[current.type];
    if (member !== undefined) {
      const property = current.childForFieldName(member[1]);
      if (property === null) break;
      parts.push(property.text);
      current = current.childForFieldName(member[0]);
      continue;
    }
    if (current.type === "parenthesized_expression") {
      current = current.firstNamedChild;
      continue;
    }
    if (g.identifierTypes.has(current.type) && !receivers.has(current.text)) parts.push(current.text);
    // `super().__init__()` → `super.__init__`, so a constructor calling its parent is not recursion.
    else if (g.callTypes.has(current.type) && calleeOf(g, current)?.text === "super") parts.push("super");
    break;
  }
  return parts.length === 0 ? undefined : parts.reverse().join(".");
}

function calleeOf(g: CompiledGrammar, call: Node): Node | null {
  const field = g.spec.calls[call.type];
  return field === undefined ? null : call.childForFieldName(field);
}

/**
 * Names an assignment or declaration binds, one per target: `x` → x, `self.timeout` → timeout,
 * `headers["X-Id"]` → X-Id, `a, b` → a, b. Targets with no name give undefined, to keep pairs aligned.
 */
export function bindingNames(g: CompiledGrammar, targets: readonly (Node | null)[]): (string | undefined)[] {
  const names: (string | undefined)[] = [];
  const collect = (node: Node): void => {
    const type = node.type;
    const member = g.spec.members[type];
    const subscript = g.spec.subscripts[type];
    if (g.identifierTypes.has(type)) {
      names.push(node.text);
    } else if (member !== undefined) {
      names.push(node.childForFieldName(member[1])?.text);
    } else if (subscript !== undefined) {
      const index = node.childForFieldName(subscript[1]);
      names.push(index !== null && g.spec.strings.includes(index.type) ? stringValue(g, index) : undefined);
    } else if (g.containerTypes.has(type)) {
      for (const child of node.namedChildren) if (child !== null) collect(child);
    } else {
      names.push(undefined);
    }
  };
  for (const target of targets) if (target?.isNamed) collect(target);
  return names;
}

export function stringValue(g: CompiledGrammar, node: Node): string {
  return g.spec.decodeString(node.text).parts.join("");
}
