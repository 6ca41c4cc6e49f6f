import { z } from "zod";
import { diagnosticSchema } from "./schema.js";

/**
 * What `lineitem trend --json` writes (schema/trend-result.v1.json): the org at past period ends, computed
 * from each repository's tree at that date, and the kill criteria a platform team is judged by.
 */

const point = z.object({
  label: z.string().describe("2025-Q3, 2025-07, a given day, or the newest commit's day for 'now'"),
  kind: z
    .enum(["period", "start", "now", "date"])
    .describe("a period end, the platform team's start, today's trees, or a day asked for"),
  at: z.string().describe("the instant the trees are taken at (ISO 8601, UTC): the last second of the day"),
  commits: z
    .record(z.string(), z.string().nullable())
    .describe("per repository, the commit its main line was at (null: no commit yet)"),
  files: z.number().int().describe("production files read at this point"),
});

const concernPoint = z.object({
  point: z.string().describe("the point's label"),
  implementations: z
    .number()
    .int()
    .describe("implementations found, the golden path's included (as a scan counts them)"),
  teams: z.array(z.string()).describe("teams with an implementation"),
  ownTeams: z
    .array(z.string())
    .describe("teams that carry an implementation of their own (not the golden path, not its owner)"),
  onGoldenTeams: z.array(z.string()).describe("teams whose code imports the golden path"),
  migratingTeams: z
    .array(z.string())
    .describe("teams on the golden path that still carry their own: a migration in progress"),
  ownRepos: z.array(z.string()),
  onGoldenRepos: z.array(z.string()),
  goldenFound: z.boolean().describe("the golden path's implementation existed at this point"),
  uptakeTeams: z
    .number()
    .nullable()
    .describe(
      "teams on the golden path ÷ teams doing this work (own or golden); null without a golden path or work",
    ),
  uptakeRepos: z.number().nullable(),
});

const concernTrend = z.object({
  id: z.string(),
  title: z.string(),
  charter: z.boolean().describe("owned by the platform team"),
  goldenPath: z
    .object({ package: z.string().nullable(), repo: z.string().nullable(), path: z.string().nullable() })
    .nullable(),
  series: z.array(concernPoint),
  statement: z
    .string()
    .describe("one sentence: growth or decline of the implementations and uptake over the points"),
});

const cohortTeam = z.object({
  team: z.string(),
  newcomers: z.number().int(),
  medianDaysToNth: z.number().nullable(),
});

const cohort = z.object({
  quarter: z.string().describe("the quarter of the newcomers' first commit"),
  newcomers: z.number().int(),
  reachedNth: z.number().int().describe("newcomers who made their Nth commit"),
  medianDaysToNth: z
    .number()
    .nullable()
    .describe("median days from first to Nth commit, over those who made it"),
  reachedSecondRepo: z.number().int().describe("newcomers who committed outside their first repository"),
  medianDaysToSecondRepo: z.number().nullable(),
  teams: z.array(cohortTeam),
});

const newcomer = z.object({
  name: z.string(),
  email: z.string().nullable().describe("only with --emails"),
  team: z.string().nullable(),
  firstCommit: z.string(),
  daysToNth: z.number().nullable(),
  daysToSecondRepo: z.number().nullable(),
  teamOnGoldenPath: z.boolean(),
});

const sideFigure = z.object({ newcomers: z.number().int(), medianDaysToNth: z.number().nullable() });

const onboarding = z.object({
  nthCommit: z
    .number()
    .int()
    .describe("N: onboarding is the days from a newcomer's first commit to their Nth"),
  newcomers: z.number().int(),
  founders: z
    .number()
    .int()
    .describe(
      "people whose first commit falls in the org's first 30 days of history: there from the start, not onboarded",
    ),
  cohorts: z.array(cohort),
  goldenPath: z
    .object({ on: sideFigure, off: sideFigure, deltaDays: z.number().nullable() })
    .describe(
      "newcomers whose team was on a golden path when they joined, against the others; delta = off − on",
    ),
  people: z.array(newcomer).nullable().describe("each newcomer, only with --people"),
});

const criterion = z.object({
  id: z.enum(["uptake", "deduplication", "onboarding"]),
  title: z.string(),
  baseline: z.number().nullable().describe("at the team's start"),
  current: z.number().nullable().describe("at the newest point"),
  change: z.number().nullable().describe("the movement, in the direction that counts (positive is better)"),
  threshold: z.number(),
  moved: z.boolean().nullable().describe("null: not measurable (say why in detail)"),
  detail: z.string(),
});

const killCriteria = z.object({
  state: z.enum(["no-platform-team", "too-early", "judged"]),
  team: z.string().nullable(),
  engineers: z.number().int().nullable().describe("the team's size, as configured"),
  start: z.string().nullable(),
  runwayEnds: z.string().nullable(),
  charter: z.array(z.string()),
  criteria: z.array(criterion),
  verdict: z.enum(["keep", "dissolve"]).nullable(),
  statement: z.string(),
});

export const trendResultSchema = z.object({
  kind: z.literal("lineitem.trend"),
  schemaVersion: z.literal(1),
  tool: z.object({ name: z.literal("lineitem"), version: z.string() }),
  generatedAt: z.string(),
  configFile: z.string().nullable(),
  asOf: z.string().nullable().describe("the newest commit's author date: points count back from it"),
  every: z.enum(["quarter", "month", "dates"]),
  points: z.array(point),
  concerns: z.array(concernTrend),
  onboarding,
  killCriteria,
  diagnostics: z.array(diagnosticSchema),
});

export type TrendResult = z.infer<typeof trendResultSchema>;
export type TrendPoint = z.infer<typeof point>;
export type ConcernTrend = z.infer<typeof concernTrend>;
export type ConcernPoint = z.infer<typeof concernPoint>;
export type Onboarding = z.infer<typeof onboarding>;
export type OnboardingCohort = z.infer<typeof cohort>;
export type Newcomer = z.infer<typeof newcomer>;
export type KillCriteria = z.infer<typeof killCriteria>;
export type KillCriterion = z.infer<typeof criterion>;
