/**
 * Evaluation reports (中期 / 年终 / 终期评估报告): request and answer shapes. A report covers one
 * round of one district at one evaluation point of the round's schedule (point 0 the mid-term,
 * the next ones year-end, the last the final evaluation at the end of the term).
 */
import * as z from 'zod';
import { EvaluationKind, EvaluationMethod, isoDate, officeId, recordId, text } from './schemas.ts';
import { Actor, HistoryEntry, page } from './responses/common.ts';

/** Points of a schedule: the round's evaluation months (at most 12) and the final one. */
export const MAX_REPORT_POINT = 12;

export const REPORT_STATUSES = ['draft', 'submitted', 'received', 'revision_requested'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const EvaluationReportDraftInput = z.strictObject({
  roundId: recordId,
  point: z.int().min(0).max(MAX_REPORT_POINT).meta({ description: 'the evaluation point of the round’s schedule: 0 the mid-term, then the year-end ones, the last the final one (end of term)' }),
});
export type EvaluationReportDraftInput = z.output<typeof EvaluationReportDraftInput>;

export const EvaluationReportUpdateInput = z.strictObject({
  assessment: text(5000).meta({ description: 'the district’s written assessment (区项目办评估意见)' }),
  refreshFigures: z.boolean().default(false).meta({ description: 'draw the figures again from the evaluations logged since the draft' }),
});
export type EvaluationReportUpdateInput = z.output<typeof EvaluationReportUpdateInput>;

export const EvaluationReportSubmitInput = z.strictObject({
  reportedOn: isoDate.meta({ description: 'the date the district sends the report to the committee (报送日期)' }),
});
export type EvaluationReportSubmitInput = z.output<typeof EvaluationReportSubmitInput>;

export const EvaluationReportReviewInput = z
  .strictObject({
    decision: z.enum(['received', 'revision']).meta({ description: 'received: the committee takes the report; revision: the district writes a new version' }),
    reviewedOn: isoDate,
    comment: text(1000).optional().meta({ description: 'the committee’s comment; required when it asks for a revision' }),
  })
  .superRefine((r, ctx) => {
    if (r.decision === 'revision' && r.comment === undefined)
      ctx.addIssue({ code: 'custom', path: ['comment'], message: 'is required when asking for a revision', params: { rule: 'revision_comment_required' } });
  });
export type EvaluationReportReviewInput = z.output<typeof EvaluationReportReviewInput>;

export const EvaluationReportQuery = z.strictObject({
  districtId: officeId.optional(),
  roundId: recordId.optional(),
  cursor: z.string().max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type EvaluationReportQuery = z.output<typeof EvaluationReportQuery>;

export const EvaluationReportDueQuery = z.strictObject({
  districtId: officeId.optional(),
  asOf: isoDate.optional().meta({ description: 'the day the states are read for (default today)' }),
});
export type EvaluationReportDueQuery = z.output<typeof EvaluationReportDueQuery>;

// ---------- answers ----------

const count = z.int().min(0);
const fenSum = z.int().min(0);

export const ReportFigures = z.object({
  householdsDue: count.meta({ description: 'disbursed households whose evaluation at this point was due by the report date (or done earlier)' }),
  householdsEvaluated: count,
  householdsNotEvaluated: count,
  principalEvaluatedFen: fenSum.meta({ description: 'money lent to the households evaluated' }),
  incomeToDateFen: fenSum.meta({ description: 'income so far, summed over the households evaluated' }),
  forecastFen: fenSum.meta({ description: 'income forecast, summed over the households evaluated' }),
  withProblems: count.meta({ description: 'households evaluated with a problem found' }),
  withActionsUrged: count,
  followUp: count.meta({ description: 'households needing follow-up: not evaluated although due, or a problem found' }),
  methods: z.object({ talk: count, check: count, look: count, ask: count }).meta({ description: 'evaluations that used each method (谈、查、看、问)' }),
  leftPoverty: count.optional().meta({ description: 'final point: households that left poverty' }),
});
export type ReportFigures = z.output<typeof ReportFigures>;

export const RoundOutcomes = z.object({
  loans: count,
  disbursedFen: fenSum,
  repaidFen: fenSum,
  writtenOffFen: fenSum,
  outstandingFen: fenSum,
  repaidInFull: count,
  incomeGainedFen: fenSum.meta({ description: 'income to date at the final evaluations' }),
  leftPoverty: count,
  finalEvaluations: count,
});
export type RoundOutcomes = z.output<typeof RoundOutcomes>;

export const AnnexLine = z.object({
  loanId: recordId,
  agreementNo: z.string().optional(),
  motherName: z.string(),
  townshipId: officeId,
  villageId: officeId,
  principalFen: fenSum,
  dueOn: isoDate,
  evaluated: z.boolean(),
  evaluatedOn: isoDate.optional(),
  methods: z.array(EvaluationMethod),
  fundUse: z.string().optional(),
  progress: z.string().optional(),
  operatingState: z.string().optional(),
  incomeToDateFen: fenSum.optional(),
  forecastFen: fenSum.optional(),
  problems: z.string().optional(),
  actionsUrged: z.string().optional(),
  leftPoverty: z.boolean().optional(),
  followUp: z.enum(['not_evaluated', 'problems']).optional(),
});
export type AnnexLine = z.output<typeof AnnexLine>;

export const EvaluationReportSummary = z.object({
  id: recordId,
  districtId: officeId,
  roundId: recordId,
  roundName: z.string(),
  point: z.int().min(0),
  kind: EvaluationKind,
  monthsAfterDisbursement: z.int().min(1),
  revision: z.int().min(1).meta({ description: 'the report’s version: a revision asked for by the committee is a new version' }),
  status: z.enum(REPORT_STATUSES),
  dueOn: isoDate,
  asOf: isoDate.meta({ description: 'the figures are as of this day' }),
  figures: ReportFigures,
  outcomes: RoundOutcomes.optional().meta({ description: 'final report: the round’s outcomes' }),
  assessment: z.string().optional(),
  draftedBy: Actor,
  submittedOn: isoDate.optional(),
  submittedBy: Actor.optional(),
  reviewedOn: isoDate.optional(),
  reviewedBy: Actor.optional(),
  reviewComment: z.string().optional(),
  previousId: recordId.optional(),
  createdAt: z.string(),
  version: z.int().min(1),
});

export const EvaluationReport = EvaluationReportSummary.extend({ annex: z.array(AnnexLine) });
export const EvaluationReportFile = EvaluationReport.extend({ history: z.array(HistoryEntry) });
export const EvaluationReportPage = page(EvaluationReportSummary);

export const DUE_STATES = ['due', 'overdue', 'drafted', 'submitted', 'received', 'revision_requested'] as const;

export const ReportDueRow = z.object({
  roundId: recordId,
  roundName: z.string(),
  point: z.int().min(0),
  kind: EvaluationKind,
  pointOn: isoDate.meta({ description: 'the first household’s evaluation at this point (first disbursement + the point’s months)' }),
  dueOn: isoDate.meta({ description: 'the report is due 30 days after pointOn' }),
  state: z.enum(DUE_STATES),
  overdue: z.boolean().meta({ description: 'due before asOf and not yet submitted' }),
  reportId: recordId.optional(),
  revision: z.int().min(1).optional(),
});

export const ReportDueOverview = z.object({
  asOf: isoDate,
  districts: z.array(
    z.object({
      districtId: officeId,
      counts: z.object({ due: count, overdue: count, submitted: count, received: count }),
      rows: z.array(ReportDueRow),
    }),
  ),
});
