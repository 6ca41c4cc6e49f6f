/**
 * A copied run: tokens [startA, endA) of stream a equal (or nearly equal) tokens [startB, endB) of stream
 * b. Streams are whole files (their units' tokens in order), so a run may cross from one unit into the next.
 */
export interface Match {
  a: number;
  startA: number;
  endA: number;
  b: number;
  startB: number;
  endB: number;
  /** Tokens matched exactly; below the span when gaps were bridged. */
  matched: number;
}
