/** Lending rounds: the committee opens them; everyone in the district sees them. */
import { lambdaHandler } from '#shared/http/lambda.ts';
import { findRound, listRounds, openRound } from '#shared/usecases/rounds.ts';

export const handler = lambdaHandler('rounds', {
  'POST /rounds': ({ ctx, body }) => openRound(ctx, body),
  'GET /rounds': ({ ctx, query }) => listRounds(ctx, query),
  'GET /rounds/{id}': ({ ctx, params }) => findRound(ctx, params.id!),
});
