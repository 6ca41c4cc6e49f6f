/**
 * "1 repository", "5 repositories", "2,541 files": a count with its noun in the right number. The report
 * stage, which may import no other stage but result, keeps the same one line (src/report/counted.ts).
 */
export function counted(n: number, one: string, many = `${one}s`): string {
  return `${grouped(n)} ${n === 1 ? one : many}`;
}

/** "2,541": a count with thousands separators, whatever the machine's locale. */
export function grouped(n: number): string {
  return n.toLocaleString("en-US");
}
