import type { FundPosition, Round, RoundRequest } from '../domain/entities.ts';
import { ConcurrentChange, Conflict, Forbidden, NotFound, ValidationFailed, dateTooEarly, futureDate, notOneOf } from '../domain/errors.ts';
import { isWithin } from '../domain/offices.ts';
import { canSeeOffice } from '../domain/roles.ts';
import { grantTotal, RoundInput, type CloseRoundInput, type RoundRequestDecisionInput, type RoundRequestInput } from '../domain/schemas/rounds.ts';
import { fieldProblems } from '../i18n/zod.ts';
import { keys } from '../store/keys.ts';
import { getFund, stageFund } from '../store/fund.ts';
import { getOffice } from '../store/offices.ts';
import type { Page } from '../store/records.ts';
import {
  allRounds,
  getRound as readRound,
  getRoundRequest,
  listRoundRequestsOf,
  listRounds as queryRounds,
  stageNewRound,
  stageNewRoundRequest,
  stageRoundRequestUpdate,
  stageRoundUpdate,
} from '../store/rounds.ts';
import { Transaction } from '../store/transaction.ts';
import { actorOf, historyItem, newId, type Context } from './context.ts';
import { assertRoundFilter, districtsFor } from './scope.ts';

/**
 * openRound: the committee opens a lending round for one of its districts.
 * 1. the district must exist, be a district and lie in the caller's subtree;
 * 2. the round is created with its capital, loan range, term, evaluation points and notice period;
 * 3. the capital comes from the district's fund: new money granted now (the sum of the grants
 *    listed by source, or grantFen; by default what the fund lacks) plus recovered money
 *    available to re-lend; the fund must cover it;
 * 4. the history records who opened it.
 */
export async function openRound(ctx: Context, input: RoundInput, alsoStage?: (tx: Transaction, round: Round) => void): Promise<Round> {
  const district = await getOffice(input.districtId);
  if (district?.level !== 'district') throw new ValidationFailed('must be an existing district office', 'districtId', { rule: 'office_level', params: { levels: ['district'] } });
  if (!isWithin(district.id, ctx.caller.officeId)) throw new Forbidden(`district ${district.id} is outside your office ${ctx.caller.officeId}`);
  const fund = await getFund(district.id);
  const { grantFen: _given, grants, ...terms } = input;
  const asked = grantTotal(input);
  const grantFen = asked ?? Math.max(0, input.capitalFen - fund.availableFen);
  const round: Round = {
    id: newId(),
    ...terms,
    number: fund.roundsOpened + 1,
    grantFen,
    ...(grants ? { grants } : {}),
    status: 'open',
    committedFen: 0,
    uncommittedFen: input.capitalFen,
    disbursedFen: 0,
    repaidFen: 0,
    writtenOffFen: 0,
    loanCount: 0,
    closedLoans: 0,
    createdAt: ctx.now.toISOString(),
    createdBy: actorOf(ctx.caller),
    version: 1,
  };
  const tx = new Transaction();
  stageNewRound(tx, round);
  // with the grant worked out from the fund as read, a concurrent change to the fund means: read again
  stageFund(tx, district.id, { grantedFen: grantFen, availableFen: grantFen - round.capitalFen, roundsOpened: 1 }, asked === undefined ? () => new ConcurrentChange('the district fund') : undefined);
  alsoStage?.(tx, round);
  tx.create(
    historyItem(ctx, keys.round(round.id).pk, 'round_opened', `round "${round.name}" opened with ${round.capitalFen} fen, of which ${grantFen} fen newly granted`, {
      name: round.name,
      capitalFen: round.capitalFen,
      grantFen,
    }),
  );
  return tx.commit(round, ctx.idempotency);
}

export async function findRound(ctx: Context, id: string): Promise<Round> {
  const round = await readRound(id);
  if (!round) throw new NotFound('round', id);
  if (!canSeeOffice(ctx.caller, round.districtId)) throw new Forbidden(`round ${id} belongs to ${round.districtId}, outside your office ${ctx.caller.officeId}`);
  return round;
}

export async function listRounds(ctx: Context, q: { roundId?: string; districtId?: string; status?: string; limit: number; cursor?: string }): Promise<Page<Round>> {
  if (q.status && q.status !== 'open' && q.status !== 'closed') throw notOneOf('status', ['open', 'closed']);
  if (q.roundId) {
    const round = await readRound(q.roundId);
    if (!round) return { items: [] };
    await assertRoundFilter(ctx.caller, round, q.districtId);
    return { items: !q.status || round.status === q.status ? [round] : [] };
  }
  return queryRounds(await districtsFor(ctx.caller, q.districtId), q);
}

/**
 * closeRound: no new applications; the capital not committed to approved loans returns to
 * the district fund, available to re-lend.
 */
