/**
 * Turns a function's table of actions into a Lambda handler for API Gateway (HTTP API,
 * payload v2). For each request: find the route in the route table, authenticate and
 * authorize, parse and validate the input against the route's schemas, replay an
 * idempotent request, run the action (a use case), map the result or the error.
 */
import { clockNow } from '../clock.ts';
import { createHash } from 'node:crypto';
import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type * as z from 'zod/mini';
import type { Caller } from '../domain/roles.ts';
import { ConcurrentChange, Conflict, DomainError, ServiceUnavailable } from '../domain/errors.ts';
import type { BodyIn, FunctionName, KeysServedBy, QueryIn, ResponseIn, RouteSpec, RouteTable } from '../routes/spec.ts';
import { codePointName, hiddenCharacter } from '../domain/text-rules.ts';
import { idempotencyRecord, replayOf, type IdempotencyRecord } from '../store/idempotency.ts';
import { retryOnConcurrentChange } from '../store/transaction.ts';
import { contextFor, type Context } from '../usecases/context.ts';
import { assertRole, callerFrom } from './auth.ts';
import { FileResult } from './csv.ts';
import { PrecompressedAnswer } from './precompressed.ts';
import { errorResponse, jsonResponse, RequestError } from './error-mapper.ts';
import type { MessageTable } from '../i18n/catalogue.ts';
import { addFieldLabels, type FieldLabels } from '../i18n/fields.ts';
import { languageOf } from '../i18n/lang.ts';
import { fieldProblems } from '../i18n/zod.ts';
import { logger } from '../logger.ts';
import { loadMotherKey } from '../store/mother-key.ts';

/** Largest request body accepted, in bytes. */
export const MAX_BODY_BYTES = 64 * 1024;

export type Event = APIGatewayProxyEventV2WithJWTAuthorizer;

type IsPublic<S> = S extends { roles: readonly unknown[] } ? false : true;

/** What the action of a route (spec `S`) is given. */
export interface ActionRequest<S> {
  ctx: IsPublic<S> extends true ? Omit<Context, 'caller'> & { caller?: Caller } : Context;
  params: Record<string, string>;
  body: BodyIn<S>;
  query: QueryIn<S>;
}

/** An action answers with its route's response shape (checked by the type-check), a file (CSV), or an answer kept compressed. */
export type Action<S> = (request: ActionRequest<S>) => Promise<ResponseIn<S> | FileResult | PrecompressedAnswer>;
/** One action for every route of table `T` that function `F` serves. */
export type Actions<T, F extends FunctionName> = { [K in KeysServedBy<T, F>]: Action<T[K]> };

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,128}$/;

function validate(schema: z.ZodMiniType | undefined, input: unknown, where: 'body' | 'query'): unknown {
  if (!schema) return undefined;
  // a valid request is parsed once on zod's fast path; only a refused one is parsed again with reportInput
  // (the rule of a type error depends on whether the value was missing; never echoed to the caller), which is about twice as slow
  const valid = schema.safeParse(input);
  if (valid.success) return valid.data;
  const parsed = schema.safeParse(input, { reportInput: true });
  if (parsed.success) return parsed.data;
  const details = fieldProblems(parsed.error, where);
  const first = details[0]!;
  throw new RequestError(400, 'invalid_request', `${first.field} ${first.message}`, first.field, details);
}

