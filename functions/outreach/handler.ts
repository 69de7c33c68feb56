/** 三治 (consents, health checks, training) and the committee's donor reports. */
import { lambdaHandler } from '#shared/http/lambda.ts';
import { OUTREACH_FIELD_LABELS } from '#shared/i18n/fields-outreach.ts';
import { VALUE_ERRORS } from '#shared/i18n/errors-values.ts';
import { OUTREACH_MESSAGES } from '#shared/i18n/errors-outreach.ts';
import { APPLICATION_FIELD_LABELS } from '#shared/i18n/fields-applications.ts';
import { FORM_FIELD_LABELS } from '#shared/i18n/fields-forms.ts';
import { REPORT_FIELD_LABELS } from '#shared/i18n/fields-reports.ts';
import { OUTREACH_ROUTES } from '#shared/routes/outreach.ts';
import { healthCheckFindings, listHealthChecks, listTrainingSessions, recordConsent, recordFollowUp, recordHealthCheck, recordTrainingSession } from '#shared/usecases/outreach.ts';
import { computePublicReport, publishPublicReport, withdrawPublicReport } from '#shared/usecases/public-reports.ts';

export const handler = lambdaHandler(
  'outreach',
  OUTREACH_ROUTES,
  {
    'POST /loans/{id}/consents': ({ ctx, params, body }) => recordConsent(ctx, params.id!, body),
    'POST /health-checks': ({ ctx, body }) => recordHealthCheck(ctx, body),
    'GET /health-checks': ({ ctx, query }) => listHealthChecks(ctx, query),
    'GET /health-checks/{id}/findings': ({ ctx, params }) => healthCheckFindings(ctx, params.id!),
    'POST /health-checks/{id}/follow-up': ({ ctx, params, body }) => recordFollowUp(ctx, params.id!, body),
    'POST /training-sessions': ({ ctx, body }) => recordTrainingSession(ctx, body),
    'GET /training-sessions': ({ ctx, query }) => listTrainingSessions(ctx, query),
    'POST /public-reports/preview': ({ ctx, body }) => computePublicReport(ctx, body),
    'POST /public-reports': ({ ctx, body }) => publishPublicReport(ctx, body),
    'POST /public-reports/{id}/withdrawal': ({ ctx, params }) => withdrawPublicReport(ctx, params.id!),
  },
  [VALUE_ERRORS, OUTREACH_MESSAGES],
  [APPLICATION_FIELD_LABELS, FORM_FIELD_LABELS, OUTREACH_FIELD_LABELS, REPORT_FIELD_LABELS],
);
