/** The requests and answers of the text-message routes (`shared/routes/sms.ts`). */
import * as z from 'zod/mini';
import { withMeta } from './meta.ts';
import { MAX_OVERDUE_DAYS, SMS_KINDS, SMS_STATUSES } from './sms.ts';
import { isoDate, officeId, recordId, text } from './schemas/common.ts';

export const SmsSettingsInput = z
  .strictObject({
    reminderDaysBefore: withMeta(z.optional(z.array(z.int().check(z.gte(1), z.lte(90))).check(z.maxLength(4))), { description: 'days before a due date on which a reminder goes out' }),
    overdueDaysAfter: withMeta(z.optional(z.array(z.int().check(z.gte(1), z.lte(MAX_OVERDUE_DAYS))).check(z.maxLength(4))), {
      description: 'days after a due date on which an overdue notice goes out',
    }),
    monthlyCap: withMeta(z.optional(z.int().check(z.gte(0), z.lte(10_000_000))), { description: 'most messages in a calendar month, the whole programme' }),
    costPerMessageFen: withMeta(z.optional(z.int().check(z.gte(0), z.lte(1000))), { description: 'what one message costs, in fen' }),
  })
  .check(z.refine((p) => Object.keys(p).length > 0, { error: 'must change at least one of reminderDaysBefore, overdueDaysAfter, monthlyCap, costPerMessageFen' }));
export type SmsSettingsInput = z.output<typeof SmsSettingsInput>;

export const CollectionNoticeInput = z.strictObject({
  townshipId: officeId,
  on: withMeta(isoDate, { description: 'the collection day' }),
  place: withMeta(text(60), { description: 'where the township collects (e.g. 乡政府院内)' }),
  villageIds: withMeta(z.optional(z.array(officeId).check(z.maxLength(100))), { description: 'only these villages of the list (all when left out)' }),
});
export type CollectionNoticeInput = z.output<typeof CollectionNoticeInput>;

export const ReceiptCheckQuery = z.strictObject({ t: z.string().check(z.regex(/^[A-Za-z0-9_-]{22}$/, { error: 'must be the signature printed with the receipt' })) });

const Settings = z.object({ reminderDaysBefore: z.array(z.int()), overdueDaysAfter: z.array(z.int()), monthlyCap: z.int(), costPerMessageFen: z.int() });

export const SmsPreferenceAnswer = z.object({ optIn: z.boolean(), lang: z.enum(['bo', 'zh-CN']), phone: z.nullable(z.string()), changedAt: z.string() });

export const LoanMessages = z.object({
  loanId: recordId,
  preference: z.nullable(z.object({ optIn: z.boolean(), lang: z.enum(['bo', 'zh-CN']), changedAt: z.string(), changedBy: z.optional(z.string()), reason: z.optional(z.string()) })),
  phone: withMeta(z.optional(z.string()), { description: 'her number; masked for the committee and field staff' }),
  notSentBecause: withMeta(z.optional(z.enum(['sms_off', 'no_choice', 'opted_out', 'no_phone'])), { description: 'why nothing is sent to her' }),
  messages: z.array(
    z.object({
      kind: z.enum(SMS_KINDS),
      lang: z.enum(['bo', 'zh-CN']),
      text: z.string(),
      status: z.enum(SMS_STATUSES),
      createdAt: z.string(),
      sendAfter: z.string(),
      sentAt: z.optional(z.string()),
      deliveredAt: z.optional(z.string()),
      attempts: z.int(),
      lastError: z.optional(z.object({ refusal: z.string(), code: z.string() })),
      phone: z.string(),
    }),
  ),
});

export const SmsMonth = z.object({ month: z.string(), sent: z.int(), cap: z.int(), costFen: z.int(), settings: Settings, provider: z.string() });
export const SmsSettings = Settings;
export const CollectionNoticeResult = z.object({ townshipId: officeId, on: isoDate, loans: z.int(), queued: z.int(), notReachable: z.int() });

export const ReceiptCheck = z.object({
  genuine: z.boolean(),
  paidOn: z.optional(isoDate),
  amountFen: z.optional(z.int()),
  receiptNo: z.optional(z.string()),
  agreementNo: z.optional(z.string()),
  balanceAfterFen: z.optional(z.int()),
  balanceNowFen: withMeta(z.optional(z.int()), { description: 'today’s balance, when later repayments changed it' }),
  mother: withMeta(z.optional(z.string()), { description: 'her initial only' }),
});