function parseBody(event: Event, spec: RouteSpec): unknown {
  if (!spec.body) return undefined;
  const raw = event.body ?? '';
  let text = raw;
  if (event.isBase64Encoded) {
    try {
      text = STRICT_UTF8.decode(Buffer.from(raw, 'base64'));
    } catch {
      throw new RequestError(400, 'invalid_encoding', 'the request body is not valid UTF-8 text', 'body');
    }
  }
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
  const files = new Set(spec.fileFields ?? []);
  assertReadableText(Object.fromEntries(Object.entries(json).filter(([k]) => !files.has(k))), []);
  return validate(spec.body, json, 'body');
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Text that is not what a reader sees (`hiddenCharacter`, shared/domain/text-rules.ts, the
 * same deny-list the schemas' text fields and the imports use): U+FFFD (bytes that were not
 * UTF-8, replaced on the way), every format character (text-direction marks, overrides and
 * isolates) and every default-ignorable character (zero-width space and joiners, invisible
 * operators, variation selectors, the combining grapheme joiner, Hangul fillers, tags, soft
 * hyphen, a byte-order mark after the start). Tibetan and Chinese need none of them.
 */
/** Deepest nesting of a request body a schema could want (deeper bodies are refused, never walked). */
const MAX_DEPTH = 32;

/** Refuses, naming the field, any string of the body that holds hidden or replaced characters (walked without recursion). */
function assertReadableText(body: unknown, root: (string | number)[]): void {
  const pending: { value: unknown; path: (string | number)[] }[] = [{ value: body, path: root }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, path } = next;
    if (path.length > MAX_DEPTH) {
      const field = String(path[0]);
      throw new RequestError(400, 'invalid_request', `${field} is nested more than ${MAX_DEPTH} levels deep`, field);
    }
    if (typeof value === 'string') {
      const found = hiddenCharacter(value);
      if (!found) continue;
      const field = path.length ? path.join('.') : 'body';
      const code = codePointName(found);
      const replaced = found === '\uFFFD';
      const what = replaced ? 'bytes that are not valid UTF-8' : 'an invisible or text-direction control character';
      throw new RequestError(
        400,
        replaced ? 'invalid_encoding' : 'invalid_request',
        `${field} contains ${what} (${code}); type the text again`,
        field,
        undefined,
        replaced ? {} : { rule: 'hidden_characters', params: { codePoint: code } },
      );
    }
    if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) pending.push({ value: v, path: [...path, i] });
    } else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) pending.push({ value: v, path: [...path, k] });
  }
}

function idempotencyOf(event: Event, spec: RouteSpec, routeKey: string, caller: Caller, params: Record<string, string>): IdempotencyRecord | undefined {
  const key = event.headers?.['idempotency-key'];
  if (!key) {
    if (spec.idempotencyKey === 'required')
      throw new RequestError(400, 'idempotency_key_required', 'Idempotency-Key header is required: this request moves money and must be safe to retry', 'Idempotency-Key');
    return undefined;
  }
  if (!spec.idempotencyKey) return undefined;
  if (!IDEMPOTENCY_KEY.test(key))
    throw new RequestError(400, 'invalid_request', 'Idempotency-Key must be 8-128 letters, digits or ._:-', 'Idempotency-Key', undefined, { rule: 'idempotency_key_format' });
  const scope = `${caller.userId}|${routeKey}|${JSON.stringify(params)}|${key}`;
  const requestHash = createHash('sha256')
    .update(event.body ?? '')
    .digest('hex');
  return idempotencyRecord(scope, requestHash, routeKey, params);
}

/**
 * The Lambda handler serving the routes of function `fn`: `routes` is the function's own
 * route table (`shared/routes/<function>.ts`, or several spread together), never the whole
 * `ROUTES`, so that the function's bundle holds only its own schemas; `messages` are the
 * parts of the error catalogue its refusals need besides `errors-request.ts` (which every
 * function has); `test/infra/bundles.test.ts` names any rule a function can throw that its
 * parts lack. `labels` are the area parts of the field labels (`shared/i18n/fields-<area>.ts`)
 * its refusals may name besides the common ones of `fields.ts`; the same test names any field of
 * its request schemas whose label is missing.
 */
