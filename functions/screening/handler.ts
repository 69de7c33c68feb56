/** Screening and the decision: the "three nos and one priority" rules, approve or reject. */
import { lambdaHandler } from '#shared/http/lambda.ts';
import { VALUE_ERRORS } from '#shared/i18n/errors-values.ts';
import { STATE_ERRORS } from '#shared/i18n/errors-states.ts';
import { LOAN_VALUE_ERRORS } from '#shared/i18n/errors-loan-values.ts';
import { APPROVAL_ERRORS } from '#shared/i18n/errors-approval.ts';
import { ACCOUNT_ERROR_MESSAGES } from '#shared/i18n/errors-accounts.ts';
import { FORM_FIELD_LABELS } from '#shared/i18n/fields-forms.ts';
import { SCREENING_ROUTES } from '#shared/routes/screening.ts';
import { decideApplication, runScreening } from '#shared/usecases/screening.ts';

export const handler = lambdaHandler(
  'screening',
  SCREENING_ROUTES,
  {
    'POST /applications/{id}/screening': ({ ctx, params }) => runScreening(ctx, params.id!),
    'POST /applications/{id}/decision': ({ ctx, params, body }) => decideApplication(ctx, params.id!, body),
  },
  [VALUE_ERRORS, LOAN_VALUE_ERRORS, STATE_ERRORS, APPROVAL_ERRORS, ACCOUNT_ERROR_MESSAGES],
  [FORM_FIELD_LABELS],
);
