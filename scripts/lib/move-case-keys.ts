/**
 * Moves the list keys of the applications and loans written before 6 December 2026 from byScope /
 * byRound (`scopePk`/`scopeSk`, `roundPk`/`roundSk`, indexes projecting the whole record) to
 * casesByScope / casesByRound (`casePk`/`caseSk`, `caseRoundPk`/`caseRoundSk`, which copy only what
 * the lists read): the same values under the new names (docs/operations.md, "Changing an index").
 * Query-only: per district (the office directory), the partitions `APP#{districtId}` and
 * `LOAN#{districtId}` of byScope. Each record is one UpdateItem on condition that its byScope
 * sort key is still the one listed, so a record written meanwhile is left alone (the release that
 * wrote it gave it the keys it reads).
 * - `copy` (before the release that reads the new indexes): sets the new keys, keeps the old ones;
 * - `move` (right after it): sets the new keys and removes the old ones, so the record leaves byScope
 *   and byRound. Safe to run again: a moved record is no longer listed there.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, recordsTable } from '../../shared/store/client.ts';
import { INDEX } from '../../shared/store/keys.ts';
import { districtIds } from '../../shared/store/loan-due.ts';
import { queryEvery } from '../../shared/store/records.ts';

export interface CaseKeyMoveCounts {
  /** applications and loans given their new keys (or that would be, in a dry run) */
  moved: number;
  /** listed, but written by the application between the Query and the update: left as written */
  changedMeanwhile: number;
}

export async function moveCaseKeys(opts: { mode: 'copy' | 'move'; dryRun: boolean; districtIds?: string[] }): Promise<CaseKeyMoveCounts> {
  const counts: CaseKeyMoveCounts = { moved: 0, changedMeanwhile: 0 };
  for (const districtId of opts.districtIds ?? (await districtIds()))
    for (const type of ['APP', 'LOAN'] as const) {
      const listed = await queryEvery({
        IndexName: INDEX.byScope,
        KeyConditionExpression: 'scopePk = :pk',
        ProjectionExpression: 'pk, sk, scopePk, scopeSk, roundPk, roundSk',
        ExpressionAttributeValues: { ':pk': `${type}#${districtId}` },
      });
      for (const item of listed) {
        if (opts.dryRun) {
          counts.moved++;
          continue;
        }
        const round = item.roundPk ? { ':rp': item.roundPk, ':rs': item.roundSk } : {};
        try {
          await documentClient().send(
            new UpdateCommand({
              TableName: recordsTable(),
              Key: { pk: item.pk, sk: item.sk },
              UpdateExpression: `SET casePk = :cp, caseSk = :cs${item.roundPk ? ', caseRoundPk = :rp, caseRoundSk = :rs' : ''}${opts.mode === 'move' ? ' REMOVE scopePk, scopeSk, roundPk, roundSk' : ''}`,
              ConditionExpression: 'scopeSk = :cs',
              ExpressionAttributeValues: { ':cp': item.scopePk, ':cs': item.scopeSk, ...round },
            }),
          );
          counts.moved++;
        } catch (e) {
          if (!(e instanceof ConditionalCheckFailedException)) throw e;
          counts.changedMeanwhile++;
        }
      }
    }
  return counts;
}
