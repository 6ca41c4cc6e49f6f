/**
 * Runs `fn` over `items` with at most `limit` at once and returns the results in the items' order. For
 * git processes per repository: git's start-up, not its work, is most of a small command's time, so a
 * few at once pay, and hundreds at once would only crowd the machine.
 */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
