/**
 * Evaluation reports (中期 / 年终 / 终期评估报告): "项目运作半年和年底时，区项目办到实地进行效益评估，
 * 写出中期和年终评估报告，报市幸福工程组委会", and at the end of the term a final one. The system
 * drafts a district's report of a round at one point from the households' evaluations; the
 * district writes its assessment and submits it (then it never changes); the committee marks it
 * received or asks for a revision (a new version).
 */
import { Conflict, NotFound, ValidationFailed, futureDate } from '../domain/errors.ts';
import type {
  EvaluationReportDraftInput,
  EvaluationReportDueQuery,
  EvaluationReportQuery,
  EvaluationReportReviewInput,
  EvaluationReportSubmitInput,
  EvaluationReportUpdateInput,
} from '../domain/evaluation-report-schemas.ts';
import { draftFigures, dueStateOf, firstDisbursement, pointOf, pointsOf, reportDates, roundOutcomes } from '../domain/evaluation-reports.ts';
import type { Round } from '../domain/entities.ts';
import { historyView } from '../i18n/history.ts';
import { DEFAULT_LANG } from '../i18n/lang.ts';
import {
  type EvaluationReport,
  evaluationsAt,
  listReports,
  loadReport,
  loansOfRound,
  payoutsOfRound,
  reportsOfDistrict,
  reportsOfRound,
  stageNewReport,
  stageReportUpdate,
} from '../store/evaluation-reports.ts';
import type { Page } from '../store/records.ts';
import { allRounds, getRound } from '../store/rounds.ts';
import { Transaction } from '../store/transaction.ts';
import { actorOf, historyItem, newId, type Context } from './context.ts';
import { districtsFor, listScope } from './scope.ts';

const REPORT_PK = (id: string) => `EVALREPORT#${id}`;

/** The figures, annex and (final point) outcomes of a round's report as of `asOf`, read from its loans and their evaluations. */
async function figuresOf(round: Round, point: number, asOf: string) {
  const p = pointOf(round, point)!;
  const loans = await loansOfRound(round.id);
  const evaluations = await evaluationsAt(loans, point);
  const drafted = draftFigures(
    loans.map((loan) => ({ loan, evaluation: evaluations.get(loan.id) })),
    point,
    p.kind,
    asOf,
  );
  const first = firstDisbursement(loans);
  const outcomes =
    p.kind === 'final'
      ? roundOutcomes(
          loans,
          [...evaluations.values()].filter((e) => e.kind === 'final'),
        )
      : undefined;
  return { ...drafted, first, kind: p.kind, months: p.months, ...(outcomes ? { outcomes } : {}) };
}

/** The latest version of each point's report, by point. */
function latestByPoint(reports: EvaluationReport[]): Map<string, EvaluationReport> {
  const latest = new Map<string, EvaluationReport>();
  for (const r of reports) {
    const key = `${r.roundId}#${r.point}`;
    if ((latest.get(key)?.revision ?? 0) < r.revision) latest.set(key, r);
  }
  return latest;
}

/**
 * draftEvaluationReport: the district asks the system to draft a round's report at one point.
 * 1. the round is visible to the caller and its schedule has the point; 2. no version of that
 * point's report is open (a draft, submitted or received one): only after the committee asked
 * for a revision is a new version drafted, carrying the previous assessment; 3. at least one
 * household's evaluation at that point was due by today; 4. the figures, the annex and (final
 * point) the round's outcomes are drawn from the loans and their evaluations; 5. the version and
 * its history are written together (a guard item refuses a second draft of the same version).
 */
