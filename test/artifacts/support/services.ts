/**
 * The AWS services a function talks to, on an endpoint of its own (`AWS_ENDPOINT_URL`, which
 * the runtime's SDK honours), recording every call: DynamoDB calls are passed on to DynamoDB
 * Local unchanged; Secrets Manager answers the mother key secret; Cognito user-pool admin
 * calls are answered like Cognito (a user created, disabled, enabled). Any other call is
 * recorded and refused, so a function that needs a service nobody planned for fails.
 */
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call a function made: the IAM action it needs and the resource(s) named in it. */
export interface ServiceCall {
  /** e.g. `dynamodb:Query`, `secretsmanager:GetSecretValue`, `cognito-idp:AdminCreateUser` */
  action: string;
  /** ARNs (DynamoDB: table or `table/…/index/…`) or, when the call names none, '*' */
  resources: string[];
}

export interface World {
  region: string;
  account: string;
  /** local table name → its ARN */
  tableArn(name: string): string;
  /** secret id or ARN → its value, undefined when there is no such secret */
  secretValue(id: string): string | undefined;
  /** user pool id → its ARN */
  userPoolArn(id: string): string;
}

const JSON_TYPE = 'application/x-amz-json-1.1';

/** What IAM checks for one DynamoDB request (transactions and batches per item and table). */
export function dynamoCalls(operation: string, body: Record<string, unknown>, world: World): ServiceCall[] {
  const table = (name: unknown) => world.tableArn(String(name));
  switch (operation) {
    case 'TransactWriteItems':
      return ((body.TransactItems as Record<string, { TableName: string }>[]) ?? []).map((item) => {
        const [kind, spec] = Object.entries(item)[0] as [string, { TableName: string }];
        const action = { Put: 'PutItem', Update: 'UpdateItem', Delete: 'DeleteItem', ConditionCheck: 'ConditionCheckItem' }[kind] ?? kind;
        return { action: `dynamodb:${action}`, resources: [table(spec.TableName)] };
      });
    case 'TransactGetItems':
      return ((body.TransactItems as { Get: { TableName: string } }[]) ?? []).map((item) => ({ action: 'dynamodb:GetItem', resources: [table(item.Get.TableName)] }));
    case 'BatchGetItem':
    case 'BatchWriteItem':
      return Object.keys((body.RequestItems as Record<string, unknown>) ?? {}).map((name) => ({ action: `dynamodb:${operation}`, resources: [table(name)] }));
    default: {
      if (typeof body.TableName !== 'string') return [{ action: `dynamodb:${operation}`, resources: ['*'] }];
      const arn = table(body.TableName);
      return [{ action: `dynamodb:${operation}`, resources: [typeof body.IndexName === 'string' ? `${arn}/index/${body.IndexName}` : arn] }];
    }
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function answer(res: ServerResponse, status: number, body: unknown, type = JSON_TYPE): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(text), 'x-amzn-requestid': 'local' });
  res.end(text);
}

/** The endpoint of one function: every service call lands here and is recorded. */
export class FunctionEndpoint {
  readonly calls: ServiceCall[] = [];
  /** calls of services no stand-in exists for */
  readonly unknown: string[] = [];
  private server?: Server;
  private users = new Map<string, boolean>();

  constructor(
    readonly functionName: string,
    private readonly dynamoEndpoint: string,
    private readonly world: World,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => answer(res, 500, { __type: 'InternalFailure', message: String(error) }));
    });
    await new Promise<void>((done) => this.server!.listen(0, '127.0.0.1', done));
    return this;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((done) => this.server!.close(() => done()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const target = String(req.headers['x-amz-target'] ?? '');
    const [service, operation = ''] = target.split('.');
    const body = raw.length ? (JSON.parse(raw.toString('utf8')) as Record<string, unknown>) : {};
    if (service === 'DynamoDB_20120810') {
      this.calls.push(...dynamoCalls(operation, body, this.world));
      return this.forward(req, raw, res);
    }
    if (service === 'secretsmanager') {
      const id = String(body.SecretId ?? '');
      this.calls.push({ action: `secretsmanager:${operation}`, resources: [id] });
      const value = this.world.secretValue(id);
      if (operation !== 'GetSecretValue' || value === undefined) return answer(res, 400, { __type: 'ResourceNotFoundException', message: `no secret ${id}` });
      return answer(res, 200, { ARN: id, Name: id.split(':').at(-1), SecretString: value, VersionId: 'local', VersionStages: ['AWSCURRENT'], CreatedDate: 0 });
    }
    if (service === 'AWSCognitoIdentityProviderService') {
      const pool = String(body.UserPoolId ?? '');
      this.calls.push({ action: `cognito-idp:${operation}`, resources: [this.world.userPoolArn(pool)] });
      const username = String(body.Username ?? '');
      if (operation === 'AdminCreateUser') {
        if (this.users.has(username)) return answer(res, 400, { __type: 'UsernameExistsException', message: 'User account already exists' });
        this.users.set(username, true);
        return answer(res, 200, { User: { Username: username, Enabled: true, UserStatus: 'FORCE_CHANGE_PASSWORD', Attributes: body.UserAttributes ?? [] } });
      }
      if (operation === 'AdminDisableUser' || operation === 'AdminEnableUser') {
        this.users.set(username, operation === 'AdminEnableUser');
        return answer(res, 200, {});
      }
    }
    this.unknown.push(`${target || `${req.method} ${req.url}`}`);
    return answer(res, 400, { __type: 'UnknownOperationException', message: `no local stand-in for ${target}` });
  }

  private forward(req: IncomingMessage, raw: Buffer, res: ServerResponse): Promise<void> {
    const upstream = new URL(this.dynamoEndpoint);
    return new Promise((done, fail) => {
      const out = request(
        { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host, 'content-length': raw.length } },
        (back) => {
          res.writeHead(back.statusCode ?? 500, back.headers);
          back.pipe(res);
          back.on('end', done);
        },
      );
      out.on('error', fail);
      out.end(raw);
    });
  }
}
