/**
 * Part k of n of a file's final content, cut at top-level boundaries, so that a history can show a file
 * growing declaration by declaration the way real files do. A boundary is a line that starts at column 0
 * after a blank line (a new function, class or block), which holds for every language in the example org.
 */
export function growthPart(content: string, k: number, n: number): string {
  if (!Number.isInteger(k) || !Number.isInteger(n) || k < 1 || k > n) {
    throw new Error(`growth part ${k}/${n} is not a part: use k/n with 1 ≤ k ≤ n`);
  }
  if (k === n) return content;
  const lines = content.split("\n");
  const starts = [0];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] as string;
    const previous = lines[i - 1] as string;
    if (previous.trim() === "" && /^[^\s})\]]/.test(line)) starts.push(i);
  }
  if (starts.length < n) {
    throw new Error(`has only ${starts.length} top-level blocks, too few to grow in ${n} parts`);
  }
  const chunks = Math.ceil((k * starts.length) / n);
  const end = starts[chunks] ?? lines.length;
  const kept = lines.slice(0, end);
  while (kept.length > 0 && (kept[kept.length - 1] as string).trim() === "") kept.pop();
  return `${kept.join("\n")}\n`;
}