export async function draftEvaluationReport(ctx: Context, input: EvaluationReportDraftInput): Promise<EvaluationReport> {
  const round = await getRound(input.roundId);
  if (!round) throw new ValidationFailed(`names round ${input.roundId}, which does not exist`, 'roundId', { rule: 'round_missing' });
  await districtsFor(ctx.caller, round.districtId);
  const p = pointOf(round, input.point);
  if (!p)
    throw new ValidationFailed(`round ${round.name} has ${pointsOf(round).length} evaluation points (0 to ${pointsOf(round).length - 1})`, 'point', {
      rule: 'report_point_unknown',
      params: { points: pointsOf(round).length },
    });
  const previous = latestByPoint(await reportsOfRound(round.id)).get(`${round.id}#${input.point}`);
  if (previous && previous.status !== 'revision_requested')
    throw new Conflict(`this report already has version ${previous.revision} (${previous.status})`, 'report_exists', { status: previous.status, id: previous.id });
  const drawn = await figuresOf(round, input.point, ctx.today);
  if (!drawn.first || drawn.annex.length === 0) throw new Conflict('no household’s evaluation at this point has fallen due yet', 'report_nothing_due', { kind: p.kind });
  const { dueOn } = reportDates(drawn.first, p.months);
  const report: EvaluationReport = {
    id: newId(),
    districtId: round.districtId,
    roundId: round.id,
    roundName: round.name,
    point: input.point,
    kind: p.kind,
    monthsAfterDisbursement: p.months,
    revision: (previous?.revision ?? 0) + 1,
    status: 'draft',
    dueOn,
    asOf: ctx.today,
    figures: drawn.figures,
    ...(drawn.outcomes ? { outcomes: drawn.outcomes } : {}),
    annex: drawn.annex,
    ...(previous?.assessment ? { assessment: previous.assessment } : {}),
    draftedBy: actorOf(ctx.caller),
    ...(previous ? { previousId: previous.id } : {}),
    createdAt: ctx.now.toISOString(),
    version: 1,
  };
  const tx = new Transaction();
  stageNewReport(tx, report);
  tx.create(
    historyItem(
      ctx,
      REPORT_PK(report.id),
      'evaluation_report_drafted',
      `${p.kind} evaluation report drafted (version ${report.revision}): ${drawn.figures.householdsEvaluated} of ${drawn.figures.householdsDue} households evaluated`,
      {
        kind: p.kind,
        version: report.revision,
        due: drawn.figures.householdsDue,
        evaluated: drawn.figures.householdsEvaluated,
      },
    ),
  );
  return tx.commit(report, ctx.idempotency);
}

/** The report, visible to the caller (the committee, or its district). */
async function visibleReport(ctx: Context, id: string) {
  const found = await loadReport(id);
  if (!found) throw new NotFound('evaluation report', id);
  await districtsFor(ctx.caller, found.report.districtId);
  return found;
}

function assertDraft(report: EvaluationReport): void {
  if (report.status !== 'draft')
    throw new Conflict(`version ${report.revision} of this report is ${report.status} and can no longer change (a revision is a new version)`, 'report_submitted', {
      status: report.status,
      on: report.submittedOn,
    });
}

/**
 * updateEvaluationReport: the district writes its assessment on a draft.
 * 1. the report is a draft (a submitted version never changes); 2. the assessment is replaced;
 * 3. on request the figures and annex are drawn again as of today.
 */
export async function updateEvaluationReport(ctx: Context, id: string, input: EvaluationReportUpdateInput): Promise<EvaluationReport> {
  const { report } = await visibleReport(ctx, id);
  assertDraft(report);
  let next: EvaluationReport = { ...report, assessment: input.assessment };
  if (input.refreshFigures) {
    const round = await getRound(report.roundId);
    if (!round) throw new NotFound('round', report.roundId);
    const drawn = await figuresOf(round, report.point, ctx.today);
    next = { ...next, asOf: ctx.today, figures: drawn.figures, annex: drawn.annex, ...(drawn.outcomes ? { outcomes: drawn.outcomes } : {}) };
  }
  const tx = new Transaction();
  const saved = stageReportUpdate(tx, next);
  return tx.commit(saved, ctx.idempotency);
}

/**
 * submitEvaluationReport: the district sends the report to the committee (报市幸福工程组委会).
 * 1. the report is a draft with an assessment; 2. it is dated today or earlier, not before the
 * figures' date; 3. it becomes submitted, with its history: from now on it never changes.
 */
export async function submitEvaluationReport(ctx: Context, id: string, input: EvaluationReportSubmitInput): Promise<EvaluationReport> {
  const { report } = await visibleReport(ctx, id);
  assertDraft(report);
  if (!report.assessment) throw new ValidationFailed('the district’s assessment must be written before the report is submitted', 'assessment', { rule: 'report_assessment_missing' });
  if (input.reportedOn > ctx.today) throw futureDate('reportedOn', ctx.today);
  if (input.reportedOn < report.asOf)
    throw new ValidationFailed(`must not be before the date of the figures (${report.asOf})`, 'reportedOn', { rule: 'report_before_figures', params: { date: report.asOf } });
  const tx = new Transaction();
  const saved = stageReportUpdate(tx, { ...report, status: 'submitted', submittedOn: input.reportedOn, submittedBy: actorOf(ctx.caller) });
  tx.create(
    historyItem(ctx, REPORT_PK(id), 'evaluation_report_submitted', `${report.kind} evaluation report submitted on ${input.reportedOn} (version ${report.revision})`, {
      kind: report.kind,
      version: report.revision,
      submittedOn: input.reportedOn,
    }),
  );
  return tx.commit(saved, ctx.idempotency);
}

