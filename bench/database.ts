/** The bench's own database: DynamoDB Local in memory with the stack's tables, the process pointed at it, the offices in place. */
import { ensureTables, startDynamoLocal } from '../dev/dynamodb-local.ts';
import { localTables } from '../infra/local-tables.ts';

export async function startBenchDatabase() {
  const tables = localTables();
  const dynamo = await startDynamoLocal({ dataDir: null });
  process.on('exit', () => void dynamo.stop());
  await ensureTables(dynamo.client, tables);
  process.env.DYNAMODB_ENDPOINT = dynamo.endpoint;
  Object.assign(process.env, tables.environment);
  const { ensureOffices } = await import('../dev/offices.ts');
  await ensureOffices();
  return dynamo;
}
