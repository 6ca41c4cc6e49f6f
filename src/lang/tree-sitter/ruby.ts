import type { Node } from "web-tree-sitter";
import type { LineIndex } from "../line-index.js";
import { constantCallPattern, constantExpressionPattern, decodeEscapes } from "../literal-text.js";
import type { Import } from "../unit.js";
import { FLAG, type UnitBuilder } from "../unit-builder.js";
import { type Member, planClass, TYPE_CONVERSION } from "./class-plan.js";
import type { Binding, DecodedString, GrammarSpec, PlanContext } from "./grammar.js";

const TYPES = new Set(["class", "module"]);
const METHODS = new Set(["method", "singleton_method"]);
const REQUIRES = new Set(["require", "require_relative"]);
const VISIBILITY = new Set(["public", "private", "protected"]);
// Calls that make a closure out of their block: `lambda { … }`, `proc { … }`, `Proc.new { … }`.
const CLOSURES = new Set(["lambda", "proc", "new"]);

/**
 * Ruby over tree-sitter-ruby. Callees keep Ruby's spelling (`Net::HTTP.new`); `@timeout` is read as
 * `self.timeout`. Methods are exported when public (after no `private`/`protected`) in a class or module;
 * top-level `def`s are private methods of Object, so never exported.
 */
export const ruby: GrammarSpec = {
  language: "ruby",
  wasm: "tree-sitter-ruby.wasm",
  version: 4,
  identifiers: ["identifier", "constant", "instance_variable", "class_variable", "global_variable", "super"],
  strings: ["string", "bare_string", "simple_symbol", "delimited_symbol", "character", "heredoc_body"],
  numbers: ["integer", "float", "rational", "complex"],
  booleans: ["true", "false"],
  nulls: ["nil"],
  // A heredoc's opening `<<~SQL` holds no text: its body comes later, as a `heredoc_body`.
  skip: ["comment", "string_content", "escape_sequence", "heredoc_content", "heredoc_end"],
  containers: ["array", "string_array", "symbol_array", "parenthesized_statements", "right_assignment_list"],
  functions: ["method", "singleton_method", "lambda", "block", "do_block"],
  calls: { call: "" },
  members: { call: ["receiver", "method"], scope_resolution: ["scope", "name", "::"] },
  subscripts: { element_reference: ["object", "#-1"] },
  binders: {
    assignment: ["left", "right"],
    operator_assignment: ["left", "right"],
    optional_parameter: ["name", "value"],
    keyword_parameter: ["name", "value"],
  },
  pairs: {},
  bindings: { pair: pairBinding },
  binaries: ["binary"],
  unaries: ["unary"],
  returns: ["return"],
  imports: [],
  flags: {
    if: "branch",
    unless: "branch",
    if_modifier: "branch",
    unless_modifier: "branch",
    case: "branch",
    case_match: "branch",
    conditional: "branch",
    while: "loop",
    until: "loop",
    for: "loop",
    while_modifier: "loop",
    until_modifier: "loop",
    // `retry` inside `rescue` runs the block again: a retry loop without a loop statement.
    retry: "loop",
    rescue: "catch",
    rescue_modifier: "catch",
  },
  callFlags: {
    raise: "throw",
    fail: "throw",
    loop: "loop",
    ".each": "loop",
    ".each_with_index": "loop",
    ".each_with_object": "loop",
    ".times": "loop",
    ".upto": "loop",
    ".downto": "loop",
  },
  bareCalls: ["raise"],
  importCalls: [...REQUIRES],
  sigil: "@",
  operators:
    "+ - * / % ** == != < <= > >= <=> === =~ !~ && || ! and or not & | ^ ~ << >> = += -= *= /= ||= &&= .. ... &.".split(
      " ",
    ),
  selfNames: [],
  conversions: TYPE_CONVERSION,
  constantExpression: constantExpressionPattern(),
  // `30.seconds` (ActiveSupport) is one duration.
  constantValues: { types: ["call"], pattern: constantCallPattern() },
  hooks: { rescue: tries, rescue_modifier: tries, ensure: tries, return: returnsClosure },
  decodeString,
  keyName: () => undefined,
  importsOf,
  plan,
};

