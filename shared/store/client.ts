/**
 * One DynamoDB document client per process, created on first use. In AWS the SDK finds
 * region and credentials itself; locally `DYNAMODB_ENDPOINT` points at DynamoDB Local.
 */
import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { optionalEnv, requiredEnv } from '../config.ts';

let doc: DynamoDBDocumentClient | undefined;

/** One DynamoDB call as the benchmark sees it: the command, its (marshalled) input, capacity used and time. */
export interface DynamoCall {
  command: string;
  input: Record<string, unknown>;
  readUnits: number;
  writeUnits: number;
  ms: number;
}

/** Observers of every DynamoDB call (the benchmark); none in production, where this costs one array check. */
export const dynamoObservers: ((call: DynamoCall) => void)[] = [];

const WITH_CAPACITY = new Set([
  'GetItemCommand',
  'PutItemCommand',
  'UpdateItemCommand',
  'QueryCommand',
  'BatchGetItemCommand',
  'BatchWriteItemCommand',
  'TransactWriteItemsCommand',
  'TransactGetItemsCommand',
]);

interface Capacity {
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
  CapacityUnits?: number;
}

const WRITES = new Set(['PutItemCommand', 'UpdateItemCommand', 'BatchWriteItemCommand', 'TransactWriteItemsCommand']);

function unitsOf(command: string, consumed: Capacity | Capacity[] | undefined): { readUnits: number; writeUnits: number } {
  const list = Array.isArray(consumed) ? consumed : consumed ? [consumed] : [];
  let readUnits = 0;
  let writeUnits = 0;
  for (const c of list) {
    readUnits += c.ReadCapacityUnits ?? 0;
    writeUnits += c.WriteCapacityUnits ?? 0;
    // without a read/write split, the total belongs to the kind of the command
    if (c.ReadCapacityUnits === undefined && c.WriteCapacityUnits === undefined) {
      if (WRITES.has(command)) writeUnits += c.CapacityUnits ?? 0;
      else readUnits += c.CapacityUnits ?? 0;
    }
  }
  return { readUnits, writeUnits };
}

/**
 * The client's logger. The SDK's default one discards everything, yet the SDK still builds a
 * copy of every request, filtered for secrets, to hand to its `info` (`logger?.info?.({ input:
 * … })`): 4–5% of a bulk import's CPU. A logger without `info` and `error` skips that work;
 * nothing is logged either way.
 */
const QUIET = { debug: () => {}, warn: () => {} } as unknown as NonNullable<DynamoDBClientConfig['logger']>;

export function documentClient(): DynamoDBDocumentClient {
  if (!doc) {
    const endpoint = optionalEnv('DYNAMODB_ENDPOINT');
    const client = new DynamoDBClient(
      endpoint
        ? {
            endpoint,
            region: optionalEnv('AWS_REGION') ?? 'local',
            credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
            maxAttempts: Number(optionalEnv('DYNAMODB_MAX_ATTEMPTS') ?? 2),
            logger: QUIET,
          }
        : { logger: QUIET },
    );
    client.middlewareStack.add(
      (next, context) => async (args) => {
        if (!dynamoObservers.length || !WITH_CAPACITY.has(String(context.commandName))) return next(args);
        const input = args.input as Record<string, unknown>;
        input.ReturnConsumedCapacity ??= 'TOTAL';
        const started = performance.now();
        const result = await next(args);
        const output = result.output as { ConsumedCapacity?: Capacity | Capacity[] };
        const call = { command: String(context.commandName), input, ...unitsOf(String(context.commandName), output.ConsumedCapacity), ms: performance.now() - started };
        for (const observe of dynamoObservers) observe(call);
        return result;
      },
      { step: 'initialize', name: 'benchmarkObserver' },
    );
    doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  }
  return doc;
}

/** Drops the client, so the next call connects anew (the restore drill switches `DYNAMODB_ENDPOINT` to the restored copy). */
export function resetDocumentClient(): void {
  doc = undefined;
}

/** The single table holding every record (name from the CDK stack's environment). */
export function recordsTable(): string {
  return requiredEnv('RECORDS_TABLE');
}
