/** Text messages to the mothers: her choice, a loan's message log, collection-day notices, the month's count and the settings. */
import { lambdaHandler } from '#shared/http/lambda.ts';
import { VALUE_ERRORS } from '#shared/i18n/errors-values.ts';
import { SMS_ERROR_MESSAGES } from '#shared/i18n/errors-sms.ts';
import { FORM_FIELD_LABELS } from '#shared/i18n/fields-forms.ts';
import { REPAYMENT_FIELD_LABELS } from '#shared/i18n/fields-repayments.ts';
import { SMS_ROUTES } from '#shared/routes/sms.ts';
import { getLoanMessages, getSmsMonth, sendCollectionNotice, setSmsPreference, updateSmsSettings } from '#shared/usecases/sms.ts';

export const handler = lambdaHandler(
  'sms',
  SMS_ROUTES,
  {
    'POST /loans/{id}/sms-preference': ({ ctx, params, body }) => setSmsPreference(ctx, 'loan', params.id!, body),
    'POST /applications/{id}/sms-preference': ({ ctx, params, body }) => setSmsPreference(ctx, 'application', params.id!, body),
    'GET /loans/{id}/messages': ({ ctx, params }) => getLoanMessages(ctx, params.id!),
    'POST /collection-notices': ({ ctx, body }) => sendCollectionNotice(ctx, body),
    'GET /sms/month': ({ ctx }) => getSmsMonth(ctx),
    'POST /sms/settings': ({ ctx, body }) => updateSmsSettings(ctx, body),
  },
  [VALUE_ERRORS, SMS_ERROR_MESSAGES],
  [FORM_FIELD_LABELS, REPAYMENT_FIELD_LABELS],
);
