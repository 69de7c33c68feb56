#!/usr/bin/env -S npx tsx
/** CDK app: `npx cdk synth` / `npx cdk deploy`. */
import { App } from 'aws-cdk-lib';
import { LoanSystemStack } from './stack.ts';

const app = new App();
new LoanSystemStack(app, 'HappinessLoans', {
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  description: 'Happiness Project (幸福工程) loan system: API, functions and tables',
});
app.synth();
