import type { TopPlan } from "../assemble.js";
import type { LineIndex } from "../line-index.js";
import type { Import } from "../unit.js";
import { FLAG } from "../unit-builder.js";
import { collectExports, isCommonJsExport } from "./exports.js";
import {
  dottedName,
  type EsNode,
  field,
  flag,
  identifierName,
  isFunction,
  keyName,
  list,
  patternNames,
  text,
  unwrap,
} from "./node.js";
import type { EstreeWalker } from "./walker.js";
import { wrappedModule } from "./wrappers.js";

interface PlanContext {
  walker: EstreeWalker;
  lines: LineIndex;
  source: string;
  imports: Import[];
  /** Names exported by the module, and by the bodies of the module wrappers read so far. */
  exported: Set<string>;
  plans: TopPlan[];
}

// Declarations that only describe types. Interfaces and type aliases become `type` units (copied types
// are copies); overload signatures and `export as namespace` are nothing to compare.
const TYPE_ONLY = new Set(["TSDeclareFunction", "TSNamespaceExportDeclaration"]);
const TYPE_UNITS = new Set(["TSInterfaceDeclaration", "TSTypeAliasDeclaration"]);

/** Module-level statements → units (functions, classes, methods), block statements and imports. */
export function planProgram(
  program: EsNode,
  walker: EstreeWalker,
  lines: LineIndex,
  source: string,
  imports: Import[],
): TopPlan[] {
  const body = list(program, "body");
  const ctx: PlanContext = { walker, lines, source, imports, exported: collectExports(body), plans: [] };
  for (const statement of body) planStatement(ctx, statement);
  classesOfPrototypes(ctx.plans);
  return ctx.plans;
}

/**
 * ES5's class: a constructor function whose methods are assigned to its prototype
 * (`function Client() {…}` and `Client.prototype.send = function () {…}`), as hand-written libraries and
 * TypeScript's or Babel's ES5 output have it. The methods are read as `Client.send` with `Client` as their
 * parent (prototypeMethod), and the constructor as the class they belong to, as an ES2015 class would be.
 */
function classesOfPrototypes(plans: TopPlan[]): void {
  const parents = new Set<string>();
  for (const plan of plans) {
    if (plan.kind === "unit" && plan.unit.kind === "method" && plan.unit.parent !== undefined)
      parents.add(plan.unit.parent);
  }
  for (const plan of plans) {
    if (plan.kind === "unit" && plan.unit.kind === "function" && parents.has(plan.unit.name))
      plan.unit.kind = "class";
  }
}

/** `X.prototype.m = function (…) {…}` at module level: the class X and the method m, else undefined. */
function prototypeMethod(node: EsNode): { owner: string; method: string; fn: EsNode } | undefined {
  if (node.type !== "ExpressionStatement") return undefined;
  const assignment = unwrap(field(node, "expression"));
  if (assignment?.type !== "AssignmentExpression" || text(assignment, "operator") !== "=") return undefined;
  const fn = unwrap(field(assignment, "right"));
  if (fn === undefined || !isFunction(fn)) return undefined;
  const parts = dottedName(field(assignment, "left"))?.split(".");
  if (parts?.length !== 3 || parts[1] !== "prototype") return undefined;
  const [owner, , method] = parts as [string, string, string];
  return owner === "this" ? undefined : { owner, method, fn };
}

function planStatement(ctx: PlanContext, statement: EsNode): void {
  const line = ctx.lines.lineAt(statement.start);
  switch (statement.type) {
    case "ImportDeclaration": {
      const locals = list(statement, "specifiers").flatMap((s) => {
        const local = identifierName(field(s, "local"));
        return local === undefined ? [] : [local];
      });
      ctx.imports.push({
        module: sourceOf(statement),
        names: list(statement, "specifiers").map(importedName),
        ...(locals.length > 0 ? { locals } : {}),
        line,
      });
      brk(ctx);
      return;
    }
    case "ExportAllDeclaration":
      ctx.imports.push({ module: sourceOf(statement), names: ["*"], line });
      brk(ctx);
      return;
    case "TSImportEqualsDeclaration": {
      const reference = field(statement, "moduleReference");
      const module = field(reference ?? statement, "expression")?.value;
      if (reference?.type === "TSExternalModuleReference" && typeof module === "string") {
        ctx.imports.push({ module, names: [], line });
      }
      brk(ctx);
      return;
    }
    case "ExportNamedDeclaration": {
      const declaration = field(statement, "declaration");
      if (field(statement, "source") !== undefined) {
        const names = list(statement, "specifiers").map((s) => keyName(field(s, "local"), false) ?? "*");
        ctx.imports.push({ module: sourceOf(statement), names, line });
        brk(ctx);
        return;
      }
      // `export { a, b }` only names things; collectExports already read it.
      if (declaration === undefined) {
        brk(ctx);
        return;
      }
      planDeclaration(ctx, declaration, statement, true);
      return;
    }
    case "ExportDefaultDeclaration": {
      const declaration = field(statement, "declaration");
      if (declaration === undefined || declaration.type === "Identifier") {
        brk(ctx);
        return;
      }
      planDeclaration(ctx, declaration, statement, true, "default");
      return;
    }
    case "EmptyStatement":
      return;
    default: {
      const wrapped = wrappedModule(statement);
      if (wrapped.length > 0) {
        planWrapped(ctx, wrapped);
        return;
      }
      planDeclaration(ctx, statement, statement, false);
      return;
    }
  }
}

