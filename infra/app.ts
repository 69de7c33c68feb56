#!/usr/bin/env -S npx tsx
/** CDK app: `npx cdk synth` / `npx cdk deploy`. */
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { LoanSystemStack } from './stack.ts';

const app = new App();
// cdk-nag: AwsSolutions findings fail the synth unless acknowledged with a reason
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
new LoanSystemStack(app, 'HappinessLoans', {
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  description: 'Happiness Project (幸福工程) loan system: API, functions and tables',
});
app.synth();
