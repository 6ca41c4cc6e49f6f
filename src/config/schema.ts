import { z } from "zod";
import { isCalendarDay } from "../shared/index.js";

/** Where GitHub and GitLab look for CODEOWNERS, in the order GitHub does (GitLab's own folder last). */
export const DEFAULT_CODEOWNERS_FILES = [
  ".github/CODEOWNERS",
  "CODEOWNERS",
  "docs/CODEOWNERS",
  ".gitlab/CODEOWNERS",
] as const;

/** A file inside the repository: relative, and never climbing out of it. */
const repoRelativePath = z
  .string()
  .min(1)
  .refine(
    (path) => !path.startsWith("/") && !/^[A-Za-z]:/.test(path) && !path.split(/[\\/]/).includes(".."),
    {
      message: "a path inside the repository (relative, no '..')",
    },
  );

/**
 * lineitem.config.yaml, version 1. Every key is documented in docs/config.md; unknown keys are refused
 * (a typo must not silently change ownership).
 */
const teamRule = z.strictObject({
  /** The team's name as lineitem reports it. */
  team: z.string().min(1),
  /** Repositories the team owns where CODEOWNERS is silent. */
  repos: z.array(z.string().min(1)).optional(),
  /** Repository-relative globs the team owns; these win over CODEOWNERS. */
  paths: z.array(z.string().min(1)).optional(),
  /** CODEOWNERS handles that mean this team (`@acme/web-checkout`, `@acme/checkout-oncall`). */
  owners: z.array(z.string().min(1)).optional(),
});

const goldenPath = z.strictObject({
  concern: z.string().min(1),
  /** Package whose imports count as adoption (`@acme/platform-kit`). */
  package: z.string().min(1).optional(),
  /** Where the blessed implementation lives. */
  repo: z.string().min(1).optional(),
  path: z.string().min(1).optional(),
});

const canonicalRule = z.strictObject({
  /** Repository the rule applies to; every repository when left out. */
  repo: z.string().min(1).optional(),
  /** Repository-relative glob of the code that is the original others copy (`packages/http/**`). */
  path: z.string().min(1),
});

/** Thresholds of copy detection (docs/similarity.md); each left out keeps its measured default. */
const similarityRule = z.strictObject({
  /** A whole unit shorter than this many syntax-node tokens is not called a copy. */
  minTokens: z.number().int().min(10).max(10_000).optional(),
  /** A copied run of code must be at least this many tokens. */
  minFragmentTokens: z.number().int().min(10).max(10_000).optional(),
  /** Dice overlap of fingerprints at which two units are near-miss copies, 0.3–1. */
  minSimilarity: z.number().min(0.3).max(1).optional(),
  /** Changed tokens bridged between two runs of one near-miss copy. */
  maxGapTokens: z.number().int().min(0).max(200).optional(),
});

/** A figure whose true value lies between two bounds. */
const lowHigh = (min: number, max: number) =>
  z
    .strictObject({ low: z.number().min(min).max(max), high: z.number().min(min).max(max) })
    .refine((r) => r.low <= r.high, { message: "low must not exceed high" });

/** How history is read (docs/ledger.md). */
const historyRule = z.strictObject({
  /**
   * More bot accounts, beside `[bot]` and the usual robots: case-insensitive fragments of an author's
   * email (after .mailmap) whose commits are nobody's work.
   */
  bots: z.array(z.string().min(1)).default([]),
  /**
   * A file in each repository listing commits charged to nobody (mass reformatting, renames), as
   * `git blame --ignore-revs-file` reads it. Default: `.git-blame-ignore-revs` when the repository has one.
   */
  ignoreRevsFile: z.string().min(1).default(".git-blame-ignore-revs"),
});

/** The effort model and the money (docs/ledger.md); every default is printed beside the figures. */
const ledgerRule = z.strictObject({
  /** Engineer-days one active author-day on the code stands for. */
  dayShare: lowHigh(0.01, 5).default({ low: 0.25, high: 1 }),
  /** Lines written or removed in the code per engineer-day (the low estimate divides by the larger rate). */
  linesPerDay: z
    .strictObject({ low: z.number().min(1).max(100_000), high: z.number().min(1).max(100_000) })
    .refine((r) => r.high <= r.low, { message: "high (the slower rate) must not exceed low" })
    .default({ low: 150, high: 40 }),
  /** Loaded cost of one engineer for a year: salary, taxes, benefits, equipment, office. */
  costPerEngineerYear: z.number().positive().default(180_000),
  currency: z.string().min(1).max(8).default("USD"),
  workingDaysPerYear: z.number().int().min(100).max(366).default(220),
  /** Engineers in the funded MVP platform team the redistributed cost is compared with. */
  platformTeamEngineers: lowHigh(1, 50).default({ low: 2, high: 3 }),
});

/** When a platform team pays (docs/ledger.md, "The threshold advisor"). */
const advisorRule = z.strictObject({
  /** Below this many active engineers, stay federated. */
  minEngineers: z.number().int().min(1).default(20),
  /** Teams with recent work from which the cross-team cost is structural. */
  minTeams: z.number().int().min(2).default(4),
  /** A concern is shared when this many teams write their own. */
  teamsPerConcern: z.number().int().min(2).default(3),
  /** Shared concerns from which to fund a team (fewer, but at least one: a virtual team while scoping). */
  minSharedConcerns: z.number().int().min(1).default(3),
  /** "Active" means a commit in this many days before the newest commit scanned. */
  activeDays: z.number().int().min(1).max(3650).default(90),
});

/** A calendar day, `YYYY-MM-DD`, that exists. */
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "a day as YYYY-MM-DD")
  .refine(isCalendarDay, { message: "not a day the calendar has" });

