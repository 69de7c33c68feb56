/** Repayments, partial or full, exactly once per Idempotency-Key. */
import { lambdaHandler } from '#shared/http/lambda.ts';
import { recordRepayment } from '#shared/usecases/repayments.ts';

export const handler = lambdaHandler('repayments', {
  'POST /loans/{id}/repayments': ({ ctx, params, body }) => recordRepayment(ctx, params.id!, body),
});
