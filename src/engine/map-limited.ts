/**
 * Runs `task` over `items` with at most `capacity` calls in flight and
 * returns the results in item order. Items are taken one at a time as calls
 * finish: queueing a call per item up front (p-limit over `items.map`) held
 * a closure, a promise and their contexts for each of 50,000 documents
 * (~30 MB) before the first one was done.
 */
export async function mapLimited<T, R>(items: readonly T[], capacity: number, task: (item: T, k: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const k = next++;
      results[k] = await task(items[k]!, k);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(capacity, items.length)) }, lane));
  return results;
}
