/** The stages a scan reports, in order; a trend also reports the points it has computed. */
export const SCAN_STAGES = ["list", "read", "copies", "history", "save", "points"] as const;
export type ScanStage = (typeof SCAN_STAGES)[number];

/**
 * One progress report: a stage starting (message, no counts) or moving (done of total). Files, not bytes,
 * are counted, because that is what a user can check against their repositories.
 */
export interface ScanProgress {
  stage: ScanStage;
  message: string;
  done?: number;
  total?: number;
}

export type ProgressListener = (event: ScanProgress) => void;
