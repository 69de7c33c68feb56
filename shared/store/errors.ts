/** Turns SDK failures that mean "DynamoDB is unreachable" into a retryable domain error. */
import { ServiceUnavailable } from '../domain/errors.ts';

const UNAVAILABLE_NAMES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'TimeoutError',
  'ServiceUnavailable',
  'InternalServerError',
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
]);

export function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const e = error as Error & { code?: string; $metadata?: { httpStatusCode?: number }; cause?: unknown };
  if (UNAVAILABLE_NAMES.has(e.name) || (e.code && UNAVAILABLE_NAMES.has(e.code))) return true;
  if ((e.$metadata?.httpStatusCode ?? 0) >= 500) return true;
  return e.cause !== undefined && isUnavailable(e.cause);
}

export async function guardUnavailable<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (isUnavailable(error)) throw new ServiceUnavailable('the database is not reachable right now; nothing was changed, please retry');
    throw error;
  }
}
