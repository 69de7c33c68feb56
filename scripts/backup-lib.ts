/**
 * Backup and restore of the records table, locally (DynamoDB Local) or on any endpoint the
 * SDK reaches. A backup is a folder: `items.jsonl` (one item a line, in DynamoDB JSON — the
 * same `{"Item":{…}}` lines as DynamoDB's export to S3) and `manifest.json` (table, key
 * schema, item count, SHA-256 of the data file, when the scan started and ended). A script
 * may scan (a request path never does): a paged, strongly consistent Scan. On AWS the
 * point-in-time copy is DynamoDB's own (PITR restore or export to S3): docs/operations.md.
 */
import { BatchWriteItemCommand, type AttributeValue, DescribeTableCommand, type DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface BackupManifest {
  format: 'DYNAMODB_JSON';
  table: string;
  keySchema: { AttributeName: string; KeyType: string }[];
  itemCount: number;
  sha256: string;
  startedAt: string;
  finishedAt: string;
}

type Item = Record<string, AttributeValue>;

/** Writes every item of `table` to `dir`/items.jsonl and the manifest; returns the manifest. */
export async function backupTable(client: DynamoDBClient, table: string, dir: string): Promise<BackupManifest> {
  mkdirSync(dir, { recursive: true });
  const startedAt = new Date().toISOString();
  const { Table } = await client.send(new DescribeTableCommand({ TableName: table }));
  const file = join(dir, 'items.jsonl');
  const out = createWriteStream(file, { encoding: 'utf8' });
  const hash = createHash('sha256');
  let itemCount = 0;
  let ExclusiveStartKey: Item | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: table, ConsistentRead: true, ExclusiveStartKey }));
    for (const item of page.Items ?? []) {
      const line = `${JSON.stringify({ Item: item })}\n`;
      hash.update(line);
      if (!out.write(line)) await new Promise<void>((r) => out.once('drain', () => r()));
      itemCount++;
    }
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  await new Promise<void>((done, fail) => out.end((e?: Error | null) => (e ? fail(e) : done())));
  const manifest: BackupManifest = {
    format: 'DYNAMODB_JSON',
    table,
    keySchema: (Table?.KeySchema ?? []).map((k) => ({ AttributeName: k.AttributeName!, KeyType: k.KeyType! })),
    itemCount,
    sha256: hash.digest('hex'),
    startedAt,
    finishedAt: new Date().toISOString(),
  };
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

export function readManifest(dir: string): BackupManifest {
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as BackupManifest;
}

/**
 * Loads a backup into `table`, which must exist and be empty (a restore never merges into
 * live data). Checks the data file against the manifest first; writes 25 items a request,
 * retrying what DynamoDB leaves unprocessed. Returns the number of items written.
 */
export async function restoreTable(client: DynamoDBClient, dir: string, table: string): Promise<number> {
  const manifest = readManifest(dir);
  const file = join(dir, 'items.jsonl');
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  if (hash.digest('hex') !== manifest.sha256) throw new Error(`${file} does not match its manifest (SHA-256 differs): the backup is damaged`);
  const probe = await client.send(new ScanCommand({ TableName: table, Limit: 1, Select: 'COUNT' }));
  if ((probe.Count ?? 0) > 0 || probe.LastEvaluatedKey) throw new Error(`table ${table} is not empty: restore into a new, empty table`);
  let written = 0;
  let batch: Item[] = [];
  const flush = async () => {
    let requests = batch.map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; requests.length; attempt++) {
      if (attempt > 8) throw new Error(`DynamoDB kept ${requests.length} items unprocessed`);
      if (attempt) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
      const answer = await client.send(new BatchWriteItemCommand({ RequestItems: { [table]: requests } }));
      requests = (answer.UnprocessedItems?.[table] ?? []) as typeof requests;
    }
    written += batch.length;
    batch = [];
  };
  for await (const line of createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Number.POSITIVE_INFINITY })) {
    if (!line) continue;
    batch.push((JSON.parse(line) as { Item: Item }).Item);
    if (batch.length === 25) await flush();
  }
  if (batch.length) await flush();
  if (written !== manifest.itemCount) throw new Error(`restored ${written} items, the manifest says ${manifest.itemCount}`);
  return written;
}
