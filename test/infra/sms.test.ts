/**
 * The mothers' text messages on AWS: with `-c sms=aliyun` in cn-northwest-1 the stack sends
 * through the provider's API (a sender function, its account in Secrets Manager, an SQS queue
 * fanning out per district, two schedules) and contains no SNS SMS, which the China regions do
 * not offer; with the default `sms=none` nothing of it exists and no function is told to send.
 */
import { App, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LoanSystemStack } from '../../infra/stack.ts';

const CHINA = { account: '123456789012', region: 'cn-northwest-1' };
const OIDC = { alarmEmail: 'none', identity: 'oidc', issuer: 'https://sso.example.cn/realms/hp', audience: 'happiness-project', webHosting: 'none', webOrigin: 'https://loans.example.cn' };

function synth(context: Record<string, string>) {
  const app = new App({ outdir: mkdtempSync(join(tmpdir(), 'sms-')), context: { 'aws:cdk:bundling-stacks': [], ...context } });
  const stack = new LoanSystemStack(app, 'Sms', { env: CHINA });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  app.synth();
  const template = Template.fromStack(stack);
  return { template, json: JSON.stringify(template.toJSON()) };
}

describe('text messages with -c sms=aliyun in cn-northwest-1', () => {
  const { template, json } = synth({ ...OIDC, sms: 'aliyun' });

  it('contains no SNS SMS: nothing publishes to a phone, and no SMS attributes are set', () => {
    expect(json).not.toMatch(/"Protocol":"sms"|SMSAttributes|sns:SetSMSAttributes|DefaultSMSType/);
    for (const [, r] of Object.entries(template.findResources('AWS::IAM::Policy'))) expect(JSON.stringify(r)).not.toContain('sns:Publish');
  });

  it('sends through the provider: a sender function with the account secret, fed by an SQS queue per district and two schedules', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ SMS_PROVIDER: 'aliyun', SMS_SECRET_ARN: Match.anyValue(), SMS_QUEUE_URL: Match.anyValue() }) },
    });
    template.resourceCountIs('AWS::SQS::Queue', 2);
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', { BatchSize: 1 });
    template.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(15 minutes)' });
    template.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'cron(0 0 * * ? *)' });
    expect(json).not.toContain('arn:aws:');
  });

  it('tells the functions that record money to queue messages, without the provider’s secret', () => {
    const fns = Object.values(template.findResources('AWS::Lambda::Function')) as { Properties: { Environment?: { Variables?: Record<string, unknown> } } }[];
    const queueing = fns.filter((f) => f.Properties.Environment?.Variables?.SMS_QUEUE_URL && !f.Properties.Environment?.Variables?.SMS_SECRET_ARN);
    expect(queueing).toHaveLength(3);
  });
});

describe('text messages off (the default)', () => {
  const { json } = synth(OIDC);
  it('has no queue, no sender and no function told to send', () => {
    expect(json).not.toMatch(/SMS_QUEUE_URL|SMS_SECRET_ARN|AWS::SQS::Queue|"SMS_PROVIDER":"(aliyun|tencent)"/);
  });
});
