/**
 * Keys of the records table, named after the access patterns they serve
 * (docs/data-model.md lists them). Every list is a Query on one of these.
 */
import { createHash, createHmac } from 'node:crypto';
import { normalizeReceiptNo } from '../domain/text-rules.ts';
import { motherKeySecret } from './mother-key.ts';

export const INDEX = {
  /** records of one type in one district, by status then office path: `{TYPE}#{districtId}` / `{status}#{officeId}#{id}` */
  byScope: 'byScope',
  /** records of one type in one round, by status then office path: `{TYPE}#{roundId}` / `{status}#{officeId}#{id}` */
  byRound: 'byRound',
  /**
   * a mother's applications and loans, oldest first: `MOTHER#{hash}` / `{createdAt}#{TYPE}#{id}`.
   * Projects only the keys, `type` and `villageId` (what its Queries filter on): readers get the
   * records with one BatchGetItem (./index-records.ts), and an update of a record writes nothing
   * here unless a key changes. (Index `byMother`, projecting ALL, was replaced: docs/data-model.md.)
   */
  byMother: 'byMotherKeys',
  /**
   * loans by the due date of their next open evaluation, per district (sparse): `EVALDUE#{districtId}` / `{dueOn}#{loanId}`.
   * Copies only what the evaluations report shows (`DUE_LIST_ATTRIBUTES`): a repayment writes nothing here.
   * (Index `byDue`, projecting ALL, was replaced: docs/data-model.md.)
   */
  byDue: 'byDueList',
  /**
   * applications and loans of one district by the mother's name, for search by name prefix:
   * `NAME#{districtId}` / `{name}#{TYPE}#{id}`. Keys, `type` and `villageId` only, like byMother.
   */
  byName: 'byNameKeys',
  /**
   * applications and loans of one district, by status then office path: `{APP|LOAN}#{districtId}` /
   * `{status}#{villageId}#{id}` (attributes `casePk`/`caseSk`). Copies what the collection list and
   * the close of business read (`CASE_SCOPE_ATTRIBUTES`); the lists that answer whole records read
   * them by key (./index-records.ts). Applications and loans were listed on byScope, projecting ALL,
   * until 6 December 2026 (docs/data-model.md).
   */
  casesByScope: 'casesByScope',
  /**
   * applications and loans of one round, by status then office path: `{APP|LOAN}#{roundId}` /
   * `{status}#{villageId}#{id}` (attributes `caseRoundPk`/`caseRoundSk`), copying `CASE_ROUND_ATTRIBUTES`.
   */
  casesByRound: 'casesByRound',
} as const;

export const KEY_ATTRIBUTES = [
  'pk',
  'sk',
  'type',
  'scopePk',
  'scopeSk',
  'roundPk',
  'roundSk',
  'motherPk',
  'motherSk',
  'duePk',
  'dueSk',
  'namePk',
  'nameSk',
  'casePk',
  'caseSk',
  'caseRoundPk',
  'caseRoundSk',
  'expiresAt',
] as const;

export type RecordType = 'ROUND' | 'ROUNDREQ' | 'APP' | 'LOAN' | 'LEDGER';

export const keys = {
  office: (id: string) => ({ pk: 'OFFICES', sk: id }),
  round: (id: string) => ({ pk: `ROUND#${id}`, sk: 'ROUND' }),
  roundRequest: (id: string) => ({ pk: `ROUNDREQ#${id}`, sk: 'ROUNDREQ' }),
  application: (id: string) => ({ pk: `APP#${id}`, sk: 'APP' }),
  loan: (id: string) => ({ pk: `LOAN#${id}`, sk: 'LOAN' }),
  visit: (applicationId: string, id: string) => ({ pk: `APP#${applicationId}`, sk: `VISIT#${id}` }),
  objection: (applicationId: string, id: string) => ({ pk: `APP#${applicationId}`, sk: `OBJECTION#${id}` }),
  repayment: (loanId: string, id: string) => ({ pk: `LOAN#${loanId}`, sk: `REPAYMENT#${id}` }),
  evaluation: (loanId: string, id: string) => ({ pk: `LOAN#${loanId}`, sk: `EVALUATION#${id}` }),
  event: (ownerPk: string, at: string, id: string) => ({ pk: ownerPk, sk: `EVENT#${at}#${id}` }),
  mother: (motherKey: string) => ({ pk: motherKey, sk: 'MOTHER' }),
  idempotency: (scope: string) => ({ pk: `IDEMPOTENCY#${scope}`, sk: 'IDEMPOTENCY' }),
  /** the counter that numbers the agreements of a round (atomic ADD) */
  agreementSequence: (roundId: string) => ({ pk: `ROUND#${roundId}`, sk: 'AGREEMENTSEQ' }),
  /** one item per agreement number of a district: a number is given to one loan only */
  agreementNo: (districtId: string, agreementNo: string) => ({ pk: `AGREEMENTNO#${districtId}#${agreementNo}`, sk: 'AGREEMENTNO' }),
  /** one item per paper receipt number used by a township: the receipt is recorded once */
  /** a person in the staff directory, found by sign-in name (the caller lookup on every request is one GetItem) */
  staff: (username: string) => ({ pk: `STAFF#${username.trim().toLowerCase()}`, sk: 'STAFF' }),
  /** → the username of a staff record, so `PATCH /staff/{id}` can find it */
  staffId: (id: string) => ({ pk: `STAFFID#${id}`, sk: 'STAFFID' }),
  /** → the username of the staff record of a sign-in identity (the token's `sub`): how every request finds its caller */
  staffSubject: (subject: string) => ({ pk: `STAFFSUB#${subject}`, sk: 'STAFFSUB' }),
  receipt: (townshipId: string, receiptNo: string) => ({ pk: `RECEIPT#${townshipId}#${normalizeReceiptNo(receiptNo)}`, sk: 'RECEIPT' }),
};

