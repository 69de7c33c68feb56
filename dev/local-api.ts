/**
 * The API as API Gateway would run it, in one process: match the route table, verify the
 * bearer token like the JWT authorizer, build an HTTP API (payload v2) event and invoke
 * the same Lambda handler module that AWS runs. Used by the dev server and the tests.
 */
import { errorText } from '../shared/i18n/errors.ts';
import { languageOf } from '../shared/i18n/lang.ts';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import { ResponseContractBroken, responseProblems } from '../shared/http/response-contract.ts';
import { ROUTES, splitRouteKey, timeoutSecondsOf, type FunctionName, type RouteKey } from '../shared/routes.ts';
import type { TokenIssuer } from './tokens.ts';

export interface LocalRequest {
  method: string;
  path: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: string;
  /** the body is base64 (bytes that are not UTF-8 text) */
  isBase64Encoded?: boolean;
}

export interface LocalResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** the body is binary, base64-encoded (as API Gateway receives it from Lambda) */
  isBase64Encoded?: boolean;
}

type Handler = (event: APIGatewayProxyEventV2WithJWTAuthorizer, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

const compiled = (Object.keys(ROUTES) as RouteKey[]).map((key) => {
  const { method, path } = splitRouteKey(key);
  const names: string[] = [];
  const pattern = new RegExp(
    `^${path.replace(/\{(\w+)\}/g, (_, name: string) => {
      names.push(name);
      return '([^/]+)';
    })}$`,
  );
  return { key, method, pattern, names };
});

export function matchRoute(method: string, path: string): { key: RouteKey; params: Record<string, string> } | 'method_not_allowed' | undefined {
  let pathMatched = false;
  for (const route of compiled) {
    const m = route.pattern.exec(path);
    if (!m) continue;
    pathMatched = true;
    if (route.method !== method) continue;
    const params = Object.fromEntries(route.names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)]));
    return { key: route.key, params };
  }
  return pathMatched ? 'method_not_allowed' : undefined;
}

const handlers = new Map<FunctionName, Promise<Handler>>();
function handlerOf(fn: FunctionName): Promise<Handler> {
  if (!handlers.has(fn))
    handlers.set(
      fn,
      import(`../functions/${fn}/handler.ts`).then((m: { handler: Handler }) => m.handler),
    );
  return handlers.get(fn)!;
}

const json = (status: number, body: unknown): LocalResponse => ({ status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(body) });

/** API Gateway's own refusals (no route, no token), in the caller's language as the functions answer. */
function refusal(status: number, code: string, english: string, acceptLanguage: string | undefined): LocalResponse {
  const lang = languageOf(acceptLanguage);
  const message = lang === 'en' ? english : (errorText(code, {}, lang) ?? english);
  return { ...json(status, { error: { code, message, params: {} } }), headers: { 'content-type': 'application/json; charset=utf-8', 'content-language': lang } };
}

/** A Lambda context with the function's own timeout, as the stack configures it. */
function lambdaContext(fn: FunctionName): Context {
  const deadline = Date.now() + timeoutSecondsOf(fn) * 1000;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: `local-${fn}`,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:local-${fn}`,
    memoryLimitInMB: '512',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/local-${fn}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => deadline - Date.now(),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

export interface LocalApiOptions {
  /** check every JSON answer against its route's response schema and throw on a mismatch (the tests set RESPONSE_CONTRACT=strict) */
  checkResponses?: boolean;
}

export class LocalApi {
  readonly checkResponses: boolean;

  constructor(
    readonly tokens: TokenIssuer,
    opts: LocalApiOptions = {},
  ) {
    this.checkResponses = opts.checkResponses ?? process.env.RESPONSE_CONTRACT === 'strict';
  }

  async handle(req: LocalRequest): Promise<LocalResponse> {
    const headers = Object.fromEntries(Object.entries(req.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    const matched = matchRoute(req.method, req.path);
    const lang = headers['accept-language'];
    if (matched === undefined) return refusal(404, 'no_route', `no route ${req.method} ${req.path}`, lang);
    if (matched === 'method_not_allowed') return refusal(405, 'method_not_allowed', `${req.method} is not allowed on ${req.path}`, lang);
    const spec = ROUTES[matched.key];
    let claims: Record<string, unknown> | undefined;
    if ('roles' in spec) {
      const token = /^Bearer (.+)$/i.exec(headers.authorization ?? '')?.[1];
      claims = token ? await this.tokens.verify(token) : undefined;
      if (!claims) return refusal(401, 'unauthenticated', token ? 'the bearer token is invalid or expired' : 'a bearer token is required (Authorization: Bearer …)', lang);
    }
    const now = new Date();
    const rawQueryString = new URLSearchParams(req.query ?? {}).toString();
    const event = {
      version: '2.0',
      routeKey: matched.key,
      rawPath: req.path,
      rawQueryString,
      headers,
      ...(req.query && Object.keys(req.query).length ? { queryStringParameters: req.query } : {}),
      ...(Object.keys(matched.params).length ? { pathParameters: matched.params } : {}),
      requestContext: {
        accountId: '000000000000',
        apiId: 'local',
        domainName: 'localhost',
        domainPrefix: 'localhost',
        http: { method: req.method, path: req.path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: headers['user-agent'] ?? '' },
        requestId: randomUUID(),
        routeKey: matched.key,
        stage: '$default',
        time: now.toUTCString(),
        timeEpoch: now.getTime(),
        authorizer: { jwt: { claims: claims ?? {}, scopes: null }, principalId: '', integrationLatency: 0 },
      },
      body: req.body,
      isBase64Encoded: req.isBase64Encoded ?? false,
    } as unknown as APIGatewayProxyEventV2WithJWTAuthorizer;
    const handler = await handlerOf(spec.fn);
    const result = await handler(event, lambdaContext(spec.fn));
    const answer = {
      status: result.statusCode ?? 200,
      headers: (result.headers ?? {}) as Record<string, string>,
      body: typeof result.body === 'string' ? result.body : '',
      ...(result.isBase64Encoded ? { isBase64Encoded: true } : {}),
    };
    if (this.checkResponses) this.assertContract(matched.key, answer);
    return answer;
  }

  /** Throws when a JSON answer does not match its route's response schema (or an error lacks the error body). */
  private assertContract(key: RouteKey, answer: LocalResponse): void {
    if (!(answer.headers['content-type'] ?? '').startsWith('application/json')) return;
    const problems = responseProblems(key, answer.status, answer.body ? JSON.parse(answer.body) : undefined);
    if (!problems.length) return;
    const broken = new ResponseContractBroken(key, answer.status, problems);
    console.error(broken.message);
    throw broken;
  }
}
