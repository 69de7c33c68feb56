/**
 * The response contract, checked: does an answer the API gave match its route's response
 * schema? The tests switch this on for every request (`RESPONSE_CONTRACT=strict`, see
 * `dev/local-api.ts`), so an answer that lacks a field, has one of the wrong type, or
 * carries one the schema does not describe fails the test that provoked it.
 */
import { ErrorBody } from '../domain/responses/errors.ts';
import { ROUTES, type RouteKey, type RouteSpec } from '../routes.ts';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Paths of the keys in `sent` that parsing dropped from `kept`: fields the schema does not describe. */
function undocumented(sent: unknown, kept: unknown, path: string[] = []): string[] {
  if (Array.isArray(sent) && Array.isArray(kept)) return sent.flatMap((v, i) => undocumented(v, kept[i], [...path, String(i)]));
  if (isObject(sent) && isObject(kept)) return Object.entries(sent).flatMap(([k, v]) => (k in kept ? undocumented(v, kept[k], [...path, k]) : [[...path, k].join('.')]));
  return [];
}

/**
 * What is wrong with an answer of `routeKey` (empty when nothing): a success must come with
 * the route's status and match its `response` schema exactly (no field missing, none
 * undescribed); an error must have the error body `{ error: { code, message, … } }`.
 * Routes without a response schema yet are checked for status only.
 */
export function responseProblems(routeKey: RouteKey, status: number, body: unknown): string[] {
  const spec: RouteSpec = ROUTES[routeKey];
  if (status >= 400) {
    const parsed = ErrorBody.safeParse(body);
    return parsed.success ? [] : parsed.error.issues.map((i) => `error body ${i.path.join('.') || '(root)'}: ${i.message}`);
  }
  const expected = spec.status ?? 200;
  if (status !== expected) return [`status ${status}, but the route answers ${expected} on success`];
  if (!spec.response) return [];
  const parsed = spec.response.safeParse(body);
  if (!parsed.success) return parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  return undocumented(body, parsed.data).map((path) => `${path}: not described by the response schema`);
}

/** An answer that breaks its route's response schema (thrown in tests, never in production). */
export class ResponseContractBroken extends Error {
  constructor(
    readonly routeKey: RouteKey,
    readonly status: number,
    readonly problems: string[],
  ) {
    super(`${routeKey} answered ${status} outside its response schema:\n  ${problems.slice(0, 20).join('\n  ')}${problems.length > 20 ? `\n  … and ${problems.length - 20} more` : ''}`);
    this.name = 'ResponseContractBroken';
  }
}
