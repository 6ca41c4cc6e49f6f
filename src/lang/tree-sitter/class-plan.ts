import type { Node } from "web-tree-sitter";
import type { PlanContext } from "./grammar.js";

/** A method or nested type found in a class-like body, with the name it goes by there. */
export interface Member {
  /** Walked as its own unit and left out of the class's tokens. */
  node: Node;
  name: string;
  kind: "method" | "class";
  exported: boolean;
  async?: boolean;
  returnsFunction?: boolean;
  /** A method with no body: an interface's signature or an abstract method. */
  declaration?: boolean;
}

/** How one language lists the members of its classes, interfaces, objects, records, structs and modules. */
export interface MemberReader {
  members(type: Node, exported: boolean): Member[];
  /** Between an enclosing type's name and a nested one's: `Outer.Inner`, Ruby `Acme::Client`. */
  readonly separator: string;
  /** An interface declaration (Java, Kotlin, C#); languages without interfaces leave it out. */
  isInterface?(type: Node): boolean;
}

/**
 * A class-like declaration as a class unit (its fields, annotations and initialisers) plus one unit per
 * method, named `Class.method`; nested types recurse with qualified names. An interface whose members are
 * all signatures is one type unit.
 */
export function planClass(
  ctx: PlanContext,
  reader: MemberReader,
  node: Node,
  name: string,
  exported: boolean,
): void {
  const members = reader.members(node, exported);
  // An interface of signatures only describes work and does none, like a TypeScript interface: one type
  // unit, read for copies and never as a concern's implementation. A feature toggle declared as
  // `interface ChatFeature { fun self(): Toggle }` uses the org's toggle library; it is not another one.
  if (
    reader.isInterface?.(node) &&
    members.every((member) => member.kind === "method" && member.declaration)
  ) {
    ctx.unit({ node, name, kind: "type", exported });
    return;
  }
  ctx.unit({ node, name, kind: "class", exported, skip: members.map((member) => member.node) });
  for (const member of members) {
    if (member.kind === "class") {
      planClass(ctx, reader, member.node, `${name}${reader.separator}${member.name}`, member.exported);
      continue;
    }
    ctx.unit({
      node: member.node,
      name: `${name}.${member.name}`,
      kind: "method",
      parent: name,
      exported: member.exported,
      async: member.async === true,
      returnsFunction: member.returnsFunction === true,
    });
  }
}

/**
 * Annotations and attributes that give a field's name on the wire, like a Go json struct tag; their name
 * is a key (`@JsonProperty("error_code")`, `[JsonPropertyName("error_code")]`, `@SerialName("error_code")`).
 */
const WIRE_NAMES = new Set([
  "JsonProperty",
  "JsonAlias",
  "JsonPropertyName",
  "JsonbProperty",
  "SerializedName",
  "SerialName",
  "Json",
  "DataMember",
]);
// The argument holding the name: positional, or Jackson/Moshi `value`/`name`, .NET `Name`/`PropertyName`.
const NAME_ARGUMENTS = new Set(["", "value", "name", "Name", "PropertyName"]);

/** An annotation argument: its name ("" when positional) and its value if it is a plain string. */
export type AnnotationArgument = readonly [name: string, value: string | undefined];

/** The wire name an annotation gives, or undefined when it is not a serialisation annotation. */
export function wireName(annotation: string, args: readonly AnnotationArgument[]): string | undefined {
  if (!WIRE_NAMES.has(annotation.slice(annotation.lastIndexOf(".") + 1))) return undefined;
  for (const [name, value] of args) {
    if (NAME_ARGUMENTS.has(name) && value !== undefined && value !== "") return value;
  }
  return undefined;
}

/** For `GrammarSpec.conversions`: a callee naming a type (`Runnable`, `http.HandlerFunc`), not a method. */
export const TYPE_CONVERSION = /(?:^|[.:])\p{Lu}\w*$/u;
