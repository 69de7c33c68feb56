/** The public check of a printed receipt (its QR code): served without sign-in, rate-limited by its route. */
import { lambdaHandler } from '#shared/http/lambda.ts';
import { verifyReceipt } from '#shared/usecases/sms.ts';

export const handler = lambdaHandler('verify', {
  'GET /public/receipts/{loanId}/{repaymentId}': ({ params, query }) => verifyReceipt(params.loanId!, params.repaymentId!, query.t),
});
