/**
 * Offsets (UTF-16 code units, as both oxc and web-tree-sitter report them) to 1-based lines. Syntax walks
 * ask in mostly increasing order, so the lookup starts from the previous answer and only falls back to a
 * binary search on a jump.
 */
export class LineIndex {
  /** Lines of the file; a trailing newline does not start another line. */
  readonly count: number;
  private readonly starts: Uint32Array;
  private hint = 0;

  constructor(text: string) {
    let newlines = 0;
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) newlines++;
    const starts = new Uint32Array(newlines + 1);
    let line = 1;
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts[line++] = i + 1;
    this.starts = starts;
    this.count = text.length === 0 ? 0 : text.endsWith("\n") ? newlines : newlines + 1;
  }

  lineAt(offset: number): number {
    const starts = this.starts;
    const last = starts.length - 1;
    let index = this.hint;
    if (offset >= (starts[index] ?? 0)) {
      // Walk forward a few lines; most asks land on the same or the next line.
      let steps = 0;
      while (index < last && (starts[index + 1] ?? 0) <= offset && steps < 8) {
        index++;
        steps++;
      }
      if (index < last && (starts[index + 1] ?? 0) <= offset) index = this.search(offset, index, last);
    } else {
      index = this.search(offset, 0, index);
    }
    this.hint = index;
    return Math.min(index + 1, Math.max(1, this.count));
  }

  /** Line of the last character of a node that ends (exclusively) at `end`. */
  lastLineOf(start: number, end: number): number {
    return this.lineAt(end > start ? end - 1 : start);
  }

  private search(offset: number, low: number, high: number): number {
    let lo = low;
    let hi = high;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
