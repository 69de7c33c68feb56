/**
 * The retention job (PIPL art. 19, 47): an EventBridge rule runs the retention function every
 * day after the close of business (17:05 UTC, 01:05 in China). It anonymises the mothers whose
 * last loan closed more than the programme's `retentionYears` ago (shared/usecases/retention.ts).
 * Its role is the one function's that may delete: the work-list entries it has handled, a
 * mother's item keyed by her ID's hash, and text messages keyed by her phone number.
 */
import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import type { DataStore } from './data.ts';
import { LoanFunction } from './lambda-function.ts';

export class RetentionJob extends Construct {
  readonly function: LoanFunction;
  readonly rule: events.Rule;

  constructor(scope: Construct, id: string, props: { data: DataStore }) {
    super(scope, id);
    this.function = new LoanFunction(this, 'Fn', { name: 'retention', timeoutSeconds: 900, memorySize: 1024 });
    this.function.bindData(props.data, 'RECORDS_TABLE', 'RW');
    this.function.role.addToPolicy(new iam.PolicyStatement({ actions: ['dynamodb:DeleteItem'], resources: [props.data.records.tableArn] }));
    this.rule = new events.Rule(this, 'Daily', {
      description: 'Retention: anonymise the personal data of mothers past the retention period',
      schedule: events.Schedule.cron({ minute: '5', hour: '17' }),
      targets: [new targets.LambdaFunction(this.function.fn, { retryAttempts: 2 })],
    });
    new cloudwatch.Alarm(this, 'Failed', {
      alarmDescription: 'The retention job failed',
      metric: this.function.fn.metricErrors({ period: Duration.hours(1), statistic: 'Sum' }),
      threshold: 1,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
  }
}
