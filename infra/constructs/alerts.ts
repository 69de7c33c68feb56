/**
 * Operations: every CloudWatch alarm of the stack notifies one SNS topic (encrypted, TLS
 * only); `-c alarmEmail=ops@example.org` subscribes an e-mail address to it.
 */
import { Aspects, type IAspect, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct, type IConstruct } from 'constructs';

export class Alerts extends Construct {
  readonly topic: sns.Topic;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const key = new kms.Key(this, 'Key', { description: 'Encrypts the alarm topic', enableKeyRotation: true, removalPolicy: RemovalPolicy.RETAIN });
    this.topic = new sns.Topic(this, 'Topic', { displayName: 'Happiness Project loan system alarms', masterKey: key, enforceSSL: true });
    // CloudWatch publishes to the encrypted topic with the key
    key.grantEncryptDecrypt(new iam.ServicePrincipal('cloudwatch.amazonaws.com'));
    const email = Stack.of(this).node.tryGetContext('alarmEmail') as string | undefined;
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