/** How far a criterion must move, after the runway, to count as moved (docs/trend.md). */
const killThresholds = z.strictObject({
  /** Golden-path uptake: rise in the share of teams on the golden path (0.2 = 20 points). */
  uptake: z.number().min(0).max(1).default(0.2),
  /** Deduplication: share of the charter's own implementations gone since the start (0.2 = a fifth fewer). */
  deduplication: z.number().min(0).max(1).default(0.2),
  /** Onboarding: share by which newcomers' days to their Nth commit fell against those before the start. */
  onboarding: z.number().min(0).max(1).default(0.15),
});

/** The platform team the kill criteria judge (docs/trend.md). */
const platformTeamRule = z.strictObject({
  /** The team's name as ownership resolves it (CODEOWNERS or `teams:`). */
  team: z.string().min(1),
  /** The day the team was funded: the baseline every criterion is measured against. */
  start: day,
  /** Engineers in the team. */
  engineers: z.number().int().min(1).max(100).optional(),
  /** The concerns the team owns; default: every concern with a golden path. */
  charter: z.array(z.string().min(1)).optional(),
  /** Quarters the team has to show movement before the verdict. */
  runwayQuarters: z.number().int().min(1).max(12).default(2),
  thresholds: killThresholds.prefault({}),
});

/** The trend over time: which dates, and how onboarding is counted (docs/trend.md). */
const trendRule = z.strictObject({
  /** Period ends to compute back from the newest commit. */
  every: z.enum(["quarter", "month"]).default("quarter"),
  /** How many period ends. */
  points: z.number().int().min(1).max(60).default(8),
  /** Onboarding: days from a newcomer's first commit to this commit. */
  onboardingCommits: z.number().int().min(2).max(1000).default(10),
});

/** A deliberate copy, on record: `lineitem check` reports it as allowed, with the reason, and never fails on it. */
const allowRule = z.strictObject({
  /** The concern id (`retry`), `copy` for copies of another team's code, or `*` for any finding. */
  concern: z.string().min(1),
  /** Repository-relative glob of the code the allowance covers (`services/search/src/retry.ts`, `legacy/**`). */
  path: z.string().min(1),
  /** Repository it applies to; every repository when left out. */
  repo: z.string().min(1).optional(),
  /** Why the copy is deliberate; printed beside the allowed finding. */
  reason: z.string().min(1),
});

/** How `lineitem check` reads a change (docs/check.md). */
const checkRule = z.strictObject({
  /** Findings that are decisions on record rather than noise. */
  allow: z.array(allowRule).default([]),
  /** At most this many changed source files are read; a larger change is checked in part, and says so. */
  maxFiles: z.number().int().min(1).max(100_000).default(300),
});

export const configSchema = z.strictObject({
  version: z.literal(1).default(1),
  teams: z.array(teamRule).default([]),
  goldenPaths: z.array(goldenPath).default([]),
  /** Code that is canonical: in a clone group, a member here is the original and the others its copies. */
  canonical: z.array(canonicalRule).default([]),
  /**
   * CODEOWNERS teams that co-own everything (`@acme/engineering`, `@acme/reviewers`): never taken as the
   * team that wrote a file. Compared case-insensitively, with or without the `@org/`.
   */
  umbrellaTeams: z.array(z.string().min(1)).default([]),
  /**
   * Where each repository's CODEOWNERS is, repository-relative: the first that exists is read. GitHub's
   * locations by default; an org that keeps its team map elsewhere (`.github/CODEOWNERS-soft`) names it.
   */
  codeowners: z
    .array(repoRelativePath)
    .min(1)
    .default([...DEFAULT_CODEOWNERS_FILES]),
  /** Thresholds of copy detection. */
  similarity: similarityRule.default({}),
  /** Extra globs to read even if they look vendored or generated. */
  include: z.array(z.string().min(1)).default([]),
  /** Extra globs to set aside. */
  exclude: z.array(z.string().min(1)).default([]),
  /** Files or folders of the org's own concern definitions (YAML), relative to this file. */
  concerns: z.array(z.string().min(1)).default([]),
  /** Read test code into clusters too (off: test code is recognised and kept out). */
  includeTests: z.boolean().default(false),
  /** Files larger than this are set aside as too large. */
  maxFileBytes: z.number().int().positive().default(1_048_576),
  /**
   * The org-wide index on PostgreSQL (`lineitem index` and `lineitem report --db`): a postgres:// URL.
   * Keep passwords out of the file: PGPASSWORD, ~/.pgpass or LINEITEM_DATABASE_URL.
   */
  database: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "a postgres:// or postgresql:// URL")
    .optional(),
  /** How history is read: more bots, and commits to charge to nobody. */
  history: historyRule.prefault({}),
  /** The effort model, the money and the platform team the cost is compared with. */
  ledger: ledgerRule.prefault({}),
  /** Thresholds of the advice on approach A, B or C. */
  advisor: advisorRule.prefault({}),
  /** The platform team, if there is one, and the kill criteria it is judged by. */
  platformTeam: platformTeamRule.optional(),
  /** The points in time `lineitem trend` computes. */
  trend: trendRule.prefault({}),
  /** What `lineitem check` allows and how much of a change it reads. */
  check: checkRule.prefault({}),
});

export type LineitemConfig = z.infer<typeof configSchema>;
export type TeamRule = z.infer<typeof teamRule>;
export type GoldenPathConfig = z.infer<typeof goldenPath>;
export type LedgerConfig = z.infer<typeof ledgerRule>;
export type AdvisorConfig = z.infer<typeof advisorRule>;
export type PlatformTeamConfig = z.infer<typeof platformTeamRule>;
export type TrendConfig = z.infer<typeof trendRule>;
export type CheckConfig = z.infer<typeof checkRule>;
