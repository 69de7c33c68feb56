/**
 * A mother's requests about her personal data (PIPL arts. 45, 46), handled by her district
 * office: a copy of everything held about her, and a correction of her details. Each is
 * recorded (who, when) in her records' history and in the exceptions report.
 */
import type * as z from 'zod/mini';
import type { Application, Loan } from '../domain/entities.ts';
import { Conflict, Forbidden, futureDate, ValidationFailed } from '../domain/errors.ts';
import { ancestorAt } from '../domain/offices.ts';
import type { HealthCheckFindings } from '../domain/outreach-responses.ts';
import { CORRECTABLE, type CorrectionInput, type DataCopyInput } from '../domain/personal-data.ts';
import { assertFewWords } from '../domain/reasons.ts';
import type { PersonalDataCopy } from '../domain/responses/personal-data.ts';
import { historyView } from '../i18n/history.ts';
import { DEFAULT_LANG } from '../i18n/lang.ts';
import { loadApplicationCase, stageApplicationUpdate } from '../store/applications.ts';
import { stageException } from '../store/exceptions.ts';
import { keys } from '../store/keys.ts';
import { loadLoanFile, stageLoanUpdate } from '../store/loans.ts';
import { outreachKeys, queryBetween } from '../store/outreach.ts';
import { withoutKeptAnswers } from '../store/idempotency.ts';
import { getRecord, queryPartition } from '../store/records.ts';
import { recordsOfMother } from '../store/search.ts';
import { Transaction } from '../store/transaction.ts';
import { loadCase } from './applications.ts';
import { actorOf, historyItem, newId, type Context } from './context.ts';

type Copy = z.output<typeof PersonalDataCopy>;
type Woman = z.output<typeof HealthCheckFindings>['women'][number];

/** The caller is the district office of her district (the office that holds her records). */
function assertHerDistrictOffice(ctx: Context, districtId: string): void {
  if (ctx.caller.role !== 'district' || ancestorAt(ctx.caller.officeId, 'district') !== districtId) throw new Forbidden('only her district office handles her requests about her personal data');
}

/** Her applications and loans in her district (found by her resident ID's key), whole. */
async function herRecords(app: Application): Promise<{ applications: Application[]; loans: Loan[] }> {
  const found = await recordsOfMother(app.mother.residentId, app.districtId);
  const applications = found.filter((r) => r.type === 'APP') as unknown as Application[];
  const loans = found.filter((r) => r.type === 'LOAN') as unknown as Loan[];
  // an anonymised record is found by no key: the one asked about is always in
  if (!applications.some((a) => a.id === app.id)) applications.push(app);
  return { applications, loans };
}

/** What her loan's partition and the 三治 items hold about her: messages, consents, health findings. */
async function loanExtras(loan: Loan, today: string) {
  const items = await queryPartition(keys.loan(loan.id).pk);
  const messages = items
    .filter((i) => String(i.sk).startsWith('SMS#'))
    .map((m) => ({
      kind: String(m.kind),
      lang: m.lang as 'bo' | 'zh-CN',
      ...(typeof m.phone === 'string' ? { phone: m.phone } : {}),
      text: String(m.text ?? ''),
      status: String(m.status),
      createdAt: String(m.createdAt),
      ...(typeof m.sentAt === 'string' ? { sentAt: m.sentAt } : {}),
      ...(typeof m.deliveredAt === 'string' ? { deliveredAt: m.deliveredAt } : {}),
    }));
  const consents = [];
  for (const kind of ['health', 'publicity'] as const) {
    const item = await getRecord<{ consent?: Copy['loans'][number]['consents'][number] }>(outreachKeys.consent(loan.districtId, kind, loan.id));
    if (item?.consent) consents.push(item.consent);
  }
  const healthChecks = [];
  for (const campaign of await queryBetween<{ id: string; heldOn: string; place: string }>(`HEALTHCHECKS#${loan.districtId}`, loan.approvedOn, `${today}~`)) {
    const findings = await getRecord<{ women?: Woman[] }>(outreachKeys.findings(campaign.id));
    const women = (findings?.women ?? []).filter((w) => w.loanId === loan.id);
    if (women.length) healthChecks.push({ campaignId: campaign.id, heldOn: campaign.heldOn, place: campaign.place, women });
  }
  return { messages, consents, healthChecks };
}

/**
 * copyPersonalData: a copy of everything held about the mother of application `id` (PIPL art. 45).
 * 1. her district office only; the application exists and lies in its district; the day she asked is not in the future;
 * 2. her applications and loans in the district (her resident ID's key), each whole: visits,
 *    objections, repayments, evaluations, history, text messages, consents, health findings;
 * 3. the request is recorded: a history entry on each record and one exceptions-report item
 *    (who, when, how many records), in one transaction; the copy is the answer, to be printed.
 */
