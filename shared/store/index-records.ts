/**
 * The records an index lists when it projects only their keys (and the few attributes its
 * Queries filter on): byMother and byName. The Query names the records; one BatchGetItem
 * (100 keys a call) reads them, in the order the index listed them. A record removed between
 * the two reads is left out.
 */
import { batchGetItems, keyString } from './batch-get.ts';

type Item = Record<string, unknown>;

/** The whole records of `listed` (index items), each with the keys and `type` its index item carries. */
export async function recordsListed(listed: Item[] | undefined): Promise<Item[]> {
  if (!listed?.length) return [];
  const keysOf = listed.map((i) => ({ pk: String(i.pk), sk: String(i.sk) }));
  const found = await batchGetItems<Item>(keysOf);
  return listed.flatMap((i, n) => {
    const record = found.get(keyString(keysOf[n]!));
    return record ? [{ ...record, ...i }] : [];
  });
}
