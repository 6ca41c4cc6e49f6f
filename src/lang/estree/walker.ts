import type { LineIndex } from "../line-index.js";
import { operatorHash, TOKEN, tokenHash } from "../token-hash.js";
import type { Import } from "../unit.js";
import { FLAG, type UnitBuilder } from "../unit-builder.js";
import { calleeName, calleeNames, requiredNames, requireSource } from "./calls.js";
import {
  allChildKeys,
  childKeys,
  cookedText,
  type EsNode,
  field,
  flag,
  identifierName,
  isFunction,
  isNode,
  keyName,
  list,
  text,
  unwrap,
} from "./node.js";
import * as R from "./roles.js";
import { isStateMachine, stepEffect, stepOf, tryOf } from "./state-machine.js";
import { constantExpression, literalValue, signedNumber } from "./values.js";

/** Type declarations (not annotations): read in full wherever they appear. */
const DECLARED_TYPES = new Set(["TSInterfaceDeclaration", "TSTypeAliasDeclaration"]);

/**
 * Pre-order walk over oxc's ESTree: one token per node, plus identifiers, calls, keys, flags and literals
 * with the name they are bound to. `bind` is that name; most nodes reset it for their children, the few
 * that pass a value through (`??`, `?:`, arrays, object properties, binders) set or keep it.
 */

export class EstreeWalker {
  // Inside a key, a target or an expression already recorded whole: tokens yes, literals no.
  private quiet = 0;
  private functionDepth = 0;
  /** Names of the named functions nested inside the unit that enclose the current node. */
  private readonly innerFunctions: string[] = [];
  /** The name a declarator gives the function expression it is about to walk. */
  private pendingFunctionName: string | undefined;
  // A require() whose import the enclosing declarator already recorded, with the destructured names.
  private claimedRequire: EsNode | undefined;
  /** Walking a type declaration: type nodes are tokens too. */
  private typeMode = false;
  /** Inside step N of a compiled async function's state machine (state-machine.ts): its jumps are loops. */
  private step: number | undefined;

  constructor(
    private readonly out: UnitBuilder,
    private readonly lines: LineIndex,
    private readonly source: string,
    private readonly imports: Import[],
  ) {}

  /** Walks a unit's root node; nested functions are named only below it. */
  walkRoot(node: EsNode): void {
    this.functionDepth = 0;
    this.innerFunctions.length = 0;
    this.pendingFunctionName = undefined;
    this.walk(node, undefined);
  }

  /**
   * An interface or type alias: in code, types emit no tokens (so annotations do not split copies); in a
   * declaration of its own, the type is the content, so here every type node is a token.
   */
  walkType(node: EsNode): void {
    this.typeMode = true;
    try {
      this.walkRoot(node);
    } finally {
      this.typeMode = false;
    }
  }

  /** A class without the members that are units of their own. */
  walkClass(node: EsNode, skip: ReadonlySet<EsNode>): void {
    this.functionDepth = 0;
    this.innerFunctions.length = 0;
    this.pendingFunctionName = undefined;
    this.out.token(tokenHash(node.type), this.lines.lineAt(node.start));
    for (const decorator of list(node, "decorators")) this.walk(decorator, undefined);
    this.walkField(node, "id");
    this.walkField(node, "superClass");
    const body = field(node, "body");
    if (body === undefined) return;
    this.out.token(tokenHash(body.type), this.lines.lineAt(body.start));
    for (const member of list(body, "body")) if (!skip.has(member)) this.walk(member, undefined);
  }

