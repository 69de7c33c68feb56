/**
 * The mothers' text messages, when a provider is chosen (`-c sms=aliyun|tencent`; none by
 * default). Amazon SNS SMS is not offered in the AWS China regions, so messages go through
 * a Chinese provider's API, with its account (keys, registered signature, template codes) in a
 * Secrets Manager secret the operator fills in. An EventBridge schedule invokes the sender every
 * 15 minutes (and for the day's reminders at 08:00 China time); that invocation only fans out,
 * one SQS message per district, and each district's reminders are selected and its messages
 * sent by the queue's invocation for that district (one message an invocation, so the largest
 * district alone bounds an invocation's time).
 * The API functions that record money (disbursement, repayments) and the collection notices
 * queue a message in the same transaction and tell the queue. The providers' SDKs come in a
 * layer of their own (sms-layer.ts), outside the sender's bundle.
 */
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as secrets from 'aws-cdk-lib/aws-secretsmanager';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { DataStore } from './data.ts';
import { LoanFunction } from './lambda-function.ts';
import { SmsSdkLayer } from './sms-layer.ts';

export type SmsChoice = 'aliyun' | 'tencent' | 'none';

export function smsFromContext(scope: Construct): SmsChoice {
  const sms: unknown = scope.node.tryGetContext('sms') ?? 'none';
  if (sms !== 'aliyun' && sms !== 'tencent' && sms !== 'none') throw new Error(`context sms must be "aliyun", "tencent" or "none", not "${String(sms)}"`);
  return sms;
}

export class TextMessages extends Construct {
  readonly queue: sqs.Queue;
  readonly account: secrets.Secret;
  readonly sender: LoanFunction;

  constructor(scope: Construct, id: string, props: { data: DataStore; provider: 'aliyun' | 'tencent'; senders: LoanFunction[] }) {
    super(scope, id);
    this.account = new secrets.Secret(this, 'Account', {
      description: `The ${props.provider} SMS account: {"accessKeyId","accessKeySecret","signName","templates":{kind:{"bo","zh-CN"}},"sdkAppId"}`,
      encryptionKey: props.data.key,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.account).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason: 'the SMS provider’s access keys are issued and rotated in the provider’s console (Alibaba RAM / Tencent CAM), then pasted here; docs/operations.md says how',
    });
    const dlq = new sqs.Queue(this, 'Failed', { encryption: sqs.QueueEncryption.KMS_MANAGED, enforceSSL: true, retentionPeriod: Duration.days(14) });
    this.queue = new sqs.Queue(this, 'Districts', {
      encryption: sqs.QueueEncryption.KMS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: Duration.minutes(6),
      deadLetterQueue: { queue: dlq, maxReceiveCount: 3 },
    });
    const sdks = new SmsSdkLayer(this, 'ProviderSdks');
    this.sender = new LoanFunction(this, 'Sender', { name: 'sms-sender', timeoutSeconds: 300, memorySize: 512, layers: [sdks.layer] });
    this.sender.bindData(props.data, 'RECORDS_TABLE', 'RW');
    this.sender.fn.addEnvironment('SMS_PROVIDER', props.provider);
    this.sender.fn.addEnvironment('SMS_SECRET_ARN', this.account.secretArn);
    this.sender.fn.addEnvironment('SMS_QUEUE_URL', this.queue.queueUrl);
    this.account.grantRead(this.sender.role);
    this.queue.grantSendMessages(this.sender.role);
    this.sender.fn.addEventSource(new SqsEventSource(this.queue, { batchSize: 1 }));
    new events.Rule(this, 'Every15Minutes', {
      description: 'Send the mothers’ text messages that are due (fans out per district)',
      schedule: events.Schedule.rate(Duration.minutes(15)),
      targets: [new targets.LambdaFunction(this.sender.fn, { event: events.RuleTargetInput.fromObject({ reminders: false }), retryAttempts: 2 })],
    });
    new events.Rule(this, 'MorningReminders', {
      description: 'The day’s due reminders and overdue notices, at 08:00 China time',
      schedule: events.Schedule.cron({ minute: '0', hour: '0' }),
      targets: [new targets.LambdaFunction(this.sender.fn, { event: events.RuleTargetInput.fromObject({ reminders: true }), retryAttempts: 2 })],
    });
    for (const fn of props.senders) {
      fn.fn.addEnvironment('SMS_PROVIDER', props.provider);
      fn.fn.addEnvironment('SMS_QUEUE_URL', this.queue.queueUrl);
      this.queue.grantSendMessages(fn.role);
    }
  }
}
