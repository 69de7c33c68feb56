/** The routes of the text messages to the mothers, and the public check of a printed receipt. */
import * as S from '../domain/sms-schemas.ts';
import { SmsPreferenceInput } from '../domain/schemas/sms.ts';
import type { RouteSpec } from './spec.ts';

export const SMS_ROUTES = {
  'POST /loans/{id}/sms-preference': {
    fn: 'sms',
    summary: 'Record the mother’s choice about text messages (agree or stop, language, number), with who recorded it and why',
    roles: ['township', 'field', 'district'],
    body: SmsPreferenceInput,
    idempotencyKey: 'optional',
    response: S.SmsPreferenceAnswer,
  },
  'POST /applications/{id}/sms-preference': {
    fn: 'sms',
    summary: 'The same before her loan exists: on her application',
    roles: ['township', 'field', 'district'],
    body: SmsPreferenceInput,
    idempotencyKey: 'optional',
    response: S.SmsPreferenceAnswer,
  },
  'GET /loans/{id}/messages': {
    fn: 'sms',
    summary: 'The text messages of a loan (what, when, state) and, when none can be sent, why',
    roles: ['committee', 'district', 'township', 'field'],
    response: S.LoanMessages,
  },
  'POST /collection-notices': {
    fn: 'sms',
    summary: 'Tell the mothers on a township’s collection list when and where it collects (once per mother and day)',
    roles: ['township', 'district'],
    body: S.CollectionNoticeInput,
    idempotencyKey: 'optional',
    response: S.CollectionNoticeResult,
  },
  'GET /sms/month': { fn: 'sms', summary: 'This month’s messages, the cap and their cost, and the message settings', roles: ['committee', 'district'], response: S.SmsMonth },
  'POST /sms/settings': {
    fn: 'sms',
    summary: 'The committee sets the reminder days, the monthly cap and the price of a message',
    roles: ['committee'],
    body: S.SmsSettingsInput,
    idempotencyKey: 'optional',
    response: S.SmsSettings,
  },
  'GET /public/receipts/{loanId}/{repaymentId}': {
    fn: 'verify',
    summary: 'Anyone checks a printed receipt by its QR code (no sign-in): genuine or not, its date, amount, receipt and agreement numbers, the balance after it, the mother by her initial',
    query: S.ReceiptCheckQuery,
    response: S.ReceiptCheck,
  },
} as const satisfies Record<string, RouteSpec>;
