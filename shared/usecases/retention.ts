/**
 * The retention job (PIPL art. 19, 47): a mother's personal data is kept for the programme's
 * `retentionYears` after her last loan is repaid or written off (the accounting-archive rule
 * the consent form cites), then anonymised (shared/domain/anonymise.ts). Money, dates,
 * statuses, offices and every report aggregate stay as they are, so every report and the
 * fund are the same to the fen before and after.
 *
 * Query-only: the work list is the `RETENTION` partition (one entry per closed loan, keyed by
 * its closing day); the mother's records are found through her byMother key. Idempotent and
 * resumable: the plan (her key, her records, the words to remove) is written on the entry
 * before any change, the mother's own records are changed last, and the entry is removed only
 * once everything is done — a run that stops half-way is finished by the next one.
 */
import { ANONYMISED, retentionCutoff, scrub, secretsOf } from '../domain/anonymise.ts';
import type { Application, Loan } from '../domain/entities.ts';
import type { Caller } from '../domain/roles.ts';
import { logger } from '../logger.ts';
import { confirmationKeys } from '../store/confirmations.ts';
import { INDEX, keys, motherKey } from '../store/keys.ts';
import { outreachKeys, queryBetween } from '../store/outreach.ts';
import { recordsListed } from '../store/index-records.ts';
import { queryEvery, queryPartition } from '../store/records.ts';
import { type AnonymisationPlan, type ClosureEntry, closedOnOf, closuresUpTo, deleteItem, getItem, planClosure, putRun, putScrubbed, removeClosure } from '../store/retention.ts';
import { getSettings } from '../store/settings.ts';
import { Transaction } from '../store/transaction.ts';
import { contextFor, historyItem, type Context } from './context.ts';

export const RETENTION_JOB: Caller = { userId: 'system', username: 'retention', role: 'committee', officeId: 'system' };

type Item = Record<string, unknown>;
type Outcome = 'anonymised' | 'kept' | 'done_before';

export interface RetentionResult {
  today: string;
  /** loans closed on or before this day are past retention */
  cutoff: string;
  retentionYears: number;
  /** mothers whose records were anonymised by this run */
  mothersAnonymised: number;
  /** records (applications and loans) anonymised */
  recordsAnonymised: number;
  /** entries left for a later closing of the same mother (she borrowed again, or has an open case) */
  kept: number;
  /** entries whose records an earlier run had already anonymised */
  doneBefore: number;
  /** entries that failed (logged; retried by the next run) */
  failed: number;
}

const isRoot = (i: Item) => i.sk === 'APP' || i.sk === 'LOAN';
const INDEX_ATTRIBUTES = ['motherPk', 'motherSk', 'namePk', 'nameSk'];

/** The mother's applications and loans, found by her key (byMother), then read by key (the index carries keys only). */
async function recordsOfKey(motherPk: string): Promise<Item[]> {
  const items = await queryEvery({ IndexName: INDEX.byMother, KeyConditionExpression: 'motherPk = :m', ExpressionAttributeValues: { ':m': motherPk } });
  return recordsListed(items.filter((i) => i.type === 'APP' || i.type === 'LOAN'));
}

/**
 * The plan for the mother of `entry`'s loan, or why there is none: her loan is gone or
 * anonymised (done before), she has an open case or a loan closed after the cut-off (kept).
 */
async function planFor(entry: ClosureEntry, cutoff: string): Promise<AnonymisationPlan | Exclude<Outcome, 'anonymised'>> {
  const loan = (await getItem(keys.loan(entry.loanId))) as (Item & Loan) | undefined;
  if (!loan || loan.anonymisedOn) return 'done_before';
  const motherPk = motherKey(loan.mother.residentId);
  const mother = await getItem(keys.mother(motherPk));
  if (mother?.openCase) return 'kept';
  const records = await recordsOfKey(motherPk);
  const later = records.some((r) => {
    if (r.type !== 'LOAN') return false;
    const closedOn = closedOnOf(r as unknown as Loan);
    return !closedOn || closedOn > cutoff;
  });
  if (later) return 'kept';
  return { motherPk, recordPks: records.map((r) => String(r.pk)).sort(), secrets: secretsOf(records as unknown as (Application | Loan)[]) };
}

/** Puts `item` back scrubbed, if scrubbing changed it; a record's root gets its anonymised day and a new version. */
async function scrubItem(ctx: Context, item: Item, secrets: string[]): Promise<boolean> {
  const scrubbed = scrub(item, secrets) as Item;
  if (isRoot(item)) {
    if (item.anonymisedOn) return false;
    for (const a of INDEX_ATTRIBUTES) delete scrubbed[a];
    await putScrubbed({ ...scrubbed, anonymisedOn: ctx.today, version: Number(item.version) + 1 }, Number(item.version));
    return true;
  }
  if (JSON.stringify(scrubbed) === JSON.stringify(item)) return false;
  await putScrubbed(scrubbed, typeof item.version === 'number' ? item.version : undefined);
  return true;
}

/** A text message is keyed by her phone number: it moves to a key without it (`…#x1`) and the old item goes. */
async function scrubMessage(item: Item, secrets: string[], n: number): Promise<void> {
  const key = String(item.key);
  const parts = key.split('#');
  const anonymousKey = [...parts.slice(0, -1), `x${n}`].join('#');
  const scrubbed = scrub({ ...item, sk: `SMS#${anonymousKey}`, key: anonymousKey }, secrets) as Item;
  await putScrubbed({ ...scrubbed, text: ANONYMISED, params: {} });
  await deleteItem({ pk: String(item.pk), sk: String(item.sk) });
}

