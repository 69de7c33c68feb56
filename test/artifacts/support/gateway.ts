/**
 * API Gateway (HTTP API, payload 2.0) in front of the artifact functions: a request is matched
 * against the routes of the synthesized template, the JWT authorizer's work is taken as done
 * (its claims arrive as strings in `requestContext.authorizer.jwt.claims`, as API Gateway
 * passes them), and the event goes to the function the route's integration names.
 */
import { randomUUID } from 'node:crypto';
import type { RouteSpec } from './assembly.ts';
import type { ArtifactFunction } from './lambda.ts';

export interface GatewayAnswer<T = any> {
  status: number;
  headers: Record<string, string>;
  body: T;
  /** the body's bytes as the function sent them (compressed when it says Content-Encoding) */
  bytes: Buffer;
}

interface Compiled extends RouteSpec {
  method: string;
  pattern: RegExp;
  names: string[];
}

export class ArtifactGateway {
  private readonly compiled: Compiled[];
  /** route keys that were called, for the coverage line of the report */
  readonly called = new Set<string>();

  constructor(
    routes: RouteSpec[],
    private readonly functionOf: (logicalId: string) => ArtifactFunction,
  ) {
    this.compiled = routes.map((r) => {
      const [method, path] = r.routeKey.split(' ') as [string, string];
      const names: string[] = [];
      const pattern = new RegExp(
        `^${path.replace(/\{(\w+)\}/g, (_, n: string) => {
          names.push(n);
          return '([^/]+)';
        })}$`,
      );
      return { ...r, method, pattern, names };
    });
  }

  /** Sends one request as `username` (null: no token); JSON bodies are parsed. */
  async request<T = any>(
    username: string | null,
    method: string,
    path: string,
    body?: unknown,
    opts: { query?: Record<string, string>; rawBody?: string; headers?: Record<string, string> } = {},
  ): Promise<GatewayAnswer<T>> {
    const route = this.compiled.find((r) => r.method === method && r.pattern.test(path));
    if (!route) throw new Error(`no route ${method} ${path} in the synthesized template`);
    const m = route.pattern.exec(path)!;
    const params = Object.fromEntries(route.names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)]));
    const headers: Record<string, string> = { 'content-type': 'application/json', 'accept-language': 'en', ...opts.headers };
    if (method === 'POST' && !headers['idempotency-key']) headers['idempotency-key'] = `artifact-${randomUUID()}`;
    if (route.authorization === 'JWT') {
      if (!username) return { status: 401, headers: {}, body: { message: 'Unauthorized' } as T, bytes: Buffer.from('{"message":"Unauthorized"}') };
      headers.authorization = 'Bearer (verified by the JWT authorizer)';
    }
    const now = new Date();
    const seconds = Math.floor(now.getTime() / 1000);
    const claims = username
      ? { sub: username, username, token_use: 'access', scope: 'openid profile', client_id: 'artifact-web', iss: 'https://cognito-idp.local/pool', iat: String(seconds), exp: String(seconds + 3600) }
      : {};
    const event = {
      version: '2.0',
      routeKey: route.routeKey,
      rawPath: path,
      rawQueryString: new URLSearchParams(opts.query ?? {}).toString(),
      headers,
      ...(opts.query && Object.keys(opts.query).length ? { queryStringParameters: opts.query } : {}),
      ...(Object.keys(params).length ? { pathParameters: params } : {}),
      requestContext: {
        accountId: '000000000000',
        apiId: 'artifacts',
        domainName: 'artifacts.execute-api.local',
        domainPrefix: 'artifacts',
        http: { method, path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'artifact-test' },
        requestId: randomUUID(),
        routeKey: route.routeKey,
        stage: '$default',
        time: now.toUTCString(),
        timeEpoch: now.getTime(),
        ...(route.authorization === 'JWT' ? { authorizer: { jwt: { claims, scopes: null }, principalId: '', integrationLatency: 0 } } : {}),
      },
      ...(opts.rawBody !== undefined ? { body: opts.rawBody } : body !== undefined ? { body: JSON.stringify(body) } : {}),
      isBase64Encoded: false,
    };
    this.called.add(route.routeKey);
    const fn = this.functionOf(route.target);
    const result = await fn.invoke<{ statusCode?: number; headers?: Record<string, string>; body?: string; isBase64Encoded?: boolean }>(event);
    const status = result.statusCode ?? 200;
    const answerHeaders = result.headers ?? {};
    const isJson = (answerHeaders['content-type'] ?? '').startsWith('application/json');
    const bytes = Buffer.from(result.body ?? '', result.isBase64Encoded ? 'base64' : 'utf8');
    const text = bytes.toString('utf8');
    if (status >= 500) throw new Error(`${fn.spec.name}: ${method} ${path} answered ${status}: ${text}\n${fn.recentLog()}`);
    const encoded = answerHeaders['content-encoding'] !== undefined;
    return { status, headers: answerHeaders, body: (text && isJson && !encoded ? JSON.parse(text) : text) as T, bytes };
  }

  as(username: string) {
    return {
      get: <T = any>(path: string, query?: Record<string, string>) => this.request<T>(username, 'GET', path, undefined, query ? { query } : {}),
      post: <T = any>(path: string, body?: unknown) => this.request<T>(username, 'POST', path, body),
    };
  }
}
