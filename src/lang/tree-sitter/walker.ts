import type { Node, TreeCursor } from "web-tree-sitter";
import type { LineIndex } from "../line-index.js";
import type { Import } from "../unit.js";
import { FLAG, type UnitBuilder } from "../unit-builder.js";
import * as G from "./grammar.js";
import { type Bind, LiteralWalk } from "./literal-walk.js";
import { bindingNames, calleeName, calleeOf, identifierText } from "./names.js";

/**
 * Pre-order walk over a tree-sitter tree with one reusable cursor: node type ids index the compiled
 * tables, and a `Node` object is only materialised where a feature needs structure (calls, binders,
 * returns, hooks). Anonymous tokens are skipped except operators.
 */
export class SyntaxWalker extends LiteralWalk {
  private functionDepth = 0;
  /** Names of the named functions nested inside the unit that enclose the current node. */
  private readonly innerFunctions: string[] = [];
  private skipIds: ReadonlySet<number> | undefined;
  /** The assignment target being walked: Ruby's `client.timeout = 5` writes a setter, it calls nothing. */
  private written = -1;
  private receivers: ReadonlySet<string>;

  constructor(
    g: G.CompiledGrammar,
    out: UnitBuilder,
    lines: LineIndex,
    text: string,
    private readonly imports: Import[],
    cursor: TreeCursor,
  ) {
    super(g, out, lines, text, cursor);
    this.receivers = new Set(g.spec.selfNames);
  }

  /** Walks one unit's root node; `skip` holds member nodes that are units of their own. */
  walkRoot(node: Node, skip: readonly Node[] | undefined, receiver: string | undefined): void {
    this.functionDepth = 0;
    this.innerFunctions.length = 0;
    this.written = -1;
    this.skipIds = skip === undefined || skip.length === 0 ? undefined : new Set(skip.map((n) => n.id));
    this.receivers = new Set(
      receiver === undefined ? this.g.spec.selfNames : [...this.g.spec.selfNames, receiver],
    );
    this.cursor.reset(node);
    this.visit(undefined);
  }

  protected visit(bind: Bind): void {
    const c = this.cursor;
    const g = this.g;
    const id = c.nodeTypeId;
    // ERROR nodes carry an id past the grammar's own types.
    const role = g.roles[id] ?? G.SILENT;
    if (role === G.NONE || role === G.SKIP) return;
    const out = this.out;
    const start = c.startIndex;
    const line = this.lines.lineAt(start);
    const hash = g.hashes[id] ?? 0;
    if (role === G.OPERATOR) {
      out.token(hash, line);
      return;
    }
    if (this.skipIds?.has(c.nodeId)) return;
    const hook = g.hooks[id];
    // A hook may record a call (a constructor) before this node's token is written.
    if (hook !== undefined) out.at(line);
    const quietChildren = hook !== undefined && hook(c.currentNode, out) === G.QUIET;
    const flags = g.flags[id] ?? 0;
    if (flags !== 0) out.flag(flags);
    const loop = (flags & FLAG.loop) !== 0;
    if (loop) out.enterLoop();
    if (role !== G.SILENT) out.token(hash, line);
    if (quietChildren) this.quiet++;
    const constant = g.constantValues[id] === 1 && this.constantValue(start, bind, line);
    if (constant) this.quiet++;
    switch (role) {
      case G.IDENTIFIER: {
        const name = identifierText(g, this.text.slice(start, c.endIndex));
        if (name !== "" && !this.receivers.has(name)) out.identifier(name);
        if (g.bareCalls.has(name)) this.called(name);
        break;
      }
      case G.NUMBER:
        if (this.quiet === 0) this.number(this.text.slice(start, c.endIndex), bind, line);
        break;
      case G.STRING:
        this.string(bind, line);
        break;
      case G.CONSTANT:
        break;
      case G.CONTAINER:
        this.container(bind);
        break;
      case G.BINDER: {
        const [namesField = -1, valueField = -1] = g.fields[id] ?? [];
        const targets = namesField < 0 ? [] : bindingNames(g, c.currentNode.childrenForFieldId(namesField));
        this.binderChildren(namesField, valueField, targets.length <= 1 ? targets[0] : targets);
        break;
      }
      case G.PAIR:
        this.pair(id);
        break;
      case G.BOUND:
        this.bound(g.bindings[id]?.(c.currentNode) ?? [], bind);
        break;
      case G.CALL:
        this.call();
        break;
      case G.FUNCTION: {
        const name = this.functionDepth > 0 ? this.functionName(c.currentNode) : undefined;
        if (name !== undefined) {
          out.nestedFunction(name);
          this.innerFunctions.push(name);
        }
        this.functionDepth++;
        this.children(undefined);
        this.functionDepth--;
        if (name !== undefined) this.innerFunctions.pop();
        break;
      }
      case G.RETURN:
        this.returned(c.currentNode);
        this.children(undefined);
        break;
      case G.BINARY:
        this.binary(start, bind, line);
        break;
      case G.UNARY:
        this.unary(start, bind, line);
        break;
      case G.BLOCK:
        this.block();
        break;
      case G.IMPORT:
        for (const found of g.spec.importsOf(c.currentNode, this.lines)) this.imports.push(found);
        this.quiet++;
        this.children(undefined);
        this.quiet--;
        break;
      default:
        this.children(undefined);
    }
    if (constant) this.quiet--;
    if (quietChildren) this.quiet--;
    if (loop) out.leaveLoop();
  }

  protected children(bind: Bind): void {
    const c = this.cursor;
    if (!c.gotoFirstChild()) return;
    do this.visit(bind);
    while (c.gotoNextSibling());
    c.gotoParent();
  }

