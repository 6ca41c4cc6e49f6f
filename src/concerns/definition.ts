import { z } from "zod";
import { LANGUAGE_IDS } from "../lang/index.js";

/**
 * A concern is data: what points to it (signals with weights), which kinds of evidence must all be present
 * (requires), and how much evidence is enough (threshold). One YAML file per concern.
 */

export const SIGNAL_KINDS = [
  "subword",
  "name",
  "identifier",
  "call",
  "import",
  "string",
  "key",
  "flag",
  "path",
  "looped",
] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

const patterns = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

const signalSchema = z
  .strictObject({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, "lower-case words joined by dashes")
      .optional(),
    subword: patterns.optional(),
    name: patterns.optional(),
    identifier: patterns.optional(),
    call: patterns.optional(),
    import: patterns.optional(),
    string: patterns.optional(),
    key: patterns.optional(),
    flag: patterns.optional(),
    path: patterns.optional(),
    /** An identifier named inside a loop statement (a page token a loop walks with, not one passed on). */
    looped: patterns.optional(),
    weight: z.number().min(-10).max(10),
    languages: z.array(z.enum(LANGUAGE_IDS)).optional(),
    /**
     * How many different patterns must match for the signal to fire (default 1): a logger's own level
     * table names several levels, code that merely logs an error names one.
     */
    atLeast: z.number().int().min(1).max(20).optional(),
  })
  .refine((signal) => SIGNAL_KINDS.filter((kind) => signal[kind] !== undefined).length === 1, {
    message: `a signal names exactly one of: ${SIGNAL_KINDS.join(", ")}`,
  })
  .refine(
    (signal) => {
      const kind = SIGNAL_KINDS.find((k) => signal[k] !== undefined);
      const raw = kind === undefined ? undefined : signal[kind];
      return (signal.atLeast ?? 1) <= (Array.isArray(raw) ? raw.length : 1);
    },
    { message: "atLeast is more than the signal's patterns" },
  );

/**
 * A parameter is a policy value the drift table compares across implementations: how many attempts, how
 * long a timeout, which header carries the trace id, which keys the error envelope has.
 */
export const PARAMETER_KINDS = [
  "count",
  "number",
  "duration",
  "statuses",
  "strings",
  "keys",
  "calls",
  "env",
] as const;
export type ParameterKind = (typeof PARAMETER_KINDS)[number];

const parameterSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-zA-Z0-9-]*$/, "a short name: letters, digits, dashes"),
    title: z.string().min(1),
    /**
     * count / number / duration: a literal bound to one of `names` (a count of 0 is a counter's start,
     * skipped); statuses: HTTP status codes in the code; strings / keys: string literals / object keys that
     * `match` (strings bound to one of `names`, when given); calls: whether a listed call is made;
     * env: environment variable names (UPPER_SNAKE_CASE strings or identifiers) that `match`.
     */
    kind: z.enum(PARAMETER_KINDS),
    /** Names the value is bound to (key, variable, argument), compared without case, `_` or `-`. */
    names: z.array(z.string().min(1)).min(1).optional(),
    /** Words or a /regex/ the collected strings or keys must match (case-insensitive). */
    match: patterns.optional(),
    /** Callees whose presence is the value (`Math.random` for jitter). */
    calls: z.array(z.string().min(1)).min(1).optional(),
    /**
     * strings: the value may also be written as a key: an object key or the name a value is bound to
     * that `match` (a header set as `{ accept: "application/json" }` or `headers["content-type"] = …`).
     */
    keysToo: z.boolean().optional(),
  })
  .refine((p) => !["count", "number", "duration"].includes(p.kind) || p.names !== undefined, {
    message: "count, number and duration parameters need `names`",
  })
  .refine((p) => p.kind !== "calls" || p.calls !== undefined, { message: "calls parameters need `calls`" })
  .refine((p) => p.kind !== "strings" || p.match !== undefined, {
    message: "strings parameters need `match`",
  })
  .refine((p) => p.keysToo === undefined || p.kind === "strings", {
    message: "only strings parameters take `keysToo`",
  });

export const definitionSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "lower-case words joined by dashes"),
  title: z.string().min(1),
  /** How a sentence names the work: "Your teams wrote retry logic 5 times". */
  noun: z.string().min(1),
  description: z.string().min(1),
  signals: z.array(signalSchema).min(1),
  /** Groups of signal ids; a unit must match at least one signal of every group. */
  requires: z.array(z.array(z.string()).min(1)).default([]),
  threshold: z.number().positive(),
  /**
   * Signal ids a part of the work must show in its own code (one is enough): a cache's parts touch the
   * store or its policy, not only its name. Without it, the share of the threshold alone decides.
   */
  work: z.array(z.string()).min(1).optional(),
  /** Policy values to compare across implementations (the drift table). */
  parameters: z.array(parameterSchema).default([]),
  /**
   * Well-known packages that do this concern (`p-retry`, `tenacity`, `github.com/cenkalti/backoff`): using
   * one is adoption, not a new writing; a team's exported function around one is reported as a wrapper.
   */
  libraries: z.array(z.string().min(1)).default([]),
});

export type ConcernDefinitionInput = z.infer<typeof definitionSchema>;

export type Pattern = { exact: string } | { regex: RegExp };

export interface CompiledSignal {
  id: string;
  kind: SignalKind;
  patterns: Pattern[];
  weight: number;
  languages?: string[];
  /** Different patterns that must match for the signal to fire; 1 unless the definition says more. */
  atLeast?: number;
}

export interface CompiledParameter {
  id: string;
  title: string;
  kind: ParameterKind;
  /** Normalised names (lower-case, letters and digits only). */
  names: ReadonlySet<string>;
  match: Pattern[];
  calls: string[];
  /** strings: matching keys and bound names count as values too. */
  keysToo: boolean;
}

export interface ConcernDefinition {
  id: string;
  title: string;
  noun: string;
  description: string;
  signals: CompiledSignal[];
  requires: string[][];
  /** `requires` with each id resolved to its signal, positive ones and gates (weight 0), not negative ones. */
  requiredSignals: CompiledSignal[][];
  threshold: number;
  /** Signal ids one of which a part of the work must fire by its own code; empty when any part may. */
  work?: string[];
  parameters: CompiledParameter[];
  /** Module names (lower-case) of well-known packages that do this concern. */
  libraries: string[];
  /** File the definition came from, for messages. */
  source: string;
}
