/**
 * The artifact layer's set-up: synthesizes the CDK app with bundling on (the bundles a deploy
 * would upload), makes sure the Node 24 binary is there, starts its own DynamoDB Local with
 * the stack's tables and writes the demo office tree and staff directory into it.
 */
import '../../dev/env.ts';
import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { ensureTables, startDynamoLocal } from '../../dev/dynamodb-local.ts';
import { localTables } from '../../infra/local-tables.ts';
import { synthesizeApp } from './support/assembly.ts';
import { node24Binary } from './support/node24.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    assemblyDir: string;
    node24: string;
    artifactDynamo: string;
    artifactTables: Record<string, string>;
  }
}

export default async function setup(project: TestProject) {
  const node24 = node24Binary();
  // the web app's hosting does not change a function; without CloudFront the synth needs no web build
  const assemblyDir = synthesizeApp({ webHosting: 'none', webOrigin: 'http://localhost:3000' });
  const tables = localTables();
  const dynamo = await startDynamoLocal({ dataDir: null });
  await ensureTables(dynamo.client, tables);
  process.env.DYNAMODB_ENDPOINT = dynamo.endpoint;
  Object.assign(process.env, tables.environment);
  const { ensureOffices, ensureDemoStaff } = await import('../../dev/offices.ts');
  await ensureOffices();
  await ensureDemoStaff();
  project.provide('assemblyDir', assemblyDir);
  project.provide('node24', node24);
  project.provide('artifactDynamo', dynamo.endpoint);
  project.provide('artifactTables', tables.environment);
  return async () => {
    await dynamo.stop();
    rmSync(assemblyDir, { recursive: true, force: true });
  };
}
