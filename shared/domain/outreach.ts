/**
 * 三治 beyond the loan: free health checks (gynaecological screening) and training sessions,
 * the mothers' separate consents (health findings, publicity), and the donor report (公开报告).
 * Inputs and pure rules; the store is shared/store/outreach.ts, the use cases
 * shared/usecases/outreach.ts and shared/usecases/public-reports.ts.
 */
import * as z from 'zod/mini';
import { withMeta } from './meta.ts';
import type { Delta } from './aggregates.ts';
import { Conflict } from './errors.ts';
import { isoDate, officeId, personName, recordId, text } from './schemas/common.ts';

/** Gynaecological finding categories of a screening. */
export const HEALTH_CATEGORIES = ['vaginitis', 'cervicitis', 'pelvic_inflammation', 'breast_disease', 'other'] as const;
export const HealthCategory = z.enum(HEALTH_CATEGORIES);
export type HealthCategory = z.output<typeof HealthCategory>;

export const TRAINING_TOPICS = ['work_skills', 'healthy_births', 'reproductive_health', 'literacy', 'other'] as const;
export const TrainingTopic = z.enum(TRAINING_TOPICS);
export type TrainingTopic = z.output<typeof TrainingTopic>;

/** Most women one campaign entry lists (each woman writes report markers in one transaction); a larger campaign is entered in parts. */
export const MAX_WOMEN_PER_ENTRY = 12;
/** Most attendees one training entry lists. */
export const MAX_ATTENDEES_PER_ENTRY = 15;

/**
 * Her separate consents on her file (the loan): `health` lets the district office record her
 * (and her household's married women's) health findings (PIPL art. 28–29: medical health is
 * sensitive personal information); `publicity` lets the donor report print her story under
 * the name she agreed to.
 */
export const ConsentRecordInput = z.strictObject({
  kind: z.enum(['health', 'publicity']),
  givenOn: withMeta(isoDate, { description: 'the date she signed this consent' }),
  takenBy: withMeta(personName, { description: 'the staff member who explained it and took her signature' }),
  publicName: withMeta(z.optional(text(60)), { description: 'publicity only: the name she agreed to be shown under (may be a given name only)' }),
  story: withMeta(z.optional(text(1000)), { description: 'publicity only: her story, in the words she agreed to' }),
});
export type ConsentRecordInput = z.output<typeof ConsentRecordInput>;

export const FindingInput = z.strictObject({
  category: HealthCategory,
  treated: withMeta(z._default(z.boolean(), false), { description: 'treatment given at the check (or arranged on the day)' }),
});

export const CheckedWomanInput = z.strictObject({
  loanId: withMeta(recordId, { description: 'the mother’s loan (her file): she, or a married woman of her household, was checked' }),
  relation: withMeta(z.enum(['mother', 'household']), { description: 'the mother herself, or another married woman of her household' }),
  name: withMeta(z.optional(personName), { description: 'household only: the woman’s name' }),
  findings: withMeta(z._default(z.array(FindingInput).check(z.maxLength(HEALTH_CATEGORIES.length)), []), { description: 'illnesses found, by category (empty: nothing found)' }),
});

export const HealthCheckInput = z.strictObject({
  districtId: officeId,
  heldOn: isoDate,
  place: text(200),
  examiners: withMeta(text(200), { description: 'who examined (hospital, doctors)' }),
  women: z.array(CheckedWomanInput).check(z.minLength(1), z.maxLength(MAX_WOMEN_PER_ENTRY)),
});
export type HealthCheckInput = z.output<typeof HealthCheckInput>;

export const FollowUpInput = z.strictObject({
  followedUpOn: isoDate,
  cured: withMeta(
    z.array(z.strictObject({ womanId: z.string().check(z.regex(/^w\d{1,3}$/)), category: HealthCategory })).check(z.minLength(1), z.maxLength(MAX_WOMEN_PER_ENTRY * HEALTH_CATEGORIES.length)),
    { description: 'the findings found cured at this follow-up' },
  ),
});
export type FollowUpInput = z.output<typeof FollowUpInput>;

