/** The office hierarchy: committee → district → township → village. */
import { lambdaHandler } from '#shared/http/lambda.ts';
import { AREA_FIELD_LABELS } from '#shared/i18n/fields-all.ts';
import { VALUE_ERRORS } from '#shared/i18n/errors-values.ts';
import { STATE_ERRORS } from '#shared/i18n/errors-states.ts';
import { OFFICES_ROUTES } from '#shared/routes/offices.ts';
import { addOffice, listOffices } from '#shared/usecases/offices.ts';

export const handler = lambdaHandler(
  'offices',
  OFFICES_ROUTES,
  {
    'GET /offices': ({ ctx }) => listOffices(ctx),
    'POST /offices': ({ ctx, body }) => addOffice(ctx, body),
  },
  [VALUE_ERRORS, STATE_ERRORS],
  AREA_FIELD_LABELS,
);