/**
 * A module wrapper's bodies are read as module level: UMD (`(function (root, factory) {…})(this, function
 * () {…})`), CoffeeScript's `(function () {…}).call(this)`, TypeScript's ES5 class
 * (`var Client = (function () { function Client() {…} … return Client; }())`) and
 * `module.exports = X = (function () { class X {…} … })()`. Read as one statement, a 1,600-line library
 * was one block whose size raised every concern's bar and whose functions were no units of their own.
 */
function planWrapped(ctx: PlanContext, bodies: readonly (readonly EsNode[])[]): void {
  brk(ctx);
  for (const body of bodies) {
    for (const name of collectExports(body)) ctx.exported.add(name);
    for (const statement of body) planStatement(ctx, statement);
    brk(ctx);
  }
}

function planDeclaration(
  ctx: PlanContext,
  node: EsNode,
  wrapper: EsNode,
  exportKeyword: boolean,
  defaultName?: string,
): void {
  if (TYPE_ONLY.has(node.type) || flag(node, "declare") || isTypeOnlyModule(node)) {
    brk(ctx);
    return;
  }
  const start = startOf(node, wrapper);
  const name = identifierName(field(node, "id")) ?? defaultName;
  const exported = exportKeyword || (name !== undefined && ctx.exported.has(name));
  if (TYPE_UNITS.has(node.type)) {
    // A type ends the block of statements around it, as before, and is a unit of its own.
    brk(ctx);
    ctx.plans.push({
      kind: "unit",
      unit: {
        name: name ?? "default",
        kind: "type",
        startLine: ctx.lines.lineAt(start),
        endLine: ctx.lines.lastLineOf(start, wrapper.end),
        flags: exported ? FLAG.exported : 0,
        emit: () => ctx.walker.walkType(node),
      },
    });
    return;
  }
  if (node.type === "FunctionDeclaration" && field(node, "body") !== undefined) {
    planFunction(ctx, node, node, name ?? "default", start, wrapper.end, exported);
    return;
  }
  if (node.type === "ClassDeclaration" || node.type === "ClassExpression") {
    planClass(ctx, node, name ?? "default", start, wrapper.end, exported);
    return;
  }
  const value = unwrap(node);
  if (defaultName !== undefined && isFunction(value) && value !== undefined) {
    planFunction(ctx, value, node, defaultName, start, wrapper.end, exported);
    return;
  }
  if (node.type === "VariableDeclaration") {
    const declarators = list(node, "declarations");
    const only = declarators.length === 1 ? declarators[0] : undefined;
    const init = only === undefined ? undefined : unwrap(field(only, "init"));
    const declared = identifierName(field(only ?? node, "id"));
    if (declared !== undefined && init !== undefined) {
      const isExported = exportKeyword || ctx.exported.has(declared);
      if (isFunction(init)) {
        planFunction(ctx, init, node, declared, start, wrapper.end, isExported);
        return;
      }
      if (init.type === "ClassExpression") {
        planClass(ctx, init, declared, start, wrapper.end, isExported);
        return;
      }
    }
  }
  const assigned = prototypeMethod(node);
  if (assigned !== undefined) {
    ctx.plans.push({
      kind: "unit",
      unit: {
        name: `${assigned.owner}.${assigned.method}`,
        kind: "method",
        parent: assigned.owner,
        startLine: ctx.lines.lineAt(start),
        endLine: ctx.lines.lastLineOf(start, wrapper.end),
        flags: (ctx.exported.has(assigned.owner) ? FLAG.exported : 0) | functionFlags(assigned.fn),
        emit: () => ctx.walker.walkRoot(node),
      },
    });
    return;
  }
  const declares = declaredNames(node, defaultName);
  ctx.plans.push({
    kind: "statement",
    statement: {
      declares,
      exported: exportKeyword || declares.some((n) => ctx.exported.has(n)) || isCommonJsExport(node),
      startLine: ctx.lines.lineAt(start),
      endLine: ctx.lines.lastLineOf(start, wrapper.end),
      emit: () => ctx.walker.walkRoot(node),
    },
  });
}

