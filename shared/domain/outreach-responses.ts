/**
 * Answers of the 三治 and donor-report routes. Health findings are sensitive personal
 * information: the answers the committee and field staff get (`HealthCheckSummary`) have
 * no per-person field at all, so parsing strips nothing and the response contract refuses
 * one; only `HealthCheckFindings` (the district office's own) lists the women.
 */
import * as z from 'zod/mini';
import { withMeta } from './meta.ts';
import { ROLES } from './roles.ts';
import { HealthCategory, TrainingTopic } from './outreach.ts';
import { isoDate, officeId } from './schemas/common.ts';

const count = (description: string) => withMeta(z.int().check(z.gte(0)), { description });
const fen = (description: string) => withMeta(z.int(), { description: `${description}, in integer fen` });
const rateBp = (description: string) => withMeta(z.nullable(z.int()), { description: `${description}, in basis points; null when nothing to divide by` });
const instant = z.iso.datetime();
const by = z.object({ userId: z.string(), username: z.string(), displayName: z.optional(z.string()), role: z.enum(ROLES), officeId });

const byCategory = z.object(Object.fromEntries(HealthCategory.options.map((c) => [c, count(`findings of category ${c}`)])) as Record<HealthCategory, z.ZodMiniInt>);

/** A campaign as the committee, field staff and every list see it: counts only. */
export const HealthCheckSummary = z.strictObject({
  id: z.string(),
  districtId: officeId,
  heldOn: isoDate,
  place: z.string(),
  examiners: z.string(),
  womenChecked: count('women checked'),
  mothersChecked: count('of them mothers with a loan'),
  illnessesFound: count('illnesses found'),
  illnessesTreated: count('illnesses treated'),
  illnessesCured: count('illnesses cured at follow-up so far'),
  found: byCategory,
  followUps: count('follow-ups recorded'),
  recordedBy: by,
  recordedAt: instant,
});

export const HealthCheckList = z.object({ items: z.array(HealthCheckSummary) });

/** The campaign with every woman's findings: her district office only. */
export const HealthCheckFindings = z.object({
  campaign: HealthCheckSummary,
  women: z.array(
    z.object({
      id: withMeta(z.string(), { description: 'w1, w2, …: the woman’s line on the campaign sheet' }),
      loanId: z.string(),
      relation: z.enum(['mother', 'household']),
      name: z.string(),
      villageId: officeId,
      findings: z.array(z.object({ category: HealthCategory, treated: z.boolean(), curedOn: z.optional(isoDate) })),
    }),
  ),
});

export const ConsentRecord = z.object({
  loanId: z.string(),
  kind: z.enum(['health', 'publicity']),
  givenOn: isoDate,
  takenBy: z.string(),
  publicName: z.optional(z.string()),
  story: z.optional(z.string()),
  recordedBy: by,
  recordedAt: instant,
});

export const TrainingSession = z.object({
  id: z.string(),
  districtId: officeId,
  townshipId: z.optional(officeId),
  heldOn: isoDate,
  place: z.string(),
  topic: TrainingTopic,
  trainer: z.string(),
  attendees: z.array(z.object({ loanId: z.string(), name: z.string() })),
  recordedBy: by,
  recordedAt: instant,
});
export const TrainingSessionList = z.object({ items: z.array(TrainingSession) });

// ---------- the donor report ----------

const Lang3 = z.object({ 'zh-CN': z.string(), bo: z.string(), en: z.string() });

export const PublicFigures = z.object({
  grantedFen: fen('capital granted'),
  lentFen: fen('lent (disbursed)'),
  repaidFen: fen('repaid'),
  relentFen: fen('lent again from repaid money (lent beyond the capital granted)'),
  timesLentBp: rateBp('how many times each yuan was lent: lent ÷ capital granted'),
  repaymentRateBp: rateBp('repaid on fallen-due loans ÷ fallen due'),
  mothers: count('mothers helped'),
  householdMembers: count('household members reached'),
  villages: count('villages and residents’ committees'),
  incomeGainedFen: fen('income gained (final evaluations)'),
  leftPoverty: count('households out of poverty'),
  povertyExitRateBp: rateBp('left poverty ÷ final evaluations'),
  womenChecked: count('women given a health check'),
  illnessesFound: count('illnesses found'),
  illnessesCured: count('illnesses cured'),
  trainingSessions: count('training sessions'),
  mothersTrained: count('mothers trained'),
});

export const PublicReport = z.object({
  id: z.string(),
  status: z.enum(['preview', 'published', 'withdrawn']),
  title: Lang3,
  from: isoDate,
  to: isoDate,
  publishedOn: z.optional(isoDate),
  sources: z.array(z.object({ source: z.string(), amountFen: fen('granted from this source') })),
  total: PublicFigures,
  districts: z.array(z.extend(PublicFigures, { label: z.string(), merged: withMeta(z.boolean(), { description: 'true: several districts of under 5 mothers each, merged (其他)' }) })),
  suppressedDistricts: count('districts whose figures are only in the total (fewer than 5 mothers even merged)'),
  stories: z.array(z.object({ name: z.string(), story: z.string(), district: z.string() })),
});

export const PublicReportList = z.object({
  items: z.array(z.object({ id: z.string(), title: Lang3, from: isoDate, to: isoDate, publishedOn: isoDate, status: z.enum(['published', 'withdrawn']) })),
});
