/** On-site evaluations: mid-term, year-end and final. */
import { lambdaHandler } from '#shared/http/lambda.ts';
import { EVALUATIONS_ROUTES } from '#shared/routes/evaluations.ts';
import { recordEvaluation } from '#shared/usecases/evaluations.ts';

export const handler = lambdaHandler('evaluations', EVALUATIONS_ROUTES, {
  'POST /loans/{id}/evaluations': ({ ctx, params, body }) => recordEvaluation(ctx, params.id!, body),
});
