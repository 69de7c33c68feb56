/** Bounded concurrency for the bulk writers (the application import, the ledger import) and the donor report's reads. */

/**
 * Runs `work` over the items, at most `limit` at a time, and gives its results in the items'
 * order; after a failure starts nothing new, waits for the rest, and throws it.
 */
export async function inParallel<T, R = void>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (!failure && next < items.length) {
      const i = next++;
      try {
        results[i] = await work(items[i]!);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure) throw failure.error;
  return results;
}
