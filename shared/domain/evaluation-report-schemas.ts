/**
 * Evaluation reports (中期 / 年终 / 终期评估报告): request and answer shapes. A report covers one
 * round of one district at one evaluation point of the round's schedule (point 0 the mid-term,
 * the next ones year-end, the last the final evaluation at the end of the term).
 */
import * as z from 'zod/mini';
import { withMeta } from './meta.ts';
import { EvaluationKind, EvaluationMethod, isoDate, officeId, recordId, text } from './schemas/common.ts';
import { Actor, HistoryEntry, page } from './responses/common.ts';

/** Points of a schedule: the round's evaluation months (at most 12) and the final one. */
export const MAX_REPORT_POINT = 12;

export const REPORT_STATUSES = ['draft', 'submitted', 'received', 'revision_requested'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const EvaluationReportDraftInput = z.strictObject({
  roundId: recordId,
  point: withMeta(z.int().check(z.gte(0), z.lte(MAX_REPORT_POINT)), {
    description: 'the evaluation point of the round’s schedule: 0 the mid-term, then the year-end ones, the last the final one (end of term)',
  }),
});
export type EvaluationReportDraftInput = z.output<typeof EvaluationReportDraftInput>;

export const EvaluationReportUpdateInput = z.strictObject({
  assessment: withMeta(text(5000), { description: 'the district’s written assessment (区项目办评估意见)' }),
  refreshFigures: withMeta(z._default(z.boolean(), false), { description: 'draw the figures again from the evaluations logged since the draft' }),
});
export type EvaluationReportUpdateInput = z.output<typeof EvaluationReportUpdateInput>;

export const EvaluationReportSubmitInput = z.strictObject({
  reportedOn: withMeta(isoDate, { description: 'the date the district sends the report to the committee (报送日期)' }),
});
export type EvaluationReportSubmitInput = z.output<typeof EvaluationReportSubmitInput>;

export const EvaluationReportReviewInput = z
  .strictObject({
    decision: withMeta(z.enum(['received', 'revision']), { description: 'received: the committee takes the report; revision: the district writes a new version' }),
    reviewedOn: isoDate,
    comment: withMeta(z.optional(text(1000)), { description: 'the committee’s comment; required when it asks for a revision' }),
  })
  .check(
    z.superRefine((r, ctx) => {
      if (r.decision === 'revision' && r.comment === undefined)
        ctx.addIssue({ code: 'custom', path: ['comment'], message: 'is required when asking for a revision', params: { rule: 'revision_comment_required' } });
    }),
  );
export type EvaluationReportReviewInput = z.output<typeof EvaluationReportReviewInput>;

export const EvaluationReportQuery = z.strictObject({
  districtId: z.optional(officeId),
  roundId: z.optional(recordId),
  cursor: z.optional(z.string().check(z.maxLength(2000))),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 50),
});
export type EvaluationReportQuery = z.output<typeof EvaluationReportQuery>;

export const EvaluationReportDueQuery = z.strictObject({
  districtId: z.optional(officeId),
  asOf: withMeta(z.optional(isoDate), { description: 'the day the states are read for (default today)' }),
});
export type EvaluationReportDueQuery = z.output<typeof EvaluationReportDueQuery>;

// ---------- answers ----------

const count = z.int().check(z.gte(0));
const fenSum = z.int().check(z.gte(0));

export const ReportFigures = z.object({
  householdsDue: withMeta(count, { description: 'disbursed households whose evaluation at this point was due by the report date (or done earlier)' }),
  householdsEvaluated: count,
  householdsNotEvaluated: count,
  principalEvaluatedFen: withMeta(fenSum, { description: 'money lent to the households evaluated' }),
  incomeToDateFen: withMeta(fenSum, { description: 'income so far, summed over the households evaluated' }),
  forecastFen: withMeta(fenSum, { description: 'income forecast, summed over the households evaluated' }),
  withProblems: withMeta(count, { description: 'households evaluated with a problem found' }),
  withActionsUrged: count,
  followUp: withMeta(count, { description: 'households needing follow-up: not evaluated although due, or a problem found' }),
  methods: withMeta(z.object({ talk: count, check: count, look: count, ask: count }), { description: 'evaluations that used each method (谈、查、看、问)' }),
  leftPoverty: withMeta(z.optional(count), { description: 'final point: households that left poverty' }),
});
export type ReportFigures = z.output<typeof ReportFigures>;

