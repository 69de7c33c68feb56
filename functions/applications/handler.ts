/** Applications: submission, public notice and objections, household visits. */
import { lambdaHandler } from '#shared/http/lambda.ts';
import { VALUE_ERRORS } from '#shared/i18n/errors-values.ts';
import { STATE_ERRORS } from '#shared/i18n/errors-states.ts';
import { SMS_ERROR_MESSAGES } from '#shared/i18n/errors-sms.ts';
import { LOAN_VALUE_ERRORS } from '#shared/i18n/errors-loan-values.ts';
import { PLACE_ERRORS } from '#shared/i18n/errors-places.ts';
import { DIRECTORY_ERROR_MESSAGES } from '#shared/i18n/errors-directory.ts';
import { REASON_ERROR_MESSAGES } from '#shared/i18n/errors-reasons.ts';
import { REVEAL_ERROR_MESSAGES } from '#shared/i18n/errors-reveals.ts';
import { APPLICATION_FIELD_LABELS } from '#shared/i18n/fields-applications.ts';
import { FORM_FIELD_LABELS } from '#shared/i18n/fields-forms.ts';
import { APPLICATIONS_ROUTES } from '#shared/routes/applications.ts';
import { getApplication, listApplications, logVisit, postNotice, raiseObjection, resolveObjection, revealResidentId, submitApplication } from '#shared/usecases/applications.ts';

export const handler = lambdaHandler(
  'applications',
  APPLICATIONS_ROUTES,
  {
    'POST /applications': ({ ctx, body }) => submitApplication(ctx, body),
    'GET /applications': ({ ctx, query }) => listApplications(ctx, query),
    'GET /applications/{id}': ({ ctx, params }) => getApplication(ctx, params.id!),
    'POST /applications/{id}/notice': ({ ctx, params, body }) => postNotice(ctx, params.id!, body),
    'POST /applications/{id}/objections': ({ ctx, params, body }) => raiseObjection(ctx, params.id!, body),
    'POST /applications/{id}/objections/{objectionId}/resolution': ({ ctx, params, body }) => resolveObjection(ctx, params.id!, params.objectionId!, body),
    'POST /applications/{id}/resident-id': ({ ctx, params, body }) => revealResidentId(ctx, params.id!, body),
    'POST /applications/{id}/visits': ({ ctx, params, body }) => logVisit(ctx, params.id!, body),
  },
  [VALUE_ERRORS, LOAN_VALUE_ERRORS, PLACE_ERRORS, STATE_ERRORS, DIRECTORY_ERROR_MESSAGES, REASON_ERROR_MESSAGES, REVEAL_ERROR_MESSAGES, SMS_ERROR_MESSAGES],
  [APPLICATION_FIELD_LABELS, FORM_FIELD_LABELS],
);
