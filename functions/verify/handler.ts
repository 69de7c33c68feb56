/** The public check of a printed receipt (its QR code): served without sign-in, rate-limited by its route. */
import { lambdaHandler } from '#shared/http/lambda.ts';
import { VALUE_ERRORS } from '#shared/i18n/errors-values.ts';
import { SMS_ERROR_MESSAGES } from '#shared/i18n/errors-sms.ts';
import { FORM_FIELD_LABELS } from '#shared/i18n/fields-forms.ts';
import { SMS_ROUTES } from '#shared/routes/sms.ts';
import { verifyReceipt } from '#shared/usecases/sms.ts';

export const handler = lambdaHandler(
  'verify',
  SMS_ROUTES,
  {
    'GET /public/receipts/{loanId}/{repaymentId}': ({ params, query }) => verifyReceipt(params.loanId!, params.repaymentId!, query.t),
  },
  [VALUE_ERRORS, SMS_ERROR_MESSAGES],
  [FORM_FIELD_LABELS],
);
