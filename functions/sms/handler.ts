/** Text messages to the mothers: her choice, a loan's message log, collection-day notices, the month's count and the settings. */
import { lambdaHandler } from '#shared/http/lambda.ts';
import { getLoanMessages, getSmsMonth, sendCollectionNotice, setSmsPreference, updateSmsSettings } from '#shared/usecases/sms.ts';

export const handler = lambdaHandler('sms', {
  'POST /loans/{id}/sms-preference': ({ ctx, params, body }) => setSmsPreference(ctx, 'loan', params.id!, body),
  'POST /applications/{id}/sms-preference': ({ ctx, params, body }) => setSmsPreference(ctx, 'application', params.id!, body),
  'GET /loans/{id}/messages': ({ ctx, params }) => getLoanMessages(ctx, params.id!),
  'POST /collection-notices': ({ ctx, body }) => sendCollectionNotice(ctx, body),
  'GET /sms/month': ({ ctx }) => getSmsMonth(ctx),
  'POST /sms/settings': ({ ctx, body }) => updateSmsSettings(ctx, body),
});
