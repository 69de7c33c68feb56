/**
 * Time-driven work, like a bank's close of business: an EventBridge rule runs the
 * close-of-business function every day just after midnight in China (16:05 UTC).
 */
import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import { Construct } from 'constructs';
import type { DataStore } from './data.ts';
import { LoanFunction } from './lambda-function.ts';

export class CloseOfBusiness extends Construct {
  readonly function: LoanFunction;
  readonly rule: events.Rule;

  constructor(scope: Construct, id: string, props: { data: DataStore }) {
    super(scope, id);
    this.function = new LoanFunction(this, 'Fn', { name: 'close-of-business', timeoutSeconds: 300, memorySize: 1024 });
    this.function.bindData(props.data, 'RECORDS_TABLE', 'RW');
    this.rule = new events.Rule(this, 'Daily', {
      description: 'Close of business: mark past-due loans overdue',
      schedule: events.Schedule.cron({ minute: '5', hour: '16' }),
      targets: [new targets.LambdaFunction(this.function.fn, { retryAttempts: 2 })],
    });
    new cloudwatch.Alarm(this, 'Failed', {
      alarmDescription: 'The close-of-business job failed',
      metric: this.function.fn.metricErrors({ period: Duration.hours(1), statistic: 'Sum' }),
      threshold: 1,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
  }
}
