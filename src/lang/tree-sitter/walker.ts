import type { Node, TreeCursor } from "web-tree-sitter";
import type { LineIndex } from "../line-index.js";
import { NEGATIVE_NUMBER, parseNumber } from "../literal-text.js";
import { TOKEN } from "../token-hash.js";
import type { Import } from "../unit.js";
import { FLAG, type UnitBuilder } from "../unit-builder.js";
import * as G from "./grammar.js";
import { bindingNames, calleeName } from "./names.js";

/** A bound name, or one per element for `a, b = 1, 2`. */
type Bind = string | readonly (string | undefined)[] | undefined;

const MAX_CONSTANT_LENGTH = 120;

/**
 * Pre-order walk over a tree-sitter tree with one reusable cursor: node type ids index the compiled
 * tables, and a `Node` object is only materialised where a feature needs structure (calls, binders,
 * returns, hooks). Anonymous tokens are skipped except operators.
 */
export class SyntaxWalker {
  private quiet = 0;
  private functionDepth = 0;
  /** Names of the named functions nested inside the unit that enclose the current node. */
  private readonly innerFunctions: string[] = [];
  private skipIds: ReadonlySet<number> | undefined;
  private receivers: ReadonlySet<string>;

  constructor(
    private readonly g: G.CompiledGrammar,
    private readonly out: UnitBuilder,
    private readonly lines: LineIndex,
    private readonly text: string,
    private readonly imports: Import[],
    private readonly cursor: TreeCursor,
  ) {
    this.receivers = new Set(g.spec.selfNames);
  }

  /** Walks one unit's root node; `skip` holds member nodes that are units of their own. */
  walkRoot(node: Node, skip: readonly Node[] | undefined, receiver: string | undefined): void {
    this.functionDepth = 0;
    this.innerFunctions.length = 0;
    this.skipIds = skip === undefined || skip.length === 0 ? undefined : new Set(skip.map((n) => n.id));
    this.receivers = new Set(
      receiver === undefined ? this.g.spec.selfNames : [...this.g.spec.selfNames, receiver],
    );
    this.cursor.reset(node);
    this.visit(undefined);
  }

  private visit(bind: Bind): void {
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
    const quietChildren = hook !== undefined && hook(c.currentNode, out) === G.QUIET;
    const flags = g.flags[id] ?? 0;
    if (flags !== 0) out.flag(flags);
    if (role !== G.SILENT) out.token(hash, line);
    if (quietChildren) this.quiet++;
    switch (role) {
      case G.IDENTIFIER: {
        const name = this.text.slice(start, c.endIndex);
        if (name !== "" && !this.receivers.has(name)) out.identifier(name);
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
      case G.CALL:
        this.call(id);
        break;
      case G.FUNCTION: {
        const name = this.functionDepth > 0 ? c.currentNode.childForFieldName("name")?.text : undefined;
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
      case G.UNARY: {
        const end = c.endIndex;
        const match =
          this.quiet === 0 && end - start <= 40 ? NEGATIVE_NUMBER.exec(this.text.slice(start, end)) : null;
        if (match?.[1] !== undefined) {
          out.token(TOKEN.number, line);
          this.number(`-${match[1]}`, bind, line);
        } else {
          this.children(undefined);
        }
        break;
      }
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
    if (quietChildren) this.quiet--;
  }

  private children(bind: Bind): void {
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
      if (field === namesField) this.quiet++;
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

  private call(id: number): void {
    const c = this.cursor;
    const [calleeField = -1] = this.g.fields[id] ?? [];
    const calleeNode = calleeField < 0 ? null : c.currentNode.childForFieldId(calleeField);
    const callee = calleeName(this.g, calleeNode, this.receivers);
    if (callee !== undefined) {
      this.out.call(callee);
      // An inner function that calls itself is recursion too.
      if (this.innerFunctions.includes(callee)) this.out.flag(FLAG.recursion);
      const flag = this.g.spec.callFlags[callee];
      if (flag !== undefined) this.out.flag(FLAG[flag]);
    }
    this.children(undefined);
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
    } else if (this.g.callTypes.has(value.type)) {
      const args = value.childForFieldName("arguments");
      const only = args?.namedChildCount === 1 ? args.firstNamedChild : null;
      if (only !== null && this.g.functionTypes.has(only.type)) this.out.flag(FLAG["returns-function"]);
    }
  }

  private binary(start: number, bind: Bind, line: number): void {
    const end = this.cursor.endIndex;
    if (this.quiet === 0 && end - start <= MAX_CONSTANT_LENGTH) {
      const source = this.text.slice(start, end);
      if (this.g.spec.constantExpression.test(source)) {
        // `30 * 1000` is one value (thirty seconds), not two numbers.
        this.out.expression(source, typeof bind === "string" ? bind : undefined, line);
        this.quiet++;
        this.children(undefined);
        this.quiet--;
        return;
      }
    }
    this.children(undefined);
  }

  private number(source: string, bind: Bind, line: number): void {
    const name = typeof bind === "string" ? bind : undefined;
    const value = parseNumber(source);
    if (Number.isNaN(value)) this.out.expression(source, name, line);
    else this.out.number(value, name, line);
  }

  private string(bind: Bind, line: number): void {
    const c = this.cursor;
    const decoded = this.g.spec.decodeString(this.text.slice(c.startIndex, c.endIndex));
    const name = typeof bind === "string" ? bind : undefined;
    if (this.quiet === 0) for (const part of decoded.parts) this.out.string(part, name, line);
    if (decoded.template) {
      // Re-tag the token: an interpolated string is a template, whatever its node type.
      this.out.retag(TOKEN.template);
      this.children(undefined);
    }
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
