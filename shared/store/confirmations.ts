/**
 * Confirmation lists (报批名单): one item per list with its history in its partition
 * (`CONFLIST#{id}`), listed per district by status (byScope `CONFLIST#{districtId}` /
 * `{status}#{districtId}#{id}`: the committee's "waiting" is the `sent#` prefix).
 */
import type * as z from 'zod/mini';
import type { ConfirmationList as ConfirmationListSchema } from '../domain/confirmation-schemas.ts';
import type { Actor, HistoryEvent } from '../domain/entities.ts';
import { ConcurrentChange, type DomainError } from '../domain/errors.ts';
import { INDEX } from './keys.ts';
import { queryIndex, queryPartition, strip, type Page } from './records.ts';
import type { Transaction } from './transaction.ts';

type ListShape = z.output<typeof ConfirmationListSchema>;
export interface ConfirmationList extends Omit<ListShape, 'sentBy' | 'decidedBy' | 'items'> {
  sentBy: Actor;
  decidedBy?: Actor;
  items: (Omit<ListShape['items'][number], 'approvedBy'> & { approvedBy?: Actor })[];
}

export const confirmationKeys = {
  list: (id: string) => ({ pk: `CONFLIST#${id}`, sk: 'CONFLIST' }),
};

function itemOf(list: ConfirmationList) {
  return {
    ...confirmationKeys.list(list.id),
    type: 'CONFLIST',
    scopePk: `CONFLIST#${list.districtId}`,
    scopeSk: `${list.status}#${list.districtId}#${list.id}`,
    roundPk: `CONFLIST#${list.roundId}`,
    roundSk: `${list.status}#${list.districtId}#${list.id}`,
    ...list,
  };
}

export function stageNewList(tx: Transaction, list: ConfirmationList, onExists?: () => DomainError): void {
  tx.create(itemOf(list), onExists);
}

export function stageListUpdate(tx: Transaction, list: ConfirmationList): ConfirmationList {
  const next = { ...list, version: list.version + 1 };
  tx.replace(itemOf(next), list.version, () => new ConcurrentChange(`confirmation list ${list.id}`));
  return next;
}

export async function loadList(id: string): Promise<{ list: ConfirmationList; history: HistoryEvent[] } | undefined> {
  const items = await queryPartition(confirmationKeys.list(id).pk);
  const root = items.find((i) => i.sk === 'CONFLIST');
  if (!root) return undefined;
  return { list: strip<ConfirmationList>(root), history: items.filter((i) => String(i.sk).startsWith('EVENT#')).map((i) => strip<HistoryEvent>(i)) };
}

/** Lists of some districts, newest last within each status, filtered by status (a key prefix). */
export function listLists(districtIds: string[], opts: { status?: string; limit: number; cursor?: string }): Promise<Page<ConfirmationList>> {
  return queryIndex<ConfirmationList>({
    index: INDEX.byScope,
    pkName: 'scopePk',
    skName: 'scopeSk',
    partitions: districtIds.map((d) => `CONFLIST#${d}`),
    ...(opts.status ? { skPrefix: `${opts.status}#` } : {}),
    limit: opts.limit,
    cursor: opts.cursor,
  });
}
