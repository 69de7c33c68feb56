import type { Application, Loan, Objection, Round, Visit } from '../domain/entities.ts';
import { Conflict, Forbidden, NotFound, ValidationFailed, dateTooEarly, dateTooLate, futureDate, notOneOf } from '../domain/errors.ts';
import { assertConsentRecent } from '../domain/consent.ts';
import { noticeEndsOn } from '../domain/lifecycle.ts';
import { ancestorAt, isWithin } from '../domain/offices.ts';
import { ApplicationStatus } from '../domain/schemas/common.ts';
import type { ApplicationInput } from '../domain/schemas/applications.ts';
import type { RevealInput, NoticeInput, ObjectionInput, ResolutionInput, VisitInput } from '../domain/schemas/publicity.ts';
import {
  listApplications as queryApplications,
  loadApplicationCase,
  stageApplicationUpdate,
  stageNewApplication,
  stageNewObjection,
  stageNewVisit,
  stageObjectionResolution,
  type ApplicationCase,
} from '../store/applications.ts';
import { historyView } from '../i18n/history.ts';
import { DEFAULT_LANG } from '../i18n/lang.ts';
import { keys } from '../store/keys.ts';
import { loansOfMother } from '../store/loans.ts';
import { getMother, stageOpenCase, type OpenCase } from '../store/mothers.ts';
import { stageException } from '../store/exceptions.ts';
import { getRecord } from '../store/records.ts';
import { getSettings } from '../store/settings.ts';
import { backDatedData, recordEntry } from './controls.ts';
import { stageRevealQuota } from './reveals.ts';
import { getOffice } from '../store/offices.ts';
import type { Page } from '../store/records.ts';
import { getRound } from '../store/rounds.ts';
import { Transaction } from '../store/transaction.ts';
import { actorOf, historyItem, newId, type Context } from './context.ts';
import { assertSeesRecordOf, listScope, officePrefixFor } from './scope.ts';
import { applicationSummary, withMotherFor } from './views.ts';

function assertNotFuture(ctx: Context, date: string, field: string): void {
  if (date > ctx.today) throw futureDate(field, ctx.today);
}

/** Her consent is taken before her data is recorded: not after the application date. */
export function assertConsentBefore(input: Pick<ApplicationInput, 'consent'>, applicationDate: string): void {
  if (input.consent.givenOn > applicationDate) throw dateTooLate('consent.givenOn', applicationDate, 'the application date');
}

function assertOnOrAfter(date: string, earliest: string, field: string, what: string): void {
  if (date < earliest) throw dateTooEarly(field, earliest, what);
}

/** Loads an application the caller may see, or fails with 404 / 403. */
export async function loadCase(ctx: Context, id: string): Promise<ApplicationCase> {
  const found = await loadApplicationCase(id);
  if (!found) throw new NotFound('application', id);
  assertSeesRecordOf(ctx.caller, found.application.villageId, 'application');
  return found;
}

function assertOpen(app: Application): void {
  if (app.status !== 'submitted') throw new Conflict(`the application is already ${app.status}; it can no longer be changed`, 'wrong_state', { status: app.status });
}

/**
 * submitApplication: a township (or the district office) applies for a mother.
 * 1. the round exists, is open and belongs to the village's district;
 * 2. the village exists and lies in the caller's subtree;
 * 3. her consent was signed within a year before the application (`consent_too_old`);
 * 4. the mother has no open application or loan (checked atomically on her record);
 * 5. the application (its own submission entry in the history) and her open case are written together.
 */
