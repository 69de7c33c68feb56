/** The office hierarchy: committee → district → township → village. */
import { lambdaHandler } from '#shared/http/lambda.ts';
import { VALUE_ERRORS } from '#shared/i18n/errors-values.ts';
import { PLACE_ERRORS } from '#shared/i18n/errors-places.ts';
import { FORM_FIELD_LABELS } from '#shared/i18n/fields-forms.ts';
import { OFFICES_ROUTES } from '#shared/routes/offices.ts';
import { addOffice, listOffices } from '#shared/usecases/offices.ts';

export const handler = lambdaHandler(
  'offices',
  OFFICES_ROUTES,
  {
    'GET /offices': ({ ctx }) => listOffices(ctx),
    'POST /offices': ({ ctx, body }) => addOffice(ctx, body),
  },
  [VALUE_ERRORS, PLACE_ERRORS],
  [FORM_FIELD_LABELS],
);
