/**
 * The one place where errors become HTTP answers. Domain errors and our own request
 * errors are shown to the caller; anything else is a 500 that says nothing about internals.
 */
import type { APIGatewayProxyStructuredResultV2 as APIGatewayProxyResultV2 } from 'aws-lambda';
import {
  ConcurrentChange,
  Conflict,
  DomainError,
  Forbidden,
  NotFound,
  ServiceUnavailable,
  StaffInactive,
  StaffUnknown,
  Unauthenticated,
  ValidationFailed,
} from '../domain/errors.ts';
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
    readonly details?: { field: string; message: string }[],
  ) {
    super(message);
  }
}

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): APIGatewayProxyResultV2 {
  return {
    statusCode: status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
    body: JSON.stringify(body),
  };
}

export function errorResponse(error: unknown): APIGatewayProxyResultV2 {
  if (error instanceof RequestError) {
    return jsonResponse(error.status, { error: { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}), ...(error.details ? { details: error.details } : {}) } });
  }
  if (error instanceof DomainError) {
    const status = statusOf(error);
    if (status >= 500) logger.warn('dependency unavailable', { code: error.code });
    return jsonResponse(status, { error: { code: error.code, message: error.field ? `${error.field} ${error.message}` : error.message, ...(error.field ? { field: error.field } : {}) } }, status === 503 ? { 'retry-after': '2' } : {});
  }
  logger.error('unhandled error', { error: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error) });
  return jsonResponse(500, { error: { code: 'internal', message: 'internal error; the request may be retried' } });
}
