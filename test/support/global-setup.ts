/**
 * Starts the real DynamoDB Local (in memory) once for the whole run, creates the tables
 * from the synthesized CDK stack and writes the demo office tree and staff directory; stops Java at the end.
 */
import '../../dev/env.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureTables, startDynamoLocal } from '../../dev/dynamodb-local.ts';
import { localTables } from '../../infra/local-tables.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    tableEnvironment: Record<string, string>;
    smsInboxDir: string;
  }
}

export default async function setup(project: TestProject) {
  const tables = localTables();
  const dynamo = await startDynamoLocal({ dataDir: null });
  await ensureTables(dynamo.client, tables);
  process.env.DYNAMODB_ENDPOINT = dynamo.endpoint;
  Object.assign(process.env, tables.environment);
  const { ensureOffices, ensureDemoStaff } = await import('../../dev/offices.ts');
  await ensureOffices();
  // the demo users in the staff directory: role and office come only from there
  await ensureDemoStaff();
  project.provide('dynamoEndpoint', dynamo.endpoint);
  project.provide('tableEnvironment', tables.environment);
  // the local SMS provider's inboxes, shared by the run's processes (each file's sender may send another's messages)
  const smsInboxDir = mkdtempSync(join(tmpdir(), 'sms-inbox-'));
  project.provide('smsInboxDir', smsInboxDir);
  return async () => {
    rmSync(smsInboxDir, { recursive: true, force: true });
    await dynamo.stop();
  };
}
