/**
 * 三治 beyond the loan: the mothers' separate consents, health-check campaigns with their
 * follow-ups, and training sessions. Health findings are sensitive personal information
 * (PIPL art. 28): only the mother's district office records and reads them; everyone else,
 * and every report, gets counts.
 */
import { AggregateChanges } from '../store/aggregates.ts';
import { ancestorAt, isWithin } from '../domain/offices.ts';
import type { Loan } from '../domain/entities.ts';
import { Forbidden, NotFound, ValidationFailed, futureDate } from '../domain/errors.ts';
import {
  checkDeltas,
  curedDeltas,
  HEALTH_CATEGORIES,
  HealthConsentMissing,
  outreachGroupsOf,
  type ConsentRecordInput,
  type FollowUpInput,
  type HealthCategory,
  type HealthCheckInput,
  type OutreachListQuery,
  type TrainingSessionInput,
} from '../domain/outreach.ts';
import type * as z from 'zod/mini';
import type { ConsentRecord, HealthCheckFindings, HealthCheckSummary, TrainingSession } from '../domain/outreach-responses.ts';
import { keys, motherKey, searchName } from '../store/keys.ts';
import { getLoan } from '../store/loans.ts';
import { getOffice } from '../store/offices.ts';
import { batchGet, getRecord, outreachKeys, queryBetween, stageFirstSeen } from '../store/outreach.ts';
import { Transaction } from '../store/transaction.ts';
import { actorOf, newId, type Context } from './context.ts';
import { districtsFor } from './scope.ts';

type Summary = z.output<typeof HealthCheckSummary>;
type Findings = z.output<typeof HealthCheckFindings>;
type Consent = z.output<typeof ConsentRecord>;
type Session = z.output<typeof TrainingSession>;
type StoredFindings = Findings & { summaryKey: { pk: string; sk: string }; version: number };

/** A district named in a request exists (else 422 on `districtId`). */
async function assertDistrictExists(districtId: string): Promise<void> {
  const office = await getOffice(districtId);
  if (office?.level !== 'district') throw new ValidationFailed('must be an existing district office', 'districtId', { rule: 'office_level', params: { levels: ['district'] } });
}

/** The caller's own district office; committee and township callers are refused. */
function ownDistrict(ctx: Context, districtId: string): string {
  const own = ancestorAt(ctx.caller.officeId, 'district');
  if (!own || ctx.caller.role === 'committee') throw new Forbidden('only the district office records this');
  if (own !== districtId) throw new Forbidden(`district ${districtId} is outside your office ${ctx.caller.officeId}`);
  return own;
}

async function loansOf(ids: string[], districtId: string, field: (i: number) => string): Promise<Loan[]> {
  const loans = await batchGet<Loan>(ids.map((id) => keys.loan(id)));
  return loans.map((loan, i) => {
    if (!loan) throw new ValidationFailed(`no loan ${ids[i]}`, field(i), { rule: 'loan_unknown' });
    if (loan.districtId !== districtId) throw new ValidationFailed(`loan ${ids[i]} belongs to another district`, field(i), { rule: 'loan_other_district' });
    return loan;
  });
}

function zeroByCategory(): Record<HealthCategory, number> {
  return Object.fromEntries(HEALTH_CATEGORIES.map((c) => [c, 0])) as Record<HealthCategory, number>;
}

/**
 * recordConsent: a mother's separate consent on her file.
 * 1. the loan exists and lies in the caller's district (district office only);
 * 2. the date is not in the future; a publicity consent carries the name and story she agreed to;
 * 3. the consent is written (a later one replaces the earlier: she may change her story).
 */