  private walk(node: EsNode, bind: string | undefined): void {
    const type = node.type;
    if (!this.typeMode && DECLARED_TYPES.has(type)) {
      // A type declared inside code (a namespace, a function, a test) is content, like a top-level one.
      this.typeMode = true;
      try {
        this.walk(node, bind);
      } finally {
        this.typeMode = false;
      }
      return;
    }
    const role = this.typeMode && R.roleOf(type) === R.SKIP ? R.GENERIC : R.roleOf(type);
    if (role === R.SKIP) return;
    if (role === R.TRANSPARENT) {
      this.children(node, bind);
      return;
    }
    const out = this.out;
    const line = this.lines.lineAt(node.start);
    if (bind !== undefined && this.quiet === 0 && R.isPositiveInfinity(node, this.source))
      out.expression("Infinity", bind, line);
    if (type === "SwitchStatement" && isStateMachine(node)) {
      this.stateMachine(node, line);
      return;
    }
    if (this.step !== undefined) {
      const effect = stepEffect(node, this.step);
      if (effect !== undefined) out.flag(FLAG[effect]);
    }
    // Raised before the roles below, some of which walk their node by hand and return.
    const flagBit = R.NODE_FLAGS.get(type);
    if (flagBit !== undefined) out.flag(flagBit);
    let hash = tokenHash(type);
    // Most nodes reset the bound name for their children and record their literals.
    let childBind: string | undefined;
    let quiet = false;
    switch (role) {
      case R.IDENTIFIER:
        hash = TOKEN.identifier;
        out.identifier(identifierName(node) ?? "");
        // `maxTimeout: Infinity` sets a policy, no limit: a value built from no literal, kept as the
        // expression "Infinity" (a number literal is finite).
        if (bind !== undefined && this.quiet === 0 && identifierName(node) === "Infinity")
          out.expression("Infinity", bind, line);
        break;
      case R.LITERAL:
        literalValue(this.out, node, bind, line, this.quiet > 0);
        return;
      case R.TEMPLATE:
        out.token(TOKEN.template, line);
        for (const quasi of list(node, "quasis")) {
          const cooked = cookedText(quasi);
          if (cooked !== undefined && this.quiet === 0) out.string(cooked, bind, line);
        }
        for (const expression of list(node, "expressions")) this.walk(expression, undefined);
        return;
      case R.TEMPLATE_ELEMENT:
        return;
      case R.BINARY:
        this.binary(node, bind, line);
        return;
      case R.UNARY:
        this.unary(node, bind, line);
        return;
      case R.LOGICAL:
        hash = operatorHash(type, text(node, "operator") ?? "");
        childBind = bind;
        break;
      case R.OPERATOR:
        hash = operatorHash(type, text(node, "operator") ?? "");
        break;
      case R.CONDITIONAL:
        out.token(hash, line);
        this.walkField(node, "test");
        this.walkField(node, "consequent", bind);
        this.walkField(node, "alternate", bind);
        return;
      case R.ARRAY:
      case R.PASS:
        childBind = bind;
        break;
      case R.OBJECT:
        out.token(hash, line);
        for (const property of list(node, "properties")) {
          if (property.type === "Property") this.objectProperty(property);
          else this.walk(property, undefined);
        }
        return;
      case R.BINDER:
        this.binder(node, line);
        return;
      case R.FUNCTION:
        this.function(node, line);
        return;
      case R.CALL:
        this.call(node, line);
        return;
      case R.IMPORT_EXPRESSION: {
        const source = field(node, "source")?.value;
        quiet = typeof source === "string";
        if (typeof source === "string") this.imports.push({ module: source, names: [], line });
        break;
      }
      case R.RETURN: {
        const argument = unwrap(field(node, "argument"));
        if (isFunction(argument)) out.flag(FLAG["returns-function"]);
        else if (argument?.type === "Identifier") out.returned(text(argument, "name") ?? "");
        break;
      }
      case R.DECLARABLE:
        if (flag(node, "declare")) return;
        break;
      case R.EXPRESSION_STATEMENT:
        // Directives ("use strict", "use client") are pragmas, not values.
        quiet = typeof node.directive === "string";
        break;
      case R.MODULE:
        if (flag(node, "declare") || node.kind === "global") return;
        break;
      case R.METHOD:
        // Overload signatures have no body and no behaviour.
        if (field(node, "value")?.type !== "FunctionExpression") return;
        break;
    }
    out.token(hash, line);
    if (type === "ForOfStatement" && flag(node, "await")) out.flag(FLAG.await);
    const loop = flagBit === FLAG.loop;
    if (loop) out.enterLoop();
    this.children(node, childBind, quiet);
    if (loop) out.leaveLoop();
  }

  private children(node: EsNode, bind: string | undefined, quiet = false): void {
    if (quiet) this.quiet++;
    for (const key of this.typeMode ? allChildKeys(node.type) : childKeys(node.type)) {
      const value = node[key];
      if (Array.isArray(value)) {
        for (const item of value) if (isNode(item)) this.walk(item, bind);
      } else if (isNode(value)) {
        this.walk(value, bind);
      }
    }
    if (quiet) this.quiet--;
  }

  /** A compiled async function's `switch` over its steps: the same tokens, each case read as its step. */
  private stateMachine(node: EsNode, line: number): void {
    this.out.token(tokenHash(node.type), line);
    this.walkField(node, "discriminant");
    const outer = this.step;
    for (const switchCase of list(node, "cases")) {
      this.step = stepOf(switchCase);
      this.walk(switchCase, undefined);
    }
    this.step = outer;
  }

  private walkField(node: EsNode, name: string, bind?: string): void {
    const child = field(node, name);
    if (child !== undefined) this.walk(child, bind);
  }

  private binary(node: EsNode, bind: string | undefined, line: number): void {
    this.out.token(operatorHash(node.type, text(node, "operator") ?? ""), line);
    const constant = this.quiet === 0 ? constantExpression(node, this.source) : undefined;
    // `30 * 1000` is one value (thirty seconds), not two numbers.
    if (constant !== undefined) this.out.expression(constant, bind, line);
    this.children(node, undefined, constant !== undefined);
  }