export async function submitApplication(ctx: Context, input: ApplicationInput): Promise<Application> {
  // every read at once (the settings are usually cached; when not, their read is not one more round trip)
  const [round, village, mother, settings] = await Promise.all([getRound(input.roundId), getOffice(input.villageId), getMother(input.mother.residentId), getSettings()]);
  if (village?.level !== 'village') throw new ValidationFailed('must be an existing village office', 'villageId', { rule: 'office_level', params: { levels: ['village'] } });
  if (!isWithin(village.id, ctx.caller.officeId)) throw new Forbidden(`village ${village.id} is outside your office ${ctx.caller.officeId}`);
  if (!round) throw new ValidationFailed(`names round ${input.roundId}, which does not exist`, 'roundId', { rule: 'round_missing' });
  if (!isWithin(village.id, round.districtId)) throw new ValidationFailed(`belongs to district ${round.districtId}, not to the village's district`, 'roundId', { rule: 'round_other_district' });
  if (round.status !== 'open') throw new Conflict(`round ${round.id} is closed`, 'round_closed');
  if (input.submittedOn) assertNotFuture(ctx, input.submittedOn, 'submittedOn');
  if (input.submittedOn && input.submittedOn < round.openedOn) throw dateTooEarly('submittedOn', round.openedOn, 'the round opened');
  assertConsentBefore(input, input.submittedOn ?? ctx.today);
  assertConsentRecent(input.consent.givenOn, input.submittedOn ?? ctx.today);
  if (input.amountRequestedFen < round.minLoanFen || input.amountRequestedFen > round.maxLoanFen)
    throw new ValidationFailed(`must be within the round's loan range ${round.minLoanFen}–${round.maxLoanFen} fen`, 'amountRequestedFen', {
      rule: 'amount_out_of_range',
      params: { minFen: round.minLoanFen, maxFen: round.maxLoanFen },
    });
  if (input.sms?.optIn && !input.mother.phone) throw new ValidationFailed('needs mother.phone: she agreed to text messages', 'sms.optIn', { rule: 'sms_phone_missing' });
  if (mother?.openCase) throw await openCaseRefusal(ctx, mother.openCase, village.id);

  const tx = new Transaction();
  const id = newId();
  const recording = recordEntry(ctx, settings, tx, { what: 'application', paperDate: input.submittedOn ?? ctx.today, recordType: 'application', recordId: id, officeId: village.id });
  const app: Application = { ...newApplication(ctx, round, input, id), ...(recording.backDated ? { backDated: recording.backDated } : {}) };
  stageSubmission(tx, app);
  return tx.commit(app, ctx.idempotency);
}

/**
 * The refusal of a second application for a mother with an open case. It names the open
 * record only when it lies in the caller's own subtree (never another office's ids); an open
 * case in another district is recorded for the exceptions report in both districts.
 */
async function openCaseRefusal(ctx: Context, openCase: OpenCase, villageId: string): Promise<Conflict> {
  const officeId = openCase.officeId ?? (await officeOfCase(openCase));
  const tail = 'she may apply again after it is repaid or rejected';
  if (officeId && isWithin(officeId, ctx.caller.officeId)) return new Conflict(`this mother already has an open ${openCase.kind} (${openCase.id}); ${tail}`, 'mother_has_open_case');
  const here = ancestorAt(villageId, 'district');
  const there = officeId ? ancestorAt(officeId, 'district') : undefined;
  if (here && there && here !== there) {
    const base = {
      kind: 'cross_district_application' as const,
      date: ctx.today,
      at: ctx.now.toISOString(),
      actor: actorOf(ctx.caller),
      data: { submittingDistrictId: here, openCaseDistrictId: there },
    };
    const tx = new Transaction();
    stageException(tx, {
      ...base,
      id: newId(),
      districtId: here,
      officeId: villageId,
      recordType: openCase.kind,
      recordId: '',
      summary: `an application was refused: the mother already has an open case in district ${there}`,
    });
    stageException(tx, {
      ...base,
      id: newId(),
      districtId: there,
      officeId: officeId!,
      recordType: openCase.kind,
      recordId: openCase.id,
      summary: `district ${here} tried to submit an application for the mother of this open ${openCase.kind}`,
    });
    await tx.commit(undefined);
  }
  return new Conflict(`this mother already has an open application or loan in another office; ${tail}`, 'mother_has_open_case');
}

async function officeOfCase(openCase: OpenCase): Promise<string | undefined> {
  const record = openCase.kind === 'application' ? await getRecord<Application>(keys.application(openCase.id)) : await getRecord<Loan>(keys.loan(openCase.id));
  return record?.villageId;
}

/** The application record for a mother's request, as submitted today by the caller. */
export function newApplication(ctx: Context, round: Pick<Round, 'id' | 'districtId'>, input: ApplicationInput, id: string): Application {
  return {
    id,
    roundId: round.id,
    districtId: round.districtId,
    townshipId: ancestorAt(input.villageId, 'township')!,
    villageId: input.villageId,
    mother: input.sms ? { ...input.mother, sms: { ...input.sms, changedAt: ctx.now.toISOString(), changedBy: actorOf(ctx.caller) } } : input.mother,
    consent: input.consent,
    householdSize: input.householdSize,
    householdAnnualIncomeFen: input.householdAnnualIncomeFen,
    villagePerCapitaIncomeFen: input.villagePerCapitaIncomeFen,
    familyPlanning: input.familyPlanning,
    project: input.project,
    amountRequestedFen: input.amountRequestedFen,
    status: 'submitted',
    submittedOn: input.submittedOn ?? ctx.today,
    submittedAt: ctx.now.toISOString(),
    submittedBy: actorOf(ctx.caller),
    version: 1,
  };
}

/**
 * The writes of one submission: the application and the mother's open case. The application
 * is its own history entry for the submission (`submissionEvent`, shared/store/applications.ts).
 */