export async function recordConsent(ctx: Context, loanId: string, input: ConsentRecordInput): Promise<Consent> {
  const loan = await getLoan(loanId);
  if (!loan) throw new NotFound('loan', loanId);
  ownDistrict(ctx, loan.districtId);
  if (input.givenOn > ctx.today) throw futureDate('givenOn', ctx.today);
  if (input.kind === 'publicity' && (!input.publicName || !input.story))
    throw new ValidationFailed('a publicity consent names the name and story she agreed to', input.publicName ? 'story' : 'publicName', { rule: 'required' });
  if (input.kind === 'health' && (input.publicName || input.story))
    throw new ValidationFailed('only a publicity consent carries a name and story', input.publicName ? 'publicName' : 'story', { rule: 'publicity_only' });
  const consent: Consent = { loanId, ...input, recordedBy: actorOf(ctx.caller), recordedAt: ctx.now.toISOString() };
  const tx = new Transaction();
  tx.update(outreachKeys.consent(loan.districtId, input.kind, loanId), {
    expression: 'SET #type = :type, #c = :c, #district = :d, #name = :name',
    names: { '#type': 'type', '#c': 'consent', '#district': 'districtId', '#name': 'motherName' },
    values: { ':type': 'CONSENT', ':c': consent, ':d': loan.districtId, ':name': loan.mother.name },
  });
  return tx.commit(consent, ctx.idempotency);
}

/**
 * recordHealthCheck: a health-check campaign with the women checked and what was found.
 * 1. the district office of the campaign's district records it; the date is not in the future;
 * 2. every woman's file (loan) is in that district, and her household's health consent was
 *    given on or before the check (refused: `health_consent_missing`); a household woman is named;
 *    nobody is listed twice;
 * 3. the counts only go to the campaign item (the list), the women with their findings to a
 *    separate item only the district office reads;
 * 4. report counters: each woman checked once per group (first-seen marker), illnesses found
 *    and treated per finding, in her file's district, township, round and the year of the check.
 */
export async function recordHealthCheck(ctx: Context, input: HealthCheckInput): Promise<Summary> {
  await assertDistrictExists(input.districtId);
  const districtId = ownDistrict(ctx, input.districtId);
  if (input.heldOn > ctx.today) throw futureDate('heldOn', ctx.today);
  const loans = await loansOf(
    input.women.map((w) => w.loanId),
    districtId,
    (i) => `women.${i}.loanId`,
  );
  const consents = await batchGet<{ consent: Consent }>(input.women.map((w) => outreachKeys.consent(districtId, 'health', w.loanId)));
  const seen = new Set<string>();
  const people = input.women.map((w, i) => {
    const loan = loans[i]!;
    const consent = consents[i]?.consent;
    if (!consent || consent.givenOn > input.heldOn) throw new HealthConsentMissing(loan.mother.name, input.heldOn, `women.${i}.loanId`);
    if (w.relation === 'household' && !w.name) throw new ValidationFailed('a household woman is named', `women.${i}.name`, { rule: 'required' });
    const name = w.relation === 'mother' ? loan.mother.name : w.name!;
    const person = w.relation === 'mother' ? motherKey(loan.mother.residentId) : `${motherKey(loan.mother.residentId)}#${searchName(name)}`;
    if (seen.has(person)) throw new ValidationFailed(`${name} is listed twice`, `women.${i}`, { rule: 'no_repeats' });
    seen.add(person);
    const categories = new Set(w.findings.map((f) => f.category));
    if (categories.size !== w.findings.length) throw new ValidationFailed('a category is listed twice', `women.${i}.findings`, { rule: 'no_repeats' });
    return { person, loan, name, woman: w };
  });

  const id = newId();
  const found = zeroByCategory();
  for (const p of people) for (const f of p.woman.findings) found[f.category]++;
  const summary: Summary = {
    id,
    districtId,
    heldOn: input.heldOn,
    place: input.place,
    examiners: input.examiners,
    womenChecked: people.length,
    mothersChecked: people.filter((p) => p.woman.relation === 'mother').length,
    illnessesFound: people.reduce((s, p) => s + p.woman.findings.length, 0),
    illnessesTreated: people.reduce((s, p) => s + p.woman.findings.filter((f) => f.treated).length, 0),
    illnessesCured: 0,
    found,
    followUps: 0,
    recordedBy: actorOf(ctx.caller),
    recordedAt: ctx.now.toISOString(),
  };
  const summaryKey = outreachKeys.healthCheck(districtId, input.heldOn, id);
  const findings: StoredFindings = {
    campaign: summary,
    women: people.map((p, i) => ({
      id: `w${i + 1}`,
      loanId: p.loan.id,
      relation: p.woman.relation,
      name: p.name,
      villageId: p.loan.villageId,
      findings: p.woman.findings.map((f) => ({ category: f.category, treated: f.treated })),
    })),
    summaryKey,
    version: 1,
  };
  const tx = new Transaction();
  tx.create({ ...summaryKey, type: 'HEALTHCHECK', ...summary });
  tx.create({ ...outreachKeys.findings(id), type: 'HEALTHFINDINGS', ...findings });
  const changes = new AggregateChanges();
  for (const p of people) {
    const groups = outreachGroupsOf(p.loan, input.heldOn);
    changes.add(groups, checkDeltas(input.heldOn, p.woman.findings));
    await stageFirstSeen(tx, changes, groups, `checked#${p.person}`, { womenChecked: 1 }, input.heldOn);
  }
  changes.stage(tx);
  return tx.commit(summary, ctx.idempotency);
}