export const TrainingSessionInput = z.strictObject({
  districtId: officeId,
  townshipId: withMeta(z.optional(officeId), { description: 'the township where it was held' }),
  heldOn: isoDate,
  place: text(200),
  topic: TrainingTopic,
  trainer: text(100),
  attendees: withMeta(z.array(recordId).check(z.minLength(1), z.maxLength(MAX_ATTENDEES_PER_ENTRY)), { description: 'the loans (files) of the mothers who attended' }),
});
export type TrainingSessionInput = z.output<typeof TrainingSessionInput>;

export const OutreachListQuery = z.strictObject({
  districtId: z.optional(officeId),
  year: z.optional(z.string().check(z.regex(/^\d{4}$/))),
});
export type OutreachListQuery = z.output<typeof OutreachListQuery>;

export const PublicReportInput = z.strictObject({
  from: withMeta(isoDate, { description: 'first day of the period reported (a year: its 1 January)' }),
  to: withMeta(isoDate, { description: 'last day of the period reported; not after today' }),
  title: withMeta(z.strictObject({ 'zh-CN': text(120), bo: text(200), en: text(120) }), { description: 'the report’s title in Chinese, Tibetan and English' }),
});
export type PublicReportInput = z.output<typeof PublicReportInput>;

// ---------- rules ----------

/** A health check of a woman whose household gave no health consent by the day of the check (PIPL art. 29). */
export class HealthConsentMissing extends Conflict {
  override readonly field: string;
  constructor(motherName: string, heldOn: string, field: string) {
    super(`loan file: ${motherName}'s household gave no separate health consent by ${heldOn}; record it on her file first`, 'health_consent_missing', { name: motherName, date: heldOn });
    this.field = field;
  }
}

/** Publishing a donor report whose total covers fewer than MIN_GROUP mothers: every figure would describe a handful of people. */
export class ReportGroupTooSmall extends Conflict {
  constructor(mothers: number) {
    super(`the report covers ${mothers} mothers; at least ${MIN_GROUP} are needed before anything is published`, 'report_group_too_small', { mothers, min: MIN_GROUP });
  }
}

/** Report counters of one checked woman: checked (once per group, see first-seen markers), found and treated per finding. */
export function checkDeltas(heldOn: string, findings: readonly { treated: boolean }[]): Delta[] {
  return [{ date: heldOn, metrics: { illnessesFound: findings.length, illnessesTreated: findings.filter((f) => f.treated).length } }];
}

export const curedDeltas = (on: string, count: number): Delta[] => [{ date: on, metrics: { illnessesCured: count } }];

/** Health-check and training report groups of a woman's file: district, township, round, and the year of the event. */
export function outreachGroupsOf(loan: { districtId: string; townshipId: string; roundId: string }, on: string): string[] {
  return [`district#${loan.districtId}`, `township#${loan.townshipId}`, `round#${loan.districtId}#${loan.roundId}`, `year#${loan.districtId}#${on.slice(0, 4)}`];
}

/** The smallest group of mothers a published figure may describe. */
export const MIN_GROUP = 5;

/**
 * Rows of a public table with fewer than MIN_GROUP mothers are merged into one "other" row;
 * if the merged row is itself under MIN_GROUP, it is suppressed (its figures are still in the total).
 */
export function mergeSmallGroups<R extends { mothers: number }>(rows: readonly R[], merge: (small: R[]) => R): { rows: R[]; merged: number; suppressed: boolean } {
  const big = rows.filter((r) => r.mothers >= MIN_GROUP);
  const small = rows.filter((r) => r.mothers < MIN_GROUP);
  if (small.length === 0) return { rows: big, merged: 0, suppressed: false };
  const other = merge(small);
  if (other.mothers >= MIN_GROUP) return { rows: [...big, other], merged: small.length, suppressed: false };
  return { rows: big, merged: small.length, suppressed: true };
}
