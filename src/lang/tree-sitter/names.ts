import type { Node } from "web-tree-sitter";
import type { Import } from "../unit.js";
import type { CompiledGrammar } from "./grammar.js";

/** A child by field name, or by position among the named children (`#0`, `#-1`) where a grammar has no fields. */
export function select(node: Node, selector: string): Node | null {
  if (!selector.startsWith("#")) return node.childForFieldName(selector);
  const index = Number(selector.slice(1));
  return node.namedChild(index < 0 ? node.namedChildCount + index : index);
}

/** The callee child of a call node ("" in the table: the call node is its own member access). */
export function calleeOf(g: CompiledGrammar, call: Node): Node | null {
  const selector = g.spec.calls[call.type];
  if (selector === undefined) return null;
  return selector === "" ? call : select(call, selector);
}

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
  const separators: string[] = [];
  let current = callee;
  while (current !== null) {
    // Past the callee itself a call ends the chain (Java and Ruby calls are member accesses too).
    if (current !== callee && g.callTypes.has(current.type)) {
      // `super().__init__()` → `super.__init__`, so a constructor calling its parent is not recursion.
      if (calleeOf(g, current)?.text === "super") parts.push("super");
      break;
    }
    const member = g.spec.members[current.type];
    if (member !== undefined) {
      const property = select(current, member[1]);
      const name = property === null ? undefined : nameInside(g, property);
      if (name === undefined) break;
      parts.push(name);
      separators.push(member[2] ?? ".");
      current = select(current, member[0]);
      continue;
    }
    if (current.type === "parenthesized_expression") {
      current = current.firstNamedChild;
      continue;
    }
    if (g.identifierTypes.has(current.type)) {
      const name = identifierText(g, current.text);
      if (!receivers.has(name) && name !== "") {
        parts.push(name);
        separators.push("");
      }
    }
    break;
  }
  // separators[i] stands before parts[i]: Ruby's `Net::HTTP.new` mixes `::` and `.`.
  let name = "";
  for (let i = parts.length - 1; i >= 0; i--)
    name += (name === "" ? "" : (separators[i] ?? ".")) + (parts[i] ?? "");
  return name === "" ? undefined : name;
}

/** An identifier as the unit records it: Ruby's `@timeout` is `self.timeout`, so `timeout`. */
export function identifierText(g: CompiledGrammar, text: string): string {
  const sigil = g.spec.sigil;
  return sigil !== undefined && text.startsWith(sigil) && !text.startsWith(sigil + sigil)
    ? text.slice(sigil.length)
    : text;
}

// The identifier a property names, through wrappers like Kotlin's `.name` suffix or C#'s `Name<T>`.
function nameInside(g: CompiledGrammar, node: Node): string | undefined {
  let current: Node | null = node;
  for (let depth = 0; current !== null && depth < 3; depth++) {
    if (g.identifierTypes.has(current.type)) return identifierText(g, current.text);
    current = current.firstNamedChild;
  }
  return undefined;
}

// The string an index holds, through wrappers like C#'s `[…]` argument list: `headers["X-Id"]` → X-Id.
function stringInside(g: CompiledGrammar, node: Node): string | undefined {
  let current: Node | null = node;
  for (let depth = 0; current !== null && depth < 3; depth++) {
    if (g.spec.strings.includes(current.type)) return stringValue(g, current);
    if (current.namedChildCount !== 1) return undefined;
    current = current.firstNamedChild;
  }
  return undefined;
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
      names.push(identifierText(g, node.text));
    } else if (member !== undefined) {
      const property = select(node, member[1]);
      names.push(property === null ? undefined : (nameInside(g, property) ?? stringInside(g, property)));
    } else if (subscript !== undefined) {
      const index = select(node, subscript[1]);
      names.push(index === null ? undefined : stringInside(g, index));
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

/**
 * Java and Kotlin `import a.b.C` read like Python's `from a.b import C`: module `a.b`, names `[C]`;
 * a wildcard (`a.b.*`) gives `[*]`, and a one-segment path is the module alone.
 */
export function dottedImport(path: string, wildcard: boolean, line: number): Import {
  if (wildcard) return { module: path, names: ["*"], line };
  const dot = path.lastIndexOf(".");
  return dot < 0
    ? { module: path, names: [], line }
    : { module: path.slice(0, dot), names: [path.slice(dot + 1)], line };
}