/** Receipt numbers as written on paper: case, spaces, full-width forms, hidden characters and look-alikes do not make a new number. */
export { normalizeReceiptNo } from '../domain/text-rules.ts';

type ListedRecord = { id: string; status: string; districtId: string; officeId: string; roundId?: string };

/**
 * Index attributes for a record listed by district and by round: byScope / byRound, but
 * applications and loans on their own indexes (casesByScope / casesByRound), which copy only
 * what their lists read, so that a change of one writes small index entries (./index-projections.ts).
 */
export function scopeKeys(type: 'APP' | 'LOAN', r: ListedRecord): { casePk: string; caseSk: string; caseRoundPk?: string; caseRoundSk?: string };
export function scopeKeys(type: Exclude<RecordType, 'APP' | 'LOAN'>, r: ListedRecord): { scopePk: string; scopeSk: string; roundPk?: string; roundSk?: string };
export function scopeKeys(type: RecordType, r: ListedRecord): Record<string, string> {
  const sk = `${r.status}#${r.officeId}#${r.id}`;
  if (type === 'APP' || type === 'LOAN') {
    return {
      casePk: `${type}#${r.districtId}`,
      caseSk: sk,
      ...(r.roundId ? { caseRoundPk: `${type}#${r.roundId}`, caseRoundSk: sk } : {}),
    };
  }
  return {
    scopePk: `${type}#${r.districtId}`,
    scopeSk: sk,
    ...(r.roundId ? { roundPk: `${type}#${r.roundId}`, roundSk: sk } : {}),
  };
}

/**
 * The mother keys computed last (an HMAC costs 15–40 µs of CPU; an imported row asks for the
 * same mother's key three times: to read her, for the application's index key, to set her open
 * case), forgotten when the secret changes and whenever RECENT_KEYS are held.
 */
const RECENT_KEYS = 2048;
const recentKeys = new Map<string, string>();
let recentKeysSecret: Buffer | undefined;

/**
 * A mother is found by her resident ID number without putting the number in a key: the key
 * is a keyed hash (HMAC-SHA256) of it, whose key lives in Secrets Manager (locally in
 * `.local/`, see ./mother-key.ts), so it cannot be reversed by enumerating the ID space.
 */
export function motherKey(residentId: string): string {
  const secret = motherKeySecret();
  if (secret !== recentKeysSecret) {
    recentKeys.clear();
    recentKeysSecret = secret;
  }
  let key = recentKeys.get(residentId);
  if (key === undefined) {
    key = `MOTHER#${createHmac('sha256', secret).update(`happiness-project:${residentId.toUpperCase()}`).digest('hex').slice(0, 32)}`;
    if (recentKeys.size >= RECENT_KEYS) recentKeys.clear();
    recentKeys.set(residentId, key);
  }
  return key;
}

/** The unkeyed SHA-256 mother key used before the HMAC (for scripts/rekey-mothers.ts only). */
export function legacyMotherKey(residentId: string): string {
  return `MOTHER#${createHash('sha256').update(`happiness-project:${residentId.toUpperCase()}`).digest('hex').slice(0, 32)}`;
}

/** A name as searched: Unicode-normalized (full-width forms, spaces), case-folded. */
export function searchName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/** Index attributes that list a record under its mother's name in its district (index byName). */
export function nameKeys(type: RecordType, r: { id: string; districtId: string; motherName: string }) {
  return { namePk: `NAME#${r.districtId}`, nameSk: `${searchName(r.motherName)}#${type}#${r.id}` };
}

export function motherIndexKeys(residentId: string, createdAt: string, type: RecordType, id: string) {
  return { motherPk: motherKey(residentId), motherSk: `${createdAt}#${type}#${id}` };
}

/** Programme settings and the exceptions report (controls; see docs/data-model.md). */
export const controlKeys = {
  /** the programme's settings, one item */
  settings: () => ({ pk: 'SETTINGS', sk: 'PROGRAMME' }),
  /** an exception for the auditor, listed by district and the day it happened: Query `EXCEPTIONS#{districtId}`, sk ≤ `{asOf}~` */
  exception: (districtId: string, date: string, kind: string, id: string) => ({ pk: `EXCEPTIONS#${districtId}`, sk: `${date}#${kind}#${id}` }),
};
