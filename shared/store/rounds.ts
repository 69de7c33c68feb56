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

/** Moves money counters of a round atomically; `committedFen` may not exceed the capital. */
export function stageRoundCounters(
  tx: Transaction,
  roundId: string,
  change: { committedFen?: number; disbursedFen?: number; repaidFen?: number; loanCount?: number },
): void {
  const entries = Object.entries(change).filter(([, v]) => v !== undefined && v !== 0) as [string, number][];
  if (!entries.length) return;
  const names = Object.fromEntries(entries.map(([k]) => [`#${k}`, k]));
  const values = Object.fromEntries(entries.map(([k, v]) => [`:${k}`, v]));
  const committing = change.committedFen && change.committedFen > 0;
  tx.update(
    keys.round(roundId),
    { expression: `ADD ${entries.map(([k]) => `#${k} :${k}`).join(', ')}`, names, values },
    committing
      ? {
          expression: 'attribute_exists(pk) AND #status = :open AND #capitalFen - #committedFen >= :committedFen',
          names: { '#status': 'status', '#capitalFen': 'capitalFen', '#committedFen': 'committedFen' },
          values: { ':open': 'open' },
          onFail: () => new Conflict(`cannot approve: the round has less than ${formatYuan(change.committedFen!)} yuan of capital left, or is closed`, 'approval_blocked'),
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
