/**
 * `npm run backup [-- <folder>]`: a copy of the records table in a folder (items.jsonl and
 * manifest.json; see scripts/backup-lib.ts), by default `backups/<date-time>/`. Reads the dev
 * server's DynamoDB Local (from $LOCAL_STATE_DIR/endpoint.json, by default .local/endpoint.json)
 * or, with RECORDS_TABLE and AWS credentials set, the table in AWS (for AWS prefer PITR or the
 * export to S3: docs/operations.md). Stop writes first for a copy of one moment.
 */
import '../dev/env.ts';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { localClient } from '../dev/dynamodb-local.ts';
import { backupTable } from './backup-lib.ts';

const state = join(resolve(process.env.LOCAL_STATE_DIR ?? join(import.meta.dirname, '..', '.local')), 'endpoint.json');
if (!process.env.RECORDS_TABLE && existsSync(state)) Object.assign(process.env, JSON.parse(readFileSync(state, 'utf8')));
const table = process.env.RECORDS_TABLE;
if (!table) {
  console.error('Start `npm run dev` first (or set RECORDS_TABLE and AWS credentials).');
  process.exit(2);
}
const dir = resolve(process.argv[2] ?? join('backups', new Date().toISOString().replace(/[:.]/g, '-')));
const client = process.env.DYNAMODB_ENDPOINT ? localClient(process.env.DYNAMODB_ENDPOINT) : new DynamoDBClient({});
const manifest = await backupTable(client, table, dir);
console.log(`Backed up ${manifest.itemCount} items of ${table} to ${dir} (SHA-256 ${manifest.sha256.slice(0, 16)}…, ${manifest.startedAt} – ${manifest.finishedAt}).`);
