/**
 * Local tables from the CDK stack's own definitions: the stack is synthesized in-process
 * (without bundling) and each AWS::DynamoDB::Table resource becomes a CreateTable request,
 * so DynamoDB Local and AWS can never drift. Also returns the environment variables the
 * stack gives the functions, pointing at the local table names.
 */
import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { App } from 'aws-cdk-lib';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LoanSystemStack } from './stack.ts';

interface CfnTable {
  KeySchema: { AttributeName: string; KeyType: 'HASH' | 'RANGE' }[];
  AttributeDefinitions: { AttributeName: string; AttributeType: 'S' | 'N' | 'B' }[];
  GlobalSecondaryIndexes?: { IndexName: string; KeySchema: CfnTable['KeySchema']; Projection: { ProjectionType: 'ALL' | 'KEYS_ONLY' | 'INCLUDE'; NonKeyAttributes?: string[] } }[];
  StreamSpecification?: { StreamViewType: 'NEW_IMAGE' | 'OLD_IMAGE' | 'NEW_AND_OLD_IMAGES' | 'KEYS_ONLY' };
  TimeToLiveSpecification?: { AttributeName: string; Enabled: boolean };
}

interface Resource {
  Type: string;
  Properties: Record<string, unknown>;
}

export interface LocalTables {
  tables: (CreateTableCommandInput & { ttlAttribute?: string })[];
  /** environment variables of the functions, e.g. RECORDS_TABLE → local table name */
  environment: Record<string, string>;
}

export function synthesizedTemplate(): { Resources: Record<string, Resource> } {
  const outdir = mkdtempSync(join(tmpdir(), 'cdk-local-'));
  try {
    const app = new App({ outdir, context: { 'aws:cdk:bundling-stacks': [], alarmEmail: 'none' } });
    const stack = new LoanSystemStack(app, 'Local');
    return app.synth().getStackByName(stack.stackName).template as { Resources: Record<string, Resource> };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

export function localTables(prefix = ''): LocalTables {
  const { Resources } = synthesizedTemplate();
  const tables: LocalTables['tables'] = [];
  const names = new Map<string, string>();
  for (const [logicalId, resource] of Object.entries(Resources)) {
    if (resource.Type !== 'AWS::DynamoDB::Table') continue;
    const p = resource.Properties as unknown as CfnTable;
    const TableName = `${prefix}${logicalId}`;
    names.set(logicalId, TableName);
    tables.push({
      TableName,
      KeySchema: p.KeySchema,
      AttributeDefinitions: p.AttributeDefinitions,
      BillingMode: 'PAY_PER_REQUEST',
      ...(p.GlobalSecondaryIndexes ? { GlobalSecondaryIndexes: p.GlobalSecondaryIndexes.map((g) => ({ IndexName: g.IndexName, KeySchema: g.KeySchema, Projection: g.Projection })) } : {}),
      ...(p.StreamSpecification ? { StreamSpecification: { StreamEnabled: true, StreamViewType: p.StreamSpecification.StreamViewType } } : {}),
      ...(p.TimeToLiveSpecification?.Enabled ? { ttlAttribute: p.TimeToLiveSpecification.AttributeName } : {}),
    });
  }
  const environment: Record<string, string> = {};
  for (const resource of Object.values(Resources)) {
    if (resource.Type !== 'AWS::Lambda::Function') continue;
    const vars = ((resource.Properties.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables ?? {}) as Record<string, unknown>;
    for (const [name, value] of Object.entries(vars)) {
      const ref = (value as { Ref?: string } | null)?.Ref;
      if (ref && names.has(ref)) environment[name] = names.get(ref)!;
    }
  }
  return { tables, environment };
}
