/** Hand-offs of collected repayments: township → district → committee. */
import { lambdaHandler } from '#shared/http/lambda.ts';
import { VALUE_ERRORS } from '#shared/i18n/errors-values.ts';
import { PLACE_ERRORS } from '#shared/i18n/errors-places.ts';
import { REMITTANCE_ERRORS } from '#shared/i18n/errors-remittances.ts';
import { FORM_FIELD_LABELS } from '#shared/i18n/fields-forms.ts';
import { REMITTANCE_FIELD_LABELS } from '#shared/i18n/fields-remittances.ts';
import { REMITTANCES_ROUTES } from '#shared/routes/remittances.ts';
import { getRemittance, listRemittances, listWaitingRepayments, recordRemittance } from '#shared/usecases/remittances.ts';

export const handler = lambdaHandler(
  'remittances',
  REMITTANCES_ROUTES,
  {
    'POST /remittances': ({ ctx, body }) => recordRemittance(ctx, body),
    'GET /remittances': ({ ctx, query }) => listRemittances(ctx, query),
    'GET /remittances/waiting': ({ ctx, query }) => listWaitingRepayments(ctx, query),
    'GET /remittances/{id}': ({ ctx, params }) => getRemittance(ctx, params.id!),
  },
  [VALUE_ERRORS, PLACE_ERRORS, REMITTANCE_ERRORS],
  [FORM_FIELD_LABELS, REMITTANCE_FIELD_LABELS],
);
