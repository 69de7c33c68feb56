import type { Application, Loan, Round, ScreeningResult } from '../domain/entities.ts';
import { ConcurrentChange, dateTooEarly, futureDate } from '../domain/errors.ts';
import { agreementNumber, districtAbbreviation } from '../domain/offices.ts';
import { getOffice } from '../store/offices.ts';
import { assertApprovable, nextApplicationStatus } from '../domain/lifecycle.ts';
import type { DecisionInput } from '../domain/schemas/screening.ts';
import { screen } from '../domain/screening.ts';
import { approvalDeltas } from '../domain/aggregates.ts';
import { AggregateChanges } from '../store/aggregates.ts';
import { factsOf, reportGroupsOf } from './loan-facts.ts';
import { stageApplicationUpdate, type ApplicationCase } from '../store/applications.ts';
import { keys } from '../store/keys.ts';
import { loansOfMother, stageNewLoan } from '../store/loans.ts';
import { stageMoveCase } from '../store/mothers.ts';
import { allRounds, getRound, nextAgreementSequence, stageRoundCounters } from '../store/rounds.ts';
import { Transaction } from '../store/transaction.ts';
import { loadCase } from './applications.ts';
import { actorOf, historyItem, newId, type Context } from './context.ts';
import { assertSeparateDuties } from '../domain/controls.ts';
import { todayInChina } from '../domain/dates.ts';
import { getSettings } from '../store/settings.ts';
import { accountOwners, backDatedData, FOUR_EYES, recordEntry } from './controls.ts';

async function screeningOf(ctx: Context, found: ApplicationCase): Promise<{ round: Round; screening: ScreeningResult }> {
  const round = (await getRound(found.application.roundId))!;
  // a loan of another district is judged by its status only: the screening's reasons never name it
  const earlierLoans = (await loansOfMother(found.application.mother.residentId))
    .filter((l) => l.applicationId !== found.application.id)
    .map((l) => (l.districtId === found.application.districtId ? l : { id: '', status: l.status, balanceFen: l.balanceFen }));
  const result = screen({ application: found.application, visits: found.visits, round, earlierLoans });
  return { round, screening: { ...result, screenedAt: ctx.now.toISOString(), screenedBy: actorOf(ctx.caller) } };
}

/**
 * runScreening: checks the application against the "three nos and one priority" rules.
 * 1. load the case, the round and the mother's earlier loans;
 * 2. run every rule (each passes or fails with its reason) and the priority score;
 * 3. keep the result on the application, with a history entry.
 */
export async function runScreening(ctx: Context, id: string): Promise<ScreeningResult> {
  const found = await loadCase(ctx, id);
  const { screening } = await screeningOf(ctx, found);
  if (found.application.status !== 'submitted') return screening;
  const tx = new Transaction();
  stageApplicationUpdate(tx, { ...found.application, screening });
  tx.create(
    historyItem(
      ctx,
      keys.application(id).pk,
      'screened',
      screening.passed
        ? `screening passed, priority ${screening.priorityScore}`
        : `screening failed: ${screening.rules
            .filter((r) => !r.passed)
            .map((r) => r.rule)
            .join(', ')}`,
      { passed: screening.passed, priorityScore: screening.priorityScore },
    ),
  );
  return tx.commit(screening);
}

/**
 * decideApplication: the district office approves or rejects.
 * Approval: 1. four eyes (when the programme setting is on): refused with
 * `separation_of_duties` when the approver submitted the application, recorded its notice,
 * logged one of its visits or ran its stored screening; 2. only a notice and visits recorded
 * before this approval count (not only dated before it); 3. screening is run afresh;
 * 4. refused, naming each unmet condition, while the notice runs, an objection is open or
 * upheld, fewer than two visits exist, a rule fails or the round lacks capital; 5. the loan
 * is created (naming its approver), the round's capital reserved, the mother's open case
 * moved to the loan, all in one transaction; an approval recorded late, or dated before its
 * notice or visits were recorded, is marked back-dated and reported.
 * Rejection: the application closes with the reason and the mother may apply again.
 */