export async function copyPersonalData(ctx: Context, id: string, input: DataCopyInput): Promise<Copy> {
  const found = await loadCase(ctx, id);
  assertHerDistrictOffice(ctx, found.application.districtId);
  if (input.askedOn > ctx.today) throw futureDate('askedOn', ctx.today);
  const lang = ctx.lang ?? DEFAULT_LANG;
  const records = await herRecords(found.application);
  const applications = [];
  for (const app of records.applications) {
    const c = app.id === id ? found : await loadApplicationCase(app.id);
    if (c) applications.push({ application: c.application, visits: c.visits, objections: c.objections, history: historyView(c.history, lang) });
  }
  const loans = [];
  for (const l of records.loans) {
    const file = await loadLoanFile(l.id);
    if (!file) continue;
    loans.push({ loan: file.loan, repayments: file.repayments, evaluations: file.evaluations, history: historyView(file.history, lang), ...(await loanExtras(file.loan, ctx.today)) });
  }
  const latest = [...records.applications].sort((a, b) => a.submittedAt.localeCompare(b.submittedAt)).at(-1) ?? found.application;
  const tx = new Transaction();
  const params = { askedOn: input.askedOn, ...(input.note ? { note: input.note } : {}), applications: applications.length, loans: loans.length };
  for (const pk of [...applications.map((a) => keys.application(a.application.id).pk), ...loans.map((l) => keys.loan(l.loan.id).pk)])
    tx.create(historyItem(ctx, pk, 'personal_data_copy_given', 'at her request, a copy of all her personal data was printed', params));
  stageException(tx, {
    id: newId(),
    kind: 'data_access_request',
    date: ctx.today,
    at: ctx.now.toISOString(),
    districtId: found.application.districtId,
    officeId: found.application.villageId,
    recordType: 'application',
    recordId: id,
    actor: actorOf(ctx.caller),
    summary: `a copy of the mother's personal data was printed at her request (${applications.length} application(s), ${loans.length} loan(s))`,
    data: params,
  });
  const copy: Copy = { requestedAt: ctx.now.toISOString(), requestedBy: actorOf(ctx.caller), mother: latest.mother, applications, loans };
  return tx.commit(copy, ctx.idempotency);
}

type Field = (typeof CORRECTABLE)[number];
const heldValue = (r: Application | Loan, k: Field) => (k === 'householdSize' ? r.householdSize : r.mother[k]);

/**
 * correctPersonalData: a correction of her name, phone or household size (PIPL art. 46).
 * 1. her district office only; a reason of a few words; her records not anonymised;
 * 2. only what differs from what is held (nothing: 422 `correction_unchanged`); the household
 *    size only while none of her loans is paid out (the reports counted it: 409 `household_size_counted`);
 * 3. every application and loan of hers in the district changes together, each with a history
 *    entry holding before → after and the reason, and one exceptions-report item naming the fields.
 */
export async function correctPersonalData(ctx: Context, id: string, input: CorrectionInput): Promise<{ corrected: Field[]; applications: number; loans: number }> {
  const found = await loadCase(ctx, id);
  assertHerDistrictOffice(ctx, found.application.districtId);
  assertFewWords(input.reason);
  if (found.application.anonymisedOn) throw new Conflict('her personal data was anonymised when the retention period ended', 'personal_data_anonymised');
  const records = await herRecords(found.application);
  const current = found.application;
  const corrected = CORRECTABLE.filter((k) => input[k] !== undefined && input[k] !== heldValue(current, k));
  if (!corrected.length) throw new ValidationFailed('is the same as held: nothing to correct', CORRECTABLE.find((k) => input[k] !== undefined) ?? 'name', { rule: 'correction_unchanged' });
  if (corrected.includes('householdSize') && records.loans.some((l) => l.disbursement))
    throw new Conflict('her loan has been paid out and the household size is counted in the reports', 'household_size_counted');
  const before = Object.fromEntries(corrected.map((k) => [k, heldValue(current, k) ?? '']));
  const after = Object.fromEntries(corrected.map((k) => [k, input[k]]));
  // the answers kept for replays of earlier requests held what is corrected: they go (shared/store/idempotency.ts)
  const change = <T extends Application | Loan>(r: T): T => ({
    ...withoutKeptAnswers(r),
    mother: { ...r.mother, ...(after.name !== undefined ? { name: String(after.name) } : {}), ...(after.phone !== undefined ? { phone: String(after.phone) } : {}) },
    ...(after.householdSize !== undefined ? { householdSize: Number(after.householdSize) } : {}),
  });
  const tx = new Transaction();
  const params = { before, after, reason: input.reason };
  const summary = `personal data corrected at her request: ${corrected.join(', ')}`;
  for (const app of records.applications) {
    stageApplicationUpdate(tx, change(app));
    tx.create(historyItem(ctx, keys.application(app.id).pk, 'personal_data_corrected', summary, params));
  }
  for (const loan of records.loans) {
    stageLoanUpdate(tx, change(loan));
    tx.create(historyItem(ctx, keys.loan(loan.id).pk, 'personal_data_corrected', summary, params));
  }
  stageException(tx, {
    id: newId(),
    kind: 'personal_data_corrected',
    date: ctx.today,
    at: ctx.now.toISOString(),
    districtId: current.districtId,
    officeId: current.villageId,
    recordType: 'application',
    recordId: id,
    actor: actorOf(ctx.caller),
    summary,
    data: { fields: corrected, reason: input.reason },
  });
  return tx.commit({ corrected, applications: records.applications.length, loans: records.loans.length }, ctx.idempotency);
}
