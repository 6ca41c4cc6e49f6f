import { z } from "zod";
import { diagnosticSchema, implementationUnitSchema, locationSchema, unitRefSchema } from "./schema.js";

/**
 * The check result, version 1: what `lineitem check --format json` writes, and what the Markdown, SARIF and
 * annotation renderers read. The JSON Schema in schema/check-result.v1.json is generated from this file.
 */

const isoDate = z.string().describe("ISO 8601 date-time with offset");

export const checkLevelSchema = z
  .enum(["warning", "note"])
  .describe(
    "warning: a concern another team already implements or that has a golden path; note: a copy of another team's code",
  );

export const existingCopySchema = locationSchema.extend({
  golden: z.boolean().describe("the golden path's own implementation"),
  units: z
    .array(implementationUnitSchema.partial({ role: true }))
    .describe("an implementation's units say their role (work or support); a copy's units have none"),
  similarity: z
    .number()
    .nullable()
    .describe(
      "for a copy: the Dice overlap of the new code with this unit (1: identical); null for a concern",
    ),
});

export const parameterDiffSchema = z.object({
  id: z.string(),
  title: z.string(),
  yours: z.string().nullable().describe("the value the new code sets, as a person reads it; null: not set"),
  golden: z.string().nullable().describe("the golden path's value; null: not set"),
  same: z.boolean(),
});

export const allowanceSchema = z.object({
  source: z.enum(["comment", "config"]),
  reason: z.string(),
  where: z
    .string()
    .describe("path:line of the lineitem-ignore comment, or the config file and the entry's position"),
});

export const checkFindingSchema = z.object({
  id: z.string().describe("stable across runs of the same change: kind, concern or copied unit, path, unit"),
  kind: z.enum(["concern", "copy"]),
  level: checkLevelSchema,
  concern: z.string().nullable(),
  concernTitle: z.string().nullable(),
  team: z.string().describe("the team that owns the changed code"),
  location: locationSchema.extend({
    line: z.number().int().describe("the first changed line inside the new code: where the finding is shown"),
    units: z.array(unitRefSchema),
  }),
  what: z.string(),
  why: z.string(),
  action: z.string().describe("what to do"),
  existing: z
    .array(existingCopySchema)
    .describe(
      "where the same work already is: the golden path first, then implementations in the new code's language (TypeScript with JavaScript, Java with Kotlin), other teams before the team's own",
    ),
  goldenPath: z
    .object({
      package: z.string().nullable(),
      repo: z.string().nullable(),
      path: z.string().nullable(),
      owner: z.string().nullable().describe("the team that owns it (CODEOWNERS, config or repository)"),
      found: z.boolean().describe("its implementation was found in the last scan"),
    })
    .nullable(),
  parameters: z
    .array(parameterDiffSchema)
    .describe("the new code's policy against the golden path's, parameter by parameter"),
  allowed: allowanceSchema.nullable().describe("set when the finding was allowed, with the reason on record"),
});

export const checkResultSchema = z.object({
  kind: z.literal("lineitem.check"),
  schemaVersion: z.literal(1),
  tool: z.object({ name: z.literal("lineitem"), version: z.string() }),
  generatedAt: isoDate,
  repo: z.string(),
  base: z.object({ ref: z.string(), commit: z.string() }),
  head: z.object({
    ref: z.string(),
    commit: z.string(),
    workingTree: z.boolean().describe("files were read from the working tree (head is the checked-out HEAD)"),
  }),
  mergeBase: z.string().describe("the change is what head adds since this commit (git diff base...head)"),
  index: z.object({
    kind: z.enum(["sqlite", "postgres"]),
    where: z.string(),
    scannedAt: z.string().nullable().describe("when the org was last scanned (SQLite index)"),
    copies: z.boolean().describe("the index could be searched for copies of the new code"),
  }),
  changed: z.object({
    files: z.number().int().describe("files the change adds, modifies or renames"),
    checked: z.number().int().describe("source files whose changed units were read"),
    units: z.number().int().describe("units the change adds or modifies"),
    limit: z.number().int().describe("at most this many source files are checked (--max-files)"),
    truncated: z.boolean().describe("the change touched more source files than the limit"),
  }),
  failOn: z.enum(["off", "warning", "note"]),
  findings: z.array(checkFindingSchema).describe("what the change repeats, not allowed"),
  allowed: z.array(checkFindingSchema).describe("findings allowed by a comment or config, with the reason"),
  diagnostics: z.array(diagnosticSchema),
});

export type CheckResult = z.infer<typeof checkResultSchema>;
export type CheckFinding = z.infer<typeof checkFindingSchema>;
export type CheckLevel = z.infer<typeof checkLevelSchema>;
export type ExistingCopy = z.infer<typeof existingCopySchema>;
export type ParameterDiff = z.infer<typeof parameterDiffSchema>;
export type Allowance = z.infer<typeof allowanceSchema>;