  private container(bind: Bind): void {
    if (!Array.isArray(bind)) {
      this.children(bind);
      return;
    }
    const c = this.cursor;
    if (!c.gotoFirstChild()) return;
    let index = 0;
    do {
      const named = c.nodeIsNamed && this.g.roles[c.nodeTypeId] !== G.SKIP;
      this.visit(named ? bind[index++] : undefined);
    } while (c.gotoNextSibling());
    c.gotoParent();
  }

  // The value gets the bound name; the targets hold names, not values, so they record no literals.
  private binderChildren(namesField: number, valueField: number, bind: Bind): void {
    const c = this.cursor;
    if (!c.gotoFirstChild()) return;
    do {
      const field = c.currentFieldId;
      if (field === namesField) {
        this.quiet++;
        this.written = c.nodeId;
      }
      this.visit(field === valueField ? bind : undefined);
      if (field === namesField) this.quiet--;
    } while (c.gotoNextSibling());
    c.gotoParent();
  }

  private pair(id: number): void {
    const c = this.cursor;
    const [keyField = -1, valueField = -1] = this.g.fields[id] ?? [];
    const node = c.currentNode;
    const keyNode = keyField >= 0 ? node.childForFieldId(keyField) : node.namedChild(0);
    const name = keyNode === null ? undefined : this.g.spec.keyName(keyNode);
    if (name !== undefined) this.out.key(name);
    if (!c.gotoFirstChild()) return;
    let named = 0;
    do {
      const isNamed = c.nodeIsNamed && this.g.roles[c.nodeTypeId] !== G.SKIP;
      const field = c.currentFieldId;
      const isKey = keyField >= 0 ? field === keyField : isNamed && named === 0;
      const isValue = valueField >= 0 ? field === valueField : isNamed && named === 1;
      if (isNamed) named++;
      if (isKey) this.quiet++;
      this.visit(isValue ? name : undefined);
      if (isKey) this.quiet--;
    } while (c.gotoNextSibling());
    c.gotoParent();
  }

  // Binders described by a spec function: values get their names, targets record no literals.
  private bound(bindings: readonly G.Binding[], bind: Bind): void {
    const c = this.cursor;
    if (bindings.length === 0) {
      // A C# initializer binds dictionary entries, or else passes its name on like any container.
      this.container(this.g.containerTypes.has(c.nodeType) ? bind : undefined);
      return;
    }
    const names = new Map<number, string | undefined>();
    const targets = new Set<number>();
    for (const binding of bindings) {
      names.set(binding.value.id, binding.name);
      if (binding.target) targets.add(binding.target.id);
      if (binding.key === true && binding.name !== undefined) this.out.key(binding.name);
    }
    if (!c.gotoFirstChild()) return;
    do {
      const target = targets.has(c.nodeId);
      if (target) {
        this.quiet++;
        this.written = c.nodeId;
      }
      this.visit(names.get(c.nodeId));
      if (target) this.quiet--;
    } while (c.gotoNextSibling());
    c.gotoParent();
  }

  private call(): void {
    const node = this.cursor.currentNode;
    const callee = calleeName(this.g, calleeOf(this.g, node), this.receivers);
    if (callee !== undefined && node.id !== this.written) {
      this.called(callee);
      if (this.g.importCalls.has(callee)) this.imports.push(...this.g.spec.importsOf(node, this.lines));
    }
    this.children(undefined);
  }

  private called(callee: string): void {
    this.out.call(callee);
    // An inner function that calls itself is recursion too.
    if (this.innerFunctions.includes(callee)) this.out.flag(FLAG.recursion);
    const flags = this.g.spec.callFlags;
    const flag = flags[callee] ?? flags[`.${callee.slice(callee.lastIndexOf(".") + 1)}`];
    if (flag !== undefined) this.out.flag(FLAG[flag]);
  }

  private functionName(node: Node): string | undefined {
    const spec = this.g.spec;
    return spec.nameOf === undefined ? node.childForFieldName("name")?.text : spec.nameOf(node);
  }

  // A returned function literal (or one wrapped in a conversion) or the name of a nested function.
  private returned(node: Node): void {
    let value = node.firstNamedChild;
    if (value !== null && this.g.containerTypes.has(value.type) && value.namedChildCount === 1) {
      value = value.firstNamedChild;
    }
    if (value === null) return;
    if (this.g.functionTypes.has(value.type)) {
      this.out.flag(FLAG["returns-function"]);
    } else if (this.g.identifierTypes.has(value.type)) {
      this.out.returned(value.text);
    } else if (this.g.callTypes.has(value.type) && this.isConversion(value)) {
      const args = value.childForFieldName("arguments");
      const only = args?.namedChildCount === 1 ? args.firstNamedChild : null;
      if (only !== null && this.g.functionTypes.has(only.type)) this.out.flag(FLAG["returns-function"]);
    }
  }

  private isConversion(call: Node): boolean {
    const pattern = this.g.spec.conversions;
    return (
      pattern === undefined || pattern.test(calleeName(this.g, calleeOf(this.g, call), this.receivers) ?? "")
    );
  }

  // Statements of a block, without a leading docstring (documentation, like a comment).
  private block(): void {
    const c = this.cursor;
    const docstring = this.g.spec.docstrings;
    if (!c.gotoFirstChild()) return;
    let first = true;
    do {
      const named = c.nodeIsNamed && this.g.roles[c.nodeTypeId] !== G.SKIP;
      if (first && named && docstring !== undefined && G.isDocstring(c.currentNode, docstring)) {
        first = false;
        continue;
      }
      if (named) first = false;
      this.visit(undefined);
    } while (c.gotoNextSibling());
    c.gotoParent();
  }
}
