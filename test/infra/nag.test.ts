/** cdk-nag's AwsSolutions checks on the synthesized stack: zero unacknowledged findings. */
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks } from 'cdk-nag';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LoanSystemStack } from '../../infra/stack.ts';

function nagged(build: (app: App) => void): () => void {
  const app = new App({ outdir: mkdtempSync(join(tmpdir(), 'nag-')), context: { 'aws:cdk:bundling-stacks': [], alarmEmail: 'none' } });
  build(app);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return () => app.synth();
}

describe('cdk-nag AwsSolutions', () => {
  it('finds nothing unacknowledged in the loan system stack', () => {
    expect(nagged((app) => new LoanSystemStack(app, 'Nagged'))).not.toThrow();
  }, 120_000);

  it('would fail the synth on a resource that breaks a rule (the check is live)', () => {
    expect(nagged((app) => new sqs.Queue(new Stack(app, 'Bad'), 'UnencryptedQueue', { encryption: sqs.QueueEncryption.UNENCRYPTED }))).toThrow();
  });

  it('every acknowledgement in the stack gives a written reason', () => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [], alarmEmail: 'none' } });
    const stack = new LoanSystemStack(app, 'Acks');
    const acks = stack.node
      .findAll()
      .flatMap((c) => c.node.metadata.filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY).flatMap((m) => Object.entries(m.data as Record<string, string>)));
    expect(acks.length).toBeGreaterThan(0);
    for (const [id, reason] of acks) expect(reason.length, id).toBeGreaterThan(20);
  });
});
