/** The staff directory: who works where, in which role, and whether they may still sign in. */
import { lambdaHandler } from '#shared/http/lambda.ts';
import { VALUE_ERRORS } from '#shared/i18n/errors-values.ts';
import { DIRECTORY_ERROR_MESSAGES } from '#shared/i18n/errors-directory.ts';
import { FORM_FIELD_LABELS } from '#shared/i18n/fields-forms.ts';
import { STAFF_ROUTES } from '#shared/routes/staff.ts';
import { addStaff, listStaff, updateStaff } from '#shared/usecases/staff.ts';

export const handler = lambdaHandler(
  'staff',
  STAFF_ROUTES,
  {
    'GET /me': async ({ ctx }) => ctx.caller,
    'POST /staff': ({ ctx, body }) => addStaff(ctx, body),
    'GET /staff': ({ ctx }) => listStaff(ctx),
    'PATCH /staff/{id}': ({ ctx, params, body }) => updateStaff(ctx, params.id!, body),
  },
  [VALUE_ERRORS, DIRECTORY_ERROR_MESSAGES],
  [FORM_FIELD_LABELS],
);
