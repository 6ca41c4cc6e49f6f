/** A moment the org is looked at: the trees as they were at `at`. */
export interface PointPlan {
  label: string;
  kind: "period" | "start" | "now" | "date";
  /** The last second of the day the point stands for (UTC). */
  at: Date;
}

export interface PointOptions {
  every: "quarter" | "month";
  /** How many period ends before the newest commit. */
  points: number;
  /** Days asked for instead of period ends (YYYY-MM-DD). */
  dates?: string[];
  /** The platform team's first day: the baseline of the kill criteria, added when no point falls on it. */
  platformStart?: string;
}

const SECOND = 1000;

/** The last second before a UTC day starts: the state of the trees "at the end of" the day before. */
function endOfDayBefore(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month, day) - SECOND);
}

function endOfDay(isoDay: string): Date {
  const [year, month, day] = isoDay.split("-").map(Number) as [number, number, number];
  return endOfDayBefore(year, month - 1, day + 1);
}

function periodLabel(end: Date, every: PointOptions["every"]): string {
  const year = end.getUTCFullYear();
  const month = end.getUTCMonth();
  return every === "quarter"
    ? `${year}-Q${Math.floor(month / 3) + 1}`
    : `${year}-${String(month + 1).padStart(2, "0")}`;
}

/**
 * The points a trend computes, oldest first: the last `points` period ends (quarters or months) before
 * the period of the newest commit, then "now" (today's trees); or the days asked for. The platform
 * team's start is a point of its own unless a period ends the second before it.
 */
export function planPoints(asOf: Date, options: PointOptions): PointPlan[] {
  const plans: PointPlan[] = [];
  if (options.dates && options.dates.length > 0) {
    for (const day of options.dates) plans.push({ label: day, kind: "date", at: endOfDay(day) });
  } else {
    const months = options.every === "quarter" ? 3 : 1;
    const year = asOf.getUTCFullYear();
    // The first month of the period holding the newest commit; its start is the newest period end.
    let month = asOf.getUTCMonth() - (asOf.getUTCMonth() % months);
    for (let i = 0; i < options.points; i++) {
      const at = endOfDayBefore(year, month, 1);
      plans.unshift({ label: periodLabel(at, options.every), kind: "period", at });
      month -= months;
    }
    plans.push({ label: "now", kind: "now", at: asOf });
  }
  if (options.platformStart) {
    const at = startBaseline(options.platformStart);
    if (!plans.some((plan) => plan.at.getTime() === at.getTime())) {
      plans.push({ label: `start ${options.platformStart}`, kind: "start", at });
    }
  }
  return plans.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** The instant the kill criteria's baseline is taken at: the last second before the team's first day. */
export function startBaseline(start: string): Date {
  const [year, month, day] = start.split("-").map(Number) as [number, number, number];
  return endOfDayBefore(year, month - 1, day);
}

/** The day a runway of `quarters` quarters from `start` ends (YYYY-MM-DD). */
export function runwayEnd(start: string, quarters: number): string {
  const [year, month, day] = start.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1 + quarters * 3, day)).toISOString().slice(0, 10);
}
