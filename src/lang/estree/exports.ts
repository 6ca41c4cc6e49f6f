import { dottedName, type EsNode, field, identifierName, keyName, list, unwrap } from "./node.js";

/**
 * Local names a module exports other than by an `export` keyword on the declaration itself:
 * `export { a, b as c }`, `export default a`, `export = a`, `module.exports = { a, b: c }`,
 * `module.exports = a`, `exports.a = a`.
 */
export function collectExports(body: readonly EsNode[]): Set<string> {
  const names = new Set<string>();
  for (const statement of body) {
    switch (statement.type) {
      case "ExportNamedDeclaration":
        if (field(statement, "source") === undefined && field(statement, "declaration") === undefined) {
          for (const specifier of list(statement, "specifiers")) addName(names, field(specifier, "local"));
        }
        break;
      case "ExportDefaultDeclaration":
        addName(names, field(statement, "declaration"));
        break;
      case "TSExportAssignment":
        addName(names, field(statement, "expression"));
        break;
      case "ExpressionStatement":
        addCommonJs(names, unwrap(field(statement, "expression")));
        break;
    }
  }
  return names;
}

/** `module.exports = …`, `module.exports.x = …` or `exports.x = …`. */
export function isCommonJsExport(statement: EsNode): boolean {
  if (statement.type !== "ExpressionStatement") return false;
  const expression = unwrap(field(statement, "expression"));
  return (
    expression?.type === "AssignmentExpression" && commonJsTarget(field(expression, "left")) !== undefined
  );
}

function addCommonJs(names: Set<string>, expression: EsNode | undefined): void {
  if (expression?.type !== "AssignmentExpression") return;
  const target = commonJsTarget(field(expression, "left"));
  if (target === undefined) return;
  let value = unwrap(field(expression, "right"));
  if (target !== "") names.add(target);
  // `module.exports = Store = …` exports Store too.
  while (value?.type === "AssignmentExpression") {
    addName(names, field(value, "left"));
    value = unwrap(field(value, "right"));
  }
  if (value?.type === "ObjectExpression" && target === "") {
    for (const property of list(value, "properties")) {
      addName(names, field(property, "key"));
      addName(names, unwrap(field(property, "value")));
    }
  } else {
    addName(names, value);
  }
}

// "" for `module.exports`, the property for `module.exports.x` / `exports.x`, undefined otherwise.
function commonJsTarget(left: EsNode | undefined): string | undefined {
  const name = dottedName(left);
  if (name === "module.exports") return "";
  const match = name === undefined ? null : /^(?:module\.)?exports\.([^.]+)$/.exec(name);
  return match?.[1];
}

function addName(names: Set<string>, node: EsNode | undefined): void {
  const name = node?.type === "Literal" ? keyName(node, false) : identifierName(node);
  if (name !== undefined) names.add(name);
}
