/**
 * The sender of the mothers' text messages. Invoked two ways:
 * - by an EventBridge schedule (every 15 minutes, and the reminder run each morning at 08:00
 *   China time): it only fans out — one SQS message per district, naming the day when it is
 *   the morning run — and reads no loan, so the national run is split across invocations;
 * - by the SQS queue, one district a message: that district's reminders of the day (when
 *   named; only the loans due on the day's dates are read), then its messages due go out and
 *   the provider is asked what became of those sent. A retried message sends nothing new.
 */
import type { SQSEvent } from 'aws-lambda';
import { clockNow } from '#shared/clock.ts';
import { logger } from '#shared/logger.ts';
import { loadMotherKey } from '#shared/store/mother-key.ts';
import { aliyunProvider } from '#shared/sms/aliyun.ts';
import { tencentProvider } from '#shared/sms/tencent.ts';
import { fanOutDistricts, registerSmsProviders, serveDistrict, type DistrictRun } from '#shared/usecases/sms.ts';

registerSmsProviders({ aliyun: aliyunProvider, tencent: tencentProvider });

interface ScheduleEvent {
  reminders?: boolean;
}

const isDistrictRun = (body: unknown): body is DistrictRun =>
  typeof body === 'object' &&
  body !== null &&
  typeof (body as DistrictRun).districtId === 'string' &&
  ((body as DistrictRun).remindersOn === undefined || /^\d{4}-\d{2}-\d{2}$/.test(String((body as DistrictRun).remindersOn)));

export const handler = async (event: SQSEvent | ScheduleEvent): Promise<unknown> => {
  await loadMotherKey();
  if ('Records' in event) {
    const results = [];
    for (const record of event.Records) {
      const body: unknown = JSON.parse(record.body);
      if (!isDistrictRun(body)) throw new Error(`not a district message: ${record.body.slice(0, 200)}`);
      results.push(await serveDistrict(body, clockNow()));
    }
    logger.info('sms district served', { results });
    return results;
  }
  const runs = await fanOutDistricts(clockNow(), !!event.reminders);
  const { SQSClient, SendMessageBatchCommand } = await import('@aws-sdk/client-sqs');
  const sqs = new SQSClient({});
  for (let i = 0; i < runs.length; i += 10) {
    const batch = runs.slice(i, i + 10);
    const answer = await sqs.send(new SendMessageBatchCommand({ QueueUrl: process.env.SMS_QUEUE_URL, Entries: batch.map((run, j) => ({ Id: String(j), MessageBody: JSON.stringify(run) })) }));
    if (answer.Failed?.length) throw new Error(`the queue refused ${answer.Failed.length} district message(s): ${answer.Failed.map((f) => f.Code).join(', ')}`);
  }
  logger.info('sms schedule fanned out', { reminders: !!event.reminders, districts: runs.length });
  return { reminders: !!event.reminders, districts: runs.length };
};
