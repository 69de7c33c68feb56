/**
 * The sender of the mothers' text messages. Invoked two ways:
 * - by an EventBridge schedule (every 15 minutes, and the reminder run each morning at 08:00
 *   China time): it runs the day's reminders when asked, then puts one queue message per
 *   district on the SQS queue (fan-out), so a national run is split across many invocations;
 * - by the SQS queue: for each district named, it sends the messages due and asks the provider
 *   what became of those sent.
 */
import type { SQSEvent } from 'aws-lambda';
import { logger } from '#shared/logger.ts';
import { loadMotherKey } from '#shared/store/mother-key.ts';
import { officeSubtree } from '#shared/store/offices.ts';
import { aliyunProvider } from '#shared/sms/aliyun.ts';
import { tencentProvider } from '#shared/sms/tencent.ts';
import { refreshDeliveries, registerSmsProviders, runReminders, sendDueMessages } from '#shared/usecases/sms.ts';

registerSmsProviders({ aliyun: aliyunProvider, tencent: tencentProvider });

interface ScheduleEvent {
  reminders?: boolean;
}

export const handler = async (event: SQSEvent | ScheduleEvent): Promise<unknown> => {
  await loadMotherKey();
  if ('Records' in event) {
    const results = [];
    for (const record of event.Records) {
      const { districtId } = JSON.parse(record.body) as { districtId: string };
      const sent = await sendDueMessages(new Date(), districtId);
      const deliveries = await refreshDeliveries(new Date(), districtId);
      results.push({ districtId, ...sent, deliveries });
    }
    logger.info('sms sent', { results });
    return results;
  }
  const reminders = event.reminders ? await runReminders() : undefined;
  const districts = (await officeSubtree(undefined)).filter((o) => o.level === 'district').map((o) => o.id);
  const { SQSClient, SendMessageBatchCommand } = await import('@aws-sdk/client-sqs');
  const sqs = new SQSClient({});
  for (let i = 0; i < districts.length; i += 10) {
    const batch = districts.slice(i, i + 10);
    await sqs.send(new SendMessageBatchCommand({ QueueUrl: process.env.SMS_QUEUE_URL, Entries: batch.map((districtId, j) => ({ Id: String(j), MessageBody: JSON.stringify({ districtId }) })) }));
  }
  logger.info('sms schedule', { reminders, districts: districts.length });
  return { reminders, districts: districts.length };
};
