import { z } from "zod";
import { clonesSchema } from "./clones-schema.js";
import { adviceSchema, ledgerSchema } from "./ledger-schema.js";

/**
 * The scan result, version 1: what `lineitem scan --json` writes and every renderer reads. Renderers
 * never re-parse code; anything they show must be here. Additive changes keep version 1; a removal or a
 * change of meaning bumps `schemaVersion`. The JSON Schema in schema/scan-result.v1.json is generated from
 * this file (`npm run schema`) and checked in CI.
 */

const isoDate = z.string().describe("ISO 8601 date-time with offset");

export const historySummarySchema = z
  .object({
    authors: z
      .number()
      .int()
      .describe("distinct people (author and co-authors, after .mailmap; bots excluded)"),
    commits: z.number().int(),
    activeDays: z.number().int().describe("calendar days with at least one commit"),
    authorDays: z.number().int().describe("distinct (person, day) pairs with a commit"),
    linesChanged: z
      .number()
      .int()
      .nullable()
      .describe("lines written or removed inside the code; null when only file names could be read"),
    firstSeen: isoDate,
    lastChanged: isoDate,
    attribution: z
      .enum(["lines", "file"])
      .describe(
        "lines: commits that changed the code's own lines, followed back through history; file: every commit to its file (when lines could not be followed)",
      ),
  })
  .describe("who wrote and kept up the code, from git history");

export const unitRefSchema = z.object({
  name: z.string(),
  kind: z.enum(["function", "method", "class", "block", "type"]),
  startLine: z.number().int(),
  endLine: z.number().int(),
});

export const implementationUnitSchema = unitRefSchema.extend({
  role: z
    .enum(["work", "support"])
    .describe(
      "work: the unit's own code does the concern's work; support: it goes with the work (a helper it calls, an options block it reads) without doing it",
    ),
  focus: z
    .array(z.object({ startLine: z.number().int(), endLine: z.number().int() }))
    .optional()
    .describe(
      "a long unit doing the work: the runs of its lines where the concern's evidence is (a main's logger set-up), in order; for a long class around methods that do the work, only its own (empty when it has none: the methods are the places); left out when the unit is short or its work is spread through it",
    ),
});

export const locationSchema = z.object({
  team: z.string(),
  repo: z.string(),
  path: z.string(),
  startLine: z.number().int(),
  endLine: z.number().int(),
});

export const parameterValueSchema = z.object({
  value: z
    .union([z.number(), z.string(), z.array(z.union([z.number(), z.string()]))])
    .describe(
      'normalised: milliseconds for durations, numbers for counts, sorted lists for codes, strings and keys; "Infinity" for no limit',
    ),
  display: z.string().describe('as a person reads it: "200 ms", "3", "x-request-id"'),
  line: z.number().int().describe("where the value is written: in the implementation's file, or in `path`"),
  path: z
    .string()
    .optional()
    .describe("the file the value is written in, when not the implementation's own: a module it imports"),
});

export const implementationSchema = locationSchema.extend({
  id: z.string(),
  blob: z.string().describe("the git blob id of the file as read: its excerpt is read back by it"),
  concern: z.string(),
  language: z.string(),
  golden: z.boolean().describe("the implementation the org has blessed for this concern"),
  score: z.number(),
  evidence: z.array(z.string()).describe("signals that fired, strongest first, as kind:value"),
  units: z.array(implementationUnitSchema),
  ownerSource: z.enum(["config-path", "codeowners", "config-repo", "fallback"]),
  history: historySummarySchema.nullable(),
  copyOf: z
    .object({ implementation: z.string(), similarity: z.number() })
    .nullable()
    .describe("the earlier implementation this one was copied from, when their code is a clone"),
  fanIn: z
    .number()
    .int()
    .describe(
      "units in other files of the repository that call it through an import: which copy carries weight",
    ),
  wraps: z
    .string()
    .nullable()
    .describe("the well-known package this implementation wraps (a wrapper with its defaults), or null"),
  parameters: z
    .record(z.string(), parameterValueSchema.nullable())
    .describe("the policy this implementation encodes, per parameter of the concern; null where it has none"),
});

export const driftColumnSchema = z.object({
  id: z.string(),
  title: z.string(),
  found: z.number().int().describe("implementations that set this parameter"),
  distinct: z.number().int().describe("different values among them"),
  same: z.boolean().describe("every implementation sets it, to the same value: the column collapses"),
});

export const adoptionSchema = z.object({
  team: z.string(),
  repo: z.string(),
  path: z.string(),
  line: z.number().int(),
  module: z.string(),
});

