import type { LowHigh } from "../result/index.js";
import { quarterOf } from "../shared/index.js";
import type { LedgerSettings, LedgerTouch } from "./model.js";

/**
 * The effort model, in one place (docs/ledger.md). Two signals, each read per quarter:
 * - author-days: a person committing to the code on a day is evidence of work on it that day, between a
 *   quarter of a day (a quick fix) and a whole day (`dayShare`);
 * - size: lines written or removed inside the code, at a rate between a fast and a slow one
 *   (`linesPerDay`), because a module pasted in one commit took longer than the one day it shows.
 * The estimate is the larger of the two: either signal alone undercounts, and adding them would count the
 * same work twice.
 */
export function effortOf(touches: readonly LedgerTouch[], settings: LedgerSettings): LowHigh {
  const authorDays = new Set<string>();
  let lines = 0;
  for (const touch of touches) {
    for (const person of touch.people) authorDays.add(`${person}\u0000${touch.date.slice(0, 10)}`);
    lines += (touch.added ?? 0) + (touch.deleted ?? 0);
  }
  return {
    low: Math.max(authorDays.size * settings.dayShare.low, lines / settings.linesPerDay.low),
    high: Math.max(authorDays.size * settings.dayShare.high, lines / settings.linesPerDay.high),
  };
}

/** Effort per calendar quarter of the touches' author dates. */
export function effortByQuarter(
  touches: readonly LedgerTouch[],
  settings: LedgerSettings,
): Map<string, LowHigh> {
  const byQuarter = new Map<string, LedgerTouch[]>();
  for (const touch of touches) {
    const quarter = quarterOf(touch.date);
    const list = byQuarter.get(quarter) ?? [];
    list.push(touch);
    byQuarter.set(quarter, list);
  }
  return new Map([...byQuarter].map(([quarter, list]) => [quarter, effortOf(list, settings)]));
}

export const add = (a: LowHigh, b: LowHigh): LowHigh => ({ low: a.low + b.low, high: a.high + b.high });
export const ZERO: LowHigh = { low: 0, high: 0 };

/** Engineer-days to money at the loaded cost. */
export function costOf(days: LowHigh, settings: LedgerSettings): LowHigh {
  const perDay = settings.costPerEngineerYear / settings.workingDaysPerYear;
  return { low: days.low * perDay, high: days.high * perDay };
}

/** `2024-Q4` → `2025-Q1`. */
export function nextQuarter(quarter: string): string {
  const [year, q] = quarter.split("-Q").map(Number) as [number, number];
  return q === 4 ? `${year + 1}-Q1` : `${year}-Q${q + 1}`;
}

/** Every quarter from `first` to `last`, both included. */
export function quarterSpan(first: string, last: string): string[] {
  const out: string[] = [];
  for (let q = first; q <= last && out.length < 400; q = nextQuarter(q)) out.push(q);
  return out;
}
