/**
 * Turns a function's table of actions into a Lambda handler for API Gateway (HTTP API,
 * payload v2). For each request: find the route in the route table, authenticate and
 * authorize, parse and validate the input against the route's schemas, replay an
 * idempotent request, run the action (a use case), map the result or the error.
 */
import { createHash } from 'node:crypto';
import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { z } from 'zod';
import type { Caller } from '../domain/roles.ts';
import { ServiceUnavailable } from '../domain/errors.ts';
import { ROUTES, type BodyOf, type FunctionName, type QueryOf, type ResponseOf, type RouteKey, type RoutesOf, type RouteSpec } from '../routes.ts';
import { replayOf, retryOnConcurrentChange, type IdempotencyRecord } from '../store/transaction.ts';
import { contextFor, type Context } from '../usecases/context.ts';
import { assertRole, callerFrom } from './auth.ts';
import { FileResult } from './csv.ts';
import { errorResponse, jsonResponse, RequestError } from './error-mapper.ts';
import { languageOf } from '../i18n/lang.ts';
import { fieldProblems } from '../i18n/zod.ts';
import { logger } from '../logger.ts';

/** Largest request body accepted, in bytes. */
export const MAX_BODY_BYTES = 64 * 1024;

export type Event = APIGatewayProxyEventV2WithJWTAuthorizer;

type IsPublic<K extends RouteKey> = (typeof ROUTES)[K] extends { roles: readonly unknown[] } ? false : true;

export interface ActionRequest<K extends RouteKey> {
  ctx: IsPublic<K> extends true ? Omit<Context, 'caller'> & { caller?: Caller } : Context;
  params: Record<string, string>;
  body: BodyOf<K>;
  query: QueryOf<K>;
}

/** An action answers with its route's response shape (checked by the type-check), or a file (CSV). */
export type Action<K extends RouteKey> = (request: ActionRequest<K>) => Promise<ResponseOf<K> | FileResult>;
export type Actions<F extends FunctionName> = { [K in RoutesOf<F>]: Action<K> };

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,128}$/;

function validate(schema: z.ZodType | undefined, input: unknown, where: 'body' | 'query'): unknown {
  if (!schema) return undefined;
  // reportInput: the rule of a type error depends on whether the value was missing (never echoed to the caller)
  const parsed = schema.safeParse(input, { reportInput: true });
  if (parsed.success) return parsed.data;
  const details = fieldProblems(parsed.error, where);
  const first = details[0]!;
  throw new RequestError(400, 'invalid_request', `${first.field} ${first.message}`, first.field, details);
}

function parseBody(event: Event, spec: RouteSpec): unknown {
  if (!spec.body) return undefined;
  const raw = event.body ?? '';
  const text = event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
  const limit = spec.maxBodyBytes ?? MAX_BODY_BYTES;
  if (Buffer.byteLength(text, 'utf8') > limit) throw new RequestError(413, 'payload_too_large', `the request body must be at most ${limit} bytes`, 'body', undefined, { params: { maxBytes: limit } });
  if (!text.trim()) throw new RequestError(400, 'invalid_json', 'the request body must be a JSON object', 'body');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new RequestError(400, 'invalid_json', 'the request body is not valid JSON', 'body');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new RequestError(400, 'invalid_json', 'the request body must be a JSON object', 'body');
  return validate(spec.body, json, 'body');
}

function idempotencyOf(event: Event, spec: RouteSpec, routeKey: RouteKey, caller: Caller, params: Record<string, string>): IdempotencyRecord | undefined {
  const key = event.headers?.['idempotency-key'];
  if (!key) {
    if (spec.idempotencyKey === 'required')
      throw new RequestError(400, 'idempotency_key_required', 'Idempotency-Key header is required: this request moves money and must be safe to retry', 'Idempotency-Key');
    return undefined;
  }
  if (!spec.idempotencyKey) return undefined;
  if (!IDEMPOTENCY_KEY.test(key)) throw new RequestError(400, 'invalid_request', 'Idempotency-Key must be 8-128 letters, digits or ._:-', 'Idempotency-Key', undefined, { rule: 'idempotency_key_format' });
  const scope = `${caller.userId}|${routeKey}|${JSON.stringify(params)}|${key}`;
  const requestHash = createHash('sha256').update(event.body ?? '').digest('hex');
  return { scope, requestHash };
}

