/** The published donor reports, without sign-in: frozen snapshots with no personal data (read-only function). */
import { lambdaHandler } from '#shared/http/lambda.ts';
import { VALUE_ERRORS } from '#shared/i18n/errors-values.ts';
import { FORM_FIELD_LABELS } from '#shared/i18n/fields-forms.ts';
import { OUTREACH_ROUTES } from '#shared/routes/outreach.ts';
import { publicReport, publicReports } from '#shared/usecases/public-reports.ts';

export const handler = lambdaHandler(
  'public',
  OUTREACH_ROUTES,
  {
    'GET /public/reports': () => publicReports(),
    'GET /public/reports/{id}': ({ params }) => publicReport(params.id!),
  },
  [VALUE_ERRORS],
  [FORM_FIELD_LABELS],
);
