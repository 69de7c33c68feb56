/** Answers of the application routes (submission, notice, objections, visits, screening, decision). (Part of `../response-schemas.ts`; a function's route table imports only its own parts.) */
import { ApplicationStatus, FamilyPlanningStatus, isoDate, officeId, ProjectType, recordId } from '../schemas/common.ts';
import * as z from 'zod/mini';
import { withMeta } from '../meta.ts';
import { amount, count, instant, version, recorded, Actor } from './common.ts';
import { MotherDetails } from './mother.ts';

export const Notice = z.object({
  postedOn: isoDate,
  days: z.int().check(z.gte(1)),
  endsOn: withMeta(isoDate, { description: 'the last day objections may be raised; approval is possible from the day after' }),
  place: z.optional(z.string()),
  recordedBy: Actor,
  ...recorded,
});

export const Objection = z.object({
  id: recordId,
  raisedOn: isoDate,
  raisedBy: z.optional(z.string()),
  content: z.string(),
  status: z.enum(['open', 'dismissed', 'upheld']),
  resolution: z.optional(z.object({ resolvedOn: isoDate, outcome: z.enum(['dismissed', 'upheld']), note: z.string(), resolvedBy: Actor })),
  recordedBy: Actor,
  ...recorded,
});

export const Visit = z.object({
  id: recordId,
  visitedOn: isoDate,
  visitors: z.array(z.string()),
  willingToWork: z.boolean(),
  planCredible: z.boolean(),
  notes: z.string(),
  recordedBy: Actor,
  ...recorded,
});

export const RuleResult = z.object({
  rule: z.string(),
  passed: z.boolean(),
  reason: z.string(),
  reasonZh: z.string(),
  reasonBo: withMeta(z.optional(z.string()), { description: 'the reason in Tibetan' }),
});

export const ScreeningResult = z.object({
  passed: z.boolean(),
  priorityScore: withMeta(z.int().check(z.gte(0), z.lte(100)), { description: 'ranks eligible applicants when the round’s capital cannot cover them all' }),
  rules: z.array(RuleResult),
  screenedAt: instant,
  screenedBy: z.optional(Actor),
});

export const Decision = z.object({
  decision: z.enum(['approve', 'reject']),
  decidedOn: isoDate,
  amountApprovedFen: z.optional(amount('amount approved (at most the amount asked)')),
  amountFen: z.optional(amount('amount approved (its earlier name)')),
  reason: z.optional(z.string()),
  note: z.optional(z.string()),
  decidedBy: Actor,
  ...recorded,
});

export const Application = z.object({
  id: recordId,
  roundId: recordId,
  districtId: officeId,
  townshipId: officeId,
  villageId: officeId,
  mother: MotherDetails,
  consent: withMeta(z.optional(z.object({ givenOn: isoDate, takenBy: z.string() })), {
    description: 'her consent to the processing of her personal information (PIPL): the date she signed and who took it; absent on records from before it was recorded',
  }),
  householdSize: z.int().check(z.gte(1)),
  householdAnnualIncomeFen: amount('household annual income'),
  villagePerCapitaIncomeFen: amount('village income per head'),
  familyPlanning: FamilyPlanningStatus,
  project: z.object({ type: ProjectType, description: z.string(), expectedAnnualReturnFen: amount('expected annual return') }),
  amountRequestedFen: amount('amount asked for'),
  status: ApplicationStatus,
  notice: z.optional(Notice),
  visitCount: z.optional(count('household visits logged so far (two are needed before a decision)')),
  screening: z.optional(ScreeningResult),
  decision: z.optional(Decision),
  loanId: withMeta(z.optional(recordId), { description: 'the loan created on approval' }),
  submittedOn: withMeta(isoDate, { description: 'date on the application form' }),
  anonymisedOn: withMeta(z.optional(isoDate), { description: 'the day the retention job removed her personal data (name, resident ID, phone, household details, notes); money and dates stay' }),
  submittedAt: instant,
  submittedBy: Actor,
  ...recorded,
  version,
});