/** The Lambda handler serving the routes of function `fn`. */
export function lambdaHandler<F extends FunctionName>(fn: F, actions: Actions<F>) {
  const table = actions as Record<string, Action<RouteKey>>;

  async function answer(event: Event): Promise<APIGatewayProxyStructuredResultV2> {
    const lang = languageOf(event.headers?.['accept-language']);
    try {
      const routeKey = event.routeKey as RouteKey;
      const spec: RouteSpec | undefined = ROUTES[routeKey];
      const action = table[routeKey];
      if (!spec || spec.fn !== fn || !action) throw new RequestError(404, 'no_route', `no route ${event.routeKey} in function ${fn}`);
      const params = pathParams(event);
      const caller = spec.roles ? authorize(event, spec.roles, routeKey) : undefined;
      const body = parseBody(event, spec);
      const query = validate(spec.query, event.queryStringParameters ?? {}, 'query');
      const idempotency = caller ? idempotencyOf(event, spec, routeKey, caller, params) : undefined;
      const status = spec.status ?? 200;
      const earlier = idempotency ? await replayOf(idempotency) : undefined;
      if (earlier !== undefined) return jsonResponse(status, earlier, { 'idempotent-replayed': 'true' });
      const ctx = { ...contextFor(caller!, new Date(), idempotency), caller, lang };
      let attempt = 0;
      const result = await retryOnConcurrentChange(async () => {
        // a retry after a conflict first looks for the answer a concurrent duplicate already stored
        const replay = attempt++ > 0 && idempotency ? await replayOf(idempotency) : undefined;
        return replay ?? action({ ctx: ctx as Context, params, body: body as never, query: query as never });
      });
      if (result instanceof FileResult) return fileResponse(result);
      return jsonResponse(status, result);
    } catch (error) {
      return errorResponse(error, lang);
    }
  }

  // near the function's timeout, answer a clear 503 instead of being cut off without a word
  const timeoutEarlyResponse = () => errorResponse(new ServiceUnavailable('the request took too long and was stopped; nothing half-written is kept, please retry', undefined, { rule: 'timed_out' })) as never;
  return middy<Event, APIGatewayProxyStructuredResultV2>({ timeoutEarlyInMillis: 500, timeoutEarlyResponse })
    .use(httpHeaderNormalizer())
    .handler(async (event) => {
      const started = Date.now();
      const result = await answer(event);
      logger.info('request', { routeKey: event.routeKey, status: result.statusCode, ms: Date.now() - started, groups: event.requestContext?.authorizer?.jwt?.claims?.['cognito:groups'] });
      return result;
    });
}

/** Path ids are record ids (ULIDs); anything else cannot name a record. */
const RECORD_ID = /^[0-9A-Z]{26}$/;
function pathParams(event: Event): Record<string, string> {
  const params = (event.pathParameters ?? {}) as Record<string, string>;
  for (const [name, value] of Object.entries(params)) {
    if (!RECORD_ID.test(value)) throw new RequestError(404, 'not_found', `${name} "${value.slice(0, 40)}" is not a record id; no such record`, name, undefined, { rule: 'not_a_record_id', params: { name } });
  }
  return params;
}

function fileResponse(file: FileResult): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: 200,
    headers: { 'content-type': file.contentType, 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`, 'cache-control': 'no-store' },
    body: file.body,
  };
}

function authorize(event: Event, roles: RouteSpec['roles'] & {}, routeKey: RouteKey): Caller {
  const caller = callerFrom(event);
  assertRole(caller, roles, routeKey);
  return caller;
}
