/**
 * Tables of a test file's own, for tests that change what every test file shares (the
 * programme settings: switching four eyes off must not reach the files running beside it).
 * Copies the global setup's tables (keys and indexes, read with DescribeTable) under new
 * names, points this worker's store at them and writes the demo offices and staff.
 * Requests of the test (`as`, `call`) run in this worker, so they all read the copies.
 */
import { CreateTableCommand, DescribeTableCommand, UpdateTimeToLiveCommand, DescribeTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { randomUUID } from 'node:crypto';
import { localClient } from '../../dev/dynamodb-local.ts';

export async function useOwnTables(): Promise<void> {
  const client = localClient(process.env.DYNAMODB_ENDPOINT!);
  const suffix = `-own-${randomUUID().slice(0, 8)}`;
  const names = Object.entries(process.env).filter(([k, v]) => /_TABLE$/.test(k) && typeof v === 'string') as [string, string][];
  for (const [variable, name] of names) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: name }));
    const TableName = `${name}${suffix}`;
    await client.send(
      new CreateTableCommand({
        TableName,
        KeySchema: Table!.KeySchema,
        AttributeDefinitions: Table!.AttributeDefinitions,
        BillingMode: 'PAY_PER_REQUEST',
        ...(Table!.GlobalSecondaryIndexes?.length
          ? { GlobalSecondaryIndexes: Table!.GlobalSecondaryIndexes.map((g) => ({ IndexName: g.IndexName, KeySchema: g.KeySchema, Projection: g.Projection })) }
          : {}),
      }),
    );
    const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: name }));
    if (ttl.TimeToLiveDescription?.AttributeName && ttl.TimeToLiveDescription.TimeToLiveStatus === 'ENABLED')
      await client.send(new UpdateTimeToLiveCommand({ TableName, TimeToLiveSpecification: { AttributeName: ttl.TimeToLiveDescription.AttributeName, Enabled: true } }));
    process.env[variable] = TableName;
  }
  const { ensureOffices, ensureDemoStaff } = await import('../../dev/offices.ts');
  await ensureOffices();
  await ensureDemoStaff();
}