function planFunction(
  ctx: PlanContext,
  fn: EsNode,
  root: EsNode,
  name: string,
  start: number,
  end: number,
  exported: boolean,
): void {
  ctx.plans.push({
    kind: "unit",
    unit: {
      name,
      kind: "function",
      startLine: ctx.lines.lineAt(start),
      endLine: ctx.lines.lastLineOf(start, end),
      flags: (exported ? FLAG.exported : 0) | functionFlags(fn),
      emit: () => ctx.walker.walkRoot(root),
    },
  });
}

function planClass(
  ctx: PlanContext,
  cls: EsNode,
  name: string,
  start: number,
  end: number,
  exported: boolean,
): void {
  const members = list(field(cls, "body") ?? cls, "body");
  const methods = members.filter(isMethodMember);
  const skip = new Set(methods);
  ctx.plans.push({
    kind: "unit",
    unit: {
      name,
      kind: "class",
      startLine: ctx.lines.lineAt(start),
      endLine: ctx.lines.lastLineOf(start, end),
      flags: exported ? FLAG.exported : 0,
      emit: () => ctx.walker.walkClass(cls, skip),
    },
  });
  for (const member of methods) {
    const key = field(member, "key");
    const memberName =
      keyName(key, flag(member, "computed")) ?? `[${ctx.source.slice(key?.start, key?.end)}]`;
    const isPublic =
      text(member, "accessibility") !== "private" && text(member, "accessibility") !== "protected";
    const memberStart = startOf(member, member);
    ctx.plans.push({
      kind: "unit",
      unit: {
        name: `${name}.${memberName}`,
        kind: "method",
        parent: name,
        startLine: ctx.lines.lineAt(memberStart),
        endLine: ctx.lines.lastLineOf(memberStart, member.end),
        flags:
          (exported && isPublic && key?.type !== "PrivateIdentifier" ? FLAG.exported : 0) |
          functionFlags(unwrap(field(member, "value"))),
        emit: () => ctx.walker.walkRoot(member),
      },
    });
  }
}

function isMethodMember(member: EsNode): boolean {
  const value = unwrap(field(member, "value"));
  if (member.type === "MethodDefinition") return value?.type === "FunctionExpression";
  if (member.type === "PropertyDefinition" || member.type === "AccessorProperty") {
    return !flag(member, "declare") && isFunction(value);
  }
  return false;
}

// `async`, and a concise arrow whose body is itself a function (`fn => async (...args) => …`).
function functionFlags(fn: EsNode | undefined): number {
  if (fn === undefined) return 0;
  let flags = flag(fn, "async") ? FLAG.async : 0;
  if (fn.type === "ArrowFunctionExpression" && isFunction(unwrap(field(fn, "body"))))
    flags |= FLAG["returns-function"];
  return flags;
}

// Where a definition starts: decorators may sit before an `export` keyword.
function startOf(node: EsNode, wrapper: EsNode): number {
  const [decorator] = list(node, "decorators");
  return Math.min(wrapper.start, node.start, decorator?.start ?? Number.MAX_SAFE_INTEGER);
}

function declaredNames(node: EsNode, defaultName: string | undefined): string[] {
  if (defaultName !== undefined) return [defaultName];
  switch (node.type) {
    case "VariableDeclaration": {
      const names: string[] = [];
      for (const declarator of list(node, "declarations")) patternNames(field(declarator, "id"), names);
      return names;
    }
    case "ExpressionStatement": {
      const expression = unwrap(field(node, "expression"));
      if (expression?.type !== "AssignmentExpression") return [];
      const name = dottedName(field(expression, "left"));
      return name === undefined || name.startsWith("this") ? [] : [name];
    }
    case "TSEnumDeclaration":
    case "TSModuleDeclaration": {
      const name = keyName(field(node, "id"), false);
      return name === undefined ? [] : [name];
    }
    default:
      return [];
  }
}

function isTypeOnlyModule(node: EsNode): boolean {
  return node.type === "TSModuleDeclaration" && (node.kind === "global" || field(node, "body") === undefined);
}

function importedName(specifier: EsNode): string {
  if (specifier.type === "ImportDefaultSpecifier") return "default";
  if (specifier.type === "ImportNamespaceSpecifier") return "*";
  return keyName(field(specifier, "imported"), false) ?? "*";
}

function sourceOf(statement: EsNode): string {
  const value = field(statement, "source")?.value;
  return typeof value === "string" ? value : "";
}

function brk(ctx: PlanContext): void {
  ctx.plans.push({ kind: "break" });
}
