/** The dashboards' reports, as JSON or as CSV for Excel (?format=csv), and the township's collection list. */
import { lambdaHandler } from '#shared/http/lambda.ts';
import { VALUE_ERRORS } from '#shared/i18n/errors-values.ts';
import { FORM_FIELD_LABELS } from '#shared/i18n/fields-forms.ts';
import { REPORT_FIELD_LABELS } from '#shared/i18n/fields-reports.ts';
import { REPORTS_ROUTES } from '#shared/routes/reports.ts';
import { evaluationsCsv, fundCsv, outcomesCsv, portfolioCsv, repaymentCsv } from '#shared/http/report-csv.ts';
import { collectionList, evaluationsReport, fundReport, outcomesReport, portfolioReport, repaymentReport } from '#shared/usecases/reports.ts';

export const handler = lambdaHandler(
  'reports',
  REPORTS_ROUTES,
  {
    'GET /reports/collection': ({ ctx, query }) => collectionList(ctx, query),
    'GET /reports/repayment': async ({ ctx, query }) => (query.format === 'csv' ? repaymentCsv(await repaymentReport(ctx, query), ctx.lang) : repaymentReport(ctx, query)),
    'GET /reports/portfolio': async ({ ctx, query }) => (query.format === 'csv' ? portfolioCsv(await portfolioReport(ctx, query), ctx.lang) : portfolioReport(ctx, query)),
    'GET /reports/outcomes': async ({ ctx, query }) => (query.format === 'csv' ? outcomesCsv(await outcomesReport(ctx, query), ctx.lang) : outcomesReport(ctx, query)),
    'GET /reports/evaluations': async ({ ctx, query }) => (query.format === 'csv' ? evaluationsCsv(await evaluationsReport(ctx, query), ctx.lang) : evaluationsReport(ctx, query)),
    'GET /reports/fund': async ({ ctx, query }) => (query.format === 'csv' ? fundCsv(await fundReport(ctx, query), ctx.lang) : fundReport(ctx, query)),
  },
  [VALUE_ERRORS],
  [FORM_FIELD_LABELS, REPORT_FIELD_LABELS],
);
