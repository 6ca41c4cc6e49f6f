import { constantExpressionPattern } from "../literal-text.js";
import { TOKEN } from "../token-hash.js";
import type { UnitBuilder } from "../unit-builder.js";
import { type EsNode, field, text } from "./node.js";
import * as R from "./roles.js";

// What a literal node stands for as a value, for the drift table: the walk writes its tokens, these read
// the value (`30 * 1000` as one value, `-1` as a number) and record it with the name it is bound to.

const CONSTANT = constantExpressionPattern();
const MAX_CONSTANT_LENGTH = 120;

/** A literal's token, and its value when the walk is not quiet. */
export function literalValue(
  out: UnitBuilder,
  node: EsNode,
  bind: string | undefined,
  line: number,
  quiet: boolean,
): void {
  const value = node.value;
  if (node.regex !== undefined && node.regex !== null) {
    out.token(TOKEN.regex, line);
  } else if (typeof value === "string") {
    out.token(TOKEN.string, line);
    if (!quiet) out.string(value, bind, line);
  } else if (typeof value === "number" || typeof node.bigint === "string") {
    out.token(TOKEN.number, line);
    if (!quiet) out.number(Number(typeof value === "number" ? value : node.bigint), bind, line);
  } else {
    out.token(typeof value === "boolean" ? TOKEN.boolean : TOKEN.null, line);
  }
}

/** The source text of an arithmetic expression of literals (`30 * 1000`: thirty seconds), else undefined. */
export function constantExpression(node: EsNode, source: string): string | undefined {
  const operator = text(node, "operator") ?? "";
  if (!R.ARITHMETIC.has(operator) || node.end - node.start > MAX_CONSTANT_LENGTH) return undefined;
  const written = source.slice(node.start, node.end);
  return CONSTANT.test(written) ? written : undefined;
}

/** The number a signed literal stands for (`-1`, `+5`), else undefined. */
export function signedNumber(node: EsNode): number | undefined {
  const operator = text(node, "operator");
  const value = field(node, "argument");
  if ((operator !== "-" && operator !== "+") || value?.type !== "Literal" || typeof value.value !== "number")
    return undefined;
  return operator === "-" ? -value.value : value.value;
}
