/**
 * Operations: every CloudWatch alarm of the stack notifies one SNS topic (encrypted, TLS
 * only); `-c alarmEmail=ops@example.org` subscribes an e-mail address to it. Alarms that
 * reach nobody are no alarms: without `alarmEmail` the synth fails, unless the deployer
 * says so explicitly with `-c alarmEmail=none` (e.g. a test stack, or subscribers managed
 * outside the stack).
 */
import { Aspects, type IAspect, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct, type IConstruct } from 'constructs';

/** Refuses a stack whose alarms would reach nobody unless `none` says that is meant; the address to subscribe, or undefined for `none`. */
export function alarmEmailOf(value: unknown): string | undefined {
  if (value === 'none') return undefined;
  if (typeof value !== 'string' || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value))
    throw new Error(
      `alarmEmail ${value === undefined || value === '' ? 'is not set' : `"${String(value)}" is not an e-mail address`}: the stack's alarms would reach nobody. ` +
        'Give the address that receives them (npx cdk deploy -c alarmEmail=ops@example.org), or say explicitly that nobody should (-c alarmEmail=none).',
    );
  return value;
}

export class Alerts extends Construct {
  readonly topic: sns.Topic;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const key = new kms.Key(this, 'Key', { description: 'Encrypts the alarm topic', enableKeyRotation: true, removalPolicy: RemovalPolicy.RETAIN });
    this.topic = new sns.Topic(this, 'Topic', { displayName: 'Happiness Project loan system alarms', masterKey: key, enforceSSL: true });
    // CloudWatch publishes to the encrypted topic with the key
    key.grantEncryptDecrypt(new iam.ServicePrincipal('cloudwatch.amazonaws.com'));
    const email = alarmEmailOf(Stack.of(this).node.tryGetContext('alarmEmail'));
    if (email) this.topic.addSubscription(new subscriptions.EmailSubscription(email));
    // every alarm in the stack, whichever construct made it, notifies the topic
    const action = new actions.SnsAction(this.topic);
    const notifyAll: IAspect = {
      visit(node: IConstruct) {
        if (node instanceof cloudwatch.Alarm) node.addAlarmAction(action);
      },
    };
    Aspects.of(Stack.of(this)).add(notifyAll);
  }
}
