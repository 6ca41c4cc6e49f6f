import { z } from "zod";

/** The `clones` section of the scan result: copies as groups of N members, one finding each. */

export const cloneMemberSchema = z.object({
  team: z.string(),
  repo: z.string(),
  path: z.string(),
  startLine: z.number().int(),
  endLine: z.number().int(),
  tokens: z.number().int().describe("length of this copy in syntax-node tokens"),
  unit: z.string().describe("the function, method, class or block the copy is, or lies in"),
  canonical: z
    .boolean()
    .describe("on a golden path or matched by the config's `canonical`: the original, the others its copies"),
});

export const cloneGroupSchema = z.object({
  id: z.string().describe("stable across runs while the members stay where they are"),
  level: z.enum(["unit", "fragment"]).describe("whole units are copies, or runs of code inside units"),
  kind: z
    .enum(["exact", "renamed", "near-miss"])
    .describe(
      "exact: same text apart from whitespace (type 1); renamed: same code with other names or values (type 2); near-miss: statements added, removed or changed (type 3)",
    ),
  tokens: z.number().int().describe("length of the shortest member, in tokens"),
  lines: z.number().int().describe("lines of the shortest member"),
  similarity: z.number().describe("the weakest link inside the group; 1 for exact and renamed copies"),
  crossTeam: z.boolean().describe("members in two or more teams: a cross-team cluster"),
  teams: z.array(z.string()),
  boilerplate: z
    .enum(["scaffolding", "everywhere"])
    .nullable()
    .describe("set aside: a shape in most files of a folder, or in too many places to be a choice"),
  members: z.array(cloneMemberSchema),
});

export const sameJobSchema = z.object({
  similarity: z.number().describe("weakest Jaccard overlap of the members' words, calls, keys and strings"),
  teams: z.array(z.string()),
  concern: z
    .string()
    .nullable()
    .describe("the concern every member implements, when the concern engine confirms it"),
  members: z.array(cloneMemberSchema.omit({ tokens: true, canonical: true })),
});

export const clonesSchema = z.object({
  settings: z
    .object({
      minTokens: z.number().int(),
      minFragmentTokens: z.number().int(),
      minSimilarity: z.number(),
      showBoilerplate: z.boolean(),
    })
    .describe("the thresholds this scan used (docs/similarity.md)"),
  groups: z.array(cloneGroupSchema).describe("cross-team groups first, largest first"),
  sameJob: z
    .array(sameJobSchema)
    .describe("type 4 candidates: different code, same words and calls, in two or more teams"),
  setAside: z.object({
    small: z.number().int().describe("units under minTokens: trivial getters, setters, one-liners"),
    repetitive: z.number().int().describe("units that repeat one shape: tables of constants"),
    scaffolding: z.number().int().describe("groups of a shape found in most files of a folder"),
    everywhere: z.number().int().describe("groups of a shape found in too many places to be a choice"),
    singleTeam: z.number().int().describe("groups within one team: listed, but not cross-team clusters"),
  }),
});

export type Clones = z.infer<typeof clonesSchema>;
export type CloneGroupJson = z.infer<typeof cloneGroupSchema>;
export type CloneMemberJson = z.infer<typeof cloneMemberSchema>;
