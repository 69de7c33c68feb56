/** Rounds: one item each, listed per district by status (index byScope). */
import type { Round } from '../domain/entities.ts';
import { Conflict } from '../domain/errors.ts';
import { formatYuan } from '../domain/money.ts';
import { INDEX, keys, scopeKeys } from './keys.ts';
import { getRecord, queryIndex, type Page } from './records.ts';
import type { Transaction } from './transaction.ts';

export const getRound = (id: string) => getRecord<Round>(keys.round(id));

const itemOf = (round: Round) => ({
  ...keys.round(round.id),
  type: 'ROUND',
  ...scopeKeys('ROUND', { id: round.id, status: round.status, districtId: round.districtId, officeId: round.districtId }),
  ...round,
});

export function stageNewRound(tx: Transaction, round: Round): void {
  tx.create(itemOf(round));
}

/**
 * Moves the money counters of a round atomically. Committing principal also lowers
 * `uncommittedFen`, on condition that enough is left: DynamoDB conditions cannot do
 * arithmetic, so the capital not yet committed is kept as its own counter.
 */
export function stageRoundCounters(
  tx: Transaction,
  roundId: string,
  change: { committedFen?: number; disbursedFen?: number; repaidFen?: number; loanCount?: number },
): void {
  const adds: [string, number][] = (Object.entries(change) as [string, number | undefined][]).filter((e): e is [string, number] => !!e[1]);
  const committing = change.committedFen ?? 0;
  if (committing) adds.push(['uncommittedFen', -committing]);
  if (!adds.length) return;
  const names = Object.fromEntries(adds.map(([k]) => [`#${k}`, k]));
  const values = Object.fromEntries(adds.map(([k, v]) => [`:${k}`, v]));
  tx.update(
    keys.round(roundId),
    { expression: `ADD ${adds.map(([k]) => `#${k} :${k}`).join(', ')}`, names, values },
    committing > 0
      ? {
          expression: 'attribute_exists(pk) AND #status = :open AND #uncommittedFen >= :committedFen',
          names: { '#status': 'status' },
          values: { ':open': 'open' },
          onFail: () => new Conflict(`cannot approve: the round has less than ${formatYuan(committing)} yuan of capital left, or is closed`, 'approval_blocked'),
        }
      : { expression: 'attribute_exists(pk)' },
  );
}

export function listRounds(partitions: string[], opts: { status?: string; limit: number; cursor?: string }): Promise<Page<Round>> {
  return queryIndex<Round>({
    index: INDEX.byScope,
    pkName: 'scopePk',
    skName: 'scopeSk',
    partitions: partitions.map((d) => `ROUND#${d}`),
    skPrefix: opts.status ? `${opts.status}#` : undefined,
    limit: opts.limit,
    cursor: opts.cursor,
  });
}
