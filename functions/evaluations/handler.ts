/** On-site evaluations: mid-term, year-end and final. */
import { lambdaHandler } from '#shared/http/lambda.ts';
import { recordEvaluation } from '#shared/usecases/evaluations.ts';

export const handler = lambdaHandler('evaluations', {
  'POST /loans/{id}/evaluations': ({ ctx, params, body }) => recordEvaluation(ctx, params.id!, body),
});
