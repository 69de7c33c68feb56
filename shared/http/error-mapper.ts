/**
 * The one place where errors become HTTP answers. Domain errors and our own request
 * errors are shown to the caller; anything else is a 500 that says nothing about internals.
 * Every answer carries the `code`, the `field`, the `rule` and structured `params`; its
 * `message` is written in the caller's language from the parts of the catalogue the function
 * bundles (`shared/i18n/errors-<area>.ts`, always `errors-request.ts`), or in English as
 * thrown when none of them has an entry for it.
 */
import type { APIGatewayProxyStructuredResultV2 as APIGatewayProxyResultV2 } from 'aws-lambda';
import { ConcurrentChange, Conflict, DomainError, Forbidden, NotFound, ServiceUnavailable, StaffInactive, StaffUnknown, Unauthenticated, ValidationFailed } from '../domain/errors.ts';
import { textFrom, type ErrorParams, type MessageTable } from '../i18n/catalogue.ts';
import { REQUEST_ERRORS } from '../i18n/errors-request.ts';
import { fieldLabel } from '../i18n/fields.ts';
import { DEFAULT_LANG, type Lang } from '../i18n/lang.ts';
import type { FieldProblem } from '../i18n/zod.ts';
import { logger } from '../logger.ts';

const STATUS: [abstract new (...args: never[]) => DomainError, number][] = [
  [ValidationFailed, 422],
  [Unauthenticated, 401],
  [Forbidden, 403],
  [StaffUnknown, 403],
  [StaffInactive, 403],
  [NotFound, 404],
  [Conflict, 409],
  [ConcurrentChange, 409],
  [ServiceUnavailable, 503],
];

const statusOf = (error: DomainError) => STATUS.find(([type]) => error instanceof type)?.[1] ?? 400;

/** A problem with the request itself (bad JSON, schema violation, too large): a 4xx named by its code. */
export class RequestError extends Error {
  constructor(
    readonly status: 400 | 404 | 405 | 413 | 415,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly details?: FieldProblem[],
    readonly detail: { rule?: string; params?: ErrorParams } = {},
  ) {
    super(message);
  }
}

/**
 * The message in `lang`: in Chinese and Tibetan the catalogue's sentence for the rule (or
 * code). In English, a problem with what was typed (a request that breaks its schema, a
 * refused value: `forPeople`) is the catalogue's sentence too — amounts in yuan, fields by their
 * form labels, as a visitor reads it; other refusals keep the message as thrown, which names
 * records by their ids for developers. A rule the catalogue does not know keeps the English message.
 */
function render(messages: readonly MessageTable[], key: string, params: ErrorParams, lang: Lang, field: string | undefined, english: string, forPeople = false): string {
  if (lang === 'en' && !forPeople) return english;
  const text = textFrom(messages, key, params, lang, field) ?? english;
  if (lang !== 'en' || !field) return text;
  // a visitor reading English learns which box of the form is meant, by its label
  const label = fieldLabel(field, 'en');
  return text.includes(label) ? text : `${label}: ${text}`;
}

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): APIGatewayProxyResultV2 {
  return {
    statusCode: status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
    body: JSON.stringify(body),
  };
}

/** The answer to `error` in `lang`; `messages`: the parts of the catalogue the function bundles besides `errors-request.ts`. */
export function errorResponse(error: unknown, lang: Lang = DEFAULT_LANG, messages: readonly MessageTable[] = []): APIGatewayProxyResultV2 {
  const tables = [REQUEST_ERRORS, ...messages];
  const headers = { 'content-language': lang, vary: 'Accept-Language' };
  if (error instanceof RequestError) {
    const details = error.details?.map((d) => ({ field: d.field, rule: d.rule, params: d.params, message: render(tables, d.rule, d.params, lang, d.field, `${d.field} ${d.message}`, true) }));
    const first = details?.[0];
    const rule = first?.rule ?? error.detail.rule;
    const params = first?.params ?? error.detail.params ?? {};
    const message = first?.message ?? render(tables, rule ?? error.code, params, lang, error.field, error.message, true);
    return jsonResponse(
      error.status,
      { error: { code: error.code, ...(rule ? { rule } : {}), message, ...(error.field ? { field: error.field } : {}), params, ...(details ? { details } : {}) } },
      headers,
    );
  }
  if (error instanceof DomainError) {
    const status = statusOf(error);
    if (status >= 500) logger.warn('dependency unavailable', { code: error.code });
    const english = error.field ? `${error.field} ${error.message}` : error.message;
    const message = render(tables, error.rule ?? error.code, error.params, lang, error.field, english, error instanceof ValidationFailed);
    const body = { code: error.code, ...(error.rule ? { rule: error.rule } : {}), message, ...(error.field ? { field: error.field } : {}), params: error.params };
    return jsonResponse(status, { error: body }, { ...headers, ...(status === 503 ? { 'retry-after': '2' } : {}) });
  }
  logger.error('unhandled error', { error: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error) });
  return jsonResponse(500, { error: { code: 'internal', message: render(tables, 'internal', {}, lang, undefined, 'internal error; the request may be retried'), params: {} } }, headers);
}