export function lambdaHandler<const T extends RouteTable, F extends FunctionName>(
  fn: F,
  routes: T,
  actions: Actions<T, F>,
  messages: readonly MessageTable[] = [],
  labels: readonly FieldLabels[] = [],
) {
  addFieldLabels(labels);
  const table = actions as unknown as Record<string, Action<RouteSpec>>;

  async function answer(event: Event): Promise<APIGatewayProxyStructuredResultV2> {
    const lang = languageOf(event.headers?.['accept-language']);
    try {
      await loadMotherKey();
      const routeKey = event.routeKey;
      const spec: RouteSpec | undefined = Object.hasOwn(routes, routeKey) ? routes[routeKey] : undefined;
      const action = table[routeKey];
      if (!spec || spec.fn !== fn || !action) throw new RequestError(404, 'no_route', `no route ${event.routeKey} in function ${fn}`);
      const params = pathParams(event);
      const caller = spec.roles ? await authorize(event, spec.roles, routeKey) : undefined;
      const body = parseBody(event, spec);
      const query = validate(spec.query, event.queryStringParameters ?? {}, 'query');
      const idempotency = caller ? idempotencyOf(event, spec, routeKey, caller, params) : undefined;
      const status = spec.status ?? 200;
      const earlier = idempotency ? await replayOf(idempotency) : undefined;
      if (earlier !== undefined) return jsonResponse(status, earlier, REPLAYED);
      const ctx = { ...contextFor(caller!, clockNow(), idempotency), caller, lang };
      let attempt = 0;
      let replayed = false;
      let result: unknown;
      try {
        result = await retryOnConcurrentChange(async () => {
          // a retry after a conflict first looks for the answer a concurrent duplicate already stored
          const replay = attempt++ > 0 && idempotency ? await replayOf(idempotency) : undefined;
          if (replay !== undefined) replayed = true;
          return replay ?? action({ ctx: ctx as Context, params, body: body as never, query: query as never });
        });
      } catch (error) {
        // the same key sent at the same moment: whichever request lost gets the winner's answer, never another error
        const stored = idempotency ? await answerOfConcurrentDuplicate(idempotency, error) : undefined;
        if (stored === undefined) throw error;
        return jsonResponse(status, stored, REPLAYED);
      }
      if (result instanceof FileResult) return fileResponse(result);
      if (result instanceof PrecompressedAnswer) return result.response(event.headers?.['accept-encoding']);
      return jsonResponse(status, result, replayed || idempotency?.replayed ? REPLAYED : {});
    } catch (error) {
      return errorResponse(error, lang, messages);
    }
  }

  // near the function's timeout, answer a clear 503 instead of being cut off without a word
  const timeoutEarlyResponse = () =>
    errorResponse(new ServiceUnavailable('the request took too long and was stopped; nothing half-written is kept, please retry', undefined, { rule: 'timed_out' }), undefined, messages) as never;
  const handler = middy<Event, APIGatewayProxyStructuredResultV2>({ timeoutEarlyInMillis: 500, timeoutEarlyResponse })
    .use(httpHeaderNormalizer())
    .handler(async (event) => {
      const started = Date.now();
      const result = await answer(event);
      logger.info('request', { routeKey: event.routeKey, status: result.statusCode, ms: Date.now() - started });
      return result;
    });
  // what the bundle test reads: the catalogue parts this function answers with
  return Object.assign(handler, { messages, labels });
}

const REPLAYED = { 'idempotent-replayed': 'true' };

/**
 * After a refusal of a request with an Idempotency-Key: the answer a concurrent request
 * with the same key stored meanwhile, if any. Its transaction may still be landing when the
 * refusal comes (a conflict caused by it), so a conflict looks again a few times.
 */
async function answerOfConcurrentDuplicate(idempotency: IdempotencyRecord, error: unknown): Promise<unknown> {
  if (!(error instanceof DomainError) || error instanceof ServiceUnavailable) return undefined;
  const looks = error instanceof Conflict || error instanceof ConcurrentChange ? 4 : 1;
  for (let look = 0; look < looks; look++) {
    if (look > 0) await new Promise((resolve) => setTimeout(resolve, 40 * look));
    const stored = await replayOf(idempotency);
    if (stored !== undefined) return stored;
  }
  return undefined;
}

/** Path ids are record ids (ULIDs); anything else cannot name a record. */
const RECORD_ID = /^[0-9A-Z]{26}$/;
function pathParams(event: Event): Record<string, string> {
  const params = (event.pathParameters ?? {}) as Record<string, string>;
  for (const [name, value] of Object.entries(params)) {
    if (!RECORD_ID.test(value))
      throw new RequestError(404, 'not_found', `${name} "${value.slice(0, 40)}" is not a record id; no such record`, name, undefined, { rule: 'not_a_record_id', params: { name } });
  }
  return params;
}

function fileResponse(file: FileResult): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: 200,
    headers: { 'content-type': file.contentType, 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`, 'cache-control': 'no-store' },
    body: file.body,
    ...(file.encoding === 'base64' ? { isBase64Encoded: true } : {}),
  };
}

async function authorize(event: Event, roles: RouteSpec['roles'] & {}, routeKey: string): Promise<Caller> {
  const caller = await callerFrom(event);
  assertRole(caller, roles, routeKey);
  return caller;
}