function plan(root: Node, ctx: PlanContext): void {
  for (const child of root.namedChildren) {
    if (child === null || child.type === "comment") continue;
    if (isRequire(child)) ctx.importStatement(child);
    else if (child.type === "ERROR") ctx.boundary();
    // After a lost `end` the whole file is one ERROR, and the defs that follow sit in a loose body.
    else if (child.type === "body_statement" && root.type === "ERROR") plan(child, ctx);
    else if (TYPES.has(child.type)) planClass(ctx, reader, child, nameOf(child), true);
    else if (METHODS.has(child.type))
      ctx.unit({ node: child, name: nameOf(child), kind: "function", exported: false, ...shape(child) });
    else {
      const declares = declaredNames(child);
      // Constants are visible everywhere once the file is loaded; local variables are not.
      ctx.statement(
        child,
        declares,
        declares.some((name) => /^\p{Lu}/u.test(name)),
      );
    }
  }
}

const reader = {
  separator: "::",
  members(type: Node, exported: boolean): Member[] {
    const members: Member[] = [];
    const hidden = new Set<string>();
    const visit = (body: Node | null): void => {
      let visible = true;
      for (const child of body?.namedChildren ?? []) {
        if (child === null) continue;
        const wrapped = visibilityCall(child);
        if (child.type === "identifier" && VISIBILITY.has(child.text)) visible = child.text === "public";
        else if (child.type === "singleton_class") visit(child.childForFieldName("body"));
        else if (TYPES.has(child.type))
          members.push({ node: child, name: nameOf(child), kind: "class", exported });
        else if (METHODS.has(child.type))
          members.push(method(child, exported && (visible || child.type === "singleton_method")));
        else if (wrapped !== undefined) {
          // `private def helper … end` (the `private` call stays in the class), `private :helper, :other`
          for (const arg of wrapped.args) {
            if (arg === null) continue;
            if (METHODS.has(arg.type)) members.push(method(arg, exported && wrapped.visible));
            else if (!wrapped.visible && arg.type === "simple_symbol") hidden.add(arg.text.slice(1));
          }
        }
      }
    };
    visit(type.childForFieldName("body"));
    // `initialize` is always private in Ruby.
    return members.map((member) =>
      member.kind === "method" && (hidden.has(member.name) || member.name === "initialize")
        ? { ...member, exported: false }
        : member,
    );
  },
};

function method(node: Node, exported: boolean): Member {
  return { node, name: nameOf(node), kind: "method", exported, ...shape(node) };
}

function visibilityCall(node: Node): { visible: boolean; args: (Node | null)[] } | undefined {
  const name =
    node.type === "call" && node.childForFieldName("receiver") === null
      ? node.childForFieldName("method")?.text
      : undefined;
  if (name === undefined || !VISIBILITY.has(name)) return undefined;
  return { visible: name === "public", args: node.childForFieldName("arguments")?.namedChildren ?? [] };
}

function shape(node: Node): { async: boolean; returnsFunction: boolean } {
  // The last expression is the return value: `def middleware = ->(env) { … }` or ending in `lambda { … }`.
  const body = node.childForFieldName("body");
  const statements = body?.type === "body_statement" ? body.namedChildren : [body];
  const last = statements
    .filter((s) => s !== null && !["rescue", "ensure", "else", "comment"].includes(s.type))
    .at(-1);
  return { async: false, returnsFunction: last !== undefined && last !== null && isClosure(last) };
}

function isClosure(node: Node): boolean {
  if (node.type === "lambda") return true;
  if (node.type !== "call" || node.childForFieldName("block") === null) return false;
  const name = node.childForFieldName("method")?.text ?? "";
  const receiver = node.childForFieldName("receiver")?.text;
  return name === "new" ? receiver === "Proc" : CLOSURES.has(name) && receiver === undefined;
}

function nameOf(node: Node): string {
  return node.childForFieldName("name")?.text ?? "";
}

function isRequire(node: Node): boolean {
  return (
    node.type === "call" &&
    REQUIRES.has(node.childForFieldName("method")?.text ?? "") &&
    node.childForFieldName("receiver") === null
  );
}

