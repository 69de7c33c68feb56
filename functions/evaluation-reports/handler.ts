/** Evaluation reports (评估报告): drafted from the evaluations, written and submitted by the district, received by the committee. */
import { lambdaHandler } from '#shared/http/lambda.ts';
import { VALUE_ERRORS } from '#shared/i18n/errors-values.ts';
import { EVALUATION_REPORT_ERRORS } from '#shared/i18n/errors-evaluation-reports.ts';
import { PLACE_ERRORS } from '#shared/i18n/errors-places.ts';
import { EVALUATION_FIELD_LABELS } from '#shared/i18n/fields-evaluations.ts';
import { EVALUATION_REPORT_FIELD_LABELS } from '#shared/i18n/fields-evaluation-reports.ts';
import { FORM_FIELD_LABELS } from '#shared/i18n/fields-forms.ts';
import { REPORT_FIELD_LABELS } from '#shared/i18n/fields-reports.ts';
import { EVALUATION_REPORTS_ROUTES } from '#shared/routes/evaluation-reports.ts';
import {
  draftEvaluationReport,
  evaluationReportsDue,
  getEvaluationReport,
  listEvaluationReports,
  reviewEvaluationReport,
  submitEvaluationReport,
  updateEvaluationReport,
} from '#shared/usecases/evaluation-reports.ts';

export const handler = lambdaHandler(
  'evaluation-reports',
  EVALUATION_REPORTS_ROUTES,
  {
    'POST /evaluation-reports': ({ ctx, body }) => draftEvaluationReport(ctx, body),
    'GET /evaluation-reports': ({ ctx, query }) => listEvaluationReports(ctx, query),
    'GET /evaluation-reports/due': ({ ctx, query }) => evaluationReportsDue(ctx, query),
    'GET /evaluation-reports/{id}': ({ ctx, params }) => getEvaluationReport(ctx, params.id!),
    'PATCH /evaluation-reports/{id}': ({ ctx, params, body }) => updateEvaluationReport(ctx, params.id!, body),
    'POST /evaluation-reports/{id}/submit': ({ ctx, params, body }) => submitEvaluationReport(ctx, params.id!, body),
    'POST /evaluation-reports/{id}/review': ({ ctx, params, body }) => reviewEvaluationReport(ctx, params.id!, body),
  },
  [VALUE_ERRORS, PLACE_ERRORS, EVALUATION_REPORT_ERRORS],
  [EVALUATION_FIELD_LABELS, EVALUATION_REPORT_FIELD_LABELS, FORM_FIELD_LABELS, REPORT_FIELD_LABELS],
);