async function storedFindings(id: string): Promise<StoredFindings> {
  const found = await getRecord<StoredFindings & { type: string }>(outreachKeys.findings(id));
  if (!found) throw new NotFound('health check', id);
  const { type: _type, ...rest } = found;
  return rest;
}

/**
 * healthCheckFindings: a campaign with every woman's findings, for her district office only
 * (the committee and field staff are refused by the route; a district office of another district here).
 */
export async function healthCheckFindings(ctx: Context, id: string): Promise<Findings> {
  const stored = await storedFindings(id);
  ownDistrict(ctx, stored.campaign.districtId);
  return { campaign: stored.campaign, women: stored.women };
}

/**
 * recordFollowUp: the findings found cured at a follow-up.
 * 1. the district office of the campaign; the date is on or after the check and not in the future;
 * 2. each cured finding was found at the check and is not cured yet (refused: `finding_unknown`, `already_cured`);
 * 3. the findings item and the campaign's counts change together (version-checked);
 * 4. report counters: illnesses cured on the follow-up date, in each woman's groups.
 */
export async function recordFollowUp(ctx: Context, id: string, input: FollowUpInput): Promise<Summary> {
  const stored = await storedFindings(id);
  ownDistrict(ctx, stored.campaign.districtId);
  if (input.followedUpOn > ctx.today) throw futureDate('followedUpOn', ctx.today);
  if (input.followedUpOn < stored.campaign.heldOn)
    throw new ValidationFailed(`must not be before the check (${stored.campaign.heldOn})`, 'followedUpOn', { rule: 'before_health_check', params: { date: stored.campaign.heldOn } });
  const women = stored.women.map((w) => ({ ...w, findings: w.findings.map((f) => ({ ...f })) }));
  const curedPerWoman = new Map<string, number>();
  input.cured.forEach((c, i) => {
    const finding = women.find((w) => w.id === c.womanId)?.findings.find((f) => f.category === c.category);
    if (!finding) throw new ValidationFailed(`${c.womanId} had no finding ${c.category}`, `cured.${i}`, { rule: 'finding_unknown' });
    if (finding.curedOn) throw new ValidationFailed(`${c.womanId}'s ${c.category} is already cured`, `cured.${i}`, { rule: 'already_cured' });
    finding.curedOn = input.followedUpOn;
    curedPerWoman.set(c.womanId, (curedPerWoman.get(c.womanId) ?? 0) + 1);
  });
  const loans = await batchGet<Loan>([...curedPerWoman.keys()].map((wid) => keys.loan(women.find((w) => w.id === wid)!.loanId)));
  const summary: Summary = { ...stored.campaign, illnessesCured: stored.campaign.illnessesCured + input.cured.length, followUps: stored.campaign.followUps + 1 };
  const tx = new Transaction();
  tx.replace({ ...outreachKeys.findings(id), type: 'HEALTHFINDINGS', campaign: summary, women, summaryKey: stored.summaryKey, version: stored.version + 1 }, stored.version);
  tx.update(stored.summaryKey, {
    expression: 'SET #cured = :cured, #followUps = :f',
    names: { '#cured': 'illnessesCured', '#followUps': 'followUps' },
    values: { ':cured': summary.illnessesCured, ':f': summary.followUps },
  });
  const changes = new AggregateChanges();
  [...curedPerWoman].forEach(([, count], i) => {
    const loan = loans[i]!;
    // the year group is the check's year: a campaign's figures stay in the year it was held
    changes.add(outreachGroupsOf(loan, stored.campaign.heldOn).slice(0, 3), curedDeltas(input.followedUpOn, count));
    changes.add([`year#${loan.districtId}#${stored.campaign.heldOn.slice(0, 4)}`], curedDeltas(input.followedUpOn, count));
  });
  changes.stage(tx);
  return tx.commit(summary, ctx.idempotency);
}