export const RoundOutcomes = z.object({
  loans: count,
  disbursedFen: fenSum,
  repaidFen: fenSum,
  writtenOffFen: fenSum,
  outstandingFen: fenSum,
  repaidInFull: count,
  incomeGainedFen: withMeta(fenSum, { description: 'income to date at the final evaluations' }),
  leftPoverty: count,
  finalEvaluations: count,
});
export type RoundOutcomes = z.output<typeof RoundOutcomes>;

export const AnnexLine = z.object({
  loanId: recordId,
  agreementNo: z.optional(z.string()),
  motherName: z.string(),
  townshipId: officeId,
  villageId: officeId,
  principalFen: fenSum,
  dueOn: isoDate,
  evaluated: z.boolean(),
  evaluatedOn: z.optional(isoDate),
  methods: z.array(EvaluationMethod),
  fundUse: z.optional(z.string()),
  progress: z.optional(z.string()),
  operatingState: z.optional(z.string()),
  incomeToDateFen: z.optional(fenSum),
  forecastFen: z.optional(fenSum),
  problems: z.optional(z.string()),
  actionsUrged: z.optional(z.string()),
  leftPoverty: z.optional(z.boolean()),
  followUp: z.optional(z.enum(['not_evaluated', 'problems'])),
});
export type AnnexLine = z.output<typeof AnnexLine>;

export const EvaluationReportSummary = z.object({
  id: recordId,
  districtId: officeId,
  roundId: recordId,
  roundName: z.string(),
  point: z.int().check(z.gte(0)),
  kind: EvaluationKind,
  monthsAfterDisbursement: z.int().check(z.gte(1)),
  revision: withMeta(z.int().check(z.gte(1)), { description: 'the report’s version: a revision asked for by the committee is a new version' }),
  status: z.enum(REPORT_STATUSES),
  dueOn: isoDate,
  asOf: withMeta(isoDate, { description: 'the figures are as of this day' }),
  figures: ReportFigures,
  outcomes: withMeta(z.optional(RoundOutcomes), { description: 'final report: the round’s outcomes' }),
  assessment: z.optional(z.string()),
  draftedBy: Actor,
  submittedOn: z.optional(isoDate),
  submittedBy: z.optional(Actor),
  reviewedOn: z.optional(isoDate),
  reviewedBy: z.optional(Actor),
  reviewComment: z.optional(z.string()),
  previousId: z.optional(recordId),
  createdAt: z.string(),
  version: z.int().check(z.gte(1)),
});

export const EvaluationReport = z.extend(EvaluationReportSummary, { annex: z.array(AnnexLine) });
export const EvaluationReportFile = z.extend(EvaluationReport, { history: z.array(HistoryEntry) });
export const EvaluationReportPage = page(EvaluationReportSummary);

export const DUE_STATES = ['due', 'overdue', 'drafted', 'submitted', 'received', 'revision_requested'] as const;

export const ReportDueRow = z.object({
  roundId: recordId,
  roundName: z.string(),
  point: z.int().check(z.gte(0)),
  kind: EvaluationKind,
  pointOn: withMeta(isoDate, { description: 'the first household’s evaluation at this point (first disbursement + the point’s months)' }),
  dueOn: withMeta(isoDate, { description: 'the report is due 30 days after pointOn' }),
  state: z.enum(DUE_STATES),
  overdue: withMeta(z.boolean(), { description: 'due before asOf and not yet submitted' }),
  reportId: z.optional(recordId),
  revision: z.optional(z.int().check(z.gte(1))),
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