  private unary(node: EsNode, bind: string | undefined, line: number): void {
    const operator = text(node, "operator") ?? "";
    this.out.token(operatorHash(node.type, operator), line);
    const argument = field(node, "argument");
    // `delete store[key]` removes an entry by key, as a map's `.delete(key)` does: read as a call, so a
    // store kept in a plain object shows its writes.
    if (operator === "delete" && argument?.type === "MemberExpression" && flag(argument, "computed"))
      this.out.call("delete");
    const signed = signedNumber(node);
    if (signed !== undefined) {
      this.out.token(TOKEN.number, line);
      if (this.quiet === 0) this.out.number(signed, bind, line);
      return;
    }
    this.children(node, undefined);
  }

  private objectProperty(property: EsNode): void {
    this.out.token(tokenHash(property.type), this.lines.lineAt(property.start));
    const computed = flag(property, "computed");
    const key = field(property, "key");
    const name = keyName(key, computed);
    // Literal keys: `timeout`, `"x-client"`; numeric keys bind a name but are not keys.
    if (name !== undefined && typeof key?.value !== "number") this.out.key(name);
    if (key !== undefined) {
      if (!computed) this.quiet++;
      this.walk(key, undefined);
      if (!computed) this.quiet--;
    }
    this.walkField(property, "value", name);
  }

  private binder(node: EsNode, line: number): void {
    const binder = R.BINDERS.get(node.type);
    if (binder === undefined || flag(node, "declare")) return;
    const operator = text(node, "operator");
    this.out.token(operator === undefined ? tokenHash(node.type) : operatorHash(node.type, operator), line);
    if (node.type === "VariableDeclarator") this.declarator(node);
    const member = R.assignedMember(node, this.source);
    if (member !== undefined && this.quiet === 0) this.out.assigned(member);
    const name = binder.name(node, this.source);
    for (const key of childKeys(node.type)) {
      const value = node[key];
      const bind = key === binder.value ? name : undefined;
      const quiet = key === binder.quiet;
      if (Array.isArray(value)) {
        for (const item of value) if (isNode(item)) this.walk(item, bind);
      } else if (isNode(value)) {
        if (quiet) this.quiet++;
        this.walk(value, bind);
        if (quiet) this.quiet--;
      }
    }
  }

  // Nested function names (for returns-function) and `const { a } = require("x")` imports.
  private declarator(node: EsNode): void {
    const init = unwrap(field(node, "init"));
    const name = identifierName(field(node, "id"));
    if (name !== undefined && this.functionDepth > 0 && isFunction(init)) {
      this.out.nestedFunction(name);
      this.pendingFunctionName = name;
    }
    const source = init === undefined ? undefined : requireSource(init);
    if (init === undefined || source === undefined) return;
    const names = requiredNames(field(node, "id"));
    const bound = identifierName(field(node, "id"));
    this.imports.push({
      module: source,
      names,
      ...(bound !== undefined ? { locals: [bound] } : {}),
      line: this.lines.lineAt(init.start),
    });
    this.claimedRequire = init;
  }

  private function(node: EsNode, line: number): void {
    this.out.token(tokenHash(node.type), line);
    const declared = identifierName(field(node, "id"));
    if (declared !== undefined && this.functionDepth > 0 && node.type === "FunctionDeclaration") {
      this.out.nestedFunction(declared);
    }
    const name = this.functionDepth > 0 ? (declared ?? this.pendingFunctionName) : undefined;
    this.pendingFunctionName = undefined;
    if (name !== undefined) this.innerFunctions.push(name);
    // A function inside a step runs on its own, not as a step of the machine around it.
    const step = this.step;
    this.step = undefined;
    this.functionDepth++;
    this.children(node, undefined);
    this.functionDepth--;
    this.step = step;
    if (name !== undefined) this.innerFunctions.pop();
  }

  private call(node: EsNode, line: number): void {
    const out = this.out;
    out.token(tokenHash(node.type), line);
    const callee = field(node, "callee");
    const name = calleeName(callee);
    // A callee picked among alternatives (`(custom ?? setTimeout)(…)`) calls each of them.
    if (name === undefined) for (const alternative of calleeNames(callee)) out.call(alternative);
    if (name !== undefined) {
      out.call(name);
      // An inner function that calls itself (`const attempt = (n) => … attempt(n + 1)`) is recursion too.
      if (this.innerFunctions.includes(name)) out.flag(FLAG.recursion);
      // A promise's .catch() is the catch clause of promise code.
      if (name === "catch" || name.endsWith(".catch")) out.flag(FLAG.catch);
      const protectedStep = this.step === undefined ? undefined : tryOf(name, node);
      if (protectedStep !== undefined) {
        out.flag(FLAG.try);
        if (protectedStep.catches) out.flag(FLAG.catch);
      }
    }
    const source = requireSource(node);
    if (source !== undefined && node !== this.claimedRequire)
      this.imports.push({ module: source, names: [], line });
    this.children(node, undefined, source !== undefined);
  }
}
