import { z } from "zod";
import { clonesSchema } from "./clones-schema.js";
import { diagnosticSchema } from "./schema.js";

/**
 * `lineitem copies`: the copy search alone, the job people bring jscpd or fallow to, with owners. Its
 * `clones` section has the scan's shape, but tokens are lexer tokens here (a statement like
 * `const x = f(a, b);` is 10 of them), not syntax nodes.
 */
export const copiesResultSchema = z.object({
  kind: z.literal("lineitem.copies"),
  schemaVersion: z.literal(1),
  tool: z.object({ name: z.literal("lineitem"), version: z.string() }),
  generatedAt: z.string(),
  configFile: z.string().nullable(),
  includeTests: z.boolean(),
  summary: z.object({
    repos: z.number().int(),
    teams: z.number().int(),
    filesRead: z.number().int(),
    filesSkipped: z.number().int(),
    testFiles: z.number().int().describe("read, but left out of the copy search unless includeTests"),
    lines: z.number().int(),
    crossTeamCloneGroups: z.number().int(),
  }),
  clones: clonesSchema,
  diagnostics: z.array(diagnosticSchema),
});

export type CopiesResult = z.infer<typeof copiesResultSchema>;