export async function decideApplication(ctx: Context, id: string, input: DecisionInput): Promise<Application & { loanId?: string }> {
  const found = await loadCase(ctx, id);
  const { application } = found;
  const event = input.decision === 'approve' ? 'approve' : 'reject';
  const status = nextApplicationStatus(application.status, event);
  if (input.decidedOn > ctx.today) throw futureDate('decidedOn', ctx.today);
  if (input.decidedOn < application.submittedOn) throw dateTooEarly('decidedOn', application.submittedOn, 'the application date');
  const decidedBy = actorOf(ctx.caller);
  const tx = new Transaction();
  const appPk = keys.application(id).pk;

  if (input.decision === 'reject') {
    const saved = stageApplicationUpdate(tx, { ...application, status, decision: { decision: 'reject', decidedOn: input.decidedOn, reason: input.reason, decidedBy } });
    stageMoveCase(tx, application.mother.residentId, { kind: 'application', id }, undefined);
    tx.create(historyItem(ctx, appPk, 'rejected', `rejected: ${input.reason}`, { reason: input.reason, decidedOn: input.decidedOn }));
    return tx.commit(saved, ctx.idempotency);
  }

  const settings = await getSettings();
  const steps = [
    { step: 'submission' as const, by: application.submittedBy },
    { step: 'notice' as const, by: application.notice?.recordedBy },
    ...found.visits.map((v) => ({ step: 'visit' as const, by: v.recordedBy })),
    { step: 'screening' as const, by: application.screening?.screenedBy },
  ];
  assertSeparateDuties(settings, decidedBy, 'approve', steps, await accountOwners([decidedBy, ...steps.map((s) => s.by)], settings, ctx.now));
  const lastEvidence = [...found.visits.map((v) => v.visitedOn), ...found.objections.map((o) => o.resolution?.resolvedOn ?? o.raisedOn)].sort().at(-1);
  if (lastEvidence && input.decidedOn < lastEvidence) throw dateTooEarly('decidedOn', lastEvidence, 'the last visit or objection it relies on');
  // only what was recorded before this approval counts: its recording time, not only its paper date
  const now = ctx.now.toISOString();
  const recordedBefore = <T extends { recordedAt?: string }>(e: T) => !e.recordedAt || e.recordedAt < now;
  const visits = found.visits.filter(recordedBefore);
  const notice = application.notice && recordedBefore(application.notice) ? application.notice : undefined;
  const counted = { ...found, application: { ...application, notice }, visits };
  const { round, screening } = await screeningOf(ctx, counted);
  const amountFen = (input.amountApprovedFen ?? input.amountFen)!;
  const amountField = input.amountApprovedFen !== undefined ? 'amountApprovedFen' : 'amountFen';
  assertApprovable({
    application: counted.application,
    objections: found.objections,
    visits,
    screening,
    round,
    amountFen,
    amountRequestedFen: application.amountRequestedFen,
    amountField,
    today: input.decidedOn,
  });
  const lastRecorded = [notice?.recordedAt, ...visits.map((v) => v.recordedAt)]
    .filter((t): t is string => !!t)
    .sort()
    .at(-1);
  const recording = recordEntry(ctx, lastRecorded && input.decidedOn < todayInChina(new Date(lastRecorded)) ? { ...settings, backDatedAfterDays: 0 } : settings, tx, {
    what: 'approval',
    paperDate: input.decidedOn,
    recordType: 'application',
    recordId: id,
    officeId: application.villageId,
    controls: FOUR_EYES,
  });

  const agreementNo = await nextAgreementNumber(round, input.decidedOn);
  const loan: Loan = {
    id: newId(),
    agreementNo,
    applicationId: id,
    roundId: round.id,
    districtId: application.districtId,
    townshipId: application.townshipId,
    villageId: application.villageId,
    mother: application.mother,
    householdSize: application.householdSize,
    principalFen: amountFen,
    repaidFen: 0,
    balanceFen: amountFen,
    status: 'approved',
    termMonths: round.termMonths,
    evaluationMonths: round.evaluationMonths,
    approvedOn: input.decidedOn,
    approvedBy: decidedBy,
    evaluationSchedule: [],
    ...fieldOfficerOf(found),
    createdAt: ctx.now.toISOString(),
    version: 1,
  };
  const saved = stageApplicationUpdate(tx, {
    ...application,
    status,
    screening,
    loanId: loan.id,
    decision: { decision: 'approve', decidedOn: input.decidedOn, amountApprovedFen: amountFen, amountFen, ...(input.note ? { note: input.note } : {}), decidedBy, ...recording },
  });
  stageNewLoan(tx, loan);
  // the number is unique: a concurrent approval that took it fails here and is retried with the next one
  tx.create({ ...keys.agreementNo(round.districtId, agreementNo), type: 'AGREEMENTNO', loanId: loan.id }, () => new ConcurrentChange(`agreement number ${agreementNo}`));
  stageRoundCounters(tx, round.id, { committedFen: loan.principalFen, loanCount: 1 });
  new AggregateChanges().add(reportGroupsOf(loan), approvalDeltas(factsOf(loan))).stage(tx);
  stageMoveCase(tx, application.mother.residentId, { kind: 'application', id }, { kind: 'loan', id: loan.id, officeId: loan.villageId });
  tx.create(
    historyItem(ctx, appPk, 'approved', `approved for ${loan.principalFen} fen; loan ${loan.id}`, {
      loanId: loan.id,
      amountFen: loan.principalFen,
      amountRequestedFen: application.amountRequestedFen,
      decidedOn: input.decidedOn,
      ...backDatedData(recording),
    }),
  );
  tx.create(
    historyItem(ctx, keys.loan(loan.id).pk, 'loan_created', `loan of ${loan.principalFen} fen approved from application ${id}`, { applicationId: id, amountFen: loan.principalFen, agreementNo }),
  );
  return tx.commit({ ...saved, loanId: loan.id }, ctx.idempotency);
}

