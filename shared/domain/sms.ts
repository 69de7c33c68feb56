/**
 * Messages to the mothers, as pure rules: who may be messaged, what each message is about,
 * when it may go out (never at night, China time), how a message is keyed so that each event
 * reaches each mother once, and how long a text is in SMS segments.
 */
import { addDays, todayInChina } from './dates.ts';
import type { SmsPreference } from './entities.ts';

export type { SmsPreference };

/** The languages a mother may receive messages in (she reads Tibetan or Chinese). */
export const SMS_LANGS = ['bo', 'zh-CN'] as const;
export type SmsLang = (typeof SMS_LANGS)[number];

/** What a message is about. */
export const SMS_KINDS = ['payout', 'repayment', 'due_reminder', 'overdue_notice', 'collection_day'] as const;
export type SmsKind = (typeof SMS_KINDS)[number];

/**
 * The state of one message. `queued` waits for its time; `sent` left for the provider; `delivered`
 * reached the phone; `withheld`: she stopped the messages (or changed her number) after it was queued.
 */
export const SMS_STATUSES = ['queued', 'sent', 'delivered', 'failed', 'over_budget', 'withheld'] as const;
export type SmsStatus = (typeof SMS_STATUSES)[number];

/** The programme's message settings (the committee's). */
export interface SmsSettings {
  /** days before a due date on which a reminder goes out */
  reminderDaysBefore: number[];
  /** days after a due date on which an overdue notice goes out, while a balance is left */
  overdueDaysAfter: number[];
  /** most messages sent in a calendar month (China time) by the whole programme */
  monthlyCap: number;
  /** what one message costs, in fen (for the month's cost) */
  costPerMessageFen: number;
}

export const DEFAULT_SMS_SETTINGS: SmsSettings = { reminderDaysBefore: [30, 7], overdueDaysAfter: [1, 30], monthlyCap: 20_000, costPerMessageFen: 5 };

/** No message goes out from 21:00 to 08:00 China time. */
export const QUIET_FROM_HOUR = 21;
export const QUIET_UNTIL_HOUR = 8;
const CHINA_OFFSET_MS = 8 * 3_600_000;

/**
 * The earliest moment a message may go out, at or after `now`: `now` itself during the day
 * (08:00–21:00 China time), else 08:00 China time the next morning (or this morning, before 08:00).
 */
export function sendableAt(now: Date): Date {
  const china = new Date(now.getTime() + CHINA_OFFSET_MS);
  const hour = china.getUTCHours();
  if (hour >= QUIET_UNTIL_HOUR && hour < QUIET_FROM_HOUR) return now;
  const morning = new Date(Date.UTC(china.getUTCFullYear(), china.getUTCMonth(), china.getUTCDate(), QUIET_UNTIL_HOUR) - CHINA_OFFSET_MS);
  return hour >= QUIET_FROM_HOUR ? new Date(morning.getTime() + 86_400_000) : morning;
}

/** The month a message counts in (China time): `2026-12`. */
export const budgetMonthOf = (now: Date): string => todayInChina(now).slice(0, 7);

/** Delays before the next try after a provider's temporary refusal (throttled, unreachable): then the message fails for good. */
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000] as const;

/** When to try again after `attempts` failed tries, or undefined when it should not be tried again. */
export function nextTryAt(now: Date, attempts: number): Date | undefined {
  const delay = RETRY_DELAYS_MS[attempts - 1];
  return delay === undefined ? undefined : sendableAt(new Date(now.getTime() + delay));
}

/**
 * The key of one message: one event, one recipient. A retried Lambda, a replayed request or a
 * reminder run started twice computes the same key, and the message's conditional create
 * makes the second one a no-op.
 */
export function messageKey(kind: SmsKind, event: string, phone: string): string {
  return `${kind}#${event}#${phone}`;
}

/** The reminders and overdue notices due on `today` for a loan due on `dueOn` with a balance left. */
export function remindersDue(today: string, dueOn: string, settings: Pick<SmsSettings, 'reminderDaysBefore' | 'overdueDaysAfter'>): { kind: 'due_reminder' | 'overdue_notice'; days: number }[] {
  const out: { kind: 'due_reminder' | 'overdue_notice'; days: number }[] = [];
  for (const days of settings.reminderDaysBefore) if (addDays(dueOn, -days) === today) out.push({ kind: 'due_reminder', days });
  for (const days of settings.overdueDaysAfter) if (addDays(dueOn, days) === today) out.push({ kind: 'overdue_notice', days });
  return out;
}

/**
 * The due date a loan is listed under for the reminder run: its `dueOn` while it is out
 * (active or overdue) with a balance; none before the payout and none once repaid or written off.
 */
export function reminderDueOn(loan: { status: string; balanceFen: number; dueOn?: string }): string | undefined {
  return (loan.status === 'active' || loan.status === 'overdue') && loan.balanceFen > 0 && loan.dueOn ? loan.dueOn : undefined;
}

/** The latest day after a due date on which the committee may set an overdue notice (`SmsSettingsInput`). */
export const MAX_OVERDUE_DAYS = 365;

/**
 * The day from which a loan's reminder pointer may go (its TTL): after the last notice any
 * setting allowed could send for that due date (`MAX_OVERDUE_DAYS` past it), with two days'
 * margin for the China day. Until then a closed loan's pointer is read by the run and skipped.
 */
export function pointerExpiresOn(dueOn: string): string {
  return addDays(dueOn, MAX_OVERDUE_DAYS + 2);
}

/** The due dates whose loans get a reminder or notice on `today`. */
export function dueDatesMessagedOn(today: string, settings: Pick<SmsSettings, 'reminderDaysBefore' | 'overdueDaysAfter'>): string[] {
  return [...settings.reminderDaysBefore.map((d) => addDays(today, d)), ...settings.overdueDaysAfter.map((d) => addDays(today, -d))];
}

/**
 * Segments an SMS text takes: Chinese providers count 70 characters for a single message in
 * UCS-2 (Chinese, Tibetan), 67 per part of a longer one; the signature 【…】 counts too.
 */
export function smsSegments(text: string): number {
  const length = [...text].length;
  return length <= 70 ? 1 : Math.ceil(length / 67);
}

/** A mobile number in mainland China: 11 digits starting with 1. */
export const MOBILE = /^1\d{10}$/;

/** The number shown to staff who are not her office: the last four digits only. */
export const maskPhone = (phone: string): string => `${phone.slice(0, 3)}****${phone.slice(-4)}`;

/** A mother's initial only (the first character of her name), for public pages. */
export const initialOf = (name: string): string => `${[...name.trim()][0] ?? ''}*`;
