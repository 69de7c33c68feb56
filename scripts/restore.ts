/**
 * `npm run restore -- <backup folder> [--endpoint http://127.0.0.1:PORT] [--table NAME]`:
 * loads a backup made by `npm run backup` into an EMPTY table (created from the stack's own
 * definition when it does not exist; a table with items is refused). Without --endpoint it
 * uses DYNAMODB_ENDPOINT, or AWS with the SDK's credentials. On AWS, restore with PITR
 * instead (docs/operations.md); this is for local drills and moving a copy.
 */
import '../dev/env.ts';
import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ensureTables, localClient } from '../dev/dynamodb-local.ts';
import { localTables } from '../infra/local-tables.ts';
import { readManifest, restoreTable } from './backup-lib.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { endpoint: { type: 'string' }, table: { type: 'string' } } });
const dir = positionals[0];
if (!dir) {
  console.error('usage: npm run restore -- <backup folder> [--endpoint URL] [--table NAME]');
  process.exit(2);
}
const endpoint = values.endpoint ?? process.env.DYNAMODB_ENDPOINT;
const client = endpoint ? localClient(endpoint) : new DynamoDBClient({});
const table = values.table ?? readManifest(dir).table;
if (endpoint) {
  // locally: create the table from the stack's definition under the backup's name
  const { tables } = localTables();
  await ensureTables(client, { tables: tables.map((t) => ({ ...t, TableName: table })), environment: {} });
}
const written = await restoreTable(client, dir, table);
console.log(`Restored ${written} items into ${table}${endpoint ? ` at ${endpoint}` : ''}.`);
