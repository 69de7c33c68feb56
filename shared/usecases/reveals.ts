/**
 * Limits on showing a full resident ID (issue 18): each reveal needs a reason of a few words;
 * one person may ask for at most the programme's `revealsPerDay` a day (409
 * `reveal_limit_reached`); more than REVEAL_BURST.count within REVEAL_BURST.minutes is
 * reported in the exceptions report. The count is one item per person and day,
 * `REVEALS#{userId}` / `{date}`, updated in the reveal's own transaction with a condition, so
 * parallel requests cannot pass the limit together.
 */
import { Conflict } from '../domain/errors.ts';
import { assertFewWords } from '../domain/reasons.ts';
import { stageException } from '../store/exceptions.ts';
import { getRecord } from '../store/records.ts';
import { getSettings } from '../store/settings.ts';
import type { Transaction } from '../store/transaction.ts';
import { actorOf, newId, type Context } from './context.ts';

/** More than `count` reveals by one person within `minutes` is a burst. */
export const REVEAL_BURST = { count: 5, minutes: 10 } as const;

const counterKey = (userId: string, date: string) => ({ pk: `REVEALS#${userId}`, sk: date });

/**
 * stageRevealQuota: 1. the reason is a few words (422 `reason_too_short`); 2. the caller has
 * reveals left today (409 `reveal_limit_reached`, also when a parallel reveal took the last);
 * 3. the reveal is counted with its time; 4. the reveal that makes a burst adds an
 * exceptions-report item in the record's district.
 */
export async function stageRevealQuota(ctx: Context, tx: Transaction, reason: string, record: { districtId: string; officeId: string; recordId: string }): Promise<void> {
  assertFewWords(reason);
  const limit = (await getSettings()).revealsPerDay;
  const key = counterKey(ctx.caller.userId, ctx.today);
  const counter = await getRecord<{ count?: number; times?: string[] }>(key);
  const refused = () =>
    new Conflict(`you have seen ${limit} full resident ID numbers today, the most one person may in a day; ask again tomorrow or ask the committee`, 'reveal_limit_reached', { limit });
  if ((counter?.count ?? 0) >= limit) throw refused();
  const now = ctx.now.toISOString();
  tx.update(
    key,
    {
      expression: 'SET #type = :type, #count = if_not_exists(#count, :zero) + :one, #times = list_append(if_not_exists(#times, :empty), :now)',
      names: { '#type': 'type', '#count': 'count', '#times': 'times' },
      values: { ':type': 'REVEALS', ':zero': 0, ':one': 1, ':empty': [], ':now': [now] },
    },
    { expression: 'attribute_not_exists(#count) OR #count < :limit', names: { '#count': 'count' }, values: { ':limit': limit }, onFail: refused },
  );
  const since = ctx.now.getTime() - REVEAL_BURST.minutes * 60_000;
  const recent = [...(counter?.times ?? []), now].filter((t) => Date.parse(t) > since).length;
  if (recent === REVEAL_BURST.count + 1)
    stageException(tx, {
      id: newId(),
      kind: 'resident_id_burst',
      date: ctx.today,
      at: now,
      districtId: record.districtId,
      officeId: record.officeId,
      recordType: 'application',
      recordId: record.recordId,
      actor: actorOf(ctx.caller),
      summary: `${ctx.caller.username} was shown ${recent} full resident ID numbers within ${REVEAL_BURST.minutes} minutes`,
      data: { count: recent, minutes: REVEAL_BURST.minutes },
    });
}
