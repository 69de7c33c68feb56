/** The published donor reports, without sign-in: frozen snapshots with no personal data (read-only function). */
import { lambdaHandler } from '#shared/http/lambda.ts';
import { publicReport, publicReports } from '#shared/usecases/public-reports.ts';

export const handler = lambdaHandler('public', {
  'GET /public/reports': () => publicReports(),
  'GET /public/reports/{id}': ({ params }) => publicReport(params.id!),
});