/** Her line on confirmation lists, her consents and her health findings: items shared with other mothers, changed only where they name her loan. */
async function scrubSharedItems(ctx: Context, loan: Item & Loan, secrets: string[]): Promise<void> {
  if (loan.confirmation?.listId) {
    const list = await getItem(confirmationKeys.list(loan.confirmation.listId));
    if (list && Array.isArray(list.items)) {
      const items = (list.items as Item[]).map((i) => (i.loanId === loan.id ? (scrub(i, secrets) as Item) : i));
      if (JSON.stringify(items) !== JSON.stringify(list.items)) await putScrubbed({ ...list, items }, typeof list.version === 'number' ? list.version : undefined);
    }
  }
  for (const kind of ['health', 'publicity'] as const) {
    const consent = await getItem(outreachKeys.consent(loan.districtId, kind, loan.id));
    if (consent) await scrubItem(ctx, consent, secrets);
  }
  // the health checks held while her file was open: one Query of her district's campaigns from her loan's approval on
  const campaigns = await queryBetween<{ id: string }>(`HEALTHCHECKS#${loan.districtId}`, loan.approvedOn, `${ctx.today}~`);
  for (const campaign of campaigns) {
    const findings = await getItem(outreachKeys.findings(campaign.id));
    if (!findings || !Array.isArray(findings.women)) continue;
    let changed = false;
    const women = (findings.women as Item[]).map((w) => {
      if (w.loanId !== loan.id || (w.name === ANONYMISED && Array.isArray(w.findings) && w.findings.length === 0)) return w;
      changed = true;
      return { ...w, name: ANONYMISED, findings: [] };
    });
    if (changed) await putScrubbed({ ...findings, women }, typeof findings.version === 'number' ? findings.version : undefined);
  }
}

/**
 * anonymiseMother: one closed loan's mother, past retention.
 * 1. the plan: her key, her records, the words to remove (kept when she borrowed again or has
 *    an open case: her later closing brings her back); written on the entry before any change;
 * 2. every item of her records' partitions but the records themselves (visits, objections,
 *    repayments, evaluations, history, messages), then the items she shares with others
 *    (confirmation lists, consents, health findings);
 * 3. the records themselves (no longer found by her ID or name), each with a history entry;
 *    then her mother item (keyed by her ID's hash) goes, and the entry is removed.
 */
async function anonymiseMother(ctx: Context, entry: ClosureEntry, cutoff: string, retentionYears: number): Promise<{ outcome: Outcome; records: number }> {
  let plan = entry.plan;
  if (!plan) {
    const found = await planFor(entry, cutoff);
    if (typeof found === 'string') {
      await removeClosure(entry);
      return { outcome: found, records: 0 };
    }
    plan = found;
    await planClosure(entry, plan);
  }
  const partitions = await Promise.all(plan.recordPks.map((pk) => queryPartition(pk)));
  let records = 0;
  for (const items of partitions) {
    let messages = 0;
    for (const item of items.filter((i) => !isRoot(i))) {
      if (String(item.sk).startsWith('SMS#') && typeof item.phone === 'string') await scrubMessage(item, plan.secrets, ++messages);
      else await scrubItem(ctx, item, plan.secrets);
    }
    const root = items.find(isRoot);
    if (root?.type === 'LOAN' && !root.anonymisedOn) await scrubSharedItems(ctx, root as Item & Loan, plan.secrets);
  }
  for (const items of partitions) {
    const root = items.find(isRoot);
    if (!root || root.anonymisedOn) continue;
    await scrubItem(ctx, root, plan.secrets);
    const closedOn = root.type === 'LOAN' ? (closedOnOf(root as unknown as Loan) ?? entry.closedOn) : entry.closedOn;
    await new Transaction()
      .create(
        historyItem(ctx, String(root.pk), 'personal_data_anonymised', `personal data anonymised after ${retentionYears} years (closed ${closedOn})`, {
          closedOn,
          retentionYears,
        }),
      )
      .commit(undefined);
    records++;
  }
  await deleteItem(keys.mother(plan.motherPk));
  await removeClosure(entry);
  return { outcome: 'anonymised', records };
}

/**
 * runRetention: the daily retention job.
 * 1. the cut-off: today less the programme's `retentionYears`;
 * 2. every closed loan up to the cut-off (one Query of the work list), one mother at a time;
 * 3. the run's counts, written as its own audit item and logged.
 * `only` keeps the run to some districts (a test's own district in a shared database).
 */
export async function runRetention(now = new Date(), only?: { districtIds: readonly string[] }): Promise<RetentionResult> {
  const ctx = contextFor(RETENTION_JOB, now);
  const { retentionYears } = await getSettings();
  const cutoff = retentionCutoff(ctx.today, retentionYears);
  const result: RetentionResult = { today: ctx.today, cutoff, retentionYears, mothersAnonymised: 0, recordsAnonymised: 0, kept: 0, doneBefore: 0, failed: 0 };
  const entries = (await closuresUpTo(cutoff)).filter((e) => !only || only.districtIds.includes(e.districtId));
  for (const entry of entries) {
    try {
      const { outcome, records } = await anonymiseMother(ctx, entry, cutoff, retentionYears);
      if (outcome === 'anonymised') {
        result.mothersAnonymised++;
        result.recordsAnonymised += records;
      } else if (outcome === 'kept') result.kept++;
      else result.doneBefore++;
    } catch (error) {
      // the job goes on with the other mothers; this entry stays for the next run
      result.failed++;
      logger.error('retention: could not anonymise a mother', { loanId: entry.loanId, error });
    }
  }
  await putRun(ctx.now.toISOString(), { ...result });
  return result;
}