export function stageSubmission(tx: Transaction, app: Application): void {
  stageNewApplication(tx, app);
  stageOpenCase(tx, app.mother.residentId, { kind: 'application', id: app.id, officeId: app.villageId });
}

/**
 * One application with its notice, objections, visits, screening, history and the mother's
 * earlier loans: those of the application's district in full, those of other districts only
 * as a count and whether all were repaid (`earlierLoansElsewhere`), naming none of them.
 */
export async function getApplication(ctx: Context, id: string) {
  const found = await loadCase(ctx, id);
  const all = (await loansOfMother(found.application.mother.residentId)).filter((l) => l.applicationId !== id);
  const earlierLoans = all.filter((l) => l.districtId === found.application.districtId);
  const elsewhere = all.filter((l) => l.districtId !== found.application.districtId);
  return {
    ...withMotherFor(ctx.caller, found.application),
    objections: found.objections,
    visits: found.visits,
    history: historyView(found.history, ctx.lang ?? DEFAULT_LANG),
    earlierLoans: earlierLoans.map((l) => ({
      id: l.id,
      ...(l.agreementNo ? { agreementNo: l.agreementNo } : {}),
      roundId: l.roundId,
      principalFen: l.principalFen,
      status: l.status,
      disbursedOn: l.disbursement?.disbursedOn,
      repaidOn: l.repaidOn,
    })),
    ...(elsewhere.length ? { earlierLoansElsewhere: { count: elsewhere.length, allRepaid: elsewhere.every((l) => l.status === 'repaid') } } : {}),
  };
}

export async function listApplications(
  ctx: Context,
  q: { roundId?: string; districtId?: string; status?: string; limit: number; cursor?: string },
): Promise<Page<ReturnType<typeof applicationSummary>>> {
  if (q.status && !ApplicationStatus.safeParse(q.status).success) throw notOneOf('status', ApplicationStatus.options);
  const opts = { status: q.status, officePrefix: officePrefixFor(ctx.caller), limit: q.limit, cursor: q.cursor };
  const page = await queryApplications(await listScope(ctx.caller, q), opts);
  return { ...page, items: page.items.map(applicationSummary) };
}

/**
 * postNotice: records the public notice (公示) of the applicant in her village.
 * The period is the round's notice period unless a longer one is given.
 */
export async function postNotice(ctx: Context, id: string, input: NoticeInput): Promise<Application> {
  const { application } = await loadCase(ctx, id);
  assertOpen(application);
  if (application.notice) throw new Conflict(`the public notice was already posted on ${application.notice.postedOn}`, 'already_recorded', { on: application.notice.postedOn });
  const round = await getRound(application.roundId);
  const days = input.days ?? round!.noticeDays;
  if (days < round!.noticeDays)
    throw new ValidationFailed(`must be at least the round's notice period of ${round!.noticeDays} days`, 'days', { rule: 'notice_too_short', params: { days: round!.noticeDays } });
  assertNotFuture(ctx, input.postedOn, 'postedOn');
  assertOnOrAfter(input.postedOn, application.submittedOn, 'postedOn', 'the application date');
  const tx = new Transaction();
  const recording = recordEntry(ctx, await getSettings(), tx, { what: 'public notice', paperDate: input.postedOn, recordType: 'application', recordId: id, officeId: application.villageId });
  const changed: Application = {
    ...application,
    notice: { postedOn: input.postedOn, days, endsOn: noticeEndsOn(input.postedOn, days), ...(input.place ? { place: input.place } : {}), recordedBy: actorOf(ctx.caller), ...recording },
  };
  const saved = stageApplicationUpdate(tx, changed);
  tx.create(historyItem(ctx, keys.application(id).pk, 'notice_posted', `public notice posted on ${input.postedOn} for ${days} days`, { postedOn: input.postedOn, days, ...backDatedData(recording) }));
  return tx.commit(saved, ctx.idempotency);
}

/** raiseObjection: records an objection raised by a resident during the notice. */
export async function raiseObjection(ctx: Context, id: string, input: ObjectionInput): Promise<Objection> {
  const { application } = await loadCase(ctx, id);
  assertOpen(application);
  if (!application.notice) throw new Conflict('the public notice has not been posted yet', 'notice_missing');
  assertNotFuture(ctx, input.raisedOn, 'raisedOn');
  assertOnOrAfter(input.raisedOn, application.notice.postedOn, 'raisedOn', 'the notice date');
  const tx = new Transaction();
  const recording = recordEntry(ctx, await getSettings(), tx, { what: 'objection', paperDate: input.raisedOn, recordType: 'application', recordId: id, officeId: application.villageId });
  const objection: Objection = { id: newId(), ...input, status: 'open', recordedBy: actorOf(ctx.caller), ...recording };
  stageNewObjection(tx, id, objection);
  stageApplicationUpdate(tx, application);
  tx.create(
    historyItem(ctx, keys.application(id).pk, 'objection_raised', `objection ${objection.id} raised on ${input.raisedOn}`, {
      objectionId: objection.id,
      raisedOn: input.raisedOn,
      ...backDatedData(recording),
    }),
  );
  return tx.commit(objection, ctx.idempotency);
}

