/**
 * "1 repository", "5 repositories", "2,541 files": a count with its noun in the right number. The reading
 * stage's progress lines and the renderers both say counts, so it lives with the result they share.
 */
export function counted(n: number, one: string, many = `${one}s`): string {
  return `${grouped(n)} ${n === 1 ? one : many}`;
}

/** "2,541": a count with thousands separators, whatever the machine's locale. */
export function grouped(n: number): string {
  return n.toLocaleString("en-US");
}
