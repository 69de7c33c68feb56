/**
 * The exceptions report's items: one per exception an auditor should read (a back-dated
 * entry, a refused duplicate receipt, a cross-district duplicate application, a full-ID
 * reveal, a remittance batch that does not reconcile), written in the same transaction as
 * the change it reports (or, for a refusal, on its own) and listed by district and day:
 * `EXCEPTIONS#{districtId}` / `{date}#{kind}#{id}`.
 */
import { CONTROL_EXCEPTION_KINDS, type CONTROL_RECORD_TYPES } from '../domain/control-exceptions.ts';
import type { Actor } from '../domain/entities.ts';
import { PERSONAL_DATA_EXCEPTION_KINDS } from '../domain/personal-data-kinds.ts';
import { controlKeys } from './keys.ts';
import { queryEvery, strip } from './records.ts';
import { Transaction } from './transaction.ts';

export const EXCEPTION_KINDS = [
  'back_dated',
  'duplicate_receipt',
  'cross_district_application',
  'resident_id_revealed',
  'remittance_mismatch',
  'bulk_id_check',
  ...CONTROL_EXCEPTION_KINDS,
  'sms_failed',
  'sms_over_budget',
  ...PERSONAL_DATA_EXCEPTION_KINDS,
] as const;
export type ExceptionKind = (typeof EXCEPTION_KINDS)[number];

export interface ExceptionRecord {
  id: string;
  kind: ExceptionKind;
  /** the day it happened (recorded), in China */
  date: string;
  at: string;
  districtId: string;
  /** the office of the record concerned (village, township or district) */
  officeId: string;
  /** the record concerned */
  recordType: 'application' | 'loan' | 'remittance' | 'import' | (typeof CONTROL_RECORD_TYPES)[number];
  recordId: string;
  actor: Actor;
  summary: string;
  data?: Record<string, unknown>;
}

export function exceptionItem(e: ExceptionRecord) {
  return { ...controlKeys.exception(e.districtId, e.date, e.kind, e.id), type: 'EXCEPTION', ...e };
}

export function stageException(tx: Transaction, e: ExceptionRecord): void {
  tx.create(exceptionItem(e));
}

/** Records an exception on its own (e.g. for a refused request, whose own writes never happen). */
export async function recordException(e: ExceptionRecord): Promise<void> {
  const tx = new Transaction();
  stageException(tx, e);
  await tx.commit(undefined);
}

/** A district's exceptions from `from` (inclusive) to `asOf` (inclusive), oldest first. */
export async function listExceptions(districtId: string, from: string, asOf: string): Promise<ExceptionRecord[]> {
  const items = await queryEvery({
    KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': controlKeys.exception(districtId, '', '', '').pk, ':from': from, ':to': `${asOf}~` },
  });
  return items.map((i) => strip<ExceptionRecord>(i));
}