/** resolveObjection: the district office dismisses or upholds an objection; an upheld one blocks approval. */
export async function resolveObjection(ctx: Context, id: string, objectionId: string, input: ResolutionInput): Promise<Objection> {
  const { application, objections } = await loadCase(ctx, id);
  const objection = objections.find((o) => o.id === objectionId);
  if (!objection) throw new NotFound('objection', objectionId);
  assertOpen(application);
  if (objection.status !== 'open') throw new Conflict(`objection ${objectionId} is already ${objection.status}`, 'already_resolved', { status: objection.status });
  assertNotFuture(ctx, input.resolvedOn, 'resolvedOn');
  assertOnOrAfter(input.resolvedOn, objection.raisedOn, 'resolvedOn', 'the day it was raised');
  const resolved: Objection = { ...objection, status: input.outcome, resolution: { ...input, resolvedBy: actorOf(ctx.caller) } };
  const tx = new Transaction();
  stageObjectionResolution(tx, id, resolved);
  stageApplicationUpdate(tx, application);
  tx.create(historyItem(ctx, keys.application(id).pk, 'objection_resolved', `objection ${objectionId} ${input.outcome}`, { objectionId, outcome: input.outcome, resolvedOn: input.resolvedOn }));
  return tx.commit(resolved, ctx.idempotency);
}

/** logVisit: field staff log a household visit (two are needed before a decision). */
export async function logVisit(ctx: Context, id: string, input: VisitInput): Promise<Visit> {
  const { application } = await loadCase(ctx, id);
  assertOpen(application);
  assertNotFuture(ctx, input.visitedOn, 'visitedOn');
  assertOnOrAfter(input.visitedOn, application.submittedOn, 'visitedOn', 'the application date');
  const tx = new Transaction();
  const recording = recordEntry(ctx, await getSettings(), tx, { what: 'household visit', paperDate: input.visitedOn, recordType: 'application', recordId: id, officeId: application.villageId });
  const visit: Visit = { id: newId(), ...input, recordedBy: actorOf(ctx.caller), ...recording };
  stageNewVisit(tx, id, visit);
  stageApplicationUpdate(tx, { ...application, visitCount: (application.visitCount ?? 0) + 1 });
  tx.create(
    historyItem(ctx, keys.application(id).pk, 'visit_logged', `household visited on ${input.visitedOn}`, {
      visitId: visit.id,
      visitedOn: input.visitedOn,
      willingToWork: input.willingToWork,
      planCredible: input.planCredible,
      ...backDatedData(recording),
    }),
  );
  return tx.commit(visit, ctx.idempotency);
}

/**
 * revealResidentId: a caller who sees the mother's ID masked (committee, field staff) asks
 * for the full number, with a reason. 1. the application is in the caller's subtree;
 * 2. the reason is a few words and the caller has reveals left today (`stageRevealQuota`:
 * a burst is reported); 3. the reveal is kept in the application's history and in the exceptions report, in one
 * transaction, before the number is answered.
 */
export async function revealResidentId(ctx: Context, id: string, input: RevealInput): Promise<{ applicationId: string; residentId: string }> {
  const { application } = await loadCase(ctx, id);
  const tx = new Transaction();
  await stageRevealQuota(ctx, tx, input.reason, { districtId: application.districtId, officeId: application.villageId, recordId: id });
  stageException(tx, {
    id: newId(),
    kind: 'resident_id_revealed',
    date: ctx.today,
    at: ctx.now.toISOString(),
    districtId: application.districtId,
    officeId: application.villageId,
    recordType: 'application',
    recordId: id,
    actor: actorOf(ctx.caller),
    summary: `${ctx.caller.username} (${ctx.caller.role}) was shown the full resident ID number: ${input.reason}`,
    data: { reason: input.reason },
  });
  tx.create(
    historyItem(ctx, keys.application(id).pk, 'resident_id_revealed', `the full resident ID number was shown to ${ctx.caller.username} (${ctx.caller.role}): ${input.reason}`, {
      reason: input.reason,
    }),
  );
  return tx.commit({ applicationId: id, residentId: application.mother.residentId }, ctx.idempotency);
}
