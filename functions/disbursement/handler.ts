/** Paying out: the signed agreement with guarantors, then the disbursement to the mother in person. */
import { lambdaHandler } from '#shared/http/lambda.ts';
import { VALUE_ERRORS } from '#shared/i18n/errors-values.ts';
import { STATE_ERRORS } from '#shared/i18n/errors-states.ts';
import { LOAN_VALUE_ERRORS } from '#shared/i18n/errors-loan-values.ts';
import { APPROVAL_ERRORS } from '#shared/i18n/errors-approval.ts';
import { CONFIRMATION_STATE_ERRORS } from '#shared/i18n/errors-confirmation-state.ts';
import { ACCOUNT_ERROR_MESSAGES } from '#shared/i18n/errors-accounts.ts';
import { DISBURSEMENT_FIELD_LABELS } from '#shared/i18n/fields-disbursement.ts';
import { FORM_FIELD_LABELS } from '#shared/i18n/fields-forms.ts';
import { REPAYMENT_FIELD_LABELS } from '#shared/i18n/fields-repayments.ts';
import { DISBURSEMENT_ROUTES } from '#shared/routes/disbursement.ts';
import { disburseLoan, recordAgreement } from '#shared/usecases/disbursement.ts';

export const handler = lambdaHandler(
  'disbursement',
  DISBURSEMENT_ROUTES,
  {
    'POST /loans/{id}/agreement': ({ ctx, params, body }) => recordAgreement(ctx, params.id!, body),
    'POST /loans/{id}/disbursement': ({ ctx, params, body }) => disburseLoan(ctx, params.id!, body),
  },
  [VALUE_ERRORS, LOAN_VALUE_ERRORS, STATE_ERRORS, APPROVAL_ERRORS, CONFIRMATION_STATE_ERRORS, ACCOUNT_ERROR_MESSAGES],
  [DISBURSEMENT_FIELD_LABELS, FORM_FIELD_LABELS, REPAYMENT_FIELD_LABELS],
);
