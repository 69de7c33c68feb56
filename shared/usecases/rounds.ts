import type { Round } from '../domain/entities.ts';
import { Forbidden, NotFound, ValidationFailed } from '../domain/errors.ts';
import { isWithin } from '../domain/offices.ts';
import { canSeeOffice } from '../domain/roles.ts';
import type { RoundInput } from '../domain/schemas.ts';
import { keys } from '../store/keys.ts';
import { getOffice } from '../store/offices.ts';
import type { Page } from '../store/records.ts';
import { getRound as readRound, listRounds as queryRounds, stageNewRound } from '../store/rounds.ts';
import { Transaction } from '../store/transaction.ts';
import { actorOf, historyItem, newId, type Context } from './context.ts';
import { assertRoundFilter, districtsFor } from './scope.ts';

/**
 * openRound: the committee opens a lending round for one of its districts.
 * 1. the district must exist, be a district and lie in the caller's subtree;
 * 2. the round is created with its capital, loan range, term, evaluation points and notice period;
 * 3. the history records who opened it.
 */
export async function openRound(ctx: Context, input: RoundInput): Promise<Round> {
  const district = await getOffice(input.districtId);
  if (!district || district.level !== 'district') throw new ValidationFailed('must be an existing district office', 'districtId');
  if (!isWithin(district.id, ctx.caller.officeId)) throw new Forbidden(`district ${district.id} is outside your office ${ctx.caller.officeId}`);
  const round: Round = {
    id: newId(),
    ...input,
    status: 'open',
    committedFen: 0,
    uncommittedFen: input.capitalFen,
    disbursedFen: 0,
    repaidFen: 0,
    loanCount: 0,
    createdAt: ctx.now.toISOString(),
    createdBy: actorOf(ctx.caller),
    version: 1,
  };
  const tx = new Transaction();
  stageNewRound(tx, round);
  tx.create(historyItem(ctx, keys.round(round.id).pk, 'round_opened', `round "${round.name}" opened with ${round.capitalFen} fen`, { capitalFen: round.capitalFen }));
  return tx.commit(round, ctx.idempotency);
}

export async function findRound(ctx: Context, id: string): Promise<Round> {
  const round = await readRound(id);
  if (!round) throw new NotFound('round', id);
  if (!canSeeOffice(ctx.caller, round.districtId)) throw new Forbidden(`round ${id} belongs to ${round.districtId}, outside your office ${ctx.caller.officeId}`);
  return round;
}

export async function listRounds(ctx: Context, q: { roundId?: string; districtId?: string; status?: string; limit: number; cursor?: string }): Promise<Page<Round>> {
  if (q.status && q.status !== 'open' && q.status !== 'closed') throw new ValidationFailed('must be open or closed', 'status');
  if (q.roundId) {
    const round = await readRound(q.roundId);
    if (!round) return { items: [] };
    await assertRoundFilter(ctx.caller, round, q.districtId);
    return { items: !q.status || round.status === q.status ? [round] : [] };
  }
  return queryRounds(await districtsFor(ctx.caller, q.districtId), q);
}
