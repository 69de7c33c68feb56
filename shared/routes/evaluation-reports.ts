/** The routes served by the `evaluation-reports` function: the districts' evaluation reports (中期 / 年终 / 终期评估报告) and the committee's review. */
import type { RouteSpec } from './spec.ts';
import {
  EvaluationReport,
  EvaluationReportDraftInput,
  EvaluationReportDueQuery,
  EvaluationReportFile,
  EvaluationReportPage,
  EvaluationReportQuery,
  EvaluationReportReviewInput,
  EvaluationReportSubmitInput,
  EvaluationReportUpdateInput,
  ReportDueOverview,
} from '../domain/evaluation-report-schemas.ts';

export const EVALUATION_REPORTS_ROUTES = {
  'POST /evaluation-reports': {
    fn: 'evaluation-reports',
    summary: 'The system drafts a round’s evaluation report at one point (mid-term, year-end, final) from the households’ evaluations',
    roles: ['district'],
    body: EvaluationReportDraftInput,
    idempotencyKey: 'optional',
    status: 201,
    response: EvaluationReport,
  },
  'GET /evaluation-reports': {
    fn: 'evaluation-reports',
    summary: 'Evaluation reports of a district or round, every version (without the annex)',
    roles: ['committee', 'district'],
    query: EvaluationReportQuery,
    response: EvaluationReportPage,
  },
  'GET /evaluation-reports/due': {
    fn: 'evaluation-reports',
    summary: 'Reports due, overdue, submitted and received per district and round',
    roles: ['committee', 'district'],
    query: EvaluationReportDueQuery,
    response: ReportDueOverview,
  },
  'GET /evaluation-reports/{id}': {
    fn: 'evaluation-reports',
    summary: 'One version of a report with its annex (谈、查、看、问 per household) and history',
    roles: ['committee', 'district'],
    response: EvaluationReportFile,
  },
  'PATCH /evaluation-reports/{id}': {
    fn: 'evaluation-reports',
    summary: 'The district writes its assessment on a draft (optionally drawing the figures again)',
    roles: ['district'],
    body: EvaluationReportUpdateInput,
    idempotencyKey: 'optional',
    response: EvaluationReport,
  },
  'POST /evaluation-reports/{id}/submit': {
    fn: 'evaluation-reports',
    summary: 'The district submits the report to the committee; it never changes afterwards',
    roles: ['district'],
    body: EvaluationReportSubmitInput,
    idempotencyKey: 'optional',
    response: EvaluationReport,
  },
  'POST /evaluation-reports/{id}/review': {
    fn: 'evaluation-reports',
    summary: 'The committee marks a submitted report received (with a comment) or asks for a revision',
    roles: ['committee'],
    body: EvaluationReportReviewInput,
    idempotencyKey: 'optional',
    response: EvaluationReport,
  },
} as const satisfies Record<string, RouteSpec>;
