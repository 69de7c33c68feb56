/** What an auditor reads: the exceptions and the hand-off reconciliation, as JSON or as CSV for Excel (?format=csv). */
import { lambdaHandler } from '#shared/http/lambda.ts';
import { VALUE_ERRORS } from '#shared/i18n/errors-values.ts';
import { STATE_ERRORS } from '#shared/i18n/errors-states.ts';
import { REPORT_FIELD_LABELS } from '#shared/i18n/fields-reports.ts';
import { AUDIT_ROUTES } from '#shared/routes/audit.ts';
import { exceptionsCsv, remittancesCsv } from '#shared/http/report-csv.ts';
import { remittanceReconciliation } from '#shared/usecases/remittances.ts';
import { exceptionsReport } from '#shared/usecases/exceptions.ts';

export const handler = lambdaHandler(
  'audit',
  AUDIT_ROUTES,
  {
    'GET /reports/exceptions': async ({ ctx, query }) => (query.format === 'csv' ? exceptionsCsv(await exceptionsReport(ctx, query), ctx.lang) : exceptionsReport(ctx, query)),
    'GET /reports/remittances': async ({ ctx, query }) => (query.format === 'csv' ? remittancesCsv(await remittanceReconciliation(ctx, query), ctx.lang) : remittanceReconciliation(ctx, query)),
  },
  [VALUE_ERRORS, STATE_ERRORS],
  [REPORT_FIELD_LABELS],
);