export async function closeRound(ctx: Context, id: string, input: CloseRoundInput): Promise<Round> {
  const round = await findRound(ctx, id);
  if (!isWithin(round.districtId, ctx.caller.officeId)) throw new Forbidden(`round ${id} belongs to ${round.districtId}, outside your office ${ctx.caller.officeId}`);
  if (round.status !== 'open') throw new Conflict(`round ${id} is already closed (on ${round.closedOn})`, 'wrong_state', { status: 'closed' });
  if (input.closedOn > ctx.today) throw futureDate('closedOn', ctx.today);
  if (input.closedOn < round.openedOn) throw dateTooEarly('closedOn', round.openedOn, 'the round opened');
  const released = round.uncommittedFen;
  const tx = new Transaction();
  const saved = stageRoundUpdate(tx, { ...round, status: 'closed', closedOn: input.closedOn });
  stageFund(tx, round.districtId, { availableFen: released });
  tx.create(
    historyItem(ctx, keys.round(id).pk, 'round_closed', `round closed on ${input.closedOn}; ${released} fen of unused capital returned to the fund`, {
      closedOn: input.closedOn,
      releasedFen: released,
    }),
  );
  return tx.commit(saved, ctx.idempotency);
}

/** A round is recovered when it is closed and every loan in it is repaid or written off. */
export const isRecovered = (r: Round) => r.status === 'closed' && r.closedLoans === r.loanCount;

/**
 * requestRound: a district applies for a new round, also while older loans are still being
 * repaid: the committee decides, on the fund's position the request carries.
 * 1. no other request of the district is pending;
 * 2. the fund's position (granted, available to re-lend, outstanding, the rounds not yet
 *    recovered with their loans still out) is kept with the request;
 * 3. the request waits for the committee.
 */
export async function requestRound(ctx: Context, input: RoundRequestInput): Promise<RoundRequest> {
  const districtId = ctx.caller.officeId;
  if (input.requestedOn > ctx.today) throw futureDate('requestedOn', ctx.today);
  const [rounds, fund, pending] = await Promise.all([allRounds([districtId]), getFund(districtId), listRoundRequestsOf([districtId], { status: 'pending', limit: 1 })]);
  if (pending.items.length) throw new Conflict(`request ${pending.items[0]!.id} of this district is still pending`, 'request_pending');
  const fundPosition: FundPosition = {
    grantedFen: fund.grantedFen,
    availableFen: fund.availableFen,
    outstandingFen: fund.disbursedFen - fund.recoveredFen - fund.writtenOffFen,
    roundsNotRecovered: rounds
      .filter((r) => !isRecovered(r))
      .map((r) => ({
        roundId: r.id,
        name: r.name,
        status: r.status,
        loans: r.loanCount,
        loansOutstanding: r.loanCount - r.closedLoans,
        outstandingFen: r.disbursedFen - r.repaidFen - r.writtenOffFen,
      })),
  };
  const request: RoundRequest = { id: newId(), districtId, ...input, status: 'pending', fundPosition, requestedBy: actorOf(ctx.caller), version: 1 };
  const tx = new Transaction();
  stageNewRoundRequest(tx, request);
  tx.create(
    historyItem(ctx, keys.roundRequest(request.id).pk, 'round_requested', `new round "${input.name}" requested with ${input.capitalFen} fen`, { name: input.name, capitalFen: input.capitalFen }),
  );
  return tx.commit(request, ctx.idempotency);
}

export async function listRoundRequests(ctx: Context, q: { districtId?: string; status?: string; limit: number; cursor?: string }): Promise<Page<RoundRequest>> {
  return listRoundRequestsOf(await districtsFor(ctx.caller, q.districtId), q);
}

/**
 * decideRoundRequest: the committee approves a district's request with the capital it
 * grants (the round opens at once, as openRound) or rejects it with a reason.
 */
export async function decideRoundRequest(ctx: Context, id: string, input: RoundRequestDecisionInput): Promise<RoundRequest & { round?: Round }> {
  const request = await getRoundRequest(id);
  if (!request) throw new NotFound('round request', id);
  if (!isWithin(request.districtId, ctx.caller.officeId)) throw new Forbidden(`round request ${id} is outside your office`);
  if (request.status !== 'pending') throw new Conflict(`the request is already ${request.status}`, 'wrong_state', { status: request.status });
  const decidedBy = actorOf(ctx.caller);
  if (input.decision === 'reject') {
    const tx = new Transaction();
    const saved = stageRoundRequestUpdate(tx, { ...request, status: 'rejected', decision: { decision: 'reject', reason: input.reason, decidedBy } });
    tx.create(historyItem(ctx, keys.roundRequest(id).pk, 'round_request_rejected', `rejected: ${input.reason}`, { reason: input.reason }));
    return tx.commit(saved, ctx.idempotency);
  }
  const { decision: _d, ...terms } = input;
  const parsed = RoundInput.safeParse({ districtId: request.districtId, name: request.name, ...terms });
  if (!parsed.success) {
    const problem = fieldProblems(parsed.error, 'body')[0]!;
    throw new ValidationFailed(problem.message, problem.field, { rule: problem.rule, params: problem.params });
  }
  const round = await openRound({ ...ctx, idempotency: undefined }, parsed.data, (tx, opened) => {
    stageRoundRequestUpdate(tx, { ...request, status: 'approved', roundId: opened.id, decision: { decision: 'approve', capitalFen: opened.capitalFen, grantFen: opened.grantFen, decidedBy } });
    tx.create(
      historyItem(ctx, keys.roundRequest(id).pk, 'round_request_approved', `approved: round ${opened.id} opened with ${opened.capitalFen} fen`, {
        roundId: opened.id,
        capitalFen: opened.capitalFen,
        grantFen: opened.grantFen,
      }),
    );
  });
  return { ...request, status: 'approved', roundId: round.id, round };
}