/**
 * The agreement number of the next loan approved in a round: district abbreviation, year of
 * approval, the round's number in its district, the loan's sequence in the round (an atomic
 * counter of the round; the number's own item in the approval's transaction keeps it unique).
 */
async function nextAgreementNumber(round: Round, decidedOn: string): Promise<string> {
  const [district, rounds, sequence] = await Promise.all([getOffice(round.districtId), round.number ? Promise.resolve([]) : allRounds([round.districtId]), nextAgreementSequence(round.id)]);
  const number = round.number ?? roundOrdinal(rounds, round.id);
  return agreementNumber(districtAbbreviation(district, round.districtId), decidedOn.slice(0, 4), number, sequence);
}

/** A round's place among its district's rounds by opening date (rounds opened before rounds were numbered). */
function roundOrdinal(rounds: Round[], roundId: string): number {
  const sorted = [...rounds].sort((a, b) => a.openedOn.localeCompare(b.openedOn) || a.createdAt.localeCompare(b.createdAt));
  return sorted.findIndex((r) => r.id === roundId) + 1;
}

/** The officer who last visited the household (field staff first): the loan's evaluations will be due from them. */
function fieldOfficerOf(found: ApplicationCase): Pick<Loan, 'fieldOfficer'> {
  const byDate = [...found.visits].sort((a, b) => a.visitedOn.localeCompare(b.visitedOn));
  const visit = byDate.filter((v) => v.recordedBy.role === 'field').at(-1) ?? byDate.at(-1);
  return visit
    ? { fieldOfficer: { userId: visit.recordedBy.userId, username: visit.recordedBy.username, ...(visit.recordedBy.displayName ? { displayName: visit.recordedBy.displayName } : {}) } }
    : {};
}
