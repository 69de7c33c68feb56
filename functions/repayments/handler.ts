/** Money coming back: repayments, partial or full, exactly once per Idempotency-Key; and write-offs. */
import { lambdaHandler } from '#shared/http/lambda.ts';
import { VALUE_ERRORS } from '#shared/i18n/errors-values.ts';
import { STATE_ERRORS } from '#shared/i18n/errors-states.ts';
import { LOAN_VALUE_ERRORS } from '#shared/i18n/errors-loan-values.ts';
import { APPROVAL_ERRORS } from '#shared/i18n/errors-approval.ts';
import { FORM_FIELD_LABELS } from '#shared/i18n/fields-forms.ts';
import { LEDGER_FIELD_LABELS } from '#shared/i18n/fields-ledger.ts';
import { REPAYMENT_FIELD_LABELS } from '#shared/i18n/fields-repayments.ts';
import { REPAYMENTS_ROUTES } from '#shared/routes/repayments.ts';
import { recordRepayment, writeOffLoan } from '#shared/usecases/repayments.ts';

export const handler = lambdaHandler(
  'repayments',
  REPAYMENTS_ROUTES,
  {
    'POST /loans/{id}/repayments': ({ ctx, params, body }) => recordRepayment(ctx, params.id!, body),
    'POST /loans/{id}/write-off': ({ ctx, params, body }) => writeOffLoan(ctx, params.id!, body),
  },
  [VALUE_ERRORS, LOAN_VALUE_ERRORS, STATE_ERRORS, APPROVAL_ERRORS],
  [FORM_FIELD_LABELS, LEDGER_FIELD_LABELS, REPAYMENT_FIELD_LABELS],
);
