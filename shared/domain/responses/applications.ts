/** Answers of the application routes (submission, notice, objections, visits, screening, decision). (Part of `../response-schemas.ts`; a function's route table imports only its own parts.) */
import { ApplicationStatus, FamilyPlanningStatus, isoDate, LoanStatus, officeId, ProjectType, recordId } from '../schemas.ts';
import * as z from 'zod';
import { amount, count, instant, version, recorded, Actor, HistoryEntry, page, MotherDetails } from './common.ts';

export const ResidentIdReveal = z.object({
  applicationId: recordId,
  residentId: z.string().meta({ description: 'the full resident ID number (the reveal is in the history and the exceptions report)' }),
});

export const Notice = z.object({
  postedOn: isoDate,
  days: z.int().min(1),
  endsOn: isoDate.meta({ description: 'the last day objections may be raised; approval is possible from the day after' }),
  place: z.string().optional(),
  recordedBy: Actor,
  ...recorded,
});

export const Objection = z.object({
  id: recordId,
  raisedOn: isoDate,
  raisedBy: z.string().optional(),
  content: z.string(),
  status: z.enum(['open', 'dismissed', 'upheld']),
  resolution: z.object({ resolvedOn: isoDate, outcome: z.enum(['dismissed', 'upheld']), note: z.string(), resolvedBy: Actor }).optional(),
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
  reasonBo: z.string().optional().meta({ description: 'the reason in Tibetan' }),
});

export const ScreeningResult = z.object({
  passed: z.boolean(),
  priorityScore: z.int().min(0).max(100).meta({ description: 'ranks eligible applicants when the round’s capital cannot cover them all' }),
  rules: z.array(RuleResult),
  screenedAt: instant,
  screenedBy: Actor.optional(),
});

export const Decision = z.object({
  decision: z.enum(['approve', 'reject']),
  decidedOn: isoDate,
  amountApprovedFen: amount('amount approved (at most the amount asked)').optional(),
  amountFen: amount('amount approved (its earlier name)').optional(),
  reason: z.string().optional(),
  note: z.string().optional(),
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
  consent: z
    .object({ givenOn: isoDate, takenBy: z.string() })
    .optional()
    .meta({ description: 'her consent to the processing of her personal information (PIPL): the date she signed and who took it; absent on records from before it was recorded' }),
  householdSize: z.int().min(1),
  householdAnnualIncomeFen: amount('household annual income'),
  villagePerCapitaIncomeFen: amount('village income per head'),
  familyPlanning: FamilyPlanningStatus,
  project: z.object({ type: ProjectType, description: z.string(), expectedAnnualReturnFen: amount('expected annual return') }),
  amountRequestedFen: amount('amount asked for'),
  status: ApplicationStatus,
  notice: Notice.optional(),
  visitCount: count('household visits logged so far (two are needed before a decision)').optional(),
  screening: ScreeningResult.optional(),
  decision: Decision.optional(),
  loanId: recordId.optional().meta({ description: 'the loan created on approval' }),
  submittedOn: isoDate.meta({ description: 'date on the application form' }),
  anonymisedOn: isoDate.optional().meta({ description: 'the day the retention job removed her personal data (name, resident ID, phone, household details, notes); money and dates stay' }),
  submittedAt: instant,
  submittedBy: Actor,
  ...recorded,
  version,
});

export const ApplicationPage = page(Application);

/** One application with everything recorded on it, and the mother's earlier loans. */
export const ApplicationFile = Application.extend({
  objections: z.array(Objection),
  visits: z.array(Visit),
  history: z.array(HistoryEntry),
  earlierLoans: z.array(
    z.object({
      id: recordId,
      agreementNo: z.string().optional(),
      roundId: recordId,
      principalFen: amount('principal'),
      status: LoanStatus,
      disbursedOn: isoDate.optional(),
      repaidOn: isoDate.optional(),
    }),
  ),
  earlierLoansElsewhere: z
    .object({ count: z.int().min(1), allRepaid: z.boolean() })
    .optional()
    .meta({ description: "the mother's loans in other districts: only how many and whether all were repaid, never which" }),
});
