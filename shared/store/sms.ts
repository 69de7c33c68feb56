/**
 * Messages to the mothers in the records table. Each message lives in its loan's partition
 * (`LOAN#{loanId}` / `SMS#{key}`), so a loan's message log comes with the loan file and the key
 * (event + recipient) makes a second copy impossible: a conditional create. The byScope index
 * lists a district's messages by state and time (`SMS#{districtId}` / `{status}#{at}#…`), so
 * the sender finds what is due and the delivery check what is out. The month's count is one
 * counter item, raised before each send under the programme's cap.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { SmsKind, SmsLang, SmsStatus } from '../domain/sms.ts';
import type { SmsParams } from '../i18n/sms.ts';
import type { SmsRefusal } from '../sms/provider.ts';
import { documentClient, recordsTable } from './client.ts';
import { guardUnavailable } from './errors.ts';
import { INDEX } from './keys.ts';
import { getRecord, queryEvery, strip } from './records.ts';
import type { Transaction } from './transaction.ts';

export interface SmsMessage {
  /** the message's key in its loan: kind#event#phone */
  key: string;
  loanId: string;
  districtId: string;
  /** the loan's village */
  officeId: string;
  kind: SmsKind;
  lang: SmsLang;
  phone: string;
  params: SmsParams;
  text: string;
  status: SmsStatus;
  createdAt: string;
  /** not before this moment (quiet hours, a retry's back-off) */
  sendAfter: string;
  attempts: number;
  provider?: string;
  providerMessageId?: string;
  sentAt?: string;
  deliveredAt?: string;
  lastError?: { refusal: SmsRefusal; code: string; at: string };
  version: number;
}

export const smsKeys = {
  message: (loanId: string, key: string) => ({ pk: `LOAN#${loanId}`, sk: `SMS#${key}` }),
  budget: (month: string) => ({ pk: 'SMSBUDGET', sk: month }),
};

/** Index attributes: a district's messages by state, then the moment that matters for it. */
function scopeOf(m: Pick<SmsMessage, 'districtId' | 'status' | 'sendAfter' | 'sentAt' | 'loanId' | 'key'>) {
  const at = m.status === 'queued' ? m.sendAfter : (m.sentAt ?? m.sendAfter);
  return { scopePk: `SMS#${m.districtId}`, scopeSk: `${m.status}#${at}#${m.loanId}#${m.key}` };
}

const itemOf = (m: SmsMessage) => ({ ...smsKeys.message(m.loanId, m.key), type: 'SMS', ...scopeOf(m), ...m });

/** Queues a message in the transaction that records its event; a message with the same key already there makes the create a no-op for the caller (see `queueOnce`). */
export function stageMessage(tx: Transaction, m: SmsMessage): void {
  tx.create(itemOf(m));
}

/** Queues a message on its own; false when the same message (event and recipient) was queued before. */
export async function queueOnce(m: SmsMessage): Promise<boolean> {
  try {
    await guardUnavailable(() => documentClient().send(new UpdateCommand({ ...putAsUpdate(itemOf(m)), ConditionExpression: 'attribute_not_exists(pk)' })));
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/** An item written with UpdateItem (SET every attribute), so one grant (UpdateItem) serves both. */
function putAsUpdate(item: Record<string, unknown>) {
  const { pk, sk, ...rest } = item;
  const entries = Object.entries(rest).filter(([, v]) => v !== undefined);
  return {
    TableName: recordsTable(),
    Key: { pk, sk },
    UpdateExpression: `SET ${entries.map((_, i) => `#a${i} = :v${i}`).join(', ')}`,
    ExpressionAttributeNames: Object.fromEntries(entries.map(([k], i) => [`#a${i}`, k])),
    ExpressionAttributeValues: Object.fromEntries(entries.map(([, v], i) => [`:v${i}`, v])),
  };
}

export const getMessage = (loanId: string, key: string) => getRecord<SmsMessage>(smsKeys.message(loanId, key));

/**
 * Saves a message's new state if nobody changed it since it was read (two senders never both
 * send one message: the one whose write lands first claims it). False when it was changed.
 */
export async function saveMessage(m: SmsMessage): Promise<boolean> {
  const next = { ...m, version: m.version + 1 };
  try {
    await guardUnavailable(() =>
      documentClient().send(
        new UpdateCommand({
          ...putAsUpdate(itemOf(next)),
          ConditionExpression: '#version = :expected',
          ExpressionAttributeNames: { ...putAsUpdate(itemOf(next)).ExpressionAttributeNames, '#version': 'version' },
          ExpressionAttributeValues: { ...putAsUpdate(itemOf(next)).ExpressionAttributeValues, ':expected': m.version },
        }),
      ),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/** A district's messages in one state up to a moment (queued ones due by now; sent ones out since before it). */
export async function messagesOf(districtId: string, status: SmsStatus, until: string, limit = 500): Promise<SmsMessage[]> {
  const items = await queryEvery({
    IndexName: INDEX.byScope,
    KeyConditionExpression: 'scopePk = :pk AND scopeSk BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': `SMS#${districtId}`, ':from': `${status}#`, ':to': `${status}#${until}~` },
    Limit: limit,
  });
  return items.slice(0, limit).map((i) => strip<SmsMessage>(i));
}

/**
 * Counts one more message in the month, unless the programme's cap is reached: false then.
 * (An atomic ADD with a condition: two senders cannot both take the last one.)
 */
export async function takeFromBudget(month: string, cap: number, count = 1): Promise<boolean> {
  try {
    await guardUnavailable(() =>
      documentClient().send(
        new UpdateCommand({
          TableName: recordsTable(),
          Key: smsKeys.budget(month),
          UpdateExpression: 'ADD #sent :n SET #type = :type',
          ConditionExpression: 'attribute_not_exists(#sent) OR #sent <= :room',
          ExpressionAttributeNames: { '#sent': 'sent', '#type': 'type' },
          ExpressionAttributeValues: { ':n': count, ':room': cap - count, ':type': 'SMSBUDGET' },
        }),
      ),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/** Gives back what a send that did not go out took from the month. */
export async function returnToBudget(month: string, count = 1): Promise<void> {
  await guardUnavailable(() =>
    documentClient().send(
      new UpdateCommand({
        TableName: recordsTable(),
        Key: smsKeys.budget(month),
        UpdateExpression: 'ADD #sent :n',
        ExpressionAttributeNames: { '#sent': 'sent' },
        ExpressionAttributeValues: { ':n': -count },
      }),
    ),
  );
}

/** Messages sent in a month. */
export async function sentInMonth(month: string): Promise<number> {
  return (await getRecord<{ sent?: number }>(smsKeys.budget(month)))?.sent ?? 0;
}
