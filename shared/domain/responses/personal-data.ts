/** Answers of a mother's data-subject requests: the copy of everything held about her, and a correction. */
import * as z from 'zod/mini';
import { withMeta } from '../meta.ts';
import { ConsentRecord, HealthCheckFindings } from '../outreach-responses.ts';
import { isoDate, recordId } from '../schemas/common.ts';
import { Application, Objection, Visit } from './applications.ts';
import { Actor, HistoryEntry, instant } from './common.ts';
import { MotherDetails } from './mother.ts';
import { Evaluation, Loan } from './loans.ts';
import { Repayment } from './repayments.ts';

/** A text message sent (or to be sent) to her, as her loan file keeps it. */
export const MessageHeld = z.object({
  kind: withMeta(z.string(), { description: 'payout, repayment, due_reminder, overdue_notice' }),
  lang: z.enum(['bo', 'zh-CN']),
  phone: z.optional(z.string()),
  text: z.string(),
  status: z.string(),
  createdAt: instant,
  sentAt: z.optional(instant),
  deliveredAt: z.optional(instant),
});

export const HealthCheckHeld = z.object({
  campaignId: recordId,
  heldOn: isoDate,
  place: z.string(),
  women: withMeta(HealthCheckFindings.shape.women, { description: 'her lines on the campaign sheet (she, and women of her household)' }),
});

export const PersonalDataCopy = z.object({
  requestedAt: instant,
  requestedBy: Actor,
  mother: withMeta(MotherDetails, { description: 'her details as her latest record holds them (full resident ID: the copy is for her)' }),
  applications: z.array(z.object({ application: Application, visits: z.array(Visit), objections: z.array(Objection), history: z.array(HistoryEntry) })),
  loans: z.array(
    z.object({
      loan: Loan,
      repayments: z.array(Repayment),
      evaluations: z.array(Evaluation),
      history: z.array(HistoryEntry),
      messages: z.array(MessageHeld),
      consents: z.array(ConsentRecord),
      healthChecks: z.array(HealthCheckHeld),
    }),
  ),
});

export const PersonalDataCorrected = z.object({
  corrected: withMeta(z.array(z.enum(['name', 'phone', 'householdSize'])), { description: 'the fields that changed' }),
  applications: withMeta(z.int().check(z.gte(0)), { description: 'her applications changed' }),
  loans: withMeta(z.int().check(z.gte(0)), { description: 'her loans changed' }),
});
