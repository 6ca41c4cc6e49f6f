import { subwordsOf } from "./subwords.js";
import type { Literal, Unit, UnitFlag, UnitKind } from "./unit.js";

/** Flags in the order the contract lists them; a unit's `flags` come out in this order. */
const FLAG_ORDER: readonly UnitFlag[] = [
  "loop",
  "branch",
  "try",
  "catch",
  "await",
  "async",
  "recursion",
  "throw",
  "returns-function",
  "exported",
];

export const FLAG: Readonly<Record<UnitFlag, number>> = Object.fromEntries(
  FLAG_ORDER.map((flag, index) => [flag, 1 << index]),
) as Record<UnitFlag, number>;

const MAX_STRING = 200;
const MAX_EXPRESSION = 120;
// A generated lookup table can hold thousands of literals; the drift table only needs the first few hundred.
const MAX_LITERALS = 500;
// Enough of a call's lines to tell a set-up made in one place from a call made all through a long unit.
const MAX_CALL_LINES = 16;

export interface UnitHeader {
  name: string;
  kind: UnitKind;
  parent?: string | undefined;
  startLine: number;
  endLine: number;
  /** Flags known before the walk (exported, async, a concise arrow returning a function). */
  flags: number;
  /** Block units: the module-level names the block declares. */
  declares?: readonly string[];
  /** Block units: the declared names that name types. */
  types?: readonly string[];
}

/**
 * Collects one unit's tokens and features while a syntax walk runs. One builder is reused for every unit
 * of every file an adapter parses: the token buffers grow once and are copied out in `finish`.
 */
export class UnitBuilder {
  private tokenBuffer = new Uint32Array(4096);
  private lineBuffer = new Uint32Array(4096);
  private tokenCount = 0;
  private readonly identifierSet = new Set<string>();
  private readonly loopIdentifierSet = new Set<string>();
  /** How many loop statements enclose the node being walked. */
  private loopDepth = 0;
  /** Callee → the lines it is called on (the first MAX_CALL_LINES). */
  private readonly callLine = new Map<string, number[]>();
  /** The line the walk is on: a call seen by a hook, before its node's token, is placed by it. */
  private line = 0;
  private readonly keySet = new Set<string>();
  private readonly assignedSet = new Set<string>();
  private readonly literalSeen = new Set<string>();
  private literalList: Literal[] = [];
  private flagBits = 0;
  // For "returns-function": names of functions declared inside the unit, and names it returns.
  private readonly nestedFunctions = new Set<string>();
  private readonly returnedNames = new Set<string>();

  begin(): void {
    this.tokenCount = 0;
    this.identifierSet.clear();
    this.loopIdentifierSet.clear();
    this.loopDepth = 0;
    this.callLine.clear();
    this.line = 0;
    this.keySet.clear();
    this.assignedSet.clear();
    this.literalSeen.clear();
    this.literalList = [];
    this.flagBits = 0;
    this.nestedFunctions.clear();
    this.returnedNames.clear();
  }

  token(hash: number, line: number): void {
    this.line = line;
    if (this.tokenCount === this.tokenBuffer.length) this.grow();
    this.tokenBuffer[this.tokenCount] = hash;
    this.lineBuffer[this.tokenCount] = line;
    this.tokenCount++;
  }

  /** Replaces the last token's hash (a string node that turned out to be interpolated). */
  retag(hash: number): void {
    if (this.tokenCount > 0) this.tokenBuffer[this.tokenCount - 1] = hash;
  }

  identifier(name: string): void {
    if (name === "") return;
    this.identifierSet.add(name);
    if (this.loopDepth > 0) this.loopIdentifierSet.add(name);
  }

  /** The walk enters a loop statement (for, while, do): identifiers until `leaveLoop` are named in it. */
  enterLoop(): void {
    this.loopDepth++;
  }

  leaveLoop(): void {
    if (this.loopDepth > 0) this.loopDepth--;
  }

