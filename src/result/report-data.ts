import { z } from "zod";
import type { ScanResult } from "./schema.js";
import type { TrendResult } from "./trend-schema.js";

/** A finding's code as the HTML report and the dashboard show it: lines of text, never parsed again. */
export const codeExcerptSchema = z.object({
  startLine: z.number().int(),
  language: z.string(),
  lines: z.array(z.string()),
  /**
   * Each line's number in its file; null for the gap between two runs of an implementation's work, whose
   * line in `lines` is GAP_LINE.
   */
  lineNumbers: z.array(z.number().int().nullable()),
  truncated: z.boolean(),
});

/** The text of the line between two runs of an excerpt: the same in every excerpt, so a diff pairs them. */
export const GAP_LINE = "\u22ef";

export type CodeExcerpt = z.infer<typeof codeExcerptSchema>;

/**
 * Everything the HTML report and the dashboard draw: a scan, optionally a trend, and the code of each
 * finding (by implementation id, or `unnamed-1#0` for an unnamed cluster's members).
 */
export interface ReportData {
  scan: ScanResult;
  trend: TrendResult | null;
  excerpts: Record<string, CodeExcerpt>;
  /** Where the data came from, said in the page's footer. */
  source: string;
}
