export { type ConcernState, concernStates } from "./concerns.js";
export { type AuthoredCommit, daysBetween, FOUNDER_DAYS, median } from "./onboarding.js";
export { type PointOptions, type PointPlan, planPoints, runwayEnd, startBaseline } from "./points.js";
export { computeTrend, type PointSnapshot, type TrendInput } from "./trend.js";
export { MIN_COHORT, type PlatformTeam } from "./verdict.js";
