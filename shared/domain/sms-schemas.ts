/** The requests and answers of the text-message routes (`shared/routes/sms.ts`). */
import * as z from 'zod';
import { SMS_KINDS, SMS_STATUSES } from './sms.ts';
import { isoDate, officeId, recordId, text } from './schemas.ts';

export const SmsSettingsInput = z
  .strictObject({
    reminderDaysBefore: z.array(z.int().min(1).max(90)).max(4).optional().meta({ description: 'days before a due date on which a reminder goes out' }),
    overdueDaysAfter: z.array(z.int().min(1).max(365)).max(4).optional().meta({ description: 'days after a due date on which an overdue notice goes out' }),
    monthlyCap: z.int().min(0).max(10_000_000).optional().meta({ description: 'most messages in a calendar month, the whole programme' }),
    costPerMessageFen: z.int().min(0).max(1000).optional().meta({ description: 'what one message costs, in fen' }),
  })
  .refine((p) => Object.keys(p).length > 0, { error: 'must change at least one of reminderDaysBefore, overdueDaysAfter, monthlyCap, costPerMessageFen' });
export type SmsSettingsInput = z.output<typeof SmsSettingsInput>;

export const CollectionNoticeInput = z.strictObject({
  townshipId: officeId,
  on: isoDate.meta({ description: 'the collection day' }),
  place: text(60).meta({ description: 'where the township collects (e.g. 乡政府院内)' }),
  villageIds: z.array(officeId).max(100).optional().meta({ description: 'only these villages of the list (all when left out)' }),
});
export type CollectionNoticeInput = z.output<typeof CollectionNoticeInput>;

export const ReceiptCheckQuery = z.strictObject({ t: z.string().regex(/^[A-Za-z0-9_-]{22}$/, { error: 'must be the signature printed with the receipt' }) });

const Settings = z.object({ reminderDaysBefore: z.array(z.int()), overdueDaysAfter: z.array(z.int()), monthlyCap: z.int(), costPerMessageFen: z.int() });

export const SmsPreferenceAnswer = z.object({ optIn: z.boolean(), lang: z.enum(['bo', 'zh-CN']), phone: z.string().nullable(), changedAt: z.string() });

export const LoanMessages = z.object({
  loanId: recordId,
  preference: z.object({ optIn: z.boolean(), lang: z.enum(['bo', 'zh-CN']), changedAt: z.string(), changedBy: z.string().optional(), reason: z.string().optional() }).nullable(),
  phone: z.string().optional().meta({ description: 'her number; masked for the committee and field staff' }),
  notSentBecause: z.enum(['sms_off', 'no_choice', 'opted_out', 'no_phone']).optional().meta({ description: 'why nothing is sent to her' }),
  messages: z.array(
    z.object({
      kind: z.enum(SMS_KINDS),
      lang: z.enum(['bo', 'zh-CN']),
      text: z.string(),
      status: z.enum(SMS_STATUSES),
      createdAt: z.string(),
      sendAfter: z.string(),
      sentAt: z.string().optional(),
      deliveredAt: z.string().optional(),
      attempts: z.int(),
      lastError: z.object({ refusal: z.string(), code: z.string() }).optional(),
      phone: z.string(),
    }),
  ),
});

export const SmsMonth = z.object({ month: z.string(), sent: z.int(), cap: z.int(), costFen: z.int(), settings: Settings, provider: z.string() });
export const SmsSettings = Settings;
export const CollectionNoticeResult = z.object({ townshipId: officeId, on: isoDate, loans: z.int(), queued: z.int(), notReachable: z.int() });

export const ReceiptCheck = z.object({
  genuine: z.boolean(),
  paidOn: isoDate.optional(),
  amountFen: z.int().optional(),
  receiptNo: z.string().optional(),
  agreementNo: z.string().optional(),
  balanceAfterFen: z.int().optional(),
  balanceNowFen: z.int().optional().meta({ description: 'today’s balance, when later repayments changed it' }),
  mother: z.string().optional().meta({ description: 'her initial only' }),
});