const yearRange = (year?: string): [string, string] => (year ? [year, `${year}~`] : ['0', '~']);

/** listHealthChecks: the campaigns of the caller's districts (the committee: all, or one), counts only; one Query per district. */
export async function listHealthChecks(ctx: Context, q: OutreachListQuery): Promise<{ items: Summary[] }> {
  const districts = await districtsFor(ctx.caller, q.districtId);
  const lists = await Promise.all(districts.map((d) => queryBetween<Summary & { type?: string }>(`HEALTHCHECKS#${d}`, ...yearRange(q.year))));
  return {
    items: lists
      .flat()
      .map(({ type: _t, ...s }) => s)
      .sort((a, b) => b.heldOn.localeCompare(a.heldOn) || b.id.localeCompare(a.id)),
  };
}

/**
 * recordTrainingSession: a training session and the mothers who attended (a district office,
 * or field staff of the district, also from the phone's outbox when back online).
 * 1. the caller works in the session's district; the date is not in the future; the township lies in it;
 * 2. every attendee's file (loan) is in the district, nobody twice;
 * 3. report counters: the session once in the district and year groups and in each attendee's
 *    township and round group; each mother trained once per group (first-seen marker).
 */
export async function recordTrainingSession(ctx: Context, input: TrainingSessionInput): Promise<Session> {
  await assertDistrictExists(input.districtId);
  const own = ancestorAt(ctx.caller.officeId, 'district');
  if (!own || own !== input.districtId) throw new Forbidden(`district ${input.districtId} is outside your office ${ctx.caller.officeId}`);
  if (input.heldOn > ctx.today) throw futureDate('heldOn', ctx.today);
  if (input.townshipId && (!isWithin(input.townshipId, input.districtId) || input.townshipId.split('.').length !== 3))
    throw new ValidationFailed('must be a township of the district', 'townshipId', { rule: 'office_level', params: { levels: ['township'] } });
  if (new Set(input.attendees).size !== input.attendees.length) throw new ValidationFailed('a mother is listed twice', 'attendees', { rule: 'no_repeats' });
  const loans = await loansOf(input.attendees, input.districtId, (i) => `attendees.${i}`);
  const session: Session = {
    id: newId(),
    districtId: input.districtId,
    ...(input.townshipId ? { townshipId: input.townshipId } : {}),
    heldOn: input.heldOn,
    place: input.place,
    topic: input.topic,
    trainer: input.trainer,
    attendees: loans.map((l) => ({ loanId: l.id, name: l.mother.name })),
    recordedBy: actorOf(ctx.caller),
    recordedAt: ctx.now.toISOString(),
  };
  const tx = new Transaction();
  tx.create({ ...outreachKeys.training(input.districtId, input.heldOn, session.id), type: 'TRAINING', ...session });
  const changes = new AggregateChanges();
  const sessionGroups = new Set<string>();
  for (const loan of loans) {
    const groups = outreachGroupsOf(loan, input.heldOn);
    for (const g of groups) sessionGroups.add(g);
    await stageFirstSeen(tx, changes, groups, `trained#${motherKey(loan.mother.residentId)}`, { mothersTrained: 1 }, input.heldOn);
  }
  changes.add([...sessionGroups], [{ date: input.heldOn, metrics: { trainingSessions: 1 } }]);
  changes.stage(tx);
  return tx.commit(session, ctx.idempotency);
}

/** listTrainingSessions: the sessions of the caller's districts, newest first; one Query per district. */
export async function listTrainingSessions(ctx: Context, q: OutreachListQuery): Promise<{ items: Session[] }> {
  const districts = await districtsFor(ctx.caller, q.districtId);
  const lists = await Promise.all(districts.map((d) => queryBetween<Session & { type?: string }>(`TRAINING#${d}`, ...yearRange(q.year))));
  const prefix = ctx.caller.role === 'township' ? ctx.caller.officeId : undefined;
  return {
    items: lists
      .flat()
      .map(({ type: _t, ...s }) => s)
      .filter((s) => !prefix || s.townshipId === prefix)
      .sort((a, b) => b.heldOn.localeCompare(a.heldOn) || b.id.localeCompare(a.id)),
  };
}