// `TIMEOUT = 5` → TIMEOUT, `a, b = 1, 2` → a, b, `Config.timeout = 5` → Config.timeout.
function declaredNames(statement: Node): string[] {
  if (statement.type !== "assignment" && statement.type !== "operator_assignment") return [];
  const left = statement.childForFieldName("left");
  const targets = left?.type === "left_assignment_list" ? left.namedChildren : [left];
  return targets.flatMap((target) =>
    target === null || target.type === "element_reference" ? [] : [target.text],
  );
}

// `{ "X-Request-Id" => id }` and `{ timeout: 5 }` are hash entries with keys; `get(url, timeout: 5)` is a
// keyword argument, bound like Python's `timeout=5` but not a key.
function pairBinding(node: Node): Binding[] {
  const key = node.childForFieldName("key");
  const value = node.childForFieldName("value");
  if (key === null || value === null) return [];
  const keyword = key.type === "hash_key_symbol" && node.parent?.type === "argument_list";
  const name =
    key.type === "hash_key_symbol"
      ? key.text
      : ruby.strings.includes(key.type)
        ? decodeString(key.text).parts.join("")
        : undefined;
  return [{ value, name, target: key, key: !keyword }];
}

function tries(_node: Node, out: UnitBuilder): number {
  out.flag(FLAG.try);
  return 0;
}

function returnsClosure(node: Node, out: UnitBuilder): number {
  const value =
    node.firstNamedChild?.type === "argument_list"
      ? node.firstNamedChild.firstNamedChild
      : node.firstNamedChild;
  if (value !== null && value !== undefined && isClosure(value)) out.flag(FLAG["returns-function"]);
  return 0;
}

// `require "net/http"` → net/http; `require_relative "retry"` → ./retry, relative as in Python and JS.
function importsOf(node: Node, lines: LineIndex): Import[] {
  const argument = node.childForFieldName("arguments")?.firstNamedChild;
  if (argument === null || argument === undefined || argument.type !== "string") return [];
  const path = decodeString(argument.text).parts.join("");
  if (path === "") return [];
  const relative = node.childForFieldName("method")?.text === "require_relative" && !/^\.{0,2}\//.test(path);
  return [{ module: relative ? `./${path}` : path, names: [], line: lines.lineAt(node.startIndex) }];
}

/** Ruby string, symbol or heredoc body source → its value; interpolation gives the text around `#{…}`. */
export function decodeString(raw: string): DecodedString {
  if (raw.startsWith(":") && !raw.startsWith(':"') && !raw.startsWith(":'"))
    return { template: false, parts: [raw.slice(1)] };
  if (raw.startsWith("?")) return { template: false, parts: [raw.slice(1)] };
  const { body, single } = unquote(raw);
  const decode = single ? (text: string) => text.replace(/\\([\\'])/g, "$1") : decodeEscapes;
  if (single || !body.includes("#{")) return { template: false, parts: [decode(body)] };
  const parts: string[] = [];
  let current = "";
  for (let i = 0; i < body.length; i++) {
    if (body[i] === "\\") {
      current += body.slice(i, i + 2);
      i++;
    } else if (body[i] === "#" && body[i + 1] === "{") {
      if (current !== "") parts.push(decode(current));
      current = "";
      for (let depth = 0; i < body.length; i++) {
        if (body[i] === "{") depth++;
        else if (body[i] === "}" && --depth === 0) break;
      }
    } else {
      current += body[i];
    }
  }
  if (current !== "") parts.push(decode(current));
  return { template: true, parts };
}

// Quotes, `%q(…)`/`%Q[…]`/`%(…)`, `:"sym"`, or a heredoc body (its text up to the terminator line).
function unquote(raw: string): { body: string; single: boolean } {
  const percent = /^%([qQwWiI]?)([^\w\s])/.exec(raw);
  if (percent !== null)
    return { body: raw.slice(percent[0].length, -1), single: /[qwi]/.test(percent[1] ?? "") };
  const sym = raw.startsWith(":") ? 1 : 0;
  const quote = raw[sym];
  if (quote === '"' || quote === "'" || quote === "`")
    return { body: raw.slice(sym + 1, -1), single: quote === "'" };
  return { body: raw.replace(/^\r?\n/, "").replace(/\n[ \t]*\S+\s*$/, "\n"), single: false };
}
