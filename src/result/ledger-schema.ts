import { z } from "zod";

/**
 * The line items: what the repeats of each concern cost, counted from history, beside a funded MVP
 * platform team; and the advice on approach A, B or C. Every figure travels with its assumptions.
 */

export const lowHighSchema = z
  .object({ low: z.number(), high: z.number() })
  .describe("a figure whose true value lies between two bounds");

export const quarterFigureSchema = z.object({
  quarter: z.string().describe("calendar quarter, e.g. 2025-Q3"),
  days: lowHighSchema.describe("engineer-days spent in this quarter"),
  cumulativeDays: lowHighSchema,
  cumulativeCost: lowHighSchema,
});

export const ledgerConcernSchema = z.object({
  concern: z.string(),
  title: z.string(),
  kind: z.enum(["concern", "unnamed"]).describe("a named concern, or a cluster of unnamed work"),
  implementations: z.number().int(),
  teams: z.number().int().describe("teams with an implementation of their own"),
  authors: z.number().int(),
  commits: z.number().int(),
  activeDays: z.number().int().describe("calendar days on which someone changed one of the implementations"),
  authorDays: z.number().int().describe("distinct (person, day) pairs: the effort model's main signal"),
  linesChanged: z.number().int().describe("lines written or removed inside the implementations"),
  firstSeen: z.string().nullable(),
  lastChanged: z.string().nullable(),
  effortDays: lowHighSchema.describe("engineer-days of every writing and its upkeep"),
  /** The writing not counted as redistributed: the golden path, or else the first writing. */
  kept: z.object({ implementation: z.string(), reason: z.enum(["golden-path", "first-writing"]) }).nullable(),
  redistributedDays: lowHighSchema.describe("engineer-days of every writing but the kept one"),
  redistributedCost: lowHighSchema,
  quarters: z.array(quarterFigureSchema).describe("redistributed effort per quarter, cumulative"),
  writings: z
    .array(z.object({ implementation: z.string(), team: z.string(), firstSeen: z.string() }))
    .describe("when the first, second, third … writing appeared"),
  repeatedChanges: z
    .array(
      z.object({
        words: z.array(z.string()).describe("what each change brought, as words of its code"),
        changes: z
          .array(
            z.object({
              implementation: z.string().describe("the first copy the commit changed"),
              // Optional: scan files written before these two were added still read.
              implementations: z
                .array(z.string())
                .optional()
                .describe("every copy the commit changed this way"),
              team: z.string(),
              date: z.string(),
              subject: z.string(),
              sha: z.string().optional(),
            }),
          )
          .describe("one entry per commit, oldest first"),
      }),
    )
    .describe("the same kind of change made separately in several copies: upkeep paid twice"),
  unsharedFixes: z
    .array(
      z.object({
        implementation: z.string().describe("the first copy the fix's commit changed"),
        // Optional: scan files written before these two were added still read.
        implementations: z.array(z.string()).optional().describe("every copy the fix's commit changed"),
        sha: z.string().optional(),
        team: z.string(),
        date: z.string(),
        subject: z.string(),
        words: z.array(z.string()),
        missingIn: z.array(z.object({ implementation: z.string(), team: z.string() })),
      }),
    )
    .describe("fixes (one per commit) whose words the other copies' code lacks"),
});

export const teamShareSchema = z.object({
  team: z.string(),
  engineers: z.number().int().describe("people whose commits fall mostly in this team's files"),
  activeDays: z.number().int().describe("their author-days, anywhere"),
  crossCuttingDays: z.number().int().describe("their author-days on redistributed implementations"),
  share: z.number().describe("crossCuttingDays / activeDays"),
});

export const personShareSchema = z.object({
  name: z.string(),
  email: z.string().nullable().describe("only when the user asked for emails"),
  team: z.string().nullable(),
  activeDays: z.number().int(),
  crossCuttingDays: z.number().int(),
  share: z.number(),
});

export const ledgerSchema = z.object({
  asOf: z.string().nullable().describe("the newest commit scanned: 'active' and 'recent' count back from it"),
  assumptions: z.object({
    counting: z.string(),
    effortModel: z.string(),
    dayShare: lowHighSchema,
    linesPerDay: lowHighSchema.describe("low divides by the faster rate, high by the slower"),
    costPerEngineerYear: z.number(),
    currency: z.string(),
    workingDaysPerYear: z.number().int(),
    platformTeamEngineers: lowHighSchema,
  }),
  items: z
    .array(ledgerConcernSchema)
    .describe("one line item per concern or unnamed cluster, costliest first"),
  total: z.object({
    redistributedDays: lowHighSchema,
    redistributedCost: lowHighSchema,
    quarters: z.array(quarterFigureSchema),
  }),
  platformTeam: z.object({
    quarterCost: lowHighSchema.describe("a quarter of the MVP team: engineers × loaded cost / 4"),
    quarters: z.array(z.object({ quarter: z.string(), cumulativeCost: lowHighSchema })),
    overtaken: z.object({
      surely: z
        .string()
        .nullable()
        .describe("first quarter the low estimate of redistributed cost passed the larger team's cost"),
      possibly: z
        .string()
        .nullable()
        .describe("first quarter the high estimate passed the smaller team's cost"),
    }),
  }),
  teams: z.array(teamShareSchema),
  people: z.array(personShareSchema).nullable().describe("per person only when asked for (--people)"),
});

export const adviceSchema = z.object({
  approach: z.enum(["A", "B", "C"]),
  title: z.string(),
  summary: z.string(),
  reasons: z.array(z.string()).describe('each with its figure and threshold: "6 teams (≥ 4)"'),
  figures: z.object({
    activeTeams: z.number().int(),
    activeEngineers: z.number().int(),
    sharedConcerns: z.number().int(),
  }),
  thresholds: z.object({
    minEngineers: z.number().int(),
    minTeams: z.number().int(),
    teamsPerConcern: z.number().int(),
    minSharedConcerns: z.number().int(),
    activeDays: z.number().int(),
  }),
});

export type LowHigh = z.infer<typeof lowHighSchema>;
export type QuarterFigure = z.infer<typeof quarterFigureSchema>;
export type LedgerItem = z.infer<typeof ledgerConcernSchema>;
export type Ledger = z.infer<typeof ledgerSchema>;
export type Advice = z.infer<typeof adviceSchema>;
export type TeamShare = z.infer<typeof teamShareSchema>;
export type PersonShare = z.infer<typeof personShareSchema>;
