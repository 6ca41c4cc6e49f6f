import type { TreeCursor } from "web-tree-sitter";
import type { LineIndex } from "../line-index.js";
import { NEGATIVE_NUMBER, parseNumber } from "../literal-text.js";
import { TOKEN } from "../token-hash.js";
import type { UnitBuilder } from "../unit-builder.js";
import type { CompiledGrammar } from "./grammar.js";

/** A bound name, or one per element for `a, b = 1, 2`. */
export type Bind = string | readonly (string | undefined)[] | undefined;

const MAX_CONSTANT_LENGTH = 120;

/**
 * The literal half of the syntax walk: numbers, strings and constant expressions, recorded with the name
 * they are bound to unless the walk is `quiet` (inside an assignment target, an import, a struct tag).
 */
export abstract class LiteralWalk {
  protected quiet = 0;

  constructor(
    protected readonly g: CompiledGrammar,
    protected readonly out: UnitBuilder,
    protected readonly lines: LineIndex,
    protected readonly text: string,
    protected readonly cursor: TreeCursor,
  ) {}

  protected abstract children(bind: Bind): void;

  protected binary(start: number, bind: Bind, line: number): void {
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

  protected number(source: string, bind: Bind, line: number): void {
    const name = typeof bind === "string" ? bind : undefined;
    const value = parseNumber(source);
    if (Number.isNaN(value)) this.out.expression(source, name, line);
    else this.out.number(value, name, line);
  }

  protected string(bind: Bind, line: number): void {
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

  protected unary(start: number, bind: Bind, line: number): void {
    const end = this.cursor.endIndex;
    const match =
      this.quiet === 0 && end - start <= 40 ? NEGATIVE_NUMBER.exec(this.text.slice(start, end)) : null;
    if (match?.[1] === undefined) {
      this.children(undefined);
      return;
    }
    this.out.token(TOKEN.number, line);
    this.number(`-${match[1]}`, bind, line);
  }

  // `Duration.ofSeconds(30)` is one value; the walk goes on quietly for its calls and identifiers.
  protected constantValue(start: number, bind: Bind, line: number): boolean {
    const end = this.cursor.endIndex;
    const pattern = this.g.spec.constantValues?.pattern;
    if (this.quiet > 0 || pattern === undefined || end - start > MAX_CONSTANT_LENGTH) return false;
    const source = this.text.slice(start, end);
    if (!pattern.test(source)) return false;
    this.out.expression(source, typeof bind === "string" ? bind : undefined, line);
    return true;
  }
}
