/** The office hierarchy: committee → district → township → village. */
import { lambdaHandler } from '#shared/http/lambda.ts';
import { addOffice, listOffices } from '#shared/usecases/offices.ts';

export const handler = lambdaHandler('offices', {
  'GET /offices': ({ ctx }) => listOffices(ctx),
  'POST /offices': ({ ctx, body }) => addOffice(ctx, body),
});
