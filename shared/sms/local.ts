/**
 * The local provider of `npm run dev` and the tests: every message lands in the phone's inbox
 * in this process (the dev server shows the inboxes at /dev/sms). Numbers starting with 100
 * are unreachable phones (the provider refuses them as invalid), for trying the failures.
 */
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

export const localInbox = (phone: string): InboxMessage[] => [...(inboxes.get(phone) ?? [])];
export const localInboxPhones = (): string[] => [...inboxes.keys()].sort();

export const localProvider: SmsProvider = {
  name: 'local',
  async send(sms: OutgoingSms): Promise<SendResult> {
    if (sms.phone.startsWith('100')) return { ok: false, refusal: 'invalid_number', code: 'invalid_number', message: 'no such phone' };
    const providerMessageId = `local-${++counter}`;
    const list = inboxes.get(sms.phone) ?? [];
    list.push({ phone: sms.phone, text: sms.text, kind: sms.kind, lang: sms.lang, at: new Date().toISOString(), providerMessageId });
    inboxes.set(sms.phone, list);
    return { ok: true, providerMessageId };
  },
  async delivery(): Promise<DeliveryState> {
    return 'delivered';
  },
};
