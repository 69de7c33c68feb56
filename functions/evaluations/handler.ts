/** On-site evaluations: mid-term, year-end and final. */
import { lambdaHandler } from '#shared/http/lambda.ts';
import { VALUE_ERRORS } from '#shared/i18n/errors-values.ts';
import { STATE_ERRORS } from '#shared/i18n/errors-states.ts';
import { EVALUATION_FIELD_LABELS } from '#shared/i18n/fields-evaluations.ts';
import { FORM_FIELD_LABELS } from '#shared/i18n/fields-forms.ts';
import { EVALUATIONS_ROUTES } from '#shared/routes/evaluations.ts';
import { recordEvaluation } from '#shared/usecases/evaluations.ts';

export const handler = lambdaHandler(
  'evaluations',
  EVALUATIONS_ROUTES,
  {
    'POST /loans/{id}/evaluations': ({ ctx, params, body }) => recordEvaluation(ctx, params.id!, body),
  },
  [VALUE_ERRORS, STATE_ERRORS],
  [EVALUATION_FIELD_LABELS, FORM_FIELD_LABELS],
);