  /** The walk has reached `line` (calls recorded next, without a line of their own, are on it). */
  at(line: number): void {
    this.line = line;
  }

  call(name: string, line = this.line): void {
    const lines = this.callLine.get(name);
    if (lines === undefined) this.callLine.set(name, [line]);
    else if (lines.length < MAX_CALL_LINES && lines.at(-1) !== line) lines.push(line);
  }

  key(name: string): void {
    this.keySet.add(name);
  }

  assigned(name: string): void {
    this.assignedSet.add(name);
  }

  flag(bit: number): void {
    this.flagBits |= bit;
  }

  nestedFunction(name: string): void {
    this.nestedFunctions.add(name);
  }

  returned(name: string): void {
    this.returnedNames.add(name);
  }

  string(value: string, name: string | undefined, line: number): void {
    if (value.length === 0) return;
    this.literal("string", value.length > MAX_STRING ? value.slice(0, MAX_STRING) : value, name, line);
  }

  number(value: number, name: string | undefined, line: number): void {
    this.literal("number", value, name, line);
  }

  /** A bound value built from literals, kept as (whitespace-collapsed) source text. */
  expression(source: string, name: string | undefined, line: number): void {
    const value = source.replace(/\s+/g, " ").trim();
    this.literal(
      "expression",
      value.length > MAX_EXPRESSION ? value.slice(0, MAX_EXPRESSION) : value,
      name,
      line,
    );
  }

  finish(header: UnitHeader): Unit {
    let flags = this.flagBits | header.flags;
    for (const name of this.returnedNames) {
      if (this.nestedFunctions.has(name)) flags |= FLAG["returns-function"];
    }
    if (header.kind === "function" || header.kind === "method") {
      const lastName = header.name.slice(header.name.lastIndexOf(".") + 1);
      if (this.callLine.has(lastName)) flags |= FLAG.recursion;
    }
    const unit: Unit = {
      name: header.name,
      kind: header.kind,
      startLine: header.startLine,
      endLine: Math.max(header.startLine, header.endLine),
      tokens: this.tokenBuffer.slice(0, this.tokenCount),
      tokenLines: this.lineBuffer.slice(0, this.tokenCount),
      identifiers: [...this.identifierSet],
      subwords: subwordsOf(this.identifierSet),
      calls: [...this.callLine.keys()],
      callLines: [...this.callLine.values()],
      literals: this.literalList,
      keys: [...this.keySet],
      flags: FLAG_ORDER.filter((flag) => (flags & FLAG[flag]) !== 0),
    };
    if (this.assignedSet.size > 0) unit.assigned = [...this.assignedSet];
    if (this.loopIdentifierSet.size > 0) unit.loopIdentifiers = [...this.loopIdentifierSet];
    if (header.parent !== undefined) unit.parent = header.parent;
    if (header.declares !== undefined && header.declares.length > 0)
      unit.declares = [...new Set(header.declares)];
    if (header.types !== undefined && header.types.length > 0) unit.types = [...new Set(header.types)];
    return unit;
  }

  private literal(
    kind: Literal["kind"],
    value: string | number,
    name: string | undefined,
    line: number,
  ): void {
    if (this.literalList.length >= MAX_LITERALS) return;
    const seen = `${kind}\u0000${name ?? ""}\u0000${value}`;
    if (this.literalSeen.has(seen)) return;
    this.literalSeen.add(seen);
    this.literalList.push(name === undefined ? { kind, value, line } : { kind, value, name, line });
  }

  private grow(): void {
    const tokens = new Uint32Array(this.tokenBuffer.length * 2);
    tokens.set(this.tokenBuffer);
    this.tokenBuffer = tokens;
    const lines = new Uint32Array(this.lineBuffer.length * 2);
    lines.set(this.lineBuffer);
    this.lineBuffer = lines;
  }
}
