/** The published donor reports, without sign-in: frozen snapshots with no personal data (read-only function). */
import { lambdaHandler } from '#shared/http/lambda.ts';
import { AREA_FIELD_LABELS } from '#shared/i18n/fields-all.ts';
import { OUTREACH_MESSAGES } from '#shared/i18n/errors-outreach.ts';
import { VALUE_ERRORS } from '#shared/i18n/errors-values.ts';
import { STATE_ERRORS } from '#shared/i18n/errors-states.ts';
import { OUTREACH_ROUTES } from '#shared/routes/outreach.ts';
import { publicReport, publicReports } from '#shared/usecases/public-reports.ts';

export const handler = lambdaHandler(
  'public',
  OUTREACH_ROUTES,
  {
    'GET /public/reports': () => publicReports(),
    'GET /public/reports/{id}': ({ params }) => publicReport(params.id!),
  },
  [VALUE_ERRORS, STATE_ERRORS, OUTREACH_MESSAGES],
  AREA_FIELD_LABELS,
);
