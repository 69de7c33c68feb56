/**
 * The records an index lists when it projects only their keys (and the few attributes its
 * Queries filter on): byMother and byName, and the lists of applications and loans
 * (casesByScope, casesByRound) that answer whole records. The Query names the records; one
 * BatchGetItem (100 keys a call) reads them, in the order the index listed them. A record
 * removed between the two reads is left out.
 */
import { batchGetItems, keyString } from './batch-get.ts';
import type { Page } from './records.ts';

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

/** The page's records read whole by key (`keyOf` their id), in the order listed, with the page's cursor. */
export async function recordsOfPage<T>(page: Page<{ id: string }>, keyOf: (id: string) => { pk: string; sk: string }): Promise<Page<T>> {
  if (!page.items.length) return { ...page, items: [] };
  const keysOf = page.items.map((i) => keyOf(i.id));
  const found = await batchGetItems<T>(keysOf);
  const items = keysOf.flatMap((k) => {
    const record = found.get(keyString(k));
    return record ? [record] : [];
  });
  return { ...page, items };
}
