import { type EsNode, field, isFunction, keyName, list, unwrap } from "./node.js";

/**
 * The statement lists of the function bodies a module-level statement wraps its code in, in source
 * order; empty when it is no module wrapper. A wrapper is a function called where it is written (alone,
 * through `.call`/`.apply`, after `!` or `void`, or as the value assigned or declared) whose body
 * declares a function or a class (or wraps again): a small `const x = (() => {…})()` stays a statement.
 */
export function wrappedModule(statement: EsNode): (readonly EsNode[])[] {
  let value: EsNode | undefined;
  let factories = false;
  if (statement.type === "ExpressionStatement") {
    value = unwrap(field(statement, "expression"));
    while (value?.type === "UnaryExpression" && (value.operator === "!" || value.operator === "void"))
      value = unwrap(field(value, "argument"));
    factories = value?.type === "CallExpression";
    while (value?.type === "AssignmentExpression") value = unwrap(field(value, "right"));
  } else if (statement.type === "VariableDeclaration") {
    const declarators = list(statement, "declarations");
    value = declarators.length === 1 ? unwrap(field(declarators[0] as EsNode, "init")) : undefined;
  }
  if (value?.type !== "CallExpression") return [];
  let callee = unwrap(field(value, "callee"));
  if (
    callee?.type === "MemberExpression" &&
    /^(call|apply)$/.test(keyName(field(callee, "property"), false) ?? "")
  )
    callee = unwrap(field(callee, "object"));
  if (!isFunction(callee) || callee === undefined) return [];
  // UMD hands the module's code to its wrapper as a factory function.
  const functions = factories
    ? [
        callee,
        ...list(value, "arguments")
          .map(unwrap)
          .filter((arg): arg is EsNode => isFunction(arg)),
      ]
    : [callee];
  const bodies = functions
    .sort((a, b) => a.start - b.start)
    .map((fn) => field(fn, "body"))
    .filter((body): body is EsNode => body?.type === "BlockStatement")
    .map((body) => list(body, "body"));
  return bodies.some((body) => body.some(declaresUnit)) ? bodies : [];
}

/** Whether a statement of a wrapper's body becomes a function or class unit, or wraps again. */
function declaresUnit(statement: EsNode): boolean {
  const node =
    statement.type === "ExportNamedDeclaration" || statement.type === "ExportDefaultDeclaration"
      ? field(statement, "declaration")
      : statement;
  if (node === undefined) return false;
  if (node.type === "FunctionDeclaration" || node.type === "ClassDeclaration") return true;
  if (node.type === "VariableDeclaration") {
    const init = unwrap(field(list(node, "declarations")[0] ?? node, "init"));
    if (isFunction(init) || init?.type === "ClassExpression") return true;
  }
  return wrappedModule(node).length > 0;
}
