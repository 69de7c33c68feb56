/** Committee confirmation (审核确定): the district's confirmation lists and the committee's decision. */
import { lambdaHandler } from '#shared/http/lambda.ts';
import { decideConfirmationList, getConfirmationList, listConfirmationLists, sendConfirmationList } from '#shared/usecases/confirmations.ts';

export const handler = lambdaHandler('confirmations', {
  'POST /confirmation-lists': ({ ctx, body }) => sendConfirmationList(ctx, body),
  'GET /confirmation-lists': ({ ctx, query }) => listConfirmationLists(ctx, query),
  'GET /confirmation-lists/{id}': ({ ctx, params }) => getConfirmationList(ctx, params.id!),
  'POST /confirmation-lists/{id}/decision': ({ ctx, params, body }) => decideConfirmationList(ctx, params.id!, body),
});
