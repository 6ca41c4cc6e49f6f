import { type EsNode, field, list } from "./node.js";

// Async functions compiled down to ES5 become state machines: TypeScript's `__generator` and Babel's
// regenerator turn `while (…) { try { await … } catch { … } }` into a `switch` over numbered steps, where
// going round the loop is a jump back to an earlier step and `await` is a value handed to the driver.
// The loops, awaits and try blocks are still there, only spelled as data; these read them back, so a
// compiled retry loop carries the same flags as the source it came from.
//
//   TypeScript: switch (_a.label) { case 0: … _a.trys.push([1, 4, , 6]); return [4 /*yield*/, f()];
//               … case 4: … return [3 /*break*/, 0]; }
//   Babel:      switch (_context.prev = _context.next) { case 0: … _context.next = 3; return f();
//               … case 7: _context.next = 0; break; }

/** TypeScript's driver instructions (the first element of a returned array): jump and await. */
const TS_BREAK = 3;
const TS_YIELD = 4;

const numberOf = (node: EsNode | undefined): number | undefined =>
  node?.type === "Literal" && typeof node.value === "number" ? node.value : undefined;

const propertyName = (node: EsNode | undefined): string | undefined => {
  if (node?.type !== "MemberExpression" || node.computed === true) return undefined;
  const property = field(node, "property");
  return property?.type === "Identifier" ? (property.name as string) : undefined;
};

/** `switch (_a.label)` or `switch (_context.prev = _context.next)`: a compiled async function's steps. */
export function isStateMachine(switchNode: EsNode): boolean {
  const discriminant = field(switchNode, "discriminant");
  if (propertyName(discriminant) === "label") return true;
  return (
    discriminant?.type === "AssignmentExpression" &&
    propertyName(field(discriminant, "left")) === "prev" &&
    propertyName(field(discriminant, "right")) === "next"
  );
}

/** The step a `case N:` of a state machine starts. */
export function stepOf(switchCase: EsNode): number | undefined {
  return numberOf(field(switchCase, "test"));
}

/**
 * What a statement inside step `step` tells: a jump back to this step or an earlier one is a loop
 * (`return [3, 0]`, `_context.next = 0`); TypeScript's `return [4, x]` is an await.
 */
export function stepEffect(node: EsNode, step: number): "loop" | "await" | undefined {
  if (node.type === "ReturnStatement") {
    const argument = field(node, "argument");
    if (argument?.type !== "ArrayExpression") return undefined;
    const [op, target] = list(argument, "elements");
    const instruction = numberOf(op);
    if (instruction === TS_YIELD) return "await";
    const to = numberOf(target);
    return instruction === TS_BREAK && to !== undefined && to <= step ? "loop" : undefined;
  }
  if (node.type === "AssignmentExpression" && propertyName(field(node, "left")) === "next") {
    const to = numberOf(field(node, "right"));
    return to !== undefined && to <= step ? "loop" : undefined;
  }
  return undefined;
}

/**
 * A step's protected region: TypeScript's `_a.trys.push([try, catch, finally, end])` opens a try, with a
 * catch when the second entry is there; Babel's `_context.catch(N)` is the catch clause itself.
 */
export function tryOf(callee: string, call: EsNode): { catches: boolean } | undefined {
  const args = list(call, "arguments");
  if (callee.endsWith("trys.push")) {
    const [entry] = args;
    if (entry?.type !== "ArrayExpression") return undefined;
    const catchStep = list(entry, "elements")[1];
    return { catches: catchStep !== undefined && catchStep !== null };
  }
  const isStepCatch = callee.endsWith(".catch") && args.length === 1 && numberOf(args[0]) !== undefined;
  return isStepCatch ? { catches: true } : undefined;
}
