/** Bulk intake: a township's list of applications from CSV or Excel, answered row by row. */
import { lambdaHandler } from '#shared/http/lambda.ts';
import { IMPORTS_ROUTES } from '#shared/routes/imports.ts';
import { importApplications } from '#shared/usecases/imports.ts';

export const handler = lambdaHandler('imports', IMPORTS_ROUTES, {
  'POST /rounds/{id}/imports': ({ ctx, params, body }) => importApplications(ctx, params.id!, body),
});
