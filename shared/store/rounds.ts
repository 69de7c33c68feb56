/** Rounds: one item each, listed per district by status (index byScope). */
import type { Round, RoundRequest } from '../domain/entities.ts';
import { ConcurrentChange, Conflict } from '../domain/errors.ts';
import { formatYuan } from '../domain/money.ts';
import { INDEX, keys, scopeKeys } from './keys.ts';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, recordsTable } from './client.ts';
import { guardUnavailable } from './errors.ts';
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

/** Saves a changed round (status, dates) if nobody changed it since it was read; counters are never replaced here. */
export function stageRoundUpdate(tx: Transaction, round: Round): Round {
  const next = { ...round, version: round.version + 1 };
  const scope = scopeKeys('ROUND', { id: round.id, status: round.status, districtId: round.districtId, officeId: round.districtId });
  tx.update(
    keys.round(round.id),
    {
      expression: 'SET #status = :status, #closedOn = :closedOn, #version = :next, scopeSk = :scopeSk, uncommittedFen = :zero',
      names: { '#status': 'status', '#closedOn': 'closedOn' },
      values: { ':status': round.status, ':closedOn': round.closedOn, ':next': next.version, ':scopeSk': scope.scopeSk, ':zero': 0 },
    },
    // approvals move the counters without a version: the uncommitted capital must be what we read
    {
      expression: '#version = :expected AND uncommittedFen = :uncommitted',
      names: { '#version': 'version' },
      values: { ':expected': round.version, ':uncommitted': round.uncommittedFen },
      onFail: () => new ConcurrentChange(`round ${round.id}`),
    },
  );
  return { ...next, uncommittedFen: 0 };
}

/**
 * The next sequence number of an agreement in a round: an atomic counter (ADD, one writer
 * at a time in DynamoDB), so concurrent approvals never share a number nor wait on each
 * other. A number taken by an approval that then fails is not reused.
 */
export async function nextAgreementSequence(roundId: string): Promise<number> {
  const res = await guardUnavailable(() =>
    documentClient().send(
      new UpdateCommand({
        TableName: recordsTable(),
        Key: keys.agreementSequence(roundId),
        UpdateExpression: 'ADD #seq :one SET #type = :type',
        ExpressionAttributeNames: { '#seq': 'sequence', '#type': 'type' },
        ExpressionAttributeValues: { ':one': 1, ':type': 'AGREEMENTSEQ' },
        ReturnValues: 'UPDATED_NEW',
      }),
    ),
  );
  return Number(res.Attributes?.sequence);
}

/** Every round of the districts (a district has a handful): for the fund position and round requests. */
export async function allRounds(districtIds: string[]): Promise<Round[]> {
  const rounds: Round[] = [];
  let cursor: string | undefined;
  do {
    const page = await listRounds(districtIds, { limit: 100, cursor });
    rounds.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return rounds;
}

// ---------- round requests ----------

const requestItemOf = (r: RoundRequest) => ({
  ...keys.roundRequest(r.id),
  type: 'ROUNDREQ',
  ...scopeKeys('ROUNDREQ', { id: r.id, status: r.status, districtId: r.districtId, officeId: r.districtId }),
  ...r,
});

export const getRoundRequest = (id: string) => getRecord<RoundRequest>(keys.roundRequest(id));

export function stageNewRoundRequest(tx: Transaction, request: RoundRequest): void {
  tx.create(requestItemOf(request));
}

export function stageRoundRequestUpdate(tx: Transaction, request: RoundRequest): RoundRequest {
  const next = { ...request, version: request.version + 1 };
  tx.replace(requestItemOf(next), request.version, () => new ConcurrentChange(`round request ${request.id}`));
  return next;
}

export function listRoundRequestsOf(districtIds: string[], opts: { status?: string; limit: number; cursor?: string }): Promise<Page<RoundRequest>> {
  return queryIndex<RoundRequest>({
    index: INDEX.byScope,
    pkName: 'scopePk',
    skName: 'scopeSk',
    partitions: districtIds.map((d) => `ROUNDREQ#${d}`),
    skPrefix: opts.status ? `${opts.status}#` : undefined,
    limit: opts.limit,
    cursor: opts.cursor,
  });
}

/**
 * Moves the money counters of a round atomically. Committing principal also lowers
 * `uncommittedFen`, on condition that enough is left: DynamoDB conditions cannot do
 * arithmetic, so the capital not yet committed is kept as its own counter.
 */
export function stageRoundCounters(
  tx: Transaction,
  roundId: string,
  change: { committedFen?: number; disbursedFen?: number; repaidFen?: number; writtenOffFen?: number; loanCount?: number; closedLoans?: number },
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
          onFail: () =>
            new Conflict(`cannot approve: the round has less than ${formatYuan(committing)} yuan of capital left, or is closed`, 'approval_blocked', {
              unmet: [{ rule: 'capital_short_or_closed', amountFen: committing }],
            }),
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
