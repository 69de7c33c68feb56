/** Committee confirmation (审核确定): the district's confirmation lists and the committee's decision. */
import { lambdaHandler } from '#shared/http/lambda.ts';
import { VALUE_ERRORS } from '#shared/i18n/errors-values.ts';
import { PROGRAMME_ERROR_MESSAGES } from '#shared/i18n/errors-programme.ts';
import { CONFIRMATION_STATE_ERRORS } from '#shared/i18n/errors-confirmation-state.ts';
import { FORM_FIELD_LABELS } from '#shared/i18n/fields-forms.ts';
import { PROGRAMME_FIELD_LABELS } from '#shared/i18n/fields-programme.ts';
import { PROGRAMME_ROUTES } from '#shared/routes/programme.ts';
import { decideConfirmationList, getConfirmationList, listConfirmationLists, sendConfirmationList } from '#shared/usecases/confirmations.ts';

export const handler = lambdaHandler(
  'confirmations',
  PROGRAMME_ROUTES,
  {
    'POST /confirmation-lists': ({ ctx, body }) => sendConfirmationList(ctx, body),
    'GET /confirmation-lists': ({ ctx, query }) => listConfirmationLists(ctx, query),
    'GET /confirmation-lists/{id}': ({ ctx, params }) => getConfirmationList(ctx, params.id!),
    'POST /confirmation-lists/{id}/decision': ({ ctx, params, body }) => decideConfirmationList(ctx, params.id!, body),
  },
  [VALUE_ERRORS, CONFIRMATION_STATE_ERRORS, PROGRAMME_ERROR_MESSAGES],
  [FORM_FIELD_LABELS, PROGRAMME_FIELD_LABELS],
);
