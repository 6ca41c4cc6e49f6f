/**
 * "1 repository", "5 repositories", "2,541 files": a count with its noun in the right number (as
 * src/shared/counted.ts, which the renderers may not import).
 */
export function counted(n: number, one: string, many = `${one}s`): string {
  return `${grouped(n)} ${n === 1 ? one : many}`;
}

/** "2,541": a count with thousands separators, whatever the machine's locale. */
export function grouped(n: number): string {
  return n.toLocaleString("en-US");
}