/**
 * reviewEvaluationReport: the committee marks a submitted report received (with a comment, if
 * any) or asks for a revision (with its comment; the district then drafts a new version).
 * 1. the report is submitted and not yet reviewed; 2. the review is dated today or earlier, not
 * before the submission; 3. the status and the history are written together.
 */
export async function reviewEvaluationReport(ctx: Context, id: string, input: EvaluationReportReviewInput): Promise<EvaluationReport> {
  const { report } = await visibleReport(ctx, id);
  if (report.status !== 'submitted') throw new Conflict(`version ${report.revision} of this report is ${report.status}`, 'report_not_submitted', { status: report.status });
  if (input.reviewedOn > ctx.today) throw futureDate('reviewedOn', ctx.today);
  if (input.reviewedOn < report.submittedOn!)
    throw new ValidationFailed(`must not be before the report was submitted (${report.submittedOn})`, 'reviewedOn', { rule: 'review_before_submission', params: { date: report.submittedOn } });
  const tx = new Transaction();
  const saved = stageReportUpdate(tx, {
    ...report,
    status: input.decision === 'received' ? 'received' : 'revision_requested',
    reviewedOn: input.reviewedOn,
    reviewedBy: actorOf(ctx.caller),
    ...(input.comment ? { reviewComment: input.comment } : {}),
  });
  tx.create(
    historyItem(
      ctx,
      REPORT_PK(id),
      input.decision === 'received' ? 'evaluation_report_received' : 'evaluation_report_revision',
      input.decision === 'received' ? `received by the committee on ${input.reviewedOn}` : `the committee asked for a revision on ${input.reviewedOn}: ${input.comment}`,
      { kind: report.kind, version: report.revision, reviewedOn: input.reviewedOn, ...(input.comment ? { comment: input.comment } : {}) },
    ),
  );
  return tx.commit(saved, ctx.idempotency);
}

/** listEvaluationReports: the reports of the caller's districts (or of one round), every version, without their annex. */
export async function listEvaluationReports(ctx: Context, q: EvaluationReportQuery): Promise<Page<Omit<EvaluationReport, 'annex'>>> {
  const page = await listReports(await listScope(ctx.caller, q), q);
  return { ...page, items: page.items.map(({ annex: _annex, ...summary }) => summary) };
}

/** getEvaluationReport: one version with its annex and history. */
export async function getEvaluationReport(ctx: Context, id: string) {
  const { report, history } = await visibleReport(ctx, id);
  return { ...report, history: historyView(history, ctx.lang ?? DEFAULT_LANG) };
}

/**
 * evaluationReportsDue: for the committee's dashboard and the district's menu, where each
 * report stands on `asOf`: for every round of each district that has paid out money, each
 * point already reached (first disbursement + its months ≤ asOf), its due date (30 days later)
 * and the state of its latest version.
 */
export async function evaluationReportsDue(ctx: Context, q: EvaluationReportDueQuery) {
  const asOf = q.asOf ?? ctx.today;
  if (asOf > ctx.today) throw futureDate('asOf', ctx.today);
  const districtIds = await districtsFor(ctx.caller, q.districtId);
  const districts = await Promise.all(
    districtIds.map(async (districtId) => {
      const [rounds, reports] = await Promise.all([allRounds([districtId]), reportsOfDistrict(districtId)]);
      const latest = latestByPoint(reports);
      const paying = rounds.filter((r) => r.disbursedFen > 0);
      const firsts = await Promise.all(paying.map(async (r) => firstDisbursement(await payoutsOfRound(r.id))));
      const rows = paying.flatMap((round, i) => {
        const first = firsts[i];
        if (!first) return [];
        return pointsOf(round).flatMap((p) => {
          const { pointOn, dueOn } = reportDates(first, p.months);
          if (pointOn > asOf) return [];
          const report = latest.get(`${round.id}#${p.point}`);
          const { state, overdue } = dueStateOf(dueOn, asOf, report);
          return [
            {
              roundId: round.id,
              roundName: round.name,
              point: p.point,
              kind: p.kind,
              pointOn,
              dueOn,
              state,
              overdue,
              ...(report ? { reportId: report.id, revision: report.revision } : {}),
            },
          ];
        });
      });
      const counts = {
        due: rows.filter((r) => !r.overdue && ['due', 'drafted', 'revision_requested'].includes(r.state)).length,
        overdue: rows.filter((r) => r.overdue).length,
        submitted: rows.filter((r) => r.state === 'submitted').length,
        received: rows.filter((r) => r.state === 'received').length,
      };
      return { districtId, counts, rows };
    }),
  );
  return { asOf, districts };
}
