/**
 * The local provider of `npm run dev` and the tests: every message lands in the phone's inbox
 * (the dev server shows the inboxes at /dev/sms). Numbers starting with 100 are unreachable
 * phones (the provider refuses them as invalid), for trying the failures.
 *
 * The inboxes live in this process, or — when `SMS_LOCAL_INBOX_DIR` names a folder — in that
 * folder, one file per phone, so that several processes share them as they share one real
 * provider: the test run's files each run a sender, and a message one of them sends reaches the
 * inbox the others read (the test set-up makes a fresh folder per run).
 */
import { appendFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DeliveryState, OutgoingSms, SendResult, SmsProvider } from './provider.ts';

export interface InboxMessage {
  phone: string;
  text: string;
  kind: OutgoingSms['kind'];
  lang: OutgoingSms['lang'];
  at: string;
  providerMessageId: string;
}

const inboxes = new Map<string, InboxMessage[]>();
let counter = 0;

const folder = (): string | undefined => process.env.SMS_LOCAL_INBOX_DIR || undefined;
const fileOf = (dir: string, phone: string) => join(dir, `${phone.replace(/[^0-9+]/g, '_')}.jsonl`);

function readFolder(dir: string, phone: string): InboxMessage[] {
  try {
    return readFileSync(fileOf(dir, phone), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as InboxMessage);
  } catch {
    return [];
  }
}

export const localInbox = (phone: string): InboxMessage[] => {
  const dir = folder();
  return dir ? readFolder(dir, phone) : [...(inboxes.get(phone) ?? [])];
};

export const localInboxPhones = (): string[] => {
  const dir = folder();
  if (!dir) return [...inboxes.keys()].sort();
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.jsonl'))
      .map((f) => f.slice(0, -'.jsonl'.length))
      .sort();
  } catch {
    return [];
  }
};

export const localProvider: SmsProvider = {
  name: 'local',
  async send(sms: OutgoingSms): Promise<SendResult> {
    if (sms.phone.startsWith('100')) return { ok: false, refusal: 'invalid_number', code: 'invalid_number', message: 'no such phone' };
    const providerMessageId = `local-${process.pid}-${++counter}`;
    const message: InboxMessage = { phone: sms.phone, text: sms.text, kind: sms.kind, lang: sms.lang, at: new Date().toISOString(), providerMessageId };
    const dir = folder();
    if (dir) {
      mkdirSync(dir, { recursive: true });
      // one short line per append: whole lines even when processes append at once
      appendFileSync(fileOf(dir, sms.phone), `${JSON.stringify(message)}\n`);
    } else {
      inboxes.set(sms.phone, [...(inboxes.get(sms.phone) ?? []), message]);
    }
    return { ok: true, providerMessageId };
  },
  async delivery(): Promise<DeliveryState> {
    return 'delivered';
  },
};