export const concernClusterSchema = z.object({
  id: z.string(),
  title: z.string(),
  noun: z.string(),
  statement: z.string().describe('one line: "retry logic: written 5 times by 4 teams since 2024-Q3"'),
  crossTeam: z.boolean().describe("implemented by two or more teams: a cluster, and a candidate line item"),
  writings: z.number().int(),
  teams: z.array(z.string()),
  firstSeen: isoDate.nullable(),
  goldenPath: z
    .object({
      package: z.string().nullable(),
      repo: z.string().nullable(),
      path: z.string().nullable(),
      team: z.string().nullable(),
      found: z.boolean(),
    })
    .nullable(),
  adoptions: z.array(adoptionSchema),
  implementations: z.array(implementationSchema),
  drift: z
    .array(driftColumnSchema)
    .describe("the parameters at least one implementation sets, in the concern's order (the drift table)"),
});

export const unnamedMemberSchema = locationSchema.extend({
  blob: z.string().describe("the git blob id of the file as read"),
  units: z.array(unitRefSchema),
  history: historySummarySchema.nullable(),
});

export const unnamedClusterSchema = z.object({
  id: z.string(),
  title: z.string().describe("named from the members' most telling identifiers"),
  statement: z.string(),
  teams: z.array(z.string()),
  similarity: z.number(),
  identical: z.boolean(),
  members: z.array(unnamedMemberSchema),
});

export const skipReasonSchema = z.enum([
  "vendored",
  "generated",
  "lockfile",
  "minified",
  "binary",
  "too-large",
  "unreadable",
  "parse-error",
  "unsupported",
  "excluded",
  "symlink",
  "submodule",
  "vanished",
]);

export const repoSummarySchema = z.object({
  name: z.string(),
  kind: z.enum(["git", "plain"]),
  scope: z.string().nullable(),
  history: z
    .enum(["ok", "empty", "shallow", "partial", "none"])
    .describe("partial: git stopped at a damaged object; what is newer than the damage was read"),
  commits: z.number().int().nullable(),
  filesRead: z.number().int(),
  filesSkipped: z.number().int(),
  codeowners: z.string().nullable().describe("the CODEOWNERS file used, repository-relative"),
  root: z
    .string()
    .nullable()
    .describe(
      "the folder it was read from, where the HTML report takes code excerpts from; null from a database",
    ),
  head: z.string().nullable().describe("the commit HEAD named when it was read"),
});

export const teamSummarySchema = z.object({
  name: z.string(),
  repos: z.array(z.string()),
  files: z.number().int(),
  byRepositoryName: z
    .boolean()
    .describe("no CODEOWNERS line or config rule owns these files: the team is named after the repository"),
});

export const diagnosticSchema = z.object({
  level: z.enum(["warning", "info"]),
  code: z.string(),
  message: z.string(),
  repo: z.string().optional(),
  file: z.string().optional(),
  line: z.number().int().optional(),
});

export const scanResultSchema = z.object({
  kind: z.literal("lineitem.scan"),
  schemaVersion: z.literal(1),
  tool: z.object({ name: z.literal("lineitem"), version: z.string() }),
  generatedAt: isoDate,
  configFile: z.string().nullable(),
  includeTests: z.boolean(),
  summary: z.object({
    repos: z.number().int(),
    teams: z.number().int(),
    filesRead: z.number().int(),
    filesSkipped: z.number().int(),
    testFiles: z.number().int().describe("read, but kept out of clusters unless includeTests"),
    units: z.number().int(),
    lines: z.number().int(),
    byLanguage: z.record(z.string(), z.object({ files: z.number().int(), lines: z.number().int() })),
    skippedByReason: z.record(z.string(), z.number().int()),
    crossTeamConcerns: z.number().int(),
    implementations: z.number().int(),
    unnamedClusters: z.number().int(),
    crossTeamCloneGroups: z.number().int(),
  }),
  repos: z.array(repoSummarySchema),
  teams: z.array(teamSummarySchema),
  concerns: z.array(concernClusterSchema),
  unnamed: z.array(unnamedClusterSchema),
  clones: clonesSchema,
  ledger: ledgerSchema,
  advice: adviceSchema.nullable().describe("approach A, B or C; null when no history could be read"),
  skipped: z.array(
    z.object({ repo: z.string(), path: z.string(), reason: skipReasonSchema, detail: z.string().optional() }),
  ),
  diagnostics: z.array(diagnosticSchema),
});

export type ScanResult = z.infer<typeof scanResultSchema>;
export type ConcernCluster = z.infer<typeof concernClusterSchema>;
export type Implementation = z.infer<typeof implementationSchema>;
export type UnnamedCluster = z.infer<typeof unnamedClusterSchema>;
export type UnnamedMember = z.infer<typeof unnamedMemberSchema>;
export type HistorySummaryJson = z.infer<typeof historySummarySchema>;
export type Adoption = z.infer<typeof adoptionSchema>;
export type UnitRef = z.infer<typeof unitRefSchema>;
